"""``drafting extract``: a naskah that was not drafted here (or was, and lost its input) read back
into an input that renders the same agreement.

    read_naskah → source.cut (parts; a repeated Pasal block dropped) → front.read_front (front
    matter and style) → match.match (Pasal to clauses, proven by rendering) → the input, a report

The input is data like any other: ``render``, ``check``, ``renew`` and ``batch`` take it as they
take a drafter's. Where the naskah writes one signatory two ways, the name is left as a marked
choice (``name: {pilih: [..., ...]}``) that ``render`` refuses until the drafter chooses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..checks import Finding, check
from ..errors import InputError, Problem
from ..load import validate
from ..pipeline import analyse_draft
from ..read import read_naskah
from ..read.bilingual import split
from . import bilingual
from .adendum import refuse_adendum
from .amend import amend
from .front import read_front
from .lacking import lacking
from .match import Row, match, resolved
from .source import cut

_ORDER = ["kind", "naskah", "library", "tentang", "draft", "signing", "style", "parties", "recitals", "legal_basis",
          "nota_kesepahaman", "technical_basis", "renewal"]


@dataclass
class Extraction:
    data: dict[str, Any]
    rows: list[Row]
    findings: list[Finding]  # what extraction found and fixed or left to the drafter, then check's
    notes: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)  # names left for the drafter to choose

    def yaml(self) -> str:
        return dump(self.data)


def extract(path: Path, libraries: tuple[Path, ...] = (), adenda: tuple[Path, ...] = ()) -> Extraction:
    """``libraries``: a unit's own libraries the naskah was drafted with (``library`` of the input,
    written as absolute paths; the command writes them relative to the input it writes).
    ``adenda``: the naskah's signed adenda, in order, whose changes are read into it first."""
    paragraphs = read_naskah(path)
    refuse_adendum(paragraphs, str(path))
    original, translation = split(paragraphs, lambda p: p.full)
    if translation and adenda:  # amend reads Indonesian adenda: the English Articles would fall out of step
        raise InputError(str(path), [Problem("adendum", "adendum naskah dwibahasa belum dapat diterapkan pada kedua "
                                                        "teksnya: baca naskahnya tanpa --adendum, lalu tulis perubahan "
                                                        "adendum itu di isian, dalam bahasa Indonesia dan bahasa Inggris")])
    src = cut(original)
    amended = amend(src, [(read_naskah(a), str(a)) for a in adenda]) if adenda else []
    if not translation:
        bilingual.one_text(original, src, str(path))
    if not src.pasal:
        raise InputError(str(path), [Problem("", "tidak ada Pasal yang terbaca: bukan naskah kerja sama, atau teksnya "
                                                 "tidak dapat dibaca")])
    english = None
    if translation:  # a Memorandum Saling Pengertian: the Indonesian text is matched, then the English read
        front, english = bilingual.read_front(src, bilingual.english_text(src, translation, str(path)))
    else:
        front = read_front(src)
    data = dict(front.data)
    if libraries:
        data["library"] = [str(p.resolve()) for p in libraries]
    if front.style:
        data["style"] = front.style
    _list_levels(src, data)
    found = match(src, data, str(path), front.parts)
    if english is not None:
        bilingual.read_english(found, src, english, str(path))
    out = found.data
    choices = []
    kept = "pembukaan" in out.get("clauses", {}).get("texts", {})
    for k, names in front.names.items():
        out["parties"][k]["representative"]["name"] = {"pilih": names}
        # the komparisi kept word for word names the signatory as it was written: the drafter's
        # choice goes there too (check says so while they differ)
        also = " (dan di clauses.texts.pembukaan, yang disimpan kata demi kata)" if kept else ""
        choices.append(f"parties[{k}].representative.name: {' / '.join(names)}{also}")
    findings = list(src.findings) + list(front.findings)
    for k, names in front.names.items():
        findings.append(Finding("signatory_names", "error",
                                f"penandatangan {_label(out, k)} ditulis dua cara: '{names[1]}' di komparisi dan "
                                f"'{names[0]}' di blok tanda tangan; isian menyimpan keduanya sebagai pilihan "
                                f"(parties[{k}].representative.name.pilih) yang harus dipilih sebelum render",
                                "komparisi dan blok tanda tangan", "UU 12/2011 Lampiran II BAB I huruf D"))
    agreement = validate(resolved(out), source=str(path))
    report = check(agreement, analyse_draft(agreement, source=str(path)))
    findings += lacking(agreement, str(path))
    findings += [f for f in report.findings if f.rule != "signatory_names"]
    return Extraction({k: out[k] for k in _ordered(out)}, found.rows, findings, amended + front.notes,
                      found.differences, choices)


def _label(data: dict[str, Any], k: int) -> str:
    from ..terbilang import ordinal
    if k == 0 and data.get("style", {}).get("party_label") == "kesatu":
        return "PIHAK KESATU"
    return f"PIHAK {ordinal(k + 1).upper()}"


def _list_levels(src: Any, data: dict[str, Any]) -> None:
    """'a. 1) a)' when a '1)' list stands under an 'a.' item (seed 003), rather than '1.'."""
    from .pasal import label_kind, tree
    for p in src.pasal:
        rows = tree(p.body)
        for (d1, a), (d2, b) in zip(rows, rows[1:]):
            if d2 == d1 + 1 and label_kind(a.label) == "a." and label_kind(b.label) == "1)":
                data.setdefault("style", {})["list_levels"] = "a. 1) a)"
                return


def _ordered(data: dict[str, Any]) -> list[str]:
    return [k for k in _ORDER if k in data] + [k for k in data if k not in _ORDER]


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
