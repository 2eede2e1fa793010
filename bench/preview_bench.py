"""Benchmark of the web form's live preview (not a test: it prints numbers).

Posts the BPJS example to ``/api/preview`` N times through FastAPI's TestClient, as the page does
on every debounced keystroke, and prints the server's own time (the ``ms`` it reports) and the
round trip, as median, 95th percentile and maximum. The issue asks for under 300 ms per update.

    .venv/bin/python bench/preview_bench.py [-n 50]
"""

from __future__ import annotations

import argparse
import statistics
import time

from fastapi.testclient import TestClient

from drafting.web.app import create_app

EXAMPLE = "pks_bpjs_ketenagakerjaan_imigrasi"


def summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{name:<12} median {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms   max {ordered[-1]:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="previews to time (default 50)")
    args = parser.parse_args()

    client = TestClient(create_app(), base_url="http://127.0.0.1:8000")
    data = client.get(f"/api/examples/{EXAMPLE}").json()
    client.post("/api/preview", json=data)  # the first pandoc run warms the disk cache

    server, round_trip = [], []
    for i in range(args.n):
        data["parties"][0]["name"] = f"Badan Penyelenggara Jaminan Sosial Ketenagakerjaan {i}"  # a keystroke
        start = time.perf_counter()
        reply = client.post("/api/preview", json=data)
        round_trip.append((time.perf_counter() - start) * 1000)
        reply.raise_for_status()
        server.append(reply.json()["ms"])

    print(f"live preview of {EXAMPLE}, {args.n} updates")
    print(summary("server", server))
    print(summary("round trip", round_trip))


if __name__ == "__main__":
    main()
