"""How well ``drafting check`` does on the corpus of ``tests/corpus``: per rule and overall, the
true positives (a finding the entry expects), false positives (a finding it does not expect) and
false negatives (an expected finding not reported), precision and recall; and the same for the
errors (galat) alone, whose precision must be 1.0: a false error stops a drafter's work.

    python bench/check_score.py            # the table
    python bench/check_score.py --details  # and every false positive and false negative

Each corpus entry is a folder with ``expect.yaml`` and the naskah: a file (``naskah.pdf``,
``.docx``, ``.md``, ``.txt``), an input (``input:``, a path from the entry, with fields changed by
``set:`` and ``delete:``, checked as a draft and, with ``render:``, rendered as DOCX, PDF, Markdown
or pdftotext's text and read back), or another
entry's naskah with planted changes (``from:`` and ``replace:``). ``findings`` lists what a
careful reader finds, by rule, severity and (optionally) place; ``forms:`` limits one to some
renderings (an input's field is not in its DOCX). ``missed: why`` marks one the tool does not
find yet; ``false_alarms`` lists what it reports wrongly. Both count in the score, and the test
(tests/test_check_corpus.py) holds the tool to exactly this, so a change in either shows.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT))

from drafting.errors import InputError  # noqa: E402
from drafting.load import load_agreement  # noqa: E402
from drafting.pipeline import build, check_file, render  # noqa: E402
from drafting.render.pdf import docx_to_pdf  # noqa: E402

Key = tuple[str, str, str]  # rule, severity, place ("" when the expectation names none)


@dataclass
class Naskah:
    """One naskah to check: an entry in one of its forms."""

    entry: str
    form: str  # "file", "input", "md", "docx", "pdf", "pdftotext"
    path: Path
    expected: list[Key] = field(default_factory=list)  # what is there to find
    missed: list[Key] = field(default_factory=list)  # of those, what the tool does not find yet
    false_alarms: list[Key] = field(default_factory=list)  # what the tool reports wrongly
    unreadable: bool = False  # the naskah must be refused (exit status 2)
    scope: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.entry if self.form == "file" else f"{self.entry} [{self.form}]"


def _key(item: dict[str, Any]) -> Key:
    return item["rule"], item["severity"], item.get("place", "")


def entries(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p.parent for p in corpus.glob("*/expect.yaml"))


def naskah_of(entry: Path, workdir: Path) -> Iterator[Naskah]:
    """The naskah an entry stands for, materialised in ``workdir`` where they are made."""
    spec = yaml.safe_load((entry / "expect.yaml").read_text(encoding="utf-8"))
    forms: list[tuple[str, Path]] = []
    if "input" in spec:
        source = (entry / spec["input"]).resolve()
        if "set" in spec or "delete" in spec:
            source = _changed(source, spec.get("set", {}), spec.get("delete", []), workdir / entry.name)
        forms.append(("input", source))
        for fmt in spec.get("render", []):
            forms.append((fmt, _rendered(source, fmt, workdir / entry.name)))
    elif "from" in spec:
        base = next((CORPUS / spec["from"]).glob("naskah.*"))
        text = base.read_text(encoding="utf-8")
        for change in spec.get("replace", []):
            if change["old"] not in text:
                raise ValueError(f"{entry.name}: '{change['old']}' is not in {spec['from']}")
            text = text.replace(change["old"], change["new"])
        target = workdir / entry.name / f"naskah{base.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        forms.append(("file", target))
    else:
        forms.append(("file", next(p for p in entry.glob("naskah.*"))))
    for form, path in forms:
        def applies(item: dict[str, Any]) -> bool:
            return form in item.get("forms", [form])
        expected = [item for item in spec.get("findings", []) if applies(item)]
        yield Naskah(entry.name, form, path, [_key(i) for i in expected],
                     [_key(i) for i in expected if i.get("missed")],
                     [_key(i) for i in spec.get("false_alarms", []) if applies(i)],
                     bool(spec.get("unreadable")), spec.get("scope", {}))


def changed(source: Path, values: dict[str, Any], deleted: list[str]) -> dict[str, Any]:
    """An input's data with fields set or deleted, by path: 'parties.1.mitra_type'."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for path, value in [*values.items(), *((p, None) for p in deleted)]:
        *parents, last = [int(k) if k.isdigit() else k for k in path.split(".")]
        node = data
        for key in parents:
            node = node[key]
        if path in deleted:
            del node[last]
        else:
            node[last] = value
    return data


def _changed(source: Path, values: dict[str, Any], deleted: list[str], folder: Path) -> Path:
    """A copy of an input with fields set or deleted (``changed``), written into ``folder``."""
    data = changed(source, values, deleted)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "input.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


