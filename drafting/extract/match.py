"""Matching a read naskah's Pasal to the library, and proving it by rendering.

Each Pasal is given to the reader of the clause its title names (``pasal.READERS``); the input so
far is rendered once with every clause whose input is there, and a Pasal whose text is that of a
rendered clause (Pasal numbers aside) becomes that clause, with its data. The others are kept
word for word as ``extra_pasal``: in the place of the clause their title names (``replaces``),
or after the Pasal before them. Clauses the naskah does not have are excluded. The result is
rendered again and compared Pasal by Pasal; a clause that does not give the same text is kept
word for word instead, until every Pasal renders as it was written."""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..checks.analysis import draft_paragraphs
from ..document import Document
from ..layout import blocks
from ..errors import InputError, LibraryError
from ..library import Library
from ..load import validate
from ..model import Agreement
from ..numbering import number
from ..assemble import assemble, library_for
from ..read import structure
from ..typography import emphasise
from .pasal import READERS, outline, tree
from .source import Pasal, Source, cut

# Titles real naskah give to the library's Pasal (REAL-AGREEMENTS.md, seed 003)
SYNONYMS = {
    "pembiayaan": ["PEMBIAYAAN", "BIAYA", "PEMBEBANAN BIAYA"],
    "monitoring_evaluasi": ["MONITORING DAN EVALUASI", "PEMANTAUAN DAN EVALUASI", "EVALUASI"],
    "ketentuan_penutup": ["PENUTUP"],
    "perubahan": ["ADENDUM", "ADDENDUM", "PERUBAHAN (ADENDUM)", "AMANDEMEN"],
    "larangan_hadiah": ["LARANGAN PEMBERIAN/ PENERIMAAN HADIAH", "LARANGAN PEMBERIAN HADIAH"],
    "jaringan_komunikasi_data": ["PENYEDIAAN DAN PEMELIHARAAN JARINGAN KOMUNIKASI DATA"],
    "peningkatan_kapasitas": ["PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA"],
    "ketentuan_umum": ["PENGERTIAN", "DEFINISI"],
    "penyelesaian_perselisihan": ["PENYELESAIAN SENGKETA"],
    "ruang_lingkup": ["LINGKUP KERJASAMA", "LINGKUP KERJA SAMA"],  # D2
    "jangka_waktu": ["MULAI BERLAKU", "MASA BERLAKU"],  # D2: 'mulai berlaku … untuk jangka waktu 3 (tiga) tahun'
    "keadaan_kahar": ["FORCE MAJEURE", "KEADAAN MEMAKSA"],
}
_ROUNDS = 4
# Readers tried on a Pasal whose title names no clause, in this order: each reads only a text of
# its own clause's form (a reader of any list, like Ruang Lingkup's, is tried by title alone).
BY_TEXT = ["tugas_tanggung_jawab", "pejabat_penghubung", "pertukaran_data", "jaringan_komunikasi_data", "jangka_waktu",
           "monitoring_evaluasi", "hukum_yang_berlaku", "korespondensi", "pelindungan_data_pribadi", "pengakhiran",
           "tidak_mengikat", "lampiran", "ketentuan_umum", "maksud_tujuan"]


@dataclass
class Row:
    """One Pasal of the naskah in the report."""

    number: int
    title: str
    clause: str | None = None  # the library clause it became
    variant: str = "default"
    data: dict[str, Any] = field(default_factory=dict)  # what its reader read
    kept: bool = False  # kept word for word
    replaces: str | None = None
    similar: tuple[str, float] | None = None  # the nearest clause when kept


@dataclass
class Matched:
    data: dict[str, Any]
    rows: list[Row]
    differences: list[str]  # what the input does not render as written (front matter, a Pasal)


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def _words(title: str) -> set[str]:
    return set(re.findall(r"[A-Z]+", title.upper())) - {"DAN", "ATAU", "DALAM", "ATAS"}


def title_candidate(title: str, entries: list[str], lib: Library) -> str | None:
    best, score = None, 0.0
    for cid in entries:
        clause = lib.clauses[cid]
        # a Memorandum's own clause (msp_pembiayaan) is called what its PKS namesake is
        synonyms = SYNONYMS.get(cid, SYNONYMS.get(cid.removeprefix("msp_"), []))
        names = {clause.title, *(v.title for v in clause.variants.values() if v.title), *synonyms}
        for name in names:
            if _norm(name.upper()) == _norm(title.upper()):
                return cid
            a, b = _words(name), _words(title)
            s = len(a & b) / len(a | b) if a | b else 0
            if s > score:
                best, score = cid, s
    return best if score >= 0.5 else None


