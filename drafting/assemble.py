"""Stage 3: choose the clauses a naskah needs and write their text from the input.

Every word of the naskah comes from the library: the title block, the opening, the komparisi, the
recitals and bridges, each Pasal, and the signature block are clause texts (Jinja templates), and
the input reaches them only as values. Python supplies values alone: numbers and dates in words,
names, the party labels. Every value passes through ``outline.finalize`` on its way out, so a
party named ``PT A & B {{x}} *y*`` is printed exactly so: never evaluated, never read as markup.
Helpers that produce markup or structure on purpose return ``Marked`` strings, which pass as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from . import library, outline, terbilang
from .document import Document, Line, PageOptions, Paragraph, Section, Signatory
from .errors import InputError, LibraryError, Problem
from .library import Clause, Library, Template
from .model import Agreement, Item, Kind, ListItem
from .outline import Marked

BLANK = "……………"  # what a draft shows where a value is not yet known
BLANK_DIGITS = "……"  # an unknown day or month among digits: (……-……-2025)


@dataclass(frozen=True)
class SigningDate:
    """The signing date as the opening and title block print it: each part in words or digits,
    or a blank where it is not yet known."""

    hari: Marked
    tanggal: Marked
    bulan: Marked
    tahun: Marked
    angka: Marked  # "19-06-2023", "……-……-2025"
    angka_tanggal: Marked  # "19" (not zero-padded), for "19 Juni 2023"
    angka_tahun: Marked
    known: bool  # some part is known


class Helpers:
    """What a clause text can call, besides the input itself (``a``)."""

    def __init__(self, agreement: Agreement, lib: Library, naskah: str, included: set[str]):
        self.a = agreement
        self.lib = lib
        self.words = lib.words
        self.naskah = naskah
        self.included = included
        kesatu = agreement.style.party_label == "kesatu"
        self.labels = ["PIHAK KESATU" if n == 1 and kesatu else f"PIHAK {terbilang.ordinal(n).upper()}"
                       for n in range(1, len(agreement.parties) + 1)]

    def label(self, n: int) -> str:
        return self.labels[n - 1]

    def context(self) -> dict[str, Any]:
        a = self.a
        words = self.words
        return {
            "a": a,
            "naskah": _mark(self.naskah),
            "judul_naskah": _mark(self.naskah.upper()),
            "naskah_jenis": lambda kind: _mark(self.lib.template(Kind(kind).value).naskah),
            # A nota kesepakatan follows the Nota Kesepahaman's rules, a surat perjanjian the PKS's.
            "kind": a.kind.family.value,
            "draft": a.draft,
            "blank": Marked(BLANK),
            "br": Marked(outline.BREAK),
            "tab": Marked(outline.TAB),
            "para_pihak": Marked("**PARA PIHAK**"),
            "pihak": lambda n: Marked(f"**{self.label(n)}**"),
            "label": lambda n: _mark(self.label(n)),
            "semua_pihak": Marked(join_and([f"**{label}**" for label in self.labels], words)),
            "n": lambda number, unit="": _mark(terbilang.with_words(number, unit)),
            "rupiah": lambda amount: _mark(terbilang.rupiah(amount)),
            "tanggal": lambda d: _mark(terbilang.tanggal(d)) if d else Marked(BLANK),
            "tanggal_ttd": self.signing_date(),
            "ditandatangani_sebelum": self.signed_before,
            "ref": lambda *targets: Marked(outline.ref_marker(targets, bare=False)),
            "nomor": lambda *targets: Marked(outline.ref_marker(targets, bare=True)),
            "has": lambda clause_id: clause_id in self.included,
            "ids": lambda prefix, count: [f"{prefix}{i}" for i in range(1, count + 1)],
            "items": lambda values, level=0, open_list=False: Marked(render_items(values, level, open_list=open_list)),
            "numbers": lambda values: Marked(join_and([f"{words['nomor']} {outline.escape(v)}" for v in values], words)),
            "or_blank": lambda value: value if value else Marked(BLANK),
            "without_bahwa": lambda text: text[6:] if text.lower().startswith("bahwa ") else text,
        }

    def signing_date(self) -> SigningDate:
        st = self.a.style
        year, month, day = self.a.signing.known()
        w = terbilang.date_words(year, month, day, capitalised=st.opening_case == "title", jumat=st.jumat)
        dd, mm, yyyy = w.angka
        return SigningDate(
            hari=_or_blank(w.hari), tanggal=_or_blank(w.tanggal), bulan=_or_blank(w.bulan), tahun=_or_blank(w.tahun),
            angka=Marked(f"{dd or BLANK_DIGITS}-{mm or BLANK_DIGITS}-{yyyy or BLANK_DIGITS}"),
            angka_tanggal=Marked(str(day)) if day else Marked(BLANK_DIGITS),
            angka_tahun=Marked(yyyy or BLANK_DIGITS), known=year is not None)

    def signed_before(self, iso: str) -> bool:
        """Whether the naskah is signed before a date (a law's entry into force). A date not yet
        known is taken as after it (a draft is signed from now on); of a partial date, the latest
        day it can be."""
        year, month, day = self.a.signing.known()
        if year is None:
            return False
        limit = dt.date.fromisoformat(iso)
        return (year, month or 13, day or 32) < (limit.year, limit.month, limit.day)


def _mark(text: str) -> Marked:
    return Marked(outline.escape(text))


def _or_blank(text: str | None) -> Marked:
    return _mark(text) if text else Marked(BLANK)


def join_and(parts: list[str], words: Mapping[str, str]) -> str:
    if len(parts) <= 2:
        return f" {words['dan']} ".join(parts)
    return ", ".join(parts[:-1]) + f", {words['dan']} " + parts[-1]


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


def library_for(agreement: Agreement, *, source: str = "<input>", extra: tuple[Path, ...] = ()) -> Library:
    """The library this input renders with: the shipped one, the input's own folders, ``extra``."""
    missing = [Problem(f"library[{i}]", f"folder pustaka tidak ditemukan: {path}")
               for i, path in enumerate(agreement.library) if not Path(path).is_dir()]
    if missing:
        raise InputError(source, missing)
    return library.load(library.folders_for(agreement, extra))


def assemble(agreement: Agreement, *, source: str = "<input>", lib: Library | None = None) -> Document:
    lib = lib or library_for(agreement, source=source)
    tpl = lib.template(agreement.kind.value)
    clauses = lib.clauses
    data = agreement.model_dump(mode="json")
    chosen = _choose(agreement, tpl, clauses, data, source)
    helpers = Helpers(agreement, lib, agreement.naskah or tpl.naskah, {cid for cid, _ in chosen})
    ctx = helpers.context()

    def paragraphs(cid: str, variant: str, extra_ctx: Mapping[str, Any] | None = None) -> list[Paragraph]:
        clause = clauses[cid]
        try:
            text = lib.compiled(clause, variant).render(ctx | dict(extra_ctx or {}) if extra_ctx else ctx)
            return outline.parse(text, where=f"klausul {cid} ({variant})")
        except (jinja2.TemplateError, LibraryError) as exc:  # where it is written: file and line, only now
            raise LibraryError(f"{clause.where(variant)}: klausul {cid} ({variant}): {exc}") from None

    def variant_of(cid: str, default: str | None = None) -> str:
        return agreement.clauses.variants.get(cid) or default or "default"

    def front(ids: list[str]) -> list[Section]:
        return [Section(id=cid, paragraphs=paragraphs(cid, variant_of(cid)), pasal=False)
                for cid in ids if not clauses[cid].missing_input(data)]

    titles = agreement.clauses.titles
    pasal = [Section(id=cid, title=(titles.get(cid) or clauses[cid].title).upper(),
                     paragraphs=paragraphs(cid, variant_of(cid, variant)))
             for cid, variant in chosen]
    pasal = _place_extras(agreement, pasal, source)

    title_id, sign_id = tpl.title_block, tpl.signature_block
    return Document(
        kind=agreement.kind.value,
        naskah=helpers.naskah,
        title=_lines(clauses[title_id], paragraphs(title_id, variant_of(title_id))),
        front=front(tpl.front),
        pasal=pasal,
        closing=front(tpl.closing),
        signatories=[
            Signatory(label=helpers.label(i), name=p.representative.name,
                      lines=_lines(clauses[sign_id], paragraphs(sign_id, variant_of(sign_id), {"p": p, "i": i}),
                                   roles_required=True))
            for i, p in enumerate(agreement.parties, 1)
        ],
        paraf_labels=list(helpers.labels),
        page=PageOptions(template=tpl.docx_path(), paper=agreement.style.paper, paraf=agreement.style.paraf),
        words=lib.words,
    )


def _lines(clause: Clause, paragraphs: list[Paragraph], roles_required: bool = False) -> list[Line]:
    """The title block or a signature: each paragraph one line, with its role."""
    out = []
    for para in paragraphs:
        if para.list is not None:
            raise LibraryError(f"{clause.where('default')}: klausul {clause.id}: bagian ini berisi baris, bukan daftar")
        if roles_required and not para.role:
            raise LibraryError(f"{clause.where('default')}: klausul {clause.id}: setiap baris tanda tangan diberi "
                               f"peran ([.pihak], [.jabatan], [.meterai], [.nama], [.nip])")
        out.append(Line(tuple(para.content), para.role))
    return out


def _choose(agreement: Agreement, tpl: Template, clauses: dict[str, Clause],
            data: dict[str, Any], source: str) -> list[tuple[str, str | None]]:
    """The template's Pasal that this input keeps, in order, each with the template's variant;
    every problem reported at once."""
    problems: list[Problem] = []
    entries = tpl.entries()
    known = {e.clause for e in entries}
    parts = set(tpl.front) | set(tpl.closing) | {tpl.title_block, tpl.signature_block}
    for i, cid in enumerate(agreement.clauses.exclude):
        if cid not in known:
            problems.append(Problem(f"clauses.exclude[{i}]", _unknown(cid, known, tpl.naskah)))
    for cid, variant in agreement.clauses.variants.items():
        if cid not in known | parts:
            problems.append(Problem(f"clauses.variants.{cid}", _unknown(cid, known | parts, tpl.naskah)))
        elif variant not in clauses[cid].variants:
            choices = ", ".join(sorted(clauses[cid].variants))
            problems.append(Problem(f"clauses.variants.{cid}",
                                    f"varian '{variant}' tidak ada untuk klausul '{cid}'; pilih salah satu: {choices}"))
    for cid in agreement.clauses.titles:
        if cid not in known:
            problems.append(Problem(f"clauses.titles.{cid}", _unknown(cid, known, tpl.naskah)))
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
        chosen.append((entry.clause, entry.variant))
    problems += _extra_problems(agreement, {cid for cid, _ in chosen}, set(clauses), tpl.naskah)
    if problems:
        raise InputError(source, problems)
    return chosen


def _extra_id(agreement: Agreement, i: int) -> str:
    return agreement.extra_pasal[i].id or f"pasal_tambahan_{i + 1}"


def _extra_problems(agreement: Agreement, chosen: set[str], library_ids: set[str], naskah: str) -> list[Problem]:
    problems = []
    ids = [_extra_id(agreement, i) for i in range(len(agreement.extra_pasal))]
    for i, eid in enumerate(ids):
        if eid in library_ids or ids.index(eid) != i:
            problems.append(Problem(f"extra_pasal[{i}].id", f"nama '{eid}' sudah dipakai klausul atau pasal lain"))
    anchors = chosen | set(ids)
    for i, extra in enumerate(agreement.extra_pasal):
        for key in ("after", "before"):
            anchor = getattr(extra, key)
            if anchor is not None and (anchor not in anchors or anchor == ids[i]):
                problems.append(Problem(f"extra_pasal[{i}].{key}", _unknown(anchor, anchors - {ids[i]}, naskah)))
    if "ketentuan_penutup" not in chosen and any(
            e.after is None and e.before is None and not e.first for e in agreement.extra_pasal):
        problems.append(Problem("extra_pasal", "tanpa 'after', 'before' atau 'first', pasal tambahan diletakkan "
                                               "sebelum ketentuan penutup, yang tidak ada dalam naskah ini"))
    return problems


def _place_extras(agreement: Agreement, pasal: list[Section], source: str) -> list[Section]:
    """The extra Pasal put where the input says, in the order it lists them: several after the
    same Pasal follow it in that order, several 'first' open the naskah in that order. One placed
    after or before another extra Pasal waits until that one is placed."""
    pending = list(range(len(agreement.extra_pasal)))
    last_after: dict[str, str] = {}  # anchor → the last extra placed after it
    firsts = 0
    while pending:
        placed = []
        for i in pending:
            extra = agreement.extra_pasal[i]
            ids = [s.id for s in pasal]
            anchor = extra.after or extra.before or ("" if extra.first else "ketentuan_penutup")
            if anchor and anchor not in ids:
                continue
            if extra.first:
                pos, firsts = firsts, firsts + 1
            elif extra.after:
                pos = ids.index(last_after.get(anchor, anchor)) + 1
                last_after[anchor] = _extra_id(agreement, i)
            else:
                pos = ids.index(anchor)
            pasal.insert(pos, _extra_section(agreement, i, source))
            placed.append(i)
        if not placed:  # after/before name each other in a circle
            raise InputError(source, [Problem(f"extra_pasal[{i}]", "letak pasal tambahan saling merujuk; "
                                                                   "tidak dapat diurutkan") for i in pending])
        pending = [i for i in pending if i not in placed]
    return pasal


def _extra_section(agreement: Agreement, i: int, source: str) -> Section:
    extra = agreement.extra_pasal[i]
    if extra.text:
        try:
            paragraphs = outline.parse_input(extra.text, where=f"extra_pasal[{i}].text")
        except LibraryError as exc:
            raise InputError(source, [Problem(f"extra_pasal[{i}].text", str(exc).split(": ", 1)[-1])]) from None
    else:
        paragraphs = [Paragraph(content=outline.parse_inline(outline.escape(p))) for p in extra.paragraphs]
    return Section(id=_extra_id(agreement, i), title=extra.title.upper(), paragraphs=paragraphs)


def _unknown(cid: str, known: set[str], naskah: str) -> str:
    return f"klausul '{cid}' tidak ada dalam {naskah} ini; yang ada: {', '.join(sorted(known))}"
