"""A Pasal of a read naskah: kept word for word as clause outline (its ayat and lists as outline
levels, its cross-references as ``{{ nomor("…") }}`` so that renumbering stays right), and read
for the data a library clause is written from (``READERS``: the years of Jangka Waktu, the
officials of Pejabat Penghubung, the flows of Pertukaran Data …)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..read import Paragraph
from .front import BLANK, read_date

# label → its sequence: ayat, or a list's kind of label
_KINDS = [("ayat", re.compile(r"^\(\d+\)$")), ("a.", re.compile(r"^[a-z]\.$")), ("1.", re.compile(r"^\d+\.$")),
          ("a)", re.compile(r"^[a-z]\)$")), ("1)", re.compile(r"^\d+\)$")), ("I.", re.compile(r"^[IVX]+\.$"))]
_REF = re.compile(r"\b(?:Pasal|Article) (?P<pasal>\d+)\b|\bayat \((?P<ayat>\d+)\)")
# What a cited Pasal belongs to when it is not this naskah's: 'Pasal 7 ayat (1) Peraturan Pemerintah
# …', 'Pasal 5 Perjanjian Induk', 'Article 3 of the Convention' (but '… Perjanjian Kerja Sama ini',
# 'of this Memorandum' are this naskah's). Such a citation stays as written: renumbering must not touch it.
_WITHIN = re.compile(r"(?:\s+(?:ayat\s+\(\d+\)|huruf\s+[a-z]\b|angka\s+\d+\b|paragraph\s+\(?\d+\)?))*")
_INSTRUMENT = re.compile(r"\s+(?:Undang-[Uu]ndang|Peraturan|Keputusan|Instruksi|Surat|Konvensi|Perjanjian|Nota|"
                         r"Memorandum|Kitab|Persetujuan|Protokol|Piagam|UU|PP|Perpres|Permen|Keppres|KUH\w*)\b"
                         r"(?P<rest>[^.;:,()]*)")
_OTHER_INSTRUMENT = re.compile(r"\s+of\s+(?!this\b)(?:the\s+)?[A-Z]")


def elsewhere(text: str, end: int) -> bool:
    """Whether the Pasal cited just before ``end`` is another instrument's."""
    at = _WITHIN.match(text, end).end()  # type: ignore[union-attr]
    named = _INSTRUMENT.match(text, at)
    if named:
        return not re.search(r"\bini\b", named["rest"])
    return bool(_OTHER_INSTRUMENT.match(text, at))


# The lines of an address for notices under its party (korespondensi.yaml), and their fields.
_ADDRESS = {"u.p.": "addressee", "Alamat": "address", "Surel": "email", "Telepon": "phone"}
_ADDRESS_FIELD = "|".join(re.escape(key) for key in _ADDRESS)
_ADDRESS_LINE = re.compile(rf"(?:{_ADDRESS_FIELD})\s*:")


def label_kind(label: str) -> str:
    return next((kind for kind, pattern in _KINDS if pattern.match(label)), "")


def tree(body: list[Paragraph]) -> list[tuple[int, Paragraph]]:
    """Each paragraph with its list depth (0: a paragraph or ayat, 1: an item of its list …). A
    paragraph without a label that continues an item's sentence (a page break in the middle of
    it) is part of that item; so is an address's 'u.p. :' or 'Alamat :' line, after a line break
    (the reader reads each line of a paragraph as one)."""
    out: list[tuple[int, Paragraph]] = []
    stack: list[str] = []
    for p in body:
        kind = label_kind(p.label)
        if kind == "" and stack and out and not re.search(r"[.;:]$", out[-1][1].text):
            depth, previous = out[-1]
            joint = "\n" if _ADDRESS_LINE.match(p.full) else " "
            out[-1] = (depth, Paragraph(previous.text + joint + p.text, previous.part, previous.label, previous.pasal))
            continue
        if kind in ("", "ayat"):
            stack = []
            out.append((0, p))
            continue
        if kind in stack:
            del stack[stack.index(kind) + 1:]
        else:
            stack.append(kind)
        out.append((len(stack), p))
    return out


