"""A bilingual naskah (a Memorandum Saling Pengertian) read back: its front matter in both texts,
then, once its Indonesian Pasal are matched (match.py), the English of what they were written
from, and the proof that the input renders the English text as the naskah writes it.

The two texts have the same shape (assembly sees to it: one numbering serves both), so the
English of a field stands in the English paragraph at the place of the Indonesian one it was read
from: paragraph by paragraph, item by item. What the naskah prints only in capitals (the subject,
in the title) is cased as a title would be; what it does not print (the foreign Kerja Sama's units
and coordination, the partner's type; the short names, printed only in the paraf boxes, which are
not read) is left for the drafter, and the notes say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import terbilang
from ..checks.analysis import draft_paragraphs
from ..errors import InputError, Problem
from ..load import validate
from ..read import Paragraph, structure
from ..read.bilingual import PASAL_HEADING
from .front import (BLANK, BLANK_TEXT, Front, _as_written, _KEMENTERIAN, _PARENT_LINE, guessed_kinds, number_in_words,
                    read_date)
from .match import Matched, _document, _norm, _text, library_for, resolved
from .pasal import _lists, tree
from .source import Source, cut

KIND = "memorandum_saling_pengertian"
_CLOSING_ID = re.compile(r"^Ditandatangani di (?P<place>.+?) pada tanggal (?P<date>.+?) dalam rangkap (?P<n>.+?) dalam "
                         r"bahasa Indonesia dan bahasa Inggris, semua naskah sama autentiknya\.(?: Dalam hal terdapat "
                         r"perbedaan penafsiran, naskah bahasa (?P<lang>Inggris|Indonesia) yang berlaku\.)?"
                         r"(?: (?P<english>Signed at .*))?$")  # side by side, a DOCX's row reads as one paragraph
_CLOSING_EN = re.compile(r"^Signed at (?P<place>.+?) on ")
_FOREIGN_BODY = re.compile(r"Organi[sz]ation|Organisasi|International|Internasional", re.I)
_SMALL_EN = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "between"}
_EN_LABEL = re.compile(r"^\((?:[a-z]{1,2}|[ivx]+|\d+)\)\s+")


@dataclass
class English:
    """The English text as read: its parts, and the English input fields read so far."""

    src: Source
    data: dict[str, Any] = field(default_factory=dict)


def english_text(src: Source, translation: list[Paragraph], source: str) -> Source:
    """The English text cut into its parts (read by itself: the structure of a naskah read as one
    text put its title after the last Pasal), with as many Article as ``src`` has Pasal."""
    en = cut(structure([p.full for p in translation]))
    if len(src.pasal) != len(en.pasal):
        raise InputError(source, [Problem("", f"naskah dwibahasa: teks bahasa Indonesia mempunyai {len(src.pasal)} "
                                              f"Pasal, teks bahasa Inggris {len(en.pasal)} Article; kedua teks harus "
                                              "sama susunannya (Pasal 1 dengan Article 1, …): periksa Pasal atau "
                                              "Article yang hilang atau berlebih")])
    return en


def one_text(paragraphs: list[Paragraph], src: Source, source: str) -> None:
    """A naskah read as one text is refused where that text is not an Indonesian one to read: a
    Memorandum Saling Pengertian side by side whose lines were read across both columns (another
    tool's text of its PDF), or a naskah in English alone."""
    title = " ".join(p.text for p in src.title)
    if "MEMORANDUM SALING" in title and re.search(r"\bMEMORANDUM OF\b|\bUNDERSTANDING\b", title):
        raise InputError(source, [Problem("", "naskah dwibahasa berdampingan yang barisnya terbaca melintasi kedua "
                                              "kolom (teks bahasa Indonesia dan bahasa Inggris bercampur, mis. teks "
                                              "PDF dari alat lain): teksnya tidak dapat dipisahkan; baca DOCX-nya "
                                              "atau PDF-nya")])
    headings = [p.text for p in paragraphs if p.part == "heading"]
    if headings and not any(PASAL_HEADING.match(h) for h in headings):
        raise InputError(source, [Problem("", "naskah ini tidak mempunyai teks bahasa Indonesia (pasalnya 'Article'): "
                                              "isian disusun dari teks bahasa Indonesia naskah; baca naskah "
                                              "dwibahasanya, atau terjemahkan dahulu")])


def read_front(src: Source, en: Source) -> tuple[Front, English]:
    """The title block, the preamble, the closing words and the signatures, in both texts."""
    out, english = Front(), English(en)
    out.data["kind"] = KIND
    groups, subject = _title(src.title, ("ANTARA", "DAN", "TENTANG"))
    en_groups, en_subject = _title(en.title, ("BETWEEN", "AND", "ON"))
    out.data["tentang"] = _as_written(subject, src) if subject else BLANK_TEXT
    english.data["tentang"] = _english_case(en_subject)
    intro = src.front[0].text if src.front else ""
    en_intro = en.front[0].text if en.front else ""
    signed = _blocks(src.closing[1:])
    en_signed = _blocks(en.closing[1:])  # one text after the other: the English text's own signatures
    parties, en_parties = [], []
    for k, lines in enumerate(groups):
        block = signed[k] if k < len(signed) else _Signed()
        name, parent = _name_parent(lines, block.id)
        party: dict[str, Any] = {"name": _written_in(name, intro) or name.title()}
        if parent:
            party["parent"] = _written_in(parent, intro) or parent.title()
        party["short_name"] = party["name"]
        theirs: dict[str, Any] = {}
        if k < len(en_groups):
            en_block = en_signed[k] if k < len(en_signed) else block
            name, parent = _name_parent([re.sub(r"^THE ", "", en_groups[k][0]), *en_groups[k][1:]], en_block.en)
            theirs["name"] = _written_in(name, en_intro) or _english_case(name)
            if parent:
                theirs["parent"] = _written_in(parent, en_intro) or _english_case(parent).lower()
        parties.append(party)
        en_parties.append(theirs)
    numbers = [re.sub(r"^NOMOR\s*:\s*", "", p.text) for p in src.title if p.part == "number"]
    for party, number in zip(parties, numbers):  # printed for the parties that have one, in order
        if not BLANK.match(number):
            party["nomor"] = number
    if numbers and len(numbers) < len(parties):
        out.notes.append(f"{len(numbers)} nomor untuk {len(parties)} pihak: diberikan kepada pihak pertama dan "
                         "seterusnya; periksa parties[*].nomor")
    if "“the Participants”" in en_intro:
        out.style["english_parties"] = "participants"
    out.data["parties"], english.data["parties"] = parties, en_parties
    _recitals(src, en, out, english)
    _closing(src, en, out, english)
    _signatures(signed, en_signed, _vocabulary(src), _vocabulary(en), out, english)
    _kinds(parties, out)
    out.notes.append("tidak tercetak di naskah, diisi sendiri: foreign.units dan foreign.coordination (Permen 8/2025 "
                     "Pasal 8 dan 10); nama singkat para pihak (short_name) hanya tercetak di kotak paraf, yang tidak "
                     "dibaca: diisi sama dengan namanya, periksa")
    return out, english


def _title(lines: list[Paragraph], words: tuple[str, str, str]) -> tuple[list[list[str]], str]:
    """The parties' lines (name, then parent) and the subject, from a title block 'X / ANTARA / … /
    DAN / … / TENTANG / …' (in English 'BETWEEN', 'AND', 'ON')."""
    groups: list[list[str]] = []
    subject: list[str] = []
    state = "head"
    for p in lines:
        if p.part == "number":
            continue
        if p.text in words[:2]:
            groups.append([])
            state = "party"
        elif p.text == words[2]:
            state = "subject"
        elif state == "party":
            groups[-1].append(p.text)
        elif state == "subject":
            subject.append(p.text)
    return [g for g in groups if g], " ".join(subject)


def _name_parent(lines: list[str], signed: str | None) -> tuple[str, str]:
    """A party's title lines: its name and its parent. The signature names the party without its
    parent ('UNTUK DIREKTORAT JENDERAL IMIGRASI,'); where it does not tell, the parent stands on a
    line of its own (a wrapped name runs on until the line that opens a body's name)."""
    whole = " ".join(lines)
    if signed and (whole == signed or whole.startswith(signed + " ")):
        return signed, whole[len(signed):].strip()
    start = next((i for i, line in enumerate(lines[1:], 1) if _PARENT_LINE.match(line) or line.startswith("OF THE ")),
                 1 if len(lines) == 2 else len(lines))
    return " ".join(lines[:start]), " ".join(lines[start:])


def _written_in(upper: str, text: str) -> str | None:
    m = re.search(re.escape(" ".join(upper.split())), text, re.I)
    return m.group(0) if m else None


def _english_case(upper: str) -> str:
    """A text printed only in capitals, cased as an English title: 'Cooperation in Border …'."""
    words = upper.lower().split()
    return " ".join(w if k and w in _SMALL_EN else w[:1].upper() + w[1:] for k, w in enumerate(words))


def _recitals(src: Source, en: Source, out: Front, english: English) -> None:
    """'MENYADARI pentingnya …;' (a recital opened by its first word in capitals), or 'bahwa …' items
    under 'Dengan mempertimbangkan hal-hal sebagai berikut:'."""
    ours, theirs = src.front[1:-1], en.front[1:-1]
    if ours and ours[0].text.startswith("Dengan mempertimbangkan"):
        out.style["recital_leads"] = False
        ours, theirs = ours[1:], theirs[1:]
        strip_id, strip_en = re.compile(r"^bahwa "), re.compile(r"^that ")
    else:
        strip_id = strip_en = re.compile(r"^$")
    recitals = [_lead(strip_id.sub("", p.text)) for p in ours]
    if recitals:
        out.data["recitals"] = recitals
        english.data["recitals"] = [_lead(strip_en.sub("", p.text)) for p in theirs]


def _lead(text: str) -> str:
    word, _, rest = re.sub(r"[;.]\s*(?:dan|and)?$", "", text).partition(" ")
    word = word[:1] + word[1:].lower() if word.isupper() else word
    return f"{word} {rest}".strip()


def _closing(src: Source, en: Source, out: Front, english: English) -> None:
    """'Ditandatangani di … pada tanggal … dalam rangkap … . Dalam hal …, naskah bahasa … yang
    berlaku.': the place and date, the originals, the text that prevails."""
    m = _CLOSING_ID.match(_words(src))
    if m is None:
        out.notes.append("kalimat penutup (Ditandatangani di …) tidak terbaca: tempat dan tanggal penandatanganan, "
                         "rangkap, dan teks yang berlaku diisi bawaan; periksa signing dan prevailing_text")
        return
    signing: dict[str, Any] = {}
    if not BLANK.match(m["place"]):
        signing["place"] = m["place"]
    date = read_date(m["date"])
    if date:
        signing["date"] = date.isoformat()
    else:
        out.data["draft"] = True
        partial = re.match(r"^…+ (\w+) (\d{4})$", m["date"])
        if partial and partial[1] in terbilang.BULAN:
            signing["date"] = f"{partial[2]}-{terbilang.BULAN.index(partial[1]) + 1:02d}"
    if signing:
        out.data["signing"] = signing
    originals = number_in_words(m["n"])
    if originals and originals != len(out.data["parties"]):
        out.data["originals"] = originals
    out.data["prevailing_text"] = {"Inggris": "en", "Indonesia": "id", None: "none"}[m["lang"]]
    place = _CLOSING_EN.match(m["english"] or _words(en))
    if place and "place" in signing and place["place"] != signing["place"]:
        english.data["signing"] = {"place": place["place"]}
    out.notes.append(f"penutup: {signing.get('date', 'tanggal belum diisi')}"
                     + (f" di {signing['place']}" if "place" in signing else ""))


@dataclass
class _Signed:
    """A party's signature: whom it is for, in each language, and the lines under it."""

    id: str | None = None  # 'UNTUK DIREKTORAT JENDERAL IMIGRASI,': DIREKTORAT JENDERAL IMIGRASI
    en: str | None = None  # 'FOR THE DIRECTORATE GENERAL OF IMMIGRATION:'
    lines: list[str] = field(default_factory=list)  # the name, the position(s)


def _blocks(paragraphs: list[Paragraph]) -> list[_Signed]:
    """The signatures under the closing words, a party after the other (the readers read a signature
    table column by column); a label wrapped over lines (a PDF's narrow column) is joined again."""
    out: list[_Signed] = []
    label: list[str] = []
    for p in paragraphs:
        text = p.text
        if label or text.startswith(("UNTUK ", "FOR THE ")):
            label.append(text)
            if not text.endswith((",", ":")) and len(label) < 4:
                continue
            whole, label = " ".join(label), []
            m = re.match(r"^(UNTUK|FOR THE) (.+?)[,:]?$", whole)
            assert m is not None
            english = m[1] == "FOR THE"
            if not out or (getattr(out[-1], "en" if english else "id") is not None or out[-1].lines):
                out.append(_Signed())
            setattr(out[-1], "en" if english else "id", m[2])
        elif out and any(c.isalpha() for c in text):  # not a rule ('-----', a Markdown page break)
            out[-1].lines.append(text)
    return out


def _words(text: Source) -> str:
    """The closing words, up to the signatures (a PDF's column may break them after a sentence)."""
    words = []
    for p in text.closing:
        if p.text.startswith(("UNTUK ", "FOR THE ")):
            break
        words.append(p.text)
    return " ".join(words)


def _signatures(signed: list[_Signed], en_signed: list[_Signed], words: set[str], en_words: set[str], out: Front,
                english: English) -> None:
    """Each party's signatory: the name under its label, then the position; its English below it
    (side by side; once when the same), or in the English text's own signatures (one text after the
    other)."""
    out.style["layout"] = "sequential" if en_signed else "columns"
    for k, party in enumerate(out.data["parties"]):
        lines = signed[k].lines if k < len(signed) else []
        if en_signed:
            position = " ".join(lines[1:])
            theirs = en_signed[k].lines if k < len(en_signed) else []
            en_position = " ".join(theirs[1:])
        else:
            position, en_position = _two_positions(lines[1:], words, en_words)
        party["representative"] = {"name": lines[0] if lines else BLANK_TEXT, "position": position or BLANK_TEXT}
        english.data["parties"][k]["representative"] = {"position": en_position or BLANK_TEXT}
        if not (lines[1:] and en_position):
            out.notes.append(f"parties[{k}]: penandatangan atau jabatannya tidak terbaca; diisi {BLANK_TEXT}")


def _two_positions(lines: list[str], words: set[str], en_words: set[str]) -> tuple[str, str]:
    """A position and its English below it, as a signature side by side prints them: a paragraph
    each (one paragraph: the same in both, or, a PDF's lines run together, both: parted where the
    words before are the Indonesian text's and those after the English text's, if anywhere)."""
    if len(lines) == 2 or not lines:
        return (lines[0], lines[-1]) if lines else ("", "")

    def score(parts: tuple[list[str], list[str]]) -> int:
        def side(ws: list[str], ours: set[str], theirs: set[str]) -> int:
            bare = [w.lower().strip(",.") for w in ws]
            return sum(w in ours and w not in theirs for w in bare) - sum(w in theirs and w not in ours for w in bare)
        return side(parts[0], words, en_words) + side(parts[1], en_words, words)

    if len(lines) > 2:  # more paragraphs than two: parted between two of them
        cuts = [(" ".join(lines[:j]).split(), " ".join(lines[j:]).split()) for j in range(1, len(lines))]
        best = max(cuts, key=score)
    else:
        flat = lines[0].split()
        cuts = [(flat[:j], flat[j:]) for j in range(1, len(flat)) if flat[j][:1].isupper()]
        best = max(cuts, key=score, default=(flat, flat))
        best = best if score(best) > 0 else (flat, flat)
    return " ".join(best[0]), " ".join(best[1])


def _vocabulary(text: Source) -> set[str]:
    """The words of a text's title, preamble and Pasal (lower case)."""
    paragraphs = text.title + text.front + [p for pasal in text.pasal for p in pasal.body]
    return {w.lower().strip(",.;:()“”\"") for p in paragraphs for w in p.text.split()}


def _kinds(parties: list[dict[str, Any]], out: Front) -> None:
    """The Kementerian's own side (the first party whose name says so, else the first party) and
    the foreign partners' kind, guessed from their names."""
    own = next((k for k, p in enumerate(parties) if _KEMENTERIAN.search(f"{p['name']} {p.get('parent', '')}")), 0)
    for k, party in enumerate(parties):
        party["mitra_type"] = "kementerian" if k == own else \
            "organisasi_internasional" if _FOREIGN_BODY.search(party["name"]) else "lembaga_pemerintah_asing"
    guessed_kinds(parties, out)


# The English of each clause's data, read from the English paragraphs beside the Indonesian ones.

def read_english(found: Matched, src: Source, english: English, source: str) -> None:
    """The English of the matched clauses' data and of the Pasal kept word for word, into
    ``found.data['english']``; then the input rendered, and its English text compared with the
    naskah's, Article by Article (what differs goes to ``found.differences``)."""
    data, en = found.data, english.data
    extras = iter(range(len(data.get("extra_pasal", []))))
    titles = data.get("clauses", {}).get("titles", {})
    ids = _ids(found.rows, src, data.get("extra_pasal", []))
    for k, (row, ours, theirs) in enumerate(zip(found.rows, src.pasal, english.src.pasal)):
        rows = _parallel(ours.body, theirs.body)
        if rows is None:
            found.differences.append(f"Article {theirs.number}: paragrafnya tidak sama banyak dengan Pasal "
                                     f"{ours.number}; bahasa Inggrisnya tidak terbaca")
            continue
        if row.kept:
            i = next(extras)
            en.setdefault("extra_pasal", [{} for _ in data["extra_pasal"]])[i] = \
                {"title": theirs.title, "text": _outline(ours, rows, ids)}
            continue
        if row.clause in titles:
            en.setdefault("titles", {})[row.clause] = theirs.title
        _CLAUSES.get(row.clause or "", lambda *_: None)(rows, en)
    data["english"] = _pruned(en)
    found.differences += _unread(data, source) + _english_differences(src, english.src, data, source)


def _unread(data: dict[str, Any], source: str) -> list[str]:
    """An English text the naskah prints but that was not read (an Article whose paragraphs do not
    pair with its Pasal's) is left blank, ``……………``, for the drafter: said in the report."""
    try:
        agreement = validate(resolved(data), source=source)
        _document(agreement, library_for(agreement, source=source), source, english=True)
        return []
    except InputError as exc:
        paths = [p.path for p in exc.problems if p.path.startswith("english.") and "belum diisi" in p.message]
        if not paths or len(paths) < len(exc.problems):
            raise
    for path in paths:
        *parents, last = [int(k) if k.isdigit() else k for k in re.findall(r"[^.\[\]]+", path)[1:]]
        node = data["english"]
        for key, after in zip(parents, [*parents[1:], last]):
            if isinstance(node, list):
                node.extend({} if isinstance(after, str) else [] for _ in range(key + 1 - len(node)))
            elif key not in node:
                node[key] = {} if isinstance(after, str) else []
            node = node[key]
        if isinstance(node, list):
            node.extend("" for _ in range(last + 1 - len(node)))
        node[last] = BLANK_TEXT
    return [f"{path}: teks bahasa Inggris tidak terbaca; diisi {BLANK_TEXT}" for path in paths]


def _parallel(ours: list[Paragraph], theirs: list[Paragraph]) -> list[tuple[int, Paragraph]] | None:
    """The English paragraphs with the list depth of the Indonesian ones beside them, labels and the
    punctuation lists end with left out (as ``pasal.tree`` gives the Indonesian ones)."""
    rows = tree(ours)
    if len(ours) != len(theirs) or len(rows) != len(ours):
        return None
    return [(d, Paragraph(_EN_LABEL.sub("", p.text) if d else p.text, p.part, q.label, p.pasal))
            for (d, q), p in zip(rows, theirs)]


def _end(text: str) -> str:
    return re.sub(r"(?:;\s*(?:and/or|and|or)|[;.:,])\s*$", "", text).strip()


def _purpose(rows: list[tuple[int, Paragraph]], en: dict[str, Any]) -> None:
    found = {key: m[1] for _, p in rows
             for key, lead in (("maksud", "purpose"), ("tujuan", "objective"))
             if (m := re.match(rf"^The {lead} of this .+? is (.+?)\.?$", p.text))}
    if found:
        en["purpose"] = found


def _scope(rows: list[tuple[int, Paragraph]], en: dict[str, Any]) -> None:
    ended = [(d, Paragraph(_end(p.text), p.part, p.label, p.pasal) if d else p) for d, p in rows]
    for name, items in zip(["scope", "forms"], _lists(ended)):
        en[name] = items


def _contact_points(rows: list[tuple[int, Paragraph]], en: dict[str, Any]) -> None:
    names = [(p.get("name") or "").lower() for p in en["parties"]]
    for d, p in rows:
        m = re.match(r"^for the (.+?): (.+)$", _end(p.text))
        if d == 1 and m and m[1].lower() in names:
            en["parties"][names.index(m[1].lower())]["pejabat_penghubung"] = m[2]


def _financing(rows: list[tuple[int, Paragraph]], en: dict[str, Any]) -> None:
    paras = [p.text for d, p in rows if d == 0]
    if len(paras) == 3:
        en["financing"] = paras[-1]


_CLAUSES = {"msp_tujuan": _purpose, "msp_ruang_lingkup": _scope, "msp_pejabat_penghubung": _contact_points,
            "msp_pembiayaan": _financing}


def _ids(rows: list[Any], src: Source, extra: list[dict[str, Any]]) -> dict[int, str]:
    """Each Pasal's id in the input, by its number: the clause it became, the clause it stands in
    for (``replaces``), or its own as an extra Pasal (the extra Pasal in the order of the kept rows)."""
    kept = iter(extra)
    ids = {}
    for row, p in zip(rows, src.pasal):
        own = next(kept) if row.kept else {}
        ids[p.number] = row.clause or row.replaces or own.get("id")
    return ids


def _outline(ours: Any, rows: list[tuple[int, Paragraph]], ids: dict[int, str]) -> str:
    """An Article kept word for word: the outline of its Pasal (same ayat, items and anchors), in
    its English words, 'Article 3' of this naskah a reference as 'Pasal 3' is in the Indonesian."""
    from .pasal import outline
    english = [Paragraph(p.text, p.part, q.label, p.pasal) for (_, p), q in zip(rows, ours.body)]
    return outline(english, ours.number, ids)


def _pruned(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items() if v not in ({}, [], None, "")}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value


def _closing_en(src: Source | None, en: Source) -> str:
    """The English closing words: in the English text, or (side by side, from a DOCX) after the
    Indonesian ones in the row that holds both."""
    if en.closing:
        return _norm(_words(en))
    m = _CLOSING_ID.match(_words(src)) if src else None
    return _norm(m["english"] or "") if m else ""


def _english_differences(src: Source, en: Source, data: dict[str, Any], source: str) -> list[str]:
    """Where the input's English text is not the naskah's: its title and preamble, sentence by
    sentence, and each Article."""
    from .match import _sentences
    try:
        agreement = validate(resolved(data), source=source)
        doc = _document(agreement, library_for(agreement, source=source), source, english=True)
    except InputError as exc:
        return [f"teks bahasa Inggris: {p.path}: {p.message}" for p in exc.problems]
    assert doc.translation is not None
    rendered = cut(structure(draft_paragraphs(doc.translation)))
    out = []
    ours, theirs = _sentences(en.title + en.front), _sentences(rendered.title + rendered.front)
    if ours != theirs:
        out += [f"naskah (bahasa Inggris): {x}" for x in ours if x not in theirs]
        out += [f"isian (bahasa Inggris) : {x}" for x in theirs if x not in ours]
    for want, got in zip(en.pasal, rendered.pasal):
        if _text(want) != _text(got):
            out.append(f"Article {want.number} {want.title}: teks bahasa Inggrisnya lain dari naskah")
    if _closing_en(src, en) != _closing_en(None, rendered):
        out.append("kalimat penutup bahasa Inggris (Signed at …) lain dari naskah")
    return out

