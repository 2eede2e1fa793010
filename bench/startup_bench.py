"""Start-up benchmark of the command line (not a test: it prints numbers).

Runs each command in a fresh interpreter, as a drafter does, REPEAT times, and prints the median
wall time beside ``python -c pass``; then runs it once more under ``python -X importtime`` and
prints how much of that was importing (every module's own import time, summed) and the packages
that cost most. The rest of the wall time is the command's own work (and, for
``render``, pandoc or LibreOffice where the format needs them: DOCX needs neither).

    .venv/bin/python bench/startup_bench.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"
DRAFTING = Path(sys.executable).parent / "drafting"  # the installed console script
LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \| *(\S+)")


def commands(out: Path) -> dict[str, list[str]]:
    run = [sys.executable, str(DRAFTING)]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "drafting --help": [*run, "--help"],
        "drafting schema": [*run, "schema"],
        "drafting check (1 example)": [*run, "check", str(EXAMPLE)],
        "drafting render (1 example, DOCX)": [*run, "render", str(EXAMPLE), "-o", str(out / "naskah.docx")],
    }


def wall(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def imports(argv: list[str]) -> tuple[float, list[tuple[float, str]]]:
    """Seconds spent importing, and the packages by their modules' own import time (the ``self``
    column, so that a package's time is not counted again in the one that imported it)."""
    result = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], capture_output=True, text=True, cwd=ROOT)
    by_package: dict[str, float] = {}
    for match in LINE.finditer(result.stderr):
        package = match.group(2).split(".")[0]
        by_package[package] = by_package.get(package, 0.0) + int(match.group(1)) / 1e6
    return sum(by_package.values()), sorted(((t, n) for n, t in by_package.items()), reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'command':36} {'wall':>8} {'imports':>8} {'rest':>8}   costliest imports")
    with tempfile.TemporaryDirectory() as tmp:
        for name, argv in commands(Path(tmp)).items():
            seconds = wall(argv, args.repeat)
            imported, top = imports(argv)
            costly = ", ".join(f"{n} {t * 1000:.0f}" for t, n in top[:5] if t >= 0.005)
            print(f"{name:36} {seconds * 1000:6.0f}ms {imported * 1000:6.0f}ms {(seconds - imported) * 1000:6.0f}ms"
                  f"   {costly}")
    print(f"(median of {args.repeat} runs; import times from one -X importtime run, in ms)")


if __name__ == "__main__":
    main()