def outline(body: list[Paragraph], here: int, ids: dict[int, str]) -> str:
    """The Pasal's text as clause outline, word for word: items keep their own punctuation
    ('-[]') and their line breaks, 'Pasal N' of another Pasal and 'ayat (N)' of this one become
    references."""
    ayat = [p for p in body if label_kind(p.label) == "ayat"]
    numbered = {int(p.label.strip("()")) for p in ayat} if len(body) > 1 else set()
    lines = []
    previous_depth = 0
    marker = "-"
    rows = _unnumbered(tree(body), bool(ayat))
    for depth, p in rows:
        text = _refs(p.text, here, ids, numbered).replace("\n", "{{ br }}")
        if depth == 1 and previous_depth == 0:  # a list's sequence is its first level's: a. or 1.
            marker = "-" if label_kind(p.label) in ("a.", "a)") else "+"
        if depth == 0:
            anchor = f"[#ayat_{p.label.strip('()')}] " if p.label and int(p.label.strip("()") or 0) in numbered \
                and label_kind(p.label) == "ayat" else ""
            lines.append(anchor + text)
        else:
            opens = depth > previous_depth
            lines.append("  " * (depth - 1) + marker + ("[]" if opens else "") + " " + text)
        previous_depth = depth
    return "\n".join(lines)


def _unnumbered(rows: list[tuple[int, Paragraph]], ayat: bool) -> list[tuple[int, Paragraph]]:
    """Items with no paragraph to stand under (C1's Pasal 1 is a list alone) keep their labels as
    text. A Pasal of several paragraphs is numbered (1), (2) …: where the naskah numbered none and
    has no list, its paragraphs are one paragraph, their words and labels as written (D2's Pasal 4,
    whose closing sentence follows the term)."""
    lead = next((k for k, (depth, _) in enumerate(rows) if depth == 0), len(rows))
    rows = [(0, Paragraph(p.full, p.part, "", p.pasal)) for _, p in rows[:lead]] + rows[lead:]
    if ayat or len(rows) < 2 or any(depth for depth, _ in rows):
        return rows
    first = rows[0][1]
    return [(0, Paragraph(" ".join(p.full for _, p in rows), first.part, "", first.pasal))]


def _refs(text: str, here: int, ids: dict[int, str], ayat: set[int]) -> str:
    out, pos, after_pasal = [], 0, -1
    for m in _REF.finditer(text):
        if m["pasal"]:
            n = int(m["pasal"])
            if n != here and n in ids and not elsewhere(text, m.end()):
                out += [text[pos:m.start()], f'{{{{ nomor("{ids[n]}") }}}}']
                pos = m.end()
            after_pasal = m.end()
        elif text[after_pasal:m.start()].strip() == "" and after_pasal >= 0:
            continue  # 'Pasal 7 ayat (2)': an ayat of that Pasal, left as written
        elif int(m["ayat"]) in ayat:
            out += [text[pos:m.start()], f'{{{{ nomor("ayat_{m["ayat"]}") }}}}']
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


# Reading the data a clause is written from. Each reader gets the Pasal's paragraphs with their
# depth and the party labels, and returns the input fields it found (merged into the input).
Reader = Callable[[list[tuple[int, Paragraph]], list[str]], dict[str, Any]]


def _end(text: str) -> str:
    """An item's text without the punctuation numbering writes (';', '; dan', '.', ':')."""
    return re.sub(r"(?:;\s*(?:dan/atau|dan|atau)|[;.:,])\s*$", "", text).strip()