_PDF_CACHE: dict[Path, bytes] = {}


def _rendered(source: Path, fmt: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = build(load_agreement(source), source=str(source))
    if fmt in ("pdf", "pdftotext"):
        if source not in _PDF_CACHE:
            _PDF_CACHE[source] = render(doc, "pdf")
        pdf = folder / "naskah.pdf"
        pdf.write_bytes(_PDF_CACHE[source])
        if fmt == "pdf":
            return pdf
        target = folder / "naskah.txt"  # pdftotext without -layout: the reading the issue saw fail
        subprocess.run(["pdftotext", str(pdf), str(target)], check=True, timeout=120)
        return target
    target = folder / f"naskah.{fmt}"
    target.write_bytes(render(doc, fmt))
    return target


def prerender_pdfs(specs: list[Path]) -> None:
    """Every PDF the corpus needs, in one LibreOffice run (its start-up is most of the cost)."""
    sources = []
    for entry in specs:
        spec = yaml.safe_load((entry / "expect.yaml").read_text(encoding="utf-8"))
        if "input" in spec and {"pdf", "pdftotext"} & set(spec.get("render", [])):
            sources.append((entry / spec["input"]).resolve())
    sources = [s for s in dict.fromkeys(sources) if s not in _PDF_CACHE]
    if sources:
        from drafting import library
        from drafting.render.docx import render_docx
        docs = [build(load_agreement(s), source=str(s)) for s in sources]
        pdfs = docx_to_pdf([render_docx(d, library.template(d.kind).docx_path()) for d in docs])
        _PDF_CACHE.update(zip(sources, pdfs))


@dataclass
class Result:
    naskah: Naskah
    found: list[Key]  # as reported: rule, severity, place
    refused: bool  # an InputError
    rule_set: str = ""
    scope: dict[str, Any] = field(default_factory=dict)  # what check took the naskah to be


def run(naskah: Naskah) -> Result:
    try:
        report = check_file(naskah.path)
    except InputError:
        return Result(naskah, [], True)
    scope = {k: getattr(report.scope, k) for k in ("kind", "foreign", "kementerian", "signing")}
    return Result(naskah, [(f.rule, f.severity, f.place) for f in report.findings], False, report.rule_set(), scope)


def match(result: Result) -> tuple[list[Key], list[Key], list[Key]]:
    """(true positives, false positives, false negatives), matching an expectation without a place
    to a finding of the same rule and severity anywhere."""
    found = list(result.found)
    tp: list[Key] = []
    fn: list[Key] = []
    for rule, severity, place in result.naskah.expected:
        hit = next((f for f in found if f[:2] == (rule, severity) and (not place or f[2] == place)), None)
        if hit is None:
            fn.append((rule, severity, place))
        else:
            found.remove(hit)
            tp.append(hit)
    return tp, found, fn


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, result: Result) -> None:
        tp, fp, fn = match(result)
        for group, keys in ((self.tp, tp), (self.fp, fp), (self.fn, fn)):
            for rule, severity, _ in keys:
                group[rule] += 1
                group[f"~{severity}"] += 1
                group["~all"] += 1


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def table(score: Score) -> str:
    rules = sorted({k for c in (score.tp, score.fp, score.fn) for k in c if not k.startswith("~")})
    lines = [f"{'rule':<26} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}"]
    for name in rules + ["~error", "~warning", "~info", "~all"]:
        tp, fp, fn = score.tp[name], score.fp[name], score.fn[name]
        label = {"~error": "galat (error)", "~warning": "peringatan (warning)", "~info": "info",
                 "~all": "overall"}.get(name, name)
        if name == "~error":
            lines.append("-" * 60)
        lines.append(f"{label:<26} {tp:>4} {fp:>4} {fn:>4} {ratio(tp, tp + fp):>10} {ratio(tp, tp + fn):>7}")
    return "\n".join(lines)


def score_corpus(workdir: Path) -> tuple[list[Result], Score]:
    specs = entries()
    prerender_pdfs(specs)
    results = [run(n) for entry in specs for n in naskah_of(entry, workdir)]
    score = Score()
    for result in results:
        score.add(result)
    return results, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list every false positive and false negative")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results, score = score_corpus(Path(tmp))
    readable = [r for r in results if not r.refused]
    print(f"{len(entries())} entries, {len(results)} naskah checked ({len(results) - len(readable)} refused as "
          f"unreadable, as expected: {all(r.refused == r.naskah.unreadable for r in results)})\n")
    print(table(score))
    if args.details:
        for result in results:
            _, fp, fn = match(result)
            for key in fp:
                print(f"FP {result.naskah.name}: {key}")
            for key in fn:
                print(f"FN {result.naskah.name}: {key}")


if __name__ == "__main__":
    main()
