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

from . import library, outline, terbilang, translation
from .document import Document, ItemList, Line, PageOptions, Paragraph, Section, Signatory
from .errors import InputError, LibraryError, Problem
from .library import Clause, Library, Template
from .model import PERMEN_8_2025, Agreement, Item, Kind, ListItem
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
    """What a clause text can call, besides the input itself (``a``), in the language ``lang`` of
    the text being written ("id", or "en" for the English text of a bilingual naskah)."""

    def __init__(self, agreement: Agreement, lib: Library, naskah: str, included: set[str], lang: str = "id"):
        self.a = agreement
        self.lib = lib
        self.lang = lang
        self.words = lib.kata[lang]
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
            "naskah_jenis": lambda kind: _mark(self.naskah_of(Kind(kind).value)),
            "lang": self.lang,
            # The English text's names of the sides, "Party"/"Parties" or "Participant"/"Participants"
            # (style.english_parties, from kata.en.yaml): "The {{ PP }} will …", "each {{ P }}".
            **self.sides(),
            "bilangan": lambda number: _mark(terbilang.in_words(number, self.lang)),
            # A nota kesepakatan follows the Nota Kesepahaman's rules, a surat perjanjian the PKS's.
            "kind": a.kind.family.value,
            "draft": a.draft,
            "blank": Marked(BLANK),
            "blank_angka": Marked(BLANK_DIGITS),  # an unknown number among digits: "Tahun 2025 Nomor ……"
            "br": Marked(outline.BREAK),
            "tab": Marked(outline.TAB),
            "para_pihak": Marked("**PARA PIHAK**"),
            "pihak": lambda n: Marked(f"**{self.label(n)}**"),
            "label": lambda n: _mark(self.label(n)),
            "semua_pihak": Marked(join_and([f"**{label}**" for label in self.labels], words)),
            # "Pasal 5A, Pasal 5B, dan Pasal 5C": the house's one way of joining a list in a sentence
            "daftar": lambda values: Marked(join_and([v if isinstance(v, Marked) else outline.escape(str(v))
                                                      for v in values], words)),
            "n": lambda number, unit="": _mark(terbilang.with_words(number, unit, lang=self.lang)),
            "rupiah": lambda amount: _mark(terbilang.rupiah(amount)),
            "tanggal": lambda d: _mark(terbilang.tanggal(d, self.months())) if d else Marked(BLANK),
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
            # An adendum's facts (adendum/document.py): the agreement it amends, its points.
            "adendum": None,
        }

    def naskah_of(self, kind: str) -> str:
        """What a naskah of this kind is called in this text's language."""
        tpl = self.lib.template(kind)
        return (tpl.naskah_en or tpl.naskah) if self.lang == "en" else tpl.naskah

    def sides(self) -> dict[str, Marked]:
        key = self.a.style.english_parties
        if key not in self.words:
            return {}
        one, many = self.words[key].split()
        return {"P": _mark(one), "PP": _mark(many)}

    def months(self) -> tuple[str, ...]:
        """The month names of dates: the language's (kata ``bulan``), Indonesian by default."""
        return tuple(self.words["bulan"].split()) if "bulan" in self.words else terbilang.BULAN

    def signing_date(self) -> SigningDate:
        st = self.a.style
        year, month, day = self.a.signing.known()
        w = terbilang.date_words(year, month, day, capitalised=st.opening_case == "title", jumat=st.jumat)
        dd, mm, yyyy = w.angka
        return SigningDate(
            hari=_or_blank(w.hari), tanggal=_or_blank(w.tanggal),
            bulan=_or_blank(self.months()[month - 1] if month else None), tahun=_or_blank(w.tahun),
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


def assemble(agreement: Agreement, *, source: str = "<input>", lib: Library | None = None,
             english: bool = True) -> Document:
    """The document of the input; of a bilingual naskah (a template with English), with its English
    text as ``translation``: the same clauses chosen once, written from the English input
    (translation.py) in the same shape, so that one numbering serves both. ``english=False``: the
    Indonesian text alone (``drafting extract`` matches it before it has read the English one)."""
    lib = lib or library_for(agreement, source=source)
    tpl = lib.template(agreement.kind.value)
    data = agreement.model_dump(mode="json")
    chosen = _choose(agreement, tpl, lib.clauses, data, source)
    doc = _write(agreement, tpl, lib, chosen, "id", source)
    if agreement.english is not None and not tpl.bilingual:
        raise InputError(source, [Problem("english", f"teks bahasa Inggris hanya untuk naskah dwibahasa; "
                                                     f"{tpl.naskah} ditulis dalam bahasa Indonesia")])
    if not tpl.bilingual or not english:
        return doc
    problems = translation.shape_problems(agreement) + _english_variants(agreement, tpl, lib.clauses, chosen)
    if problems:
        raise InputError(source, problems)
    english, paths = translation.english_input(agreement, source)
    doc.translation = _write(english, tpl, lib, chosen, "en", source)
    problems = translation.untranslated(doc.translation, paths)
    if problems:
        raise InputError(source, problems)
    _same_shape(doc, doc.translation, lib.clauses, agreement, source)
    doc.layout = agreement.style.layout
    return doc


def assemble_as(agreement: Agreement, tpl: Template, lib: Library, context: Mapping[str, Any], *,
                source: str = "<input>") -> Document:
    """The document of a naskah of another template than the input's kind, written from the input
    and further ``context`` (an adendum: its template, the agreement's input, its points)."""
    chosen = _choose(agreement, tpl, lib.clauses, agreement.model_dump(mode="json"), source)
    return _write(agreement, tpl, lib, chosen, "id", source, context)


def _write(agreement: Agreement, tpl: Template, lib: Library, chosen: list[tuple[str, str | None]], lang: str,
           source: str, context: Mapping[str, Any] | None = None) -> Document:
    """The text of the naskah in one language."""
    clauses = lib.clauses
    data = agreement.model_dump(mode="json")
    default_naskah = (tpl.naskah_en or tpl.naskah) if lang == "en" else tpl.naskah
    helpers = Helpers(agreement, lib, agreement.naskah or default_naskah, {cid for cid, _ in chosen}, lang)
    ctx = helpers.context() | dict(context or {})

    def paragraphs(cid: str, variant: str, extra_ctx: Mapping[str, Any] | None = None) -> list[Paragraph]:
        clause = clauses[cid]
        try:
            text = lib.compiled(clause, variant, lang).render(ctx | dict(extra_ctx or {}) if extra_ctx else ctx)
            return outline.parse(text, where=f"klausul {cid} ({variant})")
        except (jinja2.TemplateError, LibraryError) as exc:  # where it is written: file and line, only now
            raise LibraryError(f"{clause.where(variant, 1, lang)}: klausul {cid} ({variant}): {exc}") from None

    def variant_of(cid: str, default: str | None = None) -> str:
        return agreement.clauses.variants.get(cid) or default or "default"

    def front(ids: list[str]) -> list[Section]:
        kept = agreement.clauses.texts  # a part as the naskah read back wrote it (drafting extract)
        return [Section(id=cid, paragraphs=_kept_text(kept[cid], f"clauses.texts.{cid}", source) if cid in kept
                        else paragraphs(cid, variant_of(cid)), pasal=False)
                for cid in ids if (kept[cid].strip() if cid in kept else not clauses[cid].missing_input(data))]

    titles = agreement.clauses.titles
    replaced = _replaced(agreement)
    pasal = [_extra_section(agreement, replaced[cid], source) if cid in replaced else
             Section(id=cid, title=(titles.get(cid) or clauses[cid].title_in(variant_of(cid, variant), lang) or "").upper(),
                     paragraphs=paragraphs(cid, variant_of(cid, variant)))
             for cid, variant in chosen]
    pasal = _place_extras(agreement, pasal, source)

    title_id, sign_id = tpl.title_block, tpl.signature_block
    return Document(
        kind=tpl.kind,
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
        # A naskah with a foreign partner is initialled by the parties by their names, not as PIHAK.
        paraf_labels=[p.short_name.upper() for p in agreement.parties] if agreement.kind.luar_negeri
        else list(helpers.labels),
        page=PageOptions(template=tpl.docx_path(), paper=agreement.style.paper, paraf=agreement.style.paraf),
        words=lib.kata[lang],
        language=lang,
    )


def _english_variants(agreement: Agreement, tpl: Template, clauses: dict[str, Clause],
                      chosen: list[tuple[str, str | None]]) -> list[Problem]:
    """A clause (in the variant the input or template chose) that has no English cannot be used in
    a bilingual naskah: said with the clause's name."""
    used = [(cid, variant) for cid, variant in chosen]
    used += [(cid, None) for cid in [tpl.title_block, tpl.signature_block, *tpl.front, *tpl.closing]]
    problems = []
    for cid, variant in used:
        chosen_variant = agreement.clauses.variants.get(cid) or variant or "default"
        problem = library.english_missing(clauses[cid], chosen_variant)
        if problem:
            path = f"clauses.variants.{cid}" if cid in agreement.clauses.variants else "kind"
            problems.append(Problem(path, problem))
    return problems


def _shape(section: Section) -> list[tuple[Any, ...]]:
    def lst(items: ItemList | None) -> tuple[Any, ...] | None:
        return None if items is None else tuple((i.id, lst(i.list)) for i in items.items)

    return [(p.id, lst(p.list)) for p in section.paragraphs]


def _same_shape(doc: Document, english: Document, clauses: dict[str, Clause], agreement: Agreement,
                source: str) -> None:
    """Both texts of a bilingual naskah have the same sections, each with the same ayat, items and
    anchors, so that one numbering and one set of references serve both. A clause whose English
    text is shaped otherwise is a defect of the library, named here."""
    for part in ("front", "pasal", "closing"):
        ours, theirs = getattr(doc, part), getattr(english, part)
        for sec, other in zip(ours, theirs, strict=True):
            a, b = _shape(sec), _shape(other)
            if a == b:
                continue
            message = (f"teks bahasa Inggris tidak sama bentuknya dengan teks bahasa Indonesia ({_difference(a, b)}); "
                       f"kedua teks harus mempunyai ayat, butir, dan tanda [#…] yang sama")
            if sec.id not in clauses:  # an extra Pasal of the input
                i = next(i for i in range(len(agreement.extra_pasal)) if _extra_id(agreement, i) == sec.id)
                english_pasal = agreement.english.extra_pasal if agreement.english else []
                written = english_pasal[i] if i < len(english_pasal) else None
                body = "text" if written is not None and written.text else "paragraphs"
                raise InputError(source, [Problem(f"english.extra_pasal[{i}].{body}", message)])
            variant = agreement.clauses.variants.get(sec.id, "")
            raise LibraryError(f"klausul {sec.id}" + (f" (varian '{variant}')" if variant else "") + f": {message}")


def _difference(a: list[tuple[Any, ...]], b: list[tuple[Any, ...]]) -> str:
    if len(a) != len(b):
        return f"{len(a)} paragraf dalam bahasa Indonesia, {len(b)} dalam bahasa Inggris"
    for k, (x, y) in enumerate(zip(a, b), 1):
        if x[0] != y[0]:
            return f"paragraf {k}: tanda [#{x[0] or ''}] dan [#{y[0] or ''}]"
        if x[1] != y[1]:
            return f"paragraf {k}: daftarnya berbeda ({_count(x[1])} butir dan {_count(y[1])} butir)"
    return "berbeda"


def _count(items: tuple[Any, ...] | None) -> int:
    return sum(1 + _count(sub) for _, sub in items) if items else 0


def _lines(clause: Clause, paragraphs: list[Paragraph], roles_required: bool = False) -> list[Line]:
    """The title block or a signature: each paragraph one line, with its role."""
    out = []
    for para in paragraphs:
        if para.list is not None:
            raise LibraryError(f"{clause.where('default')}: klausul {clause.id}: bagian ini berisi baris, bukan daftar")
        if roles_required and not para.role:
            raise LibraryError(f"{clause.where('default')}: klausul {clause.id}: setiap baris tanda tangan diberi "
                               f"peran ([.pihak], [.jabatan], [.meterai], [.nama], [.nip], [.keterangan])")
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
    for cid in agreement.clauses.texts:
        if cid not in tpl.front and cid not in tpl.closing:
            problems.append(Problem(f"clauses.texts.{cid}", _unknown(cid, set(tpl.front) | set(tpl.closing), tpl.naskah)))
    chosen = []
    replaced = _replaced(agreement)
    for i, extra in enumerate(agreement.extra_pasal):
        if extra.replaces is not None and extra.replaces not in known:
            problems.append(Problem(f"extra_pasal[{i}].replaces", _unknown(extra.replaces, known, tpl.naskah)))
    for entry in entries:
        clause = clauses[entry.clause]
        if entry.clause in replaced:  # the naskah's own words stand in its place (drafting extract)
            chosen.append((entry.clause, entry.variant))
            continue
        missing = clause.missing_input(data)
        if entry.clause in agreement.clauses.exclude:
            # Permen 8/2025 Pasal 21 asks its minimum of a naskah being drafted: a draft, or one not
            # yet dated, that lacks such a Pasal is refused. A signed naskah read back (drafting
            # extract) is the record of what was signed and renders as it is: before the Permen it
            # was not asked; since, the lack is check's error (minimum_contents) and extract's
            # report line, and a renewal (a draft again) must fill the Pasal in.
            if entry.required and not (_signed_before_permen(agreement) or _signed(agreement)):
                fill = f"isi {', '.join(clause.requires)} dan " if clause.requires else ""
                problems.append(Problem("clauses.exclude",
                                        f"Pasal {clause.title} wajib ada dalam {tpl.naskah} dan tidak dapat "
                                        f"dikecualikan ({fill}hapus {entry.clause} dari clauses.exclude)"))
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


def _signed(agreement: Agreement) -> bool:
    return not agreement.draft and agreement.signing.date is not None


def _signed_before_permen(agreement: Agreement) -> bool:
    year, month, day = agreement.signing.known()
    limit = PERMEN_8_2025
    return year is not None and (year, month or 12, day or 31) < (limit.year, limit.month, limit.day)


def _extra_id(agreement: Agreement, i: int) -> str:
    extra = agreement.extra_pasal[i]
    return extra.id or extra.replaces or f"pasal_tambahan_{i + 1}"


def _replaced(agreement: Agreement) -> dict[str, int]:
    """Clause id → the extra Pasal that takes its place."""
    return {e.replaces: i for i, e in enumerate(agreement.extra_pasal) if e.replaces is not None}


def _extra_problems(agreement: Agreement, chosen: set[str], library_ids: set[str], naskah: str) -> list[Problem]:
    problems = []
    ids = [_extra_id(agreement, i) for i in range(len(agreement.extra_pasal))]
    for i, eid in enumerate(ids):
        if (eid in library_ids and agreement.extra_pasal[i].replaces is None) or ids.index(eid) != i:
            problems.append(Problem(f"extra_pasal[{i}].id", f"nama '{eid}' sudah dipakai klausul atau pasal lain"))
    anchors = chosen | set(ids)
    for i, extra in enumerate(agreement.extra_pasal):
        for key in ("after", "before"):
            anchor = getattr(extra, key)
            if anchor is not None and (anchor not in anchors or anchor == ids[i]):
                problems.append(Problem(f"extra_pasal[{i}].{key}", _unknown(anchor, anchors - {ids[i]}, naskah)))
    if "ketentuan_penutup" not in chosen and any(
            e.after is None and e.before is None and not e.first and e.replaces is None for e in agreement.extra_pasal):
        problems.append(Problem("extra_pasal", "tanpa 'after', 'before' atau 'first', pasal tambahan diletakkan "
                                               "sebelum ketentuan penutup, yang tidak ada dalam naskah ini"))
    return problems


def _place_extras(agreement: Agreement, pasal: list[Section], source: str) -> list[Section]:
    """The extra Pasal put where the input says, in the order it lists them: several after the
    same Pasal follow it in that order, several 'first' open the naskah in that order. One placed
    after or before another extra Pasal waits until that one is placed."""
    pending = [i for i, e in enumerate(agreement.extra_pasal) if e.replaces is None]  # the others stand in place
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


def _kept_text(text: str, path: str, source: str) -> list[Paragraph]:
    try:
        return outline.parse_input(text, where=path)
    except LibraryError as exc:
        raise InputError(source, [Problem(path, str(exc).split(": ", 1)[-1])]) from None


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


def clause_paragraphs(agreement: Agreement, lib: Library, cid: str, context: Mapping[str, Any], *,
                      naskah: str) -> list[Paragraph]:
    """One clause's text (its default variant) written from the input and ``context``, outside a
    template: a naskah konsolidasi's note and its deleted Pasal."""
    clause = lib.clauses[cid]
    ctx = Helpers(agreement, lib, naskah, set()).context() | dict(context)
    try:
        return outline.parse(lib.compiled(clause, "default").render(ctx), where=f"klausul {cid}")
    except (jinja2.TemplateError, LibraryError) as exc:
        raise LibraryError(f"{clause.where('default')}: klausul {cid}: {exc}") from None
