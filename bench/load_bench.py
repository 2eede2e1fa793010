"""Load benchmark of the web form (not a test: it prints numbers).

Starts ``drafting serve`` as a real server (uvicorn, its worker pool) on a free local port, then
runs CLIENTS drafters at once, each editing the BPJS example and asking for its live preview as
the page does: a change, the page's 300 ms debounce, POST /api/preview, wait for the answer, the
next change. Prints the latency each drafter saw (p50, p95, max), the throughput and the load
average of the machine before and after, since on a shared machine that decides the numbers.
The issue's bound: p95 under 300 ms with 8 drafters on this 2-core machine.

    .venv/bin/python bench/load_bench.py [--clients 8] [--requests 30] [--think 0.3]

``--think 0`` sends each preview as soon as the last one came back: 8 clients flat out, a
saturation test rather than 8 people typing.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
WARM_UP = 3  # previews per client before timing: the workers' caches, the first pandoc runs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, folder: str) -> subprocess.Popen[bytes]:
    command = Path(sys.executable).parent / "drafting"  # the console script beside this Python
    server = subprocess.Popen([str(command), "serve", "--port", str(port)], cwd=folder, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/meta")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"server did not start: {server.stderr.read().decode() if server.stderr else ''}")


def session_cpu(session: int) -> float:
    """CPU seconds used so far by the server's session: the server, its fork server and workers,
    and (through the workers' reaped children) every pandoc they ran."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:  # field 6 of stat: the session id
            total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


def drafter(port: int, number: int, requests: int, think: float, latencies: list[float], server_ms: list[float],
            errors: list[str]) -> None:
    data = json.loads(json.dumps(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")), default=str))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for i in range(WARM_UP + requests):
        data["parties"][0]["name"] = f"Badan Penyelenggara Jaminan Sosial Ketenagakerjaan {number}-{i}"  # a keystroke
        data["scope"][0] = f"pertukaran data dan informasi ({number}.{i})"
        body = json.dumps(data).encode()
        time.sleep(think)
        start = time.perf_counter()
        conn.request("POST", "/api/preview", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        reply = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            errors.append(f"{response.status}: {reply[:200]!r}")
        elif i >= WARM_UP:
            latencies.append(elapsed)
            server_ms.append(json.loads(reply)["ms"])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=30, help="timed previews per client (default 30)")
    parser.add_argument("--think", type=float, default=0.3, help="seconds between an answer and the next "
                                                                 "request (default 0.3: the page's debounce)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        server = start_server(port, folder)
        try:
            load_before = os.getloadavg()
            cpu_before = session_cpu(server.pid)
            latencies: list[float] = []
            server_ms: list[float] = []
            errors: list[str] = []
            threads = [threading.Thread(target=drafter, args=(port, n, args.requests, args.think, latencies,
                                                              server_ms, errors)) for n in range(args.clients)]
            start = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - start
            load_after = os.getloadavg()
            cpu = session_cpu(server.pid) - cpu_before
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"{args.clients} drafters, {args.requests} timed previews each, {args.think * 1000:.0f} ms between an "
          f"answer and the next change; {os.cpu_count()} cores")
    if errors:
        print(f"errors: {len(errors)}, first: {errors[0]}")
    if latencies:
        print(f"round trip   p50 {statistics.median(latencies):6.0f} ms   p95 {percentile(latencies, 0.95):6.0f} ms"
              f"   max {max(latencies):6.0f} ms")
        print(f"in server    p50 {statistics.median(server_ms):6.0f} ms   p95 {percentile(server_ms, 0.95):6.0f} ms")
        print(f"throughput   {len(latencies) / wall:.1f} previews/s")
        per_preview = cpu / (args.clients * (WARM_UP + args.requests))
        print(f"server CPU   {per_preview * 1000:.0f} ms per preview (server, workers, pandoc): on idle cores at most "
              f"{(os.cpu_count() or 1) / per_preview:.0f} previews/s")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
