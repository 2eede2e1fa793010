"""Benchmark of ``drafting batch`` (not a test: it prints numbers).

Builds a registry of N varied agreements (default 1,000) from the examples (parties, items, with
and without data exchange, terms, drafts), then measures, each in a fresh process, on the same
documents:

  batch  ``run_batch`` on all cores (first run: every file written; second run: all unchanged)
  naive  the current render path in a loop, one process: input → build → DocxTemplate → write
  compiled  the same with a prototype of the recommended renderer (template split once per process)
  floor  zipping and writing the already-rendered DOCX parts, one process

and prints documents per second, CPU milliseconds per document and peak memory (max RSS), then a
per-stage split and a cProfile of the naive path.

    .venv/bin/python bench/batch_bench.py [-n 1000] [--profile 100]
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
from functools import cache
from multiprocessing import forkserver
from pathlib import Path
from typing import Any

import docx
import jinja2
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from drafting import library
from drafting.document import Document
from drafting.load import load_agreement, validate
from drafting.model import Agreement as Input
from drafting.output import write_atomic
from drafting.pipeline import build, render
from drafting.registry.batch import run_batch
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement
from drafting.registry.queries import Filter
from drafting.registry.records import register
from drafting.render.docx import Xml, body_xml, closing_xml

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
    if data.get("data_exchange") and rng.random() < 0.4:
        del data["data_exchange"]  # without data exchange: fewer Pasal, renumbered
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


class CompiledTemplate:
    """Prototype of the recommended DOCX renderer, for measurement only: each templated part of the
    package is turned into Jinja by docxtpl's own ``patch_xml`` and compiled once per process; a
    document is then those templates rendered and the parts zipped. docxtpl instead re-reads the
    package, re-patches and re-compiles the XML and cleans it with regexes on every document."""

    def __init__(self, path: Path):
        patcher, env = DocxTemplate(path), jinja2.Environment(autoescape=True)
        self.templates: list[tuple[str, jinja2.Template]] = []
        self.parts: list[tuple[str, bytes]] = []
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                data = z.read(info)
                if info.filename.endswith(".xml") and (b"{{" in data or b"{%" in data):
                    self.templates.append((info.filename, env.from_string(patcher.patch_xml(data.decode("utf-8")))))
                else:
                    self.parts.append((info.filename, data))

    def render(self, context: dict[str, Any]) -> bytes:
        return _zip([(name, t.render(context).encode("utf-8")) for name, t in self.templates] + self.parts)


@cache
def _compiled(kind: str) -> CompiledTemplate:
    return CompiledTemplate(library.template(kind).docx_path())


def render_compiled(doc: Document) -> bytes:
    # the context of drafting.render.docx.render_docx, repeated here: the check against docxtpl's
    # output in stages() fails if the two drift apart
    context = {"body": Xml(body_xml(doc)), "closing": Xml(closing_xml(doc)), "paper": doc.page.paper,
               "paraf": doc.paraf_labels if doc.page.paraf else []}
    return _compiled(doc.kind).render(context)


def phase(name: str, db: Path, out: Path) -> dict[str, float]:
    """One measurement, in this (fresh) process."""
    docs = inputs(db)
    if name == "floor":  # the rendered parts, ready before the clock starts
        parts = [_parts(render(build(validate(json.loads(j))), "docx")) for _, j in docs]
    start, cpu0 = time.perf_counter(), _cpu()
    if name == "naive":
        for id_, j in docs:
            write_atomic(out / f"naskah-{id_}.docx", render(build(validate(json.loads(j))), "docx"))
    elif name == "compiled":
        for id_, j in docs:
            write_atomic(out / f"naskah-{id_}.docx", render_compiled(build(validate(json.loads(j)))))
    elif name == "floor":
        for (id_, _), members in zip(docs, parts):
            write_atomic(out / f"naskah-{id_}.docx", _zip(members))
    else:
        outcomes = run_batch(open_registry(db), Filter(), out, show_progress=False)
        assert all(o.status != "failed" for o in outcomes), [o for o in outcomes if o.status == "failed"][:3]
        # The workers are the forkserver's children: stop it so that their CPU time and peak memory
        # reach this process's RUSAGE_CHILDREN (private API; a benchmark only).
        forkserver._forkserver._stop()
    wall = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"docs": len(docs), "wall": wall, "cpu": _cpu() - cpu0, "rss_self_mb": own / 1024,
            "rss_worker_mb": children / 1024}


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            z.writestr(info, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def run_phase(name: str, db: Path, out: Path) -> dict[str, float]:
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([sys.executable, __file__, "--phase", name, "--db", str(db), "--out", str(out)],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def stages(db: Path, count: int) -> dict[str, float]:
    """Milliseconds per document in each stage of the naive path."""
    docs = inputs(db)[:count]
    totals = dict.fromkeys(("validate", "build", "render (docxtpl)", "render (compiled prototype)", "write"), 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        for id_, j in docs:
            t0 = time.perf_counter()
            agreement = validate(json.loads(j))
            t1 = time.perf_counter()
            doc = build(agreement)
            t2 = time.perf_counter()
            data = render(doc, "docx")
            t3 = time.perf_counter()
            prototype = render_compiled(doc)
            t4 = time.perf_counter()
            write_atomic(Path(tmp) / f"{id_}.docx", data)
            t5 = time.perf_counter()
            assert _paragraphs(prototype) == _paragraphs(data), f"prototype differs from docxtpl on #{id_}"
            for key, dt_ in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                totals[key] += dt_
    return {k: 1000 * v / len(docs) for k, v in totals.items()}


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    """Style and text of every paragraph, tables included: what a reader of the document sees."""
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name if p.style is not None else "", p.text) for p in document.element.body.iter(qn("w:p"))
            for p in [Paragraph(p, document)]]


def profile(db: Path, count: int) -> str:
    docs = inputs(db)[:count]
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp:
        profiler.enable()
        for id_, j in docs:
            write_atomic(Path(tmp) / f"{id_}.docx", render(build(validate(json.loads(j))), "docx"))
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
    return text.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000, help="number of agreements")
    parser.add_argument("--profile", type=int, default=100, help="documents profiled (0: no profile)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.db, args.out)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = root / "bench.db"
        t0 = time.perf_counter()
        build_registry(db, args.n)
        print(f"registry of {args.n} agreements built in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores")
        results = {
            "naive (1 process)": run_phase("naive", db, root / "naive"),
            "compiled-template prototype (1 process)": run_phase("compiled", db, root / "compiled"),
            "floor (zip+write, 1 process)": run_phase("floor", db, root / "floor"),
            f"batch ({os.cpu_count()} workers), all written": run_phase("batch", db, root / "batch"),
            f"batch ({os.cpu_count()} workers), rerun unchanged": run_phase("batch", db, root / "batch"),
        }
        print(f"\n{'':44} {'docs/s':>8} {'CPU ms/doc':>11} {'wall s':>7} {'max RSS MB (main/worker)':>25}")
        for name, r in results.items():
            print(f"{name:44} {r['docs'] / r['wall']:8.1f} {1000 * r['cpu'] / r['docs']:11.2f} {r['wall']:7.2f} "
                  f"{r['rss_self_mb']:12.0f} / {r['rss_worker_mb']:.0f}")
        naive, floor = results["naive (1 process)"], results["floor (zip+write, 1 process)"]
        batch = results[f"batch ({os.cpu_count()} workers), all written"]
        print(f"\nbatch vs naive: {naive['wall'] / batch['wall']:.2f}x faster (target ≥ 3x); "
              f"batch CPU per document vs floor: {batch['cpu'] / floor['cpu']:.1f}x (target ≤ 2x)")
        if args.profile:
            print(f"\nper stage, naive path, ms/document ({args.profile} documents):")
            for stage, ms in stages(db, args.profile).items():
                print(f"  {stage:9} {ms:7.2f}")
            print(f"\ncProfile of the naive path ({args.profile} documents), by cumulative time:")
            print(profile(db, args.profile))


if __name__ == "__main__":
    main()