def merge(data: dict[str, Any], patch: dict[str, Any]) -> None:
    for key, value in patch.items():
        if key == "_party_fields":
            for i, fields in value.items():
                if i < len(data["parties"]):
                    data["parties"][i].update(fields)
        elif key == "_variant":
            continue
        elif isinstance(value, dict) and isinstance(data.get(key), dict):
            merge(data[key], value)
        else:
            data[key] = value


def resolved(data: dict[str, Any]) -> dict[str, Any]:
    """The input with each marked choice of a name taken as its first spelling (for rendering here)."""
    parties = []
    for p in data.get("parties", []):
        name = p.get("representative", {}).get("name")
        if isinstance(name, dict):
            p = {**p, "representative": {**p["representative"], "name": name["pilih"][0]}}
        parties.append(p)
    return {**data, "parties": parties}


def render_source(agreement: Agreement, lib: Library, source: str) -> tuple[Source, list[str]]:
    """The input rendered and read back as a naskah is read, with the ids of its Pasal in order."""
    doc = _document(agreement, lib, source)
    return cut(structure(draft_paragraphs(doc))), [s.id for s in doc.pasal]


def _document(agreement: Agreement, lib: Library, source: str, english: bool = False) -> Document:
    """The numbered document; of a bilingual naskah, its Indonesian text unless ``english`` (its
    English text is read, and proved, once its Pasal are matched)."""
    return emphasise(number(assemble(agreement, source=source, lib=lib, english=english),
                            list_levels=agreement.style.list_levels))


def _front_texts(doc: Document) -> dict[str, str]:
    """Each part of the front matter as one text, as the naskah's parts are compared."""
    return {sec.id: _norm(" ".join(b.text() for b in blocks(replace(doc, title=[], front=[sec], pasal=[], closing=[]))))
            for sec in doc.front}


def _kept_front(src: Source, parts: dict[str, tuple[int, int]], data: dict[str, Any], lib: Library,
                source: str) -> dict[str, Any]:
    """A part of the front matter the input does not render as the naskah wrote it is kept word for
    word (``clauses.texts``); one the naskah does not have is left out."""
    agreement = validate(resolved(data), source=source)
    if tuple(lib.template(agreement.kind.value).front) != tuple(parts):
        return data
    rendered = _front_texts(_document(agreement, lib, source))
    texts = {}
    for cid, (a, b) in parts.items():
        ours = _norm(" ".join(p.full for p in src.front[a:b]))
        if rendered.get(cid, "") != ours:
            texts[cid] = outline(src.front[a:b], 0, {}) if b > a else ""
    if not texts:
        return data
    return dict(data, clauses={**data.get("clauses", {}), "texts": texts})


def _masked(p: Pasal) -> list[str]:
    return [re.sub(r"\bPasal \d+", "Pasal #", " ".join(_norm(x.full) for x in p.body))]


def _text(p: Pasal) -> list[str]:
    """A Pasal's words as one text: where a reader breaks a paragraph's lines is not the text."""
    return [_norm(p.title.upper()), " ".join(_norm(x.full) for x in p.body)]


