"""Benchmark of ``drafting batch`` (not a test: it prints numbers).

Builds a registry of N varied agreements (default 1,000) from the examples (parties, items, with
and without data exchange, terms, drafts), then measures, each in a fresh process, on the same
documents:

  naive     the old way, one process: input → build → a new DocxTemplate per document → write
  floor     zipping and writing the already-rendered DOCX parts, one process
  pipeline  what a batch worker does per document (input → build → render_docx → write), one
            process without a pool; its memory is sampled as the documents go by
  batch     ``run_batch`` on all cores (first run: every file written; second run: all unchanged);
            it runs the checks of ``render`` on every document, as the naive way does not

and prints documents per second, CPU milliseconds per document and peak memory (max RSS), the
ratios the issue asks for, then a per-stage split and a cProfile of the pipeline's documents.

Then PDF, on the first ``--pdf`` documents (default 40), all cores each time:

  one soffice per document   what ``render --format pdf`` does: a LibreOffice start per file
  one soffice per chunk      ``batch --format pdf`` with DRAFTING_BATCH_PDF=soffice: each worker
                             converts its chunk in one call
  long-lived converter       ``batch --format pdf``: one LibreOffice per worker kept running, fed
                             document after document through UNO (Debian's python3-uno)

    .venv/bin/python bench/batch_bench.py [-n 1000] [--profile 100] [--pdf 40]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from drafting import library
from drafting.assemble import assemble
from drafting.document import Document
from drafting.load import load_agreement, validate
from drafting.model import Agreement as Input
from drafting.numbering import number
from drafting.output import write_atomic
from drafting.pipeline import build, render
from drafting.registry.batch import run_batch
from drafting.registry.converter import ENV_VAR, uno_available
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement
from drafting.registry.queries import Filter
from drafting.registry.records import register
from drafting.render.docx import body_xml, closing_xml, page_setup, template_parts, zip_parts
from drafting.typography import emphasise

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))
CITIES = ["Medan", "Padang", "Jambi", "Bengkulu", "Lampung", "Pontianak", "Manado", "Kupang", "Ambon", "Jayapura"]


def varied(base: Input, i: int, rng: random.Random) -> Input:
    data: dict[str, Any] = base.model_dump(mode="json", exclude_unset=True)
    city = CITIES[i % len(CITIES)]
    data["tentang"] = f"{data['tentang']} di {city} {i}"
    for n, party in enumerate(data["parties"]):
        party["representative"]["name"] = f"{party['representative']['name']} {i}-{n}"
        if party.get("duties") and rng.random() < 0.5:
            party["duties"] = party["duties"][: rng.randint(1, len(party["duties"]))]
    if data.get("scope"):
        extra = [f"kegiatan lain yang disepakati ke-{k} di {city}" for k in range(rng.randint(0, 4))]
        data["scope"] = data["scope"][: rng.randint(1, len(data["scope"]))] + extra
    if data.get("data_exchange") and any(p.get("duties") for p in data["parties"]) and rng.random() < 0.4:
        # without data exchange: fewer Pasal, renumbered (only where the parties' duties remain, which
        # a PKS must divide: Permen 8/2025 Pasal 21, and the batch's checks refuse it otherwise)
        del data["data_exchange"]
    for party in data["parties"]:
        if party.get("nomor"):
            party["nomor"] = f"{party['nomor']}/{i}"  # a number names one agreement
    if data.get("term", {}).get("years"):
        data["term"]["years"] = rng.randint(1, 5)
    data["draft"] = data.get("draft", False) or rng.random() < 0.3
    return validate(data, source=f"bench #{i}")


def build_registry(db: Path, n: int) -> None:
    rng = random.Random(8)
    bases = [load_agreement(p) for p in EXAMPLES]
    sessions = open_registry(db)
    with sessions.begin() as s:
        for i in range(n):
            register(s, varied(bases[i % len(bases)], i, rng))


def inputs(db: Path) -> list[tuple[int, str]]:
    with open_registry(db)() as s:
        return [(a.id, a.input_json or "") for a in s.query(Agreement).order_by(Agreement.id)]


def render_naive(doc: Document) -> bytes:
    """The reference: what render_docx did before it kept a frame per page setup, docxtpl rendering
    the whole template for every document (stages() checks that the bytes are the same)."""
    template = library.template(doc.kind).docx_path()
    return zip_parts(template_parts(template, body_xml(doc), closing_xml(doc), *page_setup(doc)))


def _rss_mb() -> float:
    """Resident memory now (not the peak): pages in /proc/self/statm."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def phase(name: str, db: Path, out: Path) -> dict[str, Any]:
    """One measurement, in this (fresh) process."""
    docs = inputs(db) if name != "batch" else []  # the batch reads its inputs itself
    if name == "floor":  # the rendered parts, ready before the clock starts
        parts = [_parts(render(build(validate(json.loads(j))), "docx")) for _, j in docs]
    samples: list[float] = []
    workers_mb = 0.0
    start, cpu0 = time.perf_counter(), _cpu()
    if name == "naive":
        for id_, j in docs:
            write_atomic(out / f"naskah-{id_}.docx", render_naive(build(validate(json.loads(j)))))
    elif name == "pipeline":
        for k, (id_, j) in enumerate(docs, 1):
            write_atomic(out / f"naskah-{id_}.docx", render(build(validate(json.loads(j))), "docx"))
            if k % max(len(docs) // 4, 1) == 0:
                samples.append(_rss_mb())
    elif name == "floor":
        for (id_, _), members in zip(docs, parts):
            write_atomic(out / f"naskah-{id_}.docx", zip_parts(members))
    else:
        outcomes = run_batch(open_registry(db), Filter(), out, show_progress=False)
        assert all(o.status in ("written", "unchanged") for o in outcomes), \
            [o for o in outcomes if o.status not in ("written", "unchanged")][:3]
        docs = [(o.id, "") for o in outcomes]
        # This process runs no other thread, so the workers are forked from it and, joined, have
        # their CPU time and peak memory in RUSAGE_CHILDREN.
        workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    wall = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"docs": len(docs), "wall": wall, "cpu": _cpu() - cpu0, "rss_self_mb": own / 1024,
            "rss_worker_mb": workers_mb, "rss_samples_mb": samples}


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def pdf_phase(name: str, db: Path, out: Path, count: int) -> dict[str, Any]:
    """PDF of the first ``count`` agreements on all cores, in this (fresh) process."""
    from concurrent.futures import ProcessPoolExecutor

    from drafting.render.pdf import docx_to_pdf
    workers = os.cpu_count() or 1
    start = time.perf_counter()
    if name == "per-doc":
        docs = [(i, render(build(validate(json.loads(j))), "docx")) for i, j in inputs(db)[:count]]
        with ProcessPoolExecutor(workers) as pool:
            for (i, _), [pdf] in zip(docs, pool.map(docx_to_pdf, [[d] for _, d in docs])):
                write_atomic(out / f"naskah-{i}.pdf", pdf)
    else:  # the batch, its converter chosen by DRAFTING_BATCH_PDF (set by run_pdf_phase)
        outcomes = run_batch(open_registry(db), Filter(ids=tuple(range(1, count + 1))), out, formats=("pdf",),
                             show_progress=False)
        assert all(o.status == "written" for o in outcomes), [o for o in outcomes if o.status != "written"][:3]
    wall = time.perf_counter() - start
    return {"docs": count, "wall": wall, "cpu": _cpu()}