def _items(rows: list[tuple[int, Paragraph]], depth: int = 1) -> list[Any]:
    """The list at ``depth`` (and its sub-lists) as input items."""
    out: list[Any] = []
    for k, (d, p) in enumerate(rows):
        if d != depth:
            continue
        sub = []
        for d2, p2 in rows[k + 1:]:
            if d2 <= depth:
                break
            sub.append((d2, p2))
        text = _end(p.text)
        out.append({"text": text, "items": _items(sub, depth + 1)} if sub else text)
    return out


def _number(text: str) -> int:
    return int(text)


def _party(label: str, labels: list[str]) -> int | None:
    return labels.index(label) + 1 if label in labels else None


def _definitions(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    out = []
    for d, p in rows:
        m = re.match(r"^(?P<term>.+?)(?: yang selanjutnya (?:disingkat|disebut) (?P<ab>.+?))? adalah (?P<meaning>.+?)\.?$",
                     p.text)
        if d == 1 and m:
            out.append({"term": m["term"], **({"abbreviation": m["ab"]} if m["ab"] else {}), "meaning": m["meaning"]})
    return {"definitions": out} if out else {}


def _purpose(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    text = {m[1].lower(): m[2] for _, p in rows if (m := re.match(r"^(Maksud|Tujuan) .+? ini adalah (.+?)\.?$", p.text))}
    return {"purpose": {"maksud": text["maksud"], "tujuan": text["tujuan"]}} if len(text) == 2 else {}


def _list_of(field: str) -> Reader:
    def read(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
        items = _items(rows)
        return {field: items} if items else {}
    return read


def _capacity(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    items = [i for i in _items(rows) if isinstance(i, str)]
    return {"capacity_building": items} if items else {}


def _data_exchange(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    mechanism = next((m[1] for _, p in rows if (m := re.match(r"^Pertukaran data dilakukan melalui (.+?)\.?$", p.text))),
                     None)
    flows = []
    for k, (d, p) in enumerate(rows):
        m = re.match(r"^(PIHAK [A-Z]+) memperoleh (.+?) dari (PIHAK [A-Z]+) sebagai berikut\s*:?$", _end(p.text) + ":")
        if d != 1 or not m:
            continue
        sub = []
        for d2, p2 in rows[k + 1:]:
            if d2 <= 1:
                break
            sub.append((d2, p2))
        receiver, provider = _party(m[1], labels), _party(m[3], labels)
        if receiver and provider:
            flows.append({"receiver": receiver, "provider": provider, "data": m[2], "items": _items(sub, 2)})
    return {"data_exchange": {"mechanism": mechanism, "flows": flows}} if mechanism and flows else {}


def _network(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    for _, p in rows:
        m = re.match(r"^(PIHAK [A-Z]+) menyediakan dan memelihara jaringan komunikasi data berbasis (.+?) untuk ", p.text)
        if m and _party(m[1], labels):
            return {"data_exchange": {"network": {"provider": _party(m[1], labels), "technology": m[2]}}}
    return {}


def _duties(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    parties: dict[int, list[Any]] = {}
    for k, (d, p) in enumerate(rows):
        m = re.search(r"(PIHAK [A-Z]+) (?:bertanggung jawab|dapat)\s*:$", p.text)
        if d == 0 and m and _party(m[1], labels):
            sub = []
            for d2, p2 in rows[k + 1:]:
                if d2 == 0:
                    break
                sub.append((d2, p2))
            parties[_party(m[1], labels) - 1] = _items(sub)
    return {"_party_fields": {i: {"duties": v} for i, v in parties.items()}} if parties else {}


def _liaison(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    found = {}
    for _, p in rows:
        m = re.search(r"[Pp]ejabat [Pp]enghubung .*?dari (PIHAK [A-Z]+) adalah (.+?)\.?$", p.text)
        if m and _party(m[1], labels) and not BLANK.match(m[2]):  # a blank: not named yet
            found[_party(m[1], labels) - 1] = {"pejabat_penghubung": m[2]}
    return {"_party_fields": found} if found else {}


_N = r"(\d+) \([a-z ]+\)"


def _term(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    text = " ".join(p.text for _, p in rows)
    term: dict[str, Any] = {}
    if m := re.search(rf"jangka waktu {_N} tahun", text):
        term["years"] = _number(m[1])
    if m := re.search(r"sampai dengan tanggal (\d{1,2} \w+ \d{4})", text):
        if d := read_date(m[1]):
            term["end"] = d.isoformat()
    if m := re.search(r"sejak tanggal (\d{1,2} \w+ \d{4})", text):
        if d := read_date(m[1]):
            term["start"] = d.isoformat()
    if m := re.search(rf"(?:paling lambat|selambat-lambatnya) {_N} bulan", text):
        term["notice_months"] = _number(m[1])
    if "years" in term and "end" in term:
        del term["end"]
    return {"term": term} if "years" in term or "end" in term else {}


def _monitoring(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    text = " ".join(p.text for _, p in rows)
    m = re.search(rf"paling sedikit {_N} kali dalam {_N} tahun", text)
    if not m:
        return {}
    out = {"times": _number(m[1]), "per_years": _number(m[2])}
    if r := re.search(rf"setiap {_N} bulan", text):
        out["report_months"] = _number(r[1])
    return {"monitoring": out}


def _domicile(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    text = " ".join(p.text for _, p in rows)
    if m := re.search(r"Badan Arbitrase Nasional Indonesia di (.+?) menurut", text):
        return {"domicile": {"arbitration_place": m[1]}, "_variant": "arbitrase"}
    if m := re.search(r"melalui (Pengadilan Negeri .+?) dan memilih", text):
        return {"domicile": {"court": m[1]}}
    return {}


def _closing(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    m = re.search(rf"rangkap {_N}", " ".join(p.text for _, p in rows))
    return {"originals": _number(m[1])} if m else {}


def _correspondence(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    """'a. PIHAK PERTAMA / u.p. : … / Alamat : … / Surel : …' (lines of one item, however read).
    A line printed blank (……………) is a field left empty. Only a draft prints an Alamat or Surel
    line it has no value for, and it prints both for every party: they say whether the naskah was
    a draft, whatever else it leaves blank (its numbers, its date)."""
    found: dict[int, dict[str, Any]] = {}
    for d, p in rows:
        parts = re.split(rf"\s*({_ADDRESS_FIELD})\s*:\s*", " ".join(p.text.split()))
        party = _party(_end(parts[0]), labels)
        if d != 1 or party is None or len(parts) < 3:
            continue
        found[party - 1] = {_ADDRESS[parts[i]]: _end(parts[i + 1]) for i in range(1, len(parts) - 1, 2)}
    fields = {i: {"correspondence": {key: v for key, v in c.items() if not BLANK.match(v)}}
              for i, c in found.items() if c.get("addressee") and not BLANK.match(c["addressee"])}
    if not fields:
        return {}
    lines = [[c[key] for key in ("address", "email") if key in c] for c in found.values()]
    if any(BLANK.match(v) for values in lines for v in values):
        return {"_party_fields": fields, "draft": True}
    if any(len(values) < 2 for values in lines):
        return {"_party_fields": fields, "draft": False}
    return {"_party_fields": fields}


def _protection(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    text = " ".join(p.text for _, p in rows)
    protection: dict[str, Any] = {}
    if m := re.search(rf"disimpan paling lama {_N} tahun", text):
        protection["retention_years"] = _number(m[1])
    if m := re.search(r"(PIHAK [A-Z]+) berkedudukan sebagai pengendali data pribadi dan (PIHAK [A-Z]+) berkedudukan "
                      r"sebagai prosesor", text):
        protection.update(controller=_party(m[1], labels), processor=_party(m[2], labels))
    return {"data_exchange": {"protection": protection}} if protection else {}


def _team(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    text = " ".join(p.text for _, p in rows)
    team: dict[str, Any] = {"tasks": _items(rows)}
    if m := re.search(rf"paling lambat {_N} bulan sejak", text):
        team["work_plan_months"] = _number(m[1])
    return {"technical_team": team}


def _annexes(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    titles = [m[1] for d, p in rows if d == 1 and (m := re.match(r"^Lampiran [IVX]+: (.+?)(?:;\s*(?:dan)?|\.)?$", p.text))]
    if not titles and rows:
        m = re.match(r"^(.+?) tercantum dalam Lampiran yang merupakan", rows[0][1].text)
        titles = [m[1]] if m else []
    return {"annexes": [{"title": t} for t in titles]} if titles else {}


def _financing(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    paras = [p.text for d, p in rows if d == 0]
    return {"financing": paras[-1]} if len(paras) >= 2 else {}


def _termination(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    m = re.search(rf"dalam jangka waktu {_N} hari kerja sejak teguran", " ".join(p.text for _, p in rows))
    return {"termination": {"cure_days": _number(m[1])}} if m else {}


def _non_binding(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    text = " ".join(p.text for _, p in rows)
    return {"non_binding": True} if re.search(r"tidak (?:dimaksudkan untuk )?menimbulkan hak dan kewajiban", text) else {}


def _lists(rows: list[tuple[int, Paragraph]]) -> list[list[Any]]:
    """The lists of a Pasal, one per ayat that has one, as input items."""
    out: list[list[tuple[int, Paragraph]]] = []
    for d, p in rows:
        if d == 0:
            out.append([])
        elif out:
            out[-1].append((d, p))
    return [_items(rows) for rows in out if rows]


def _scope_forms(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    """A Memorandum Saling Pengertian's scope, and the forms of cooperation in its second ayat."""
    lists = _lists(rows)
    return dict(zip(["scope", "forms"], lists[:2])) if lists else {}


def _contact_points(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    """'untuk Direktorat Jenderal Imigrasi: Direktur …' (``labels``: the parties' names, as a
    Memorandum Saling Pengertian calls them)."""
    found = {}
    for d, p in rows:
        m = re.match(r"^untuk (.+?): (.+)$", _end(p.text))
        if d == 1 and m and _party(m[1], labels):
            found[_party(m[1], labels) - 1] = {"pejabat_penghubung": m[2]}
    return {"_party_fields": found} if found else {}


def _own_financing(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    """A Memorandum Saling Pengertian's Pembiayaan: its two ayat, and the input's own sentence after them."""
    paras = [p.text for d, p in rows if d == 0]
    return {"financing": paras[-1]} if len(paras) == 3 else {}


def _intellectual_property(rows: list[tuple[int, Paragraph]], labels: list[str]) -> dict[str, Any]:
    return {"intellectual_property": {}}


READERS: dict[str, Reader] = {
    "korespondensi": _correspondence,
    "pelindungan_data_pribadi": _protection,
    "tim_teknis": _team,
    "lampiran": _annexes,
    "pembiayaan": _financing,
    "pengakhiran": _termination,
    "tidak_mengikat": _non_binding,
    "ketentuan_umum": _definitions,
    "maksud_tujuan": _purpose,
    "ruang_lingkup": _list_of("scope"),
    "pertukaran_data": _data_exchange,
    "jaringan_komunikasi_data": _network,
    "peningkatan_kapasitas": _capacity,
    "tugas_tanggung_jawab": _duties,
    "pejabat_penghubung": _liaison,
    "jangka_waktu": _term,
    "monitoring_evaluasi": _monitoring,
    "hukum_yang_berlaku": _domicile,
    "ketentuan_penutup": _closing,
    # a Memorandum Saling Pengertian's own clauses
    "msp_tujuan": _purpose,
    "msp_ruang_lingkup": _scope_forms,
    "msp_pejabat_penghubung": _contact_points,
    "msp_pembiayaan": _own_financing,
    "msp_hak_kekayaan_intelektual": _intellectual_property,
    "msp_sifat": _non_binding,
    "msp_jangka_waktu": _term,
}