def match(src: Source, data: dict[str, Any], source: str, parts: dict[str, tuple[int, int]] | None = None) -> Matched:
    agreement = validate(resolved(data), source=source)
    lib = library_for(agreement, source=source)
    tpl = lib.template(agreement.kind.value)
    entries = [e.clause for e in tpl.entries()]
    required = {e.clause for e in tpl.entries() if e.required}
    labels = _labels(data)
    rows = [Row(p.number, p.title) for p in src.pasal]
    named = {}
    for k, p in enumerate(src.pasal):
        cid = title_candidate(p.title, entries, lib)
        if cid and cid not in named.values():
            named[k] = cid
            if cid in READERS:
                patch = READERS[cid](tree(p.body), labels)
                rows[k].data = {key: v for key, v in patch.items() if key != "_variant"}
                rows[k].variant = patch.get("_variant", "default")
                merge(data, patch)
                if patch.get("_variant"):
                    data.setdefault("clauses", {}).setdefault("variants", {})[cid] = patch["_variant"]
    by_text: set[int] = set()
    for k, p in enumerate(src.pasal):  # a title the library does not know: its text may still be a clause's
        for cid in (c for c in BY_TEXT if k not in named and c in entries and c not in named.values()):
            patch = READERS[cid](tree(p.body), labels)
            if patch:
                named[k] = cid
                by_text.add(k)
                rows[k].data = patch
                merge(data, patch)
    data = _valid_parts(data, source)
    dumped = validate(resolved(data), source=source).model_dump(mode="json")
    missing_required = [cid for cid in required if lib.clauses[cid].missing_input(dumped)]
    variants = data.get("clauses", {}).get("variants", {})
    never: set[int] = set()  # Pasal that did not render as written as a clause: kept word for word
    exclude: list[str] = []
    matched: dict[int, str] = {}
    for _ in range(_ROUNDS):
        texts = _probe(data, exclude, missing_required, lib, source, entries)
        matched = {}
        for k, p in enumerate(src.pasal):
            if k in never:
                continue
            want = _masked(p)
            order = ([named[k]] if k in named else []) + [c for c in texts if c != named.get(k)]
            for cid, variant in ((c, v) for c in order for v in texts.get(c, {})):
                if texts[cid][variant] == want and cid not in matched.values() and cid not in missing_required:
                    matched[k] = cid
                    if variant != variants.get(cid, "default"):
                        data.setdefault("clauses", {}).setdefault("variants", {})[cid] = variant
                    rows[k].variant = variant
                    break
        final = _assign(src, data, matched, {k: c for k, c in named.items() if k not in by_text}, entries, lib,
                        dumped, rows, required)
        rendered, ids = render_source(validate(resolved(final), source=source), lib, source)
        wrong = {k for k, (want, got) in enumerate(zip(src.pasal, rendered.pasal)) if _text(want) != _text(got)}
        new_exclude = final.get("clauses", {}).get("exclude", [])
        if not (wrong & set(matched)) and new_exclude == exclude:
            break
        never |= wrong & set(matched)
        exclude = new_exclude
    final, rendered = _meterai(src, final, rendered, lib, source)
    if parts:
        final = _kept_front(src, parts, final, lib, source)
        rendered, _ = render_source(validate(resolved(final), source=source), lib, source)
    for k, p in enumerate(src.pasal):
        ref = texts.get(named.get(k, ""), {})
        if rows[k].kept and ref:
            ratio = max(difflib.SequenceMatcher(None, " ".join(_masked(p)), " ".join(t), autojunk=False).ratio()
                        for t in ref.values())
            rows[k].similar = (named[k], ratio)
    return Matched(final, rows, _differences(src, rendered))


def _probe(data: dict[str, Any], exclude: list[str], missing_required: list[str], lib: Library, source: str,
           entries: list[str]) -> dict[str, dict[str, list[str]]]:
    """Clause id → variant → its text (Pasal numbers masked), rendered from the input so far with
    the clauses the naskah has, in each of their variants."""
    out: dict[str, dict[str, list[str]]] = {}
    chosen_variants = data.get("clauses", {}).get("variants", {})
    most = max(len(lib.clauses[c].variants) for c in entries)
    for j in range(most):
        variants = dict(chosen_variants)
        for cid in entries:
            names = sorted(lib.clauses[cid].variants)
            if j and j < len(names):
                variants[cid] = names[j]
        clauses = {**data.get("clauses", {}), "exclude": exclude, "variants": variants}
        probe = dict(data, clauses=clauses,
                     extra_pasal=[{"replaces": cid, "title": cid, "paragraphs": ["-"]} for cid in missing_required])
        try:
            rendered, ids = render_source(validate(resolved(probe), source=source), lib, source)
        except (InputError, LibraryError):
            continue  # a variant that needs what the input does not have
        for cid, p in zip(ids, rendered.pasal):
            out.setdefault(cid, {}).setdefault(variants.get(cid, "default"), _masked(p))
    return out


def _labels(data: dict[str, Any]) -> list[str]:
    """How the Pasal name the parties: PIHAK PERTAMA …, or (a Memorandum Saling Pengertian) by name."""
    from .. import terbilang
    if data.get("kind") == "memorandum_saling_pengertian":
        return [p["name"] for p in data["parties"]]
    first = "PIHAK KESATU" if data.get("style", {}).get("party_label") == "kesatu" else "PIHAK PERTAMA"
    return [first] + [f"PIHAK {terbilang.ordinal(k).upper()}" for k in range(2, len(data["parties"]) + 1)]


def _valid_parts(data: dict[str, Any], source: str) -> dict[str, Any]:
    """Drop what a reader read that does not validate (a half-read field), so that the rest can be
    rendered: that Pasal is then kept word for word."""
    for _ in range(20):
        try:
            validate(resolved(data), source=source)
            return data
        except InputError as exc:
            paths = {p.path.split(".")[0].split("[")[0] for p in exc.problems}
            droppable = paths & {"definitions", "purpose", "scope", "data_exchange", "capacity_building", "term",
                                 "monitoring", "domicile", "originals", "renewal", "nota_kesepahaman"}
            if not droppable:
                raise
            data = {k: v for k, v in data.items() if k not in droppable}
    return data


def _slug(title: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:40] or "pasal"
    base = base if base[0].isalpha() else f"pasal_{base}"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}_{n}", n + 1
    taken.add(slug)
    return slug