def run_pdf_phase(name: str, db: Path, out: Path, count: int) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    env = os.environ | {ENV_VAR: "soffice" if name == "chunk" else "uno"}
    proc = subprocess.run([sys.executable, __file__, "--pdf-phase", name, "--pdf", str(count), "--db", str(db),
                           "--out", str(out)], check=True, capture_output=True, text=True, env=env)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_phase(name: str, db: Path, out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([sys.executable, __file__, "--phase", name, "--db", str(db), "--out", str(out)],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def stages(db: Path, count: int) -> dict[str, float]:
    """Milliseconds per document in each stage of the pipeline, in this process."""
    docs = inputs(db)[:count]
    for _, j in docs[:3]:  # fill the caches (clause templates, frames) first, as a worker does once
        render(build(validate(json.loads(j))), "docx")
    totals = dict.fromkeys(("validate", "assemble", "number", "emphasise", "render: XML", "render: frame + zip",
                            "write"), 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        for id_, j in docs:
            t0 = time.perf_counter()
            agreement = validate(json.loads(j))
            t1 = time.perf_counter()
            assembled = assemble(agreement)
            t2 = time.perf_counter()
            numbered = number(assembled, list_levels=agreement.style.list_levels)
            t3 = time.perf_counter()
            doc = emphasise(numbered)
            t4 = time.perf_counter()
            body_xml(doc), closing_xml(doc)
            t5 = time.perf_counter()
            data = render(doc, "docx")  # writes the XML again: counted once, in the stage above
            t6 = time.perf_counter()
            write_atomic(Path(tmp) / f"{id_}.docx", data)
            t7 = time.perf_counter()
            assert data == render_naive(doc), f"render_docx differs from docxtpl on #{id_}"
            steps = (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, (t6 - t5) - (t5 - t4), t7 - t6)
            for key, dt_ in zip(totals, steps):
                totals[key] += dt_
    return {k: 1000 * v / len(docs) for k, v in totals.items()}


def profile(db: Path, count: int) -> str:
    docs = inputs(db)[:count]
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp:
        profiler.enable()
        for id_, j in docs:
            write_atomic(Path(tmp) / f"{id_}.docx", render(build(validate(json.loads(j))), "docx"))
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(25)
    return text.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000, help="number of agreements")
    parser.add_argument("--profile", type=int, default=100, help="documents profiled (0: no profile)")
    parser.add_argument("--pdf", type=int, default=40, help="documents converted to PDF each way (0: none)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--pdf-phase", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.db, args.out)))
        return
    if args.pdf_phase:
        print(json.dumps(pdf_phase(args.pdf_phase, args.db, args.out, args.pdf)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = root / "bench.db"
        t0 = time.perf_counter()
        build_registry(db, args.n)
        print(f"registry of {args.n} agreements built in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores; "
              f"load average {os.getloadavg()[0]:.2f}")
        batch = f"batch ({os.cpu_count()} workers), all written"
        results = {
            "naive (DocxTemplate per doc, 1 process)": run_phase("naive", db, root / "naive"),
            "floor (zip+write, 1 process)": run_phase("floor", db, root / "floor"),
            "pipeline (1 process, no pool)": run_phase("pipeline", db, root / "pipeline"),
            batch: run_phase("batch", db, root / "batch"),
            f"batch ({os.cpu_count()} workers), rerun unchanged": run_phase("batch", db, root / "batch"),
        }
        print(f"\n{'':44} {'docs/s':>8} {'CPU ms/doc':>11} {'wall s':>7} {'max RSS MB (main/workers)':>26}")
        for name, r in results.items():
            workers = f" / {r['rss_worker_mb']:.0f}" if r["rss_worker_mb"] else ""
            print(f"{name:44} {r['docs'] / r['wall']:8.1f} {1000 * r['cpu'] / r['docs']:11.2f} {r['wall']:7.2f} "
                  f"{r['rss_self_mb']:12.0f}{workers}")
        naive, floor = results["naive (DocxTemplate per doc, 1 process)"], results["floor (zip+write, 1 process)"]
        pipeline = results["pipeline (1 process, no pool)"]
        print(f"\nbatch vs naive: {naive['wall'] / results[batch]['wall']:.2f}x faster (target ≥ 3x); "
              f"batch CPU per document vs floor: {results[batch]['cpu'] / floor['cpu']:.1f}x (target ≤ 2x); "
              f"pipeline CPU per document vs floor: {pipeline['cpu'] / floor['cpu']:.1f}x")
        print("pipeline RSS after each quarter of the documents, MB: "
              + " / ".join(f"{mb:.1f}" for mb in pipeline["rss_samples_mb"]))
        if args.pdf:
            ways = {"one soffice per document": "per-doc", "one soffice call per chunk": "chunk"}
            if uno_available():
                ways["batch: long-lived converter per worker"] = "uno"
            pdf = {label: run_pdf_phase(way, db, root / f"pdf-{way}", min(args.pdf, args.n))
                   for label, way in ways.items()}
            print(f"\nPDF, {min(args.pdf, args.n)} documents, {os.cpu_count()} workers:")
            print(f"{'':44} {'PDF/s':>8} {'s/doc':>7} {'wall s':>7}")
            for label, r in pdf.items():
                print(f"{label:44} {r['docs'] / r['wall']:8.2f} {r['wall'] / r['docs']:7.2f} {r['wall']:7.1f}")
            if not uno_available():
                print("(the long-lived converter needs LibreOffice's UNO bindings for /usr/bin/python3: "
                      "apt-get install python3-uno; the batch converts one soffice call per chunk without them)")
        if args.profile:
            print(f"\nper stage of the pipeline, ms/document ({args.profile} documents):")
            for stage, ms in stages(db, args.profile).items():
                print(f"  {stage:20} {ms:7.2f}")
            print(f"\ncProfile of the pipeline ({args.profile} documents), by own time:")
            print(profile(db, args.profile))
        print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
