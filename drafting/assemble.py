"""Stage 3: choose the clauses a naskah needs and write their text from the input.

Clause texts are Jinja templates from the library; the input reaches them only as values. Every
value passes through ``outline.escape`` on its way out (Jinja's ``finalize``), so a party named
``PT A & B {{x}} *y*`` is printed exactly so: never evaluated, never read as markup. Helpers that
produce markup or structure on purpose return ``Marked`` strings, which pass unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import jinja2

from . import library, outline, terbilang
from .document import Document, PageOptions, Paragraph, Section, Signatory
from .errors import InputError, LibraryError, Problem
from .model import Agreement, Item, ListItem

BLANK = "……………"  # what a draft shows where a value is not yet known


class Marked(str):
    """Text that is already in outline markup (library text or helper output)."""


def _finalize(value: Any) -> str:
    if isinstance(value, Marked):
        return value
    if value is None:
        raise LibraryError("a clause printed an empty value; guard it with {% if %} or requires")
    return outline.escape(value)


_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    finalize=_finalize,
    trim_blocks=False,  # block tags may end a line of text; the outline reader skips blank lines
    lstrip_blocks=True,
    keep_trailing_newline=False,
    autoescape=False,
)


class Helpers:
    """What a clause text can call, besides the input itself (``a``)."""

    def __init__(self, agreement: Agreement, naskah: str, included: set[str]):
        self.a = agreement
        self.naskah = Marked(naskah)
        self.included = included
        self.kesatu = agreement.style.party_label == "kesatu"

    def label(self, n: int) -> str:
        if n == 1 and self.kesatu:
            return "PIHAK KESATU"
        return f"PIHAK {terbilang.ordinal(n).upper()}"

    def context(self) -> dict[str, Any]:
        a = self.a
        return {
            "a": a,
            "naskah": self.naskah,
            "kind": a.kind.value,
            "draft": a.draft,
            "blank": Marked(BLANK),
            "br": Marked(outline.BREAK),
            "tab": Marked(outline.TAB),
            "para_pihak": Marked("**PARA PIHAK**"),
            "pihak": lambda n: Marked(f"**{self.label(n)}**"),
            "semua_pihak": Marked(join_and([f"**{self.label(i)}**" for i in range(1, len(a.parties) + 1)])),
            "n": lambda number, unit="": Marked(outline.escape(terbilang.with_words(number, unit))),
            "rupiah": lambda amount: Marked(outline.escape(terbilang.rupiah(amount))),
            "tanggal": lambda d: Marked(outline.escape(terbilang.tanggal(d))) if d else Marked(BLANK),
            "opening_date": self.opening_date,
            "ref": lambda *targets: Marked(outline.ref_marker(targets, bare=False)),
            "nomor": lambda *targets: Marked(outline.ref_marker(targets, bare=True)),
            "has": lambda clause_id: clause_id in self.included,
            "ids": lambda prefix, count: [f"{prefix}{i}" for i in range(1, count + 1)],
            "items": lambda values, level=0, open_list=False: Marked(render_items(values, level, open_list=open_list)),
            "numbers": lambda values: Marked(join_and([f"Nomor {outline.escape(v)}" for v in values])),
            "or_blank": lambda value: value if value else Marked(BLANK),
            "without_bahwa": lambda text: text[6:] if text.lower().startswith("bahwa ") else text,
        }

    def opening_date(self) -> Marked:
        d = self.a.signing.date
        if d is None:
            return Marked(f"{BLANK}, tanggal {BLANK}, bulan {BLANK}, tahun {BLANK}")
        st = self.a.style
        return Marked(terbilang.opening_date(d, capitalised=st.opening_case == "title", digits=st.opening_digits))


def join_and(parts: list[str]) -> str:
    if len(parts) <= 2:
        return " dan ".join(parts)
    return ", ".join(parts[:-1]) + ", dan " + parts[-1]


def render_items(values: Iterable[Item], level: int, *, open_list: bool = False) -> str:
    """Input list items (text, or {text, items}) as outline lines at ``level``. Items under a text
    ending in 'antara lain' are an open list, so no 'dan' before the last (UU 12/2011 Lampiran II)."""
    lines = []
    for i, value in enumerate(values):
        text, sub = (value.text, value.items) if isinstance(value, ListItem) else (value, [])
        marker = "-[;] " if open_list and i == 0 else "- "
        lines.append("  " * level + marker + outline.escape(text))
        if sub:
            opens = text.rstrip(" :,").lower().endswith("antara lain")
            lines.append(render_items(sub, level + 1, open_list=opens))
    return "\n".join(lines)


@cache
def _compiled(source: str) -> jinja2.Template:
    return _ENV.from_string(source)


def assemble(agreement: Agreement, *, source: str = "<input>") -> Document:
    tpl = library.template(agreement.kind.value)
    clauses = library.clauses()
    data = agreement.model_dump(mode="json")
    chosen = _choose(agreement, tpl, clauses, data, source)
    helpers = Helpers(agreement, tpl.naskah, set(chosen))
    ctx = helpers.context()

    def section(cid: str) -> Section:
        clause = clauses[cid]
        variant = agreement.clauses.variants.get(cid, "default")
        text = _render(clause.variants[variant], ctx, f"klausul {cid} ({variant})")
        return Section(id=cid, title=clause.title, pasal=clause.part == "pasal",
                       paragraphs=outline.parse(text, where=f"klausul {cid} ({variant})"))

    pasal = [section(cid) for cid in chosen]
    for i, extra in enumerate(agreement.extra_pasal):
        sec = Section(id=f"pasal_tambahan_{i + 1}", title=extra.title.upper(),
                      paragraphs=[Paragraph(content=outline.parse_inline(outline.escape(p))) for p in extra.paragraphs])
        anchor = extra.after or "ketentuan_penutup"
        pos = next(j for j, s in enumerate(pasal) if s.id == anchor)
        pasal.insert(pos + 1 if extra.after else pos, sec)

    return Document(
        kind=agreement.kind.value,
        naskah=tpl.naskah,
        title_lines=_title_lines(agreement, tpl.title),
        numbers=_numbers(agreement),
        front=[section(cid) for cid in tpl.front if not clauses[cid].missing_input(data)],
        pasal=pasal,
        closing=[],
        signatories=[
            Signatory(label=helpers.label(i), institution=p.short_name, position=p.representative.position,
                      name=p.representative.name, meterai=p.meterai)
            for i, p in enumerate(agreement.parties, 1)
        ],
        paraf_labels=[helpers.label(i) for i in range(1, len(agreement.parties) + 1)],
        page=PageOptions(paper=agreement.style.paper, paraf=agreement.style.paraf),
    )


def _render(source: str, ctx: dict[str, Any], where: str) -> str:
    try:
        return _compiled(source).render(ctx)
    except jinja2.TemplateError as exc:
        raise LibraryError(f"{where}: {exc}") from None


def _choose(agreement: Agreement, tpl: library.Template, clauses: dict[str, library.Clause],
            data: dict[str, Any], source: str) -> list[str]:
    """The template's Pasal that this input keeps, in order; every problem reported at once."""
    problems: list[Problem] = []
    entries = tpl.entries()
    known = {e.clause for e in entries}
    for i, cid in enumerate(agreement.clauses.exclude):
        if cid not in known:
            problems.append(Problem(f"clauses.exclude[{i}]", _unknown(cid, known, tpl.naskah)))
    for cid, variant in agreement.clauses.variants.items():
        if cid not in known | set(tpl.front):
            problems.append(Problem(f"clauses.variants.{cid}", _unknown(cid, known, tpl.naskah)))
        elif variant not in clauses[cid].variants:
            choices = ", ".join(sorted(clauses[cid].variants))
            problems.append(Problem(f"clauses.variants.{cid}",
                                    f"varian '{variant}' tidak ada untuk klausul '{cid}'; pilih salah satu: {choices}"))
    chosen = []
    for entry in entries:
        clause = clauses[entry.clause]
        missing = clause.missing_input(data)
        if entry.clause in agreement.clauses.exclude:
            if entry.required:
                problems.append(Problem("clauses.exclude",
                                        f"Pasal {clause.title} wajib ada dalam {tpl.naskah} dan tidak dapat dikecualikan"))
            continue
        if missing:
            if entry.required:
                problems += [Problem(m.replace(".*", "[…]"),
                                     f"wajib diisi: Pasal {clause.title} wajib ada dalam {tpl.naskah} "
                                     f"(Permen 8/2025 Pasal 21)") for m in missing]
            continue
        chosen.append(entry.clause)
    for i, extra in enumerate(agreement.extra_pasal):
        if extra.after is not None and extra.after not in chosen:
            problems.append(Problem(f"extra_pasal[{i}].after", _unknown(extra.after, set(chosen), tpl.naskah)))
    if "ketentuan_penutup" not in chosen and any(e.after is None for e in agreement.extra_pasal):
        problems.append(Problem("extra_pasal", "tanpa 'after', pasal tambahan diletakkan sebelum ketentuan penutup, "
                                               "yang tidak ada dalam naskah ini"))
    if problems:
        raise InputError(source, problems)
    return chosen


def _unknown(cid: str, known: set[str], naskah: str) -> str:
    return f"klausul '{cid}' tidak ada dalam {naskah} ini; yang ada: {', '.join(sorted(known))}"


def _title_lines(a: Agreement, first: str) -> list[str]:
    lines = [first, "ANTARA"]
    for i, p in enumerate(a.parties):
        if i:
            lines.append("DAN" if i == len(a.parties) - 1 and len(a.parties) > 2 else "DENGAN")
        lines.append(p.name.upper())
        if p.parent:
            lines.append(p.parent.upper())
    return lines + ["TENTANG", a.tentang.upper()]


def _numbers(a: Agreement) -> list[str]:
    parties = a.parties[:1] if a.style.numbers == "single" else a.parties
    return [p.nomor or BLANK for p in parties]