def _assign(src: Source, data: dict[str, Any], matched: dict[int, str], named: dict[int, str], entries: list[str],
            lib: Library, dumped: dict[str, Any], rows: list[Row], required: set[str]) -> dict[str, Any]:
    """The input: matched Pasal as clauses, the others word for word, in the naskah's order."""
    replaced = {k: cid for k, cid in named.items() if k not in matched and cid not in matched.values()}
    placed = {**matched, **replaced}
    keep = _in_order(sorted(placed), lambda k: entries.index(placed[k]))
    taken = set(lib.clauses)
    ids: dict[int, str] = {}
    for k, p in enumerate(src.pasal):
        ids[p.number] = placed[k] if k in keep else _slug(p.title, taken)
    extras = []
    previous: str | None = None
    for k, p in enumerate(src.pasal):
        row = rows[k]
        row.clause, row.kept, row.replaces = (matched[k], False, None) if k in keep and k in matched else (None, True, None)
        if k in keep and k in replaced:
            row.replaces = replaced[k]
        if row.kept:
            extra: dict[str, Any] = {"title": p.title}
            if row.replaces:
                extra["replaces"] = row.replaces
            elif previous is None:
                extra.update(id=ids[p.number], first=True)
            else:
                extra.update(id=ids[p.number], after=previous)
            extra["text"] = outline(p.body, p.number, ids)
            extras.append(extra)
        previous = ids[p.number]
    used = {placed[k] for k in keep}
    chosen = [cid for cid in entries if not lib.clauses[cid].missing_input(dumped)
              or cid in required]  # a required Pasal the naskah lacks: excluded (signed before Permen 8/2025)
    out = {k: v for k, v in data.items() if k not in ("extra_pasal",)}
    clauses = dict(out.get("clauses", {}))
    exclude = [cid for cid in chosen if cid not in used]
    if exclude:
        clauses["exclude"] = exclude
    titles = {placed[k]: src.pasal[k].title for k in keep if k in matched
              and _norm(src.pasal[k].title.upper()) != _norm((lib.clauses[placed[k]].title_in(
                  clauses.get("variants", {}).get(placed[k], "default")) or "").upper())}
    if titles:
        clauses["titles"] = titles
    if clauses:
        out["clauses"] = clauses
    if extras:
        out["extra_pasal"] = extras
    return out


def _in_order(keys: list[int], rank: Any) -> set[int]:
    """The largest set of ``keys`` (in the naskah's order) whose template ranks go up: those can
    stand where the template puts them; the rest are placed after the Pasal before them."""
    best: list[list[int]] = []
    for k in keys:
        candidates = [seq for seq in best if rank(seq[-1]) < rank(k)]
        seq = max(candidates, key=len, default=[]) + [k]
        best.append(seq)
    return set(max(best, key=len, default=[]))


def _differences(src: Source, rendered: Source) -> list[str]:
    out = []
    ours = _sentences(src.title + src.front)
    theirs = _sentences(rendered.title + rendered.front)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if op != "equal":
            out += [f"naskah: {x}" for x in ours[i1:i2]] + [f"isian : {x}" for x in theirs[j1:j2]]
    if len(src.pasal) != len(rendered.pasal):
        out.append(f"{len(src.pasal)} Pasal dalam naskah, {len(rendered.pasal)} dari isian")
    for want, got in zip(src.pasal, rendered.pasal):
        if _text(want) != _text(got):
            out.append(f"Pasal {want.number} {want.title}: teksnya lain dari naskah")
    return out


def _sentences(paragraphs: list[Any]) -> list[str]:
    text = " ".join(_norm(p.full) for p in paragraphs)
    return [x for x in re.split(r"(?<=[.;:])\s+", text) if x]


def _meterai(src: Source, data: dict[str, Any], rendered: Source, lib: Library,
             source: str) -> tuple[dict[str, Any], Source]:
    """Which signatures stand on a meterai, where the signature blocks were read column across
    column (a PDF): the assignment whose signatures read as the naskah's."""
    want = _bag(src)  # the words, in any order: columns read across, lines wrapped
    if _bag(rendered) == want:
        return data, rendered
    count = sum(word.lower() in ("meterai", "materai") for word in want)
    n = len(data["parties"])
    for chosen in itertools.combinations(range(n), count):
        parties = [{k: v for k, v in p.items() if k != "meterai"} | ({} if i in chosen else {"meterai": False})
                   for i, p in enumerate(data["parties"])]
        candidate = dict(data, parties=parties)
        again, _ = render_source(validate(resolved(candidate), source=source), lib, source)
        if _bag(again) == want:
            return candidate, again
    return data, rendered


def _bag(src: Source) -> list[str]:
    return sorted(w.upper() for p in src.signature for w in p.text.split())
