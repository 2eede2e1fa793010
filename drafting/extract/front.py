"""The front matter of a read naskah back into input fields: the title block (kind, parties,
numbers and where they stand), the opening (date and place, in words or digits, and its form),
the komparisi (each signatory's name, position, decree, whom they act for, address), the recitals
(each party's legal status, a renewal, a technical basis, the rest), the legal basis, the Nota
Kesepahaman the naskah follows, and the signatures. What is read is data; how it was written
becomes ``style`` options, so that the input renders the same form again."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import terbilang
from ..checks import Finding
from ..read import Paragraph
from ..read.structure import SIGNATURE_LABEL, SIGNED_FOR
from .regulation import read_regulation
from .source import Source

BLANK_TEXT = "……………"
BLANK = re.compile(r"^…+$|^\.{3,}$|^_{3,}$")

KINDS = {  # the naskah's name in the title block → kind
    "PERJANJIAN KERJA SAMA": "perjanjian_kerja_sama",
    "NOTA KESEPAHAMAN": "nota_kesepahaman",
    "NOTA KESEPAKATAN": "nota_kesepakatan",
    "SURAT PERJANJIAN": "surat_perjanjian",
}
NASKAH_KINDS = {"Nota Kesepahaman": "nota_kesepahaman", "Nota Kesepakatan": "nota_kesepakatan",
                "Perjanjian Kerja Sama": "perjanjian_kerja_sama", "Surat Perjanjian": "surat_perjanjian"}


@dataclass
class Front:
    data: dict[str, Any] = field(default_factory=dict)  # input fields
    style: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the report says was read
    names: dict[int, list[str]] = field(default_factory=dict)  # party index → spellings of its signatory
    parts: dict[str, tuple[int, int]] = field(default_factory=dict)  # front part → its paragraphs in Source.front


@cache
def _numbers() -> dict[str, int]:
    """Indonesian number words → value, for the days and years an opening writes in words."""
    return {terbilang.terbilang(n): n for n in [*range(1, 101), *range(1900, 2200)]}


def number_in_words(text: str) -> int | None:
    return _numbers().get(" ".join(text.lower().split()))


def read_date(text: str) -> dt.date | None:
    """'19 Juni 2023' (or '19 Juni 2023.') → a date."""
    m = re.match(r"^(\d{1,2}) (\w+) (\d{4})$", text.strip().rstrip(".,"))
    if not m or m[2].capitalize() not in terbilang.BULAN:
        return None
    try:
        return dt.date(int(m[3]), terbilang.BULAN.index(m[2].capitalize()) + 1, int(m[1]))
    except ValueError:
        return None


def split_numbers(text: str) -> list[str]:
    """'Nomor A dan Nomor B' / 'Nomor: A, Nomor: B, dan Nomor: C' → [A, B, C]."""
    parts = re.split(r"(?:,\s*(?:dan\s+)?|\s+dan\s+)?\bNomor\s*:?\s*", text.strip())
    return [p.strip().rstrip(",") for p in parts if p.strip()]


def read_front(src: Source) -> Front:
    out = Front()
    parties = _title_block(src, out)
    paras = list(src.front)
    out.parts = parts(paras)
    (a, b), (c, d), (e, f), (g, h) = out.parts.values()
    _opening(paras, out)
    if "date" not in out.data.get("signing", {}):
        _closing_date(src, out)
    _komparisi(paras[1:b], parties, out)
    _recitals(paras[c:d], parties, out)
    _legal_basis(paras[e:f], out)
    _bridge(paras[g:h], out)
    renewal = out.data.get("renewal")
    if renewal and not renewal["tentang"]:  # the recital names it by number only: the closing Pasal may say more
        first = re.escape(renewal["numbers"][0])
        text = " ".join(p.text for pasal in src.pasal for p in pasal.body)
        m = re.search(rf"tentang ((?:(?!tentang ).)+?) Nomor:? {first}", text)
        renewal["tentang"] = m[1] if m else out.data.get("tentang")
    _signatures(src, parties, out)
    for k, party in enumerate(parties):
        _names(party, src)
        rep = party["representative"]
        for key in ("name", "position"):  # required: a blank to fill where the naskah does not say
            if not rep.get(key):
                rep[key] = BLANK_TEXT
                out.notes.append(f"{_party_labels(out, len(parties))[k]}: {key} penandatangan tidak terbaca; "
                                 f"diisi {BLANK_TEXT}")
    guessed_kinds(parties, out)
    out.data["parties"] = parties
    return out


def guessed_kinds(parties: list[dict[str, Any]], out: Front) -> None:
    """A naskah does not say what kind of partner each party is (Permen 8/2025 Pasal 3 ayat (4),
    Pasal 9), and the rules check draws on it: the guess from the names is shown to be checked."""
    kinds = "; ".join(f"{p['name']}: {p['mitra_type']}" for p in parties)
    out.notes.append(f"jenis mitra ditebak dari nama pihak ({kinds}): periksa parties[*].mitra_type")


_KEMENTERIAN = re.compile(r"Imigrasi|Pemasyarakatan|Kementerian Hukum|Departemen Hukum", re.I)
# a body of another state, named by its state (C1: 'Kantor Kekayaan Intelektual Republik Rakyat China')
_ASING = re.compile(r"\b(?:Republik (?!Indonesia\b)|Kerajaan |Federasi |Amerika Serikat|Jepang\b|Uni Eropa)", re.I)
# a Rumah Sakit Umum Daerah belongs to its Pemerintah Daerah (a unit of the Dinas Kesehatan: PP 18/2016 as
# amended by PP 72/2019)
_DAERAH = re.compile(r"^(?:Pemerintah (?:Provinsi|Kabupaten|Kota|Daerah)|Dinas|Sekretariat Daerah|Badan .* Daerah|"
                     r"Rumah Sakit Umum Daerah|RSUD)\b", re.I)
_SWASTA = re.compile(r"BPJS|Badan Penyelenggara Jaminan|^PT\b|Universitas|Institut|Sekolah Tinggi|Politeknik|Yayasan|"
                     r"Perseroan|Rumah Sakit|Bank|Persatuan|Perhimpunan|Asosiasi", re.I)
_PARENT_LINE = re.compile(r"^(?:KEMENTERIAN|PEMERINTAH|DEPARTEMEN|SEKRETARIAT|KEPOLISIAN|KEJAKSAAN)\b")
_SMALL = {"dan", "atau", "pada", "di", "ke", "dari", "untuk", "bagi", "yang"}


def _names(party: dict[str, Any], src: Source) -> None:
    """Name, parent and whom the signatory acts for, from the title block (in capitals) and the
    komparisi's 'untuk dan atas nama …' (as written)."""
    title = party.pop("_title", [])
    acting = party.pop("_acting", "")
    rep = party.setdefault("representative", {})
    # the parent's own line: the second, or (a name or parent wrapped in a PDF) the one that opens a
    # government body's name
    start = next((i for i, line in enumerate(title[1:], 1) if _PARENT_LINE.match(line)), 1 if len(title) == 2 else None)
    name_up = " ".join(title[:start]) if title else acting.upper()
    parent_up = " ".join(title[start:]) if start else ""
    whole = f"{name_up} {parent_up}".strip()
    if acting and " ".join(acting.upper().split()) == whole:
        party["name"] = acting[:len(name_up)].strip()
        if parent_up:
            party["parent"] = acting[len(name_up):].strip()
    else:
        if acting and (" berdasarkan " in acting or not acting.upper().startswith(name_up)):
            if " berdasarkan " in acting:
                acting, _, basis = acting.partition(" berdasarkan ")
                rep["acting_for_basis"] = basis.strip()
            if acting.upper() != name_up:
                rep["acting_for"] = acting.strip()
        party["name"] = _as_written(name_up, src) if name_up else acting
        if parent_up:
            party["parent"] = _as_written(parent_up, src)
    if not parent_up and party.get("name", "").upper() != name_up:
        party["name"] = _as_written(name_up, src)
    for join, sep in (("pada", " PADA "), ("comma", ", ")):
        if not parent_up and sep in name_up and "parent" not in party:
            name, _, parent = party["name"].partition(sep.lower() if join == "pada" else sep)
            if parent:
                party.update(name=name, parent=parent, parent_join=join)
    party["short_name"] = party["name"]
    party["mitra_type"] = ("kementerian" if _KEMENTERIAN.search(party["name"] + " " + party.get("parent", ""))
                           else "lembaga_pemerintah_asing" if _ASING.search(party["name"])
                           else "pemerintah_daerah" if _DAERAH.search(party["name"])
                           else "lembaga_nonpemerintah" if _SWASTA.search(party["name"]) else "lembaga_pemerintah")


def _as_written(upper: str, src: Source) -> str:
    """A name from the title block as the text writes it, where the text has it; otherwise in
    title case."""
    pattern = re.compile(re.escape(" ".join(upper.split())), re.I)
    for p in src.front + [para for pasal in src.pasal for para in pasal.body]:
        m = pattern.search(p.text)
        if m and m.group(0) != m.group(0).upper():
            return m.group(0)
    return " ".join(w.lower() if w.lower() in _SMALL and k else w.capitalize() for k, w in enumerate(upper.split()))


# A title block written on fewer lines (C1): 'NOTA KESEPAHAMAN ANTARA', '<party> DAN'
_JOINED = re.compile(r"^(?P<text>.+?)\s+(?P<word>ANTARA|DENGAN|DAN)$")


def _title_lines(src: Source) -> list[tuple[str, str]]:
    if any(p.text in ("ANTARA", "DENGAN", "DAN") for p in src.title):  # a name wrapped after its 'DAN' (PDF)
        return [(p.part, p.text) for p in src.title]
    out = []
    for p in src.title:
        m = _JOINED.match(p.text) if p.part == "title" else None
        out += [(p.part, m["text"]), (p.part, m["word"])] if m else [(p.part, p.text)]
    return out


def _title_block(src: Source, out: Front) -> list[dict[str, Any]]:
    lines = _title_lines(src)
    texts = [t for _, t in lines]
    head = texts[0] if texts else ""
    kind = KINDS.get(head)
    if kind is None:
        kind = "perjanjian_kerja_sama"
        if head and head != "PERJANJIAN KERJA SAMA":
            out.data["naskah"] = head.title()
    out.data["kind"] = kind
    groups: list[list[str]] = []
    numbers: list[tuple[str, str]] = []  # (where, number)
    title_date = False
    state = "head"
    subject: list[str] = []
    for part, text in lines[1:]:
        if part == "number":
            m = re.match(r"^(NOMOR|Nomor|TANGGAL|Tanggal)\s*:\s*(.*)$", text)
            if m and m[1].upper() == "TANGGAL":
                title_date = True
                continue
            number = m[2].strip() if m else text
            where = "subject" if state == "subject" else "parties" if state == "party" else "before_subject"
            numbers.append((where, number))
            if where != "subject":
                state = "after_number"
            continue
        if text in ("ANTARA", "DENGAN", "DAN"):
            groups.append([])
            state = "party"
            continue
        if text == "TENTANG":
            state = "subject"
            continue
        if text.startswith("BIDANG ") and state == "party" and groups[-1]:  # C1: 'BIDANG …' for TENTANG
            state = "subject"
        if state == "party":
            groups[-1].append(text)
        elif state == "after_number":  # a number under a party's name: the next party's name follows a DENGAN
            groups[-1].append(text)
        elif state == "subject":
            subject.append(text)
    out.data["_title_subject"] = " ".join(subject)
    places = {w for w, _ in numbers}
    if places:
        place = "parties" if "parties" in places else "before_subject" if "before_subject" in places else "subject"
        if place != "subject":
            out.style["numbers_place"] = place
    if numbers and len(numbers) == 1 and len(groups) > 1:
        out.style["numbers"] = "single"
    if title_date:
        out.style["title_date"] = True
    parties = [{"_title": g} for g in groups if g]
    for k, (_, number) in enumerate(numbers[:len(parties)]):
        if not BLANK.match(number):
            parties[k]["nomor"] = " ".join(number.split())
        else:
            out.data["draft"] = True
    return parties


_DAY = r"(?P<hari>Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|…+)"
_DATE = (_DAY + r"(?P<k>,?) [Tt]anggal (?P<tgl>[^,(]+?),? [Bb]ulan (?P<bln>[^,(]+?),? [Tt]ahun (?P<thn>[^,(]+?)"
         r"(?: \((?P<angka>[\d…]+-[\d…]+-[\d…]+)\))?")
_OPEN_END = re.compile(r"^Pada hari ini " + _DATE + r"(?:,? bertempat di (?P<place>.+?))?,? (?:kami )?yang bertanda ?tangan "
                       r"di bawah ini\s*:$")
_OPEN_FIRST = re.compile(r"^(?P<naskah>.+?) ini dibuat dan ditandatangani di (?P<place>.+?), pada hari " + _DATE
                         + r", oleh dan antara\s*:$")


def _opening(paras: list[Paragraph], out: Front) -> int:
    if not paras:
        return 0
    text = paras[0].full
    m = _OPEN_FIRST.match(text) or _OPEN_END.match(text)
    if m is None:
        return _date_anywhere(text, out)
    style = out.style
    if m.re is _OPEN_FIRST:
        style["opening_place"] = "first"
    elif not m["place"]:
        style["opening_place"] = "none"
    if not m["k"]:
        style["opening_commas"] = False
    if not m["angka"]:
        style["opening_digits"] = False
    if m["hari"] == "Jum'at":
        style["jumat"] = "Jum'at"
    if m["tgl"][:1].islower() or m["thn"][:1].islower():
        style["opening_case"] = "lower"
    signing: dict[str, Any] = {}
    place = m["place"]
    if place and not BLANK.match(place):
        signing["place"] = place
    year = number_in_words(m["thn"])
    day = number_in_words(m["tgl"])
    month = terbilang.BULAN.index(m["bln"]) + 1 if m["bln"] in terbilang.BULAN else None
    if m["angka"]:
        dd, mm, yyyy = m["angka"].split("-")
        day = int(dd) if dd.isdigit() else day
        month = int(mm) if mm.isdigit() else month
        year = int(yyyy) if yyyy.isdigit() else year
    if year and month and day:
        signing["date"] = dt.date(year, month, day).isoformat()
    elif year:
        signing["date"] = f"{year}-{month:02d}" if month else str(year)
        out.data["draft"] = True
    else:
        out.data["draft"] = True
    if signing:
        out.data["signing"] = signing
    out.notes.append(f"pembuka: {signing.get('date', 'tanggal belum diisi')}"
                     + (f" di {signing['place']}" if "place" in signing else ""))
    return 1


def _date_anywhere(text: str, out: Front) -> int:
    """An opening in a form of its own: the date read from its digits or its year, as far as they go."""
    out.notes.append("kalimat pembuka dalam bentuk lain; disimpan kata demi kata, tanggal dibaca dari angkanya")
    if m := re.search(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b", text):
        try:
            out.data["signing"] = {"date": dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()}
            return 1
        except ValueError:
            pass
    for m in re.finditer(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", text):  # 'Tanggal 9 April 2013' (C1)
        if date := read_date(m.group(0)):
            out.data["signing"] = {"date": date.isoformat()}
            return 1
    year = re.search(r"\b((?:19|20)\d{2})\b", text)
    words = re.search(r"tahun ((?:[a-z]+ ?){2,6})", text, re.I)
    found = int(year[1]) if year else number_in_words(words[1]) if words else None
    if found:
        out.data["signing"] = {"date": str(found)}
    return 1


_SIGNED_AT = re.compile(r"\b[Dd]itandatangani di (?P<place>[A-Z][\w .'-]*?),? pada (?:hari \w+,? )?tanggal "
                        r"(?P<date>\d{1,2} \w+ \d{4})")


def _closing_date(src: Source, out: Front) -> None:
    """A naskah with no opening sentence may say when and where it was signed at its end
    ('Ditandatangani di Jakarta pada tanggal 12 Maret 2008 …', D2): the date and place read from
    there; the sentence itself stays where it stands."""
    last = src.pasal[-1].body if src.pasal else []
    for p in last + src.signature:
        m = _SIGNED_AT.search(p.text)
        if m and (date := read_date(m["date"])):
            out.data["signing"] = {"date": date.isoformat(), "place": m["place"]}
            out.notes.append(f"tanggal dan tempat penandatanganan dibaca dari kalimat penutup: {date.isoformat()} "
                             f"di {m['place']}")
            return


_LABELS = {"Nama": "nama", "NIP": "nip", "Jabatan": "jabatan", "Dasar": "dasar", "Alamat": "alamat"}
_LINE_FIELD = re.compile(r"^(Nama|NIP|Jabatan|Dasar|Alamat)\s*:\s*(.*)$")
_ACTS = re.compile(r",? (?:dalam hal ini |dari dan oleh karena itu sah )?bertindak untuk dan atas nama ")
_LABEL_AT_END = re.compile(r",? (?P<yang>yang )?[Ss]elanjutnya disebut (?P<label>PIHAK [A-Z]+)\.?$")
_ADDRESS = re.compile(r",? (?P<yang>yang )?berkedudukan (?:dan berkantor (?:pusat )?)?di (?P<address>.+)$")


FRONT = ("pembukaan", "konsiderans", "dasar_hukum", "pengantar")
_BRIDGE = re.compile(r"(?:ketentuan(?:-ketentuan)?|hal(?:-hal)? sebagai berikut|sebagai berikut)\s*:$")
_BASIS = re.compile(r"^(?:Dengan memperhatikan|Mengingat|Memperhatikan)\b")


def parts(paras: list[Paragraph]) -> dict[str, tuple[int, int]]:
    """Where the front matter's parts stand (the library's pembukaan, konsiderans, dasar_hukum and
    pengantar): the opening and komparisi; the recitals, from 'PARA PIHAK …' or the first 'bahwa';
    the legal basis, from 'Dengan memperhatikan'; the sentence that leads to the Pasal. A part a
    naskah does not have is empty."""
    n = len(paras)
    last = paras[-1] if paras else None
    bridge = n - 1 if last is not None and not last.label and _BRIDGE.search(last.text) \
        and "menerangkan" not in last.text else n
    basis = next((i for i in range(1, bridge) if _BASIS.match(paras[i].text)), bridge)
    recitals = next((i for i in range(1, basis) if _is_konsiderans_intro(paras[i].text)
                     or paras[i].text.lower().startswith("bahwa")), basis)
    if recitals < basis and paras[recitals].label and recitals > 1 and not paras[recitals - 1].label:
        recitals -= 1  # the sentence that lists them
    return dict(zip(FRONT, [(0, recitals), (recitals, basis), (basis, bridge), (bridge, n)]))


def _komparisi(paras: list[Paragraph], parties: list[dict[str, Any]], out: Front) -> None:
    items: list[list[str]] = []
    for p in paras:
        if p.label or not items:
            items.append([p.text])
        else:
            items[-1].append(p.text)
    lines_form = any(_LINE_FIELD.match(item[0]) for item in items)
    if lines_form:
        out.style["party_block"] = "lines"
    for k, item in enumerate(items):
        if k >= len(parties):
            parties.append({"_title": []})
        party = parties[k]
        rep: dict[str, Any] = {}
        text = " ".join(item)
        if lines_form:
            text = _party_lines(item, rep, party, out)
        else:
            m = re.match(r"^(?P<name>[^:]+?)\s*:\s*(?P<rest>.*)$", text) or \
                re.match(r"^(?P<name>[^,:]+?),\s*(?P<rest>(?:[Ss]elaku|[Dd]alam jabatannya) .*)$", text)
            if not m:
                out.notes.append(f"komparisi pihak {k + 1} tidak dikenali")
                continue
            rep["name"] = m["name"]
            text = m["rest"]
        tail = _LABEL_AT_END.search(text)
        if tail:
            if tail["yang"]:
                out.style["yang_selanjutnya"] = True
            if tail["label"] == "PIHAK KESATU":
                out.style["party_label"] = "kesatu"
            text = text[:tail.start()]
        acts = _ACTS.search(text)
        who, acting = (text[:acts.start()], text[acts.end():]) if acts else (text, "")
        address = _ADDRESS.search(acting)
        if address:
            if not address["yang"]:
                out.style["yang_berkedudukan"] = False
            party["address"] = address["address"].strip()
            acting = acting[:address.start()]
        party["_acting"] = acting.strip()
        if not lines_form:
            who = re.sub(r"^[Ss]elaku\s+", "", who.strip())
            basis = re.search(r",? berdasarkan ", who)
            pos, appointment = (who[:basis.start()], who[basis.end():]) if basis else (who, "")
            rep["position"] = pos.strip().rstrip(",")
            if appointment:
                rep["appointment"] = appointment.strip().rstrip(",")
        party["representative"] = rep


def _party_lines(item: list[str], rep: dict[str, Any], party: dict[str, Any], out: Front) -> str:
    """The labelled lines of a komparisi (Nama : …); returns the sentence that follows them."""
    order = []
    tail = ""
    for line in item:
        m = _LINE_FIELD.match(line)
        if not m:
            tail += " " + line
            continue
        key, value = _LABELS[m[1]], m[2]
        acts = _ACTS.search(value) or re.search(r"\s(?=dalam hal ini bertindak)", value)
        if acts:  # the sentence goes on after the last line's value
            tail, value = value[acts.start():], value[:acts.start()]
        order.append(key)
        value = value.strip()
        if key == "nama":
            rep["name"] = value
        elif key == "nip":
            rep["nip"] = value
        elif key == "jabatan":
            rep["position"] = value
        elif key == "dasar":
            rep["appointment"] = value
        else:
            party["address"] = value
    # each party prints only the lines it has values for: the longest order is the style's
    known = out.style.get("party_lines", [])
    merged = known + [key for key in order if key not in known] if len(known) >= len(order) else \
        order + [key for key in known if key not in order]
    if merged != ["nama", "jabatan", "dasar", "alamat"]:
        out.style["party_lines"] = merged
    return tail.strip()


def _is_konsiderans_intro(text: str) -> bool:
    return bool(re.match(r"^PIHAK [A-Z]+,? dan ", text)) or "secara bersama-sama" in text


_RENEWAL = re.compile(r"^bahwa PARA PIHAK telah menandatangani (?P<jenis>.+?)(?: tentang (?P<tentang>.+?))? "
                      r"(?P<numbers>Nomor.+?) pada tanggal (?P<date>\d{1,2} \w+ \d{4})"
                      r"(?: dan akan berakhir pada tanggal (?P<end>\d{1,2} \w+ \d{4}))?[;.]?$")
_STATUS = re.compile(r"^bahwa (?P<label>PIHAK [A-Z]+) adalah (?P<status>.+?)[;.]?$")


def _recitals(paras: list[Paragraph], parties: list[dict[str, Any]], out: Front) -> None:
    i = 0
    if i < len(paras) and _is_konsiderans_intro(paras[i].text):
        i += 1
    labels = _party_labels(out, len(parties))
    recitals: list[str] = []
    after_renewal: list[str] = []
    renewal_seen = False
    while i < len(paras) and paras[i].text.startswith("bahwa"):
        text = paras[i].text
        i += 1
        status = _STATUS.match(text)
        renewal = _RENEWAL.match(text)
        if status and status["label"] in labels and not recitals and not renewal_seen:
            parties[labels.index(status["label"])]["legal_status"] = status["status"]
        elif renewal and not renewal_seen:
            renewal_seen = True
            out.data["renewal"] = {
                "kind": NASKAH_KINDS.get(renewal["jenis"], "perjanjian_kerja_sama"),
                "tentang": renewal["tentang"], "numbers": split_numbers(renewal["numbers"]),
                "date": _iso(renewal["date"]),
                **({"end_date": _iso(renewal["end"])} if renewal["end"] else {}),
            }
        elif renewal_seen and "bermaksud untuk melakukan perpanjangan" in text and not after_renewal:
            continue
        elif renewal_seen:
            after_renewal.append(_strip_end(text))
        else:
            recitals.append(_strip_end(text))
    if recitals:
        out.data["recitals"] = recitals
    if after_renewal:  # printed after the renewal's recitals: the technical basis (Permen 8/2025 Pasal 7)
        out.data["_after_renewal"] = after_renewal


def _strip_end(text: str) -> str:
    return re.sub(r"[;.]\s*(?:dan)?$", "", text).strip()


def _iso(text: str | None) -> str | None:
    d = read_date(text or "")
    return d.isoformat() if d else None


def _party_labels(out: Front, n: int) -> list[str]:
    first = "PIHAK KESATU" if out.style.get("party_label") == "kesatu" else "PIHAK PERTAMA"
    return [first] + [f"PIHAK {terbilang.ordinal(k).upper()}" for k in range(2, n + 1)]


def _legal_basis(paras: list[Paragraph], out: Front) -> None:
    """Each regulation as data where it reads whole and prints again the same (regulation.py), else as written."""
    laws = [read_regulation(law) or law for law in (_strip_end(p.text) for p in paras[1:] if p.label)]
    if laws:
        out.data["legal_basis"] = laws


_NK = re.compile(r"menindaklanjuti (?P<jenis>Nota Kesepahaman|Nota Kesepakatan) tentang (?P<tentang>.+?) "
                 r"(?P<numbers>Nomor.+?) yang ditandatangani pada tanggal (?P<date>\d{1,2} \w+ \d{4}) dengan "
                 r"(?:membuat|melakukan) (?P<naskah>.+?) tentang (?P<subject>.+?)"
                 r"(?: yang selanjutnya disebut [^,]+)?, dengan ketentuan(?:-ketentuan)? sebagai berikut\s*:$")
_PLAIN = re.compile(r"(?:sepakat untuk )?membuat (?P<naskah>.+?) tentang (?P<subject>.+?)"
                    r"(?: yang selanjutnya disebut [^,]+)?, dengan ketentuan(?:-ketentuan)? sebagai berikut\s*:$")


def _bridge(paras: list[Paragraph], out: Front) -> None:
    text = " ".join(p.full for p in paras)
    nk = _NK.search(text)
    m = nk or _PLAIN.search(text)
    title_subject = out.data.pop("_title_subject", "")
    if nk:
        out.data["nota_kesepahaman"] = {"kind": NASKAH_KINDS[nk["jenis"]], "tentang": nk["tentang"],
                                        "numbers": split_numbers(nk["numbers"]), "date": _iso(nk["date"])}
    if m:
        out.data["tentang"] = m["subject"]
        if title_subject and " ".join(m["subject"].upper().split()) != " ".join(title_subject.rstrip(".").split()):
            out.findings.append(Finding(
                "title_subject", "warning",
                f"pokok naskah di judul ('{title_subject}') tidak sama dengan di teks ('{m['subject']}'); isian "
                "memakai yang di teks: periksa dan pilih", "judul", "UU 12/2011 Lampiran II no. 2–3"))
    elif title_subject:
        out.data["tentang"] = title_subject.rstrip(".").capitalize()
        out.notes.append("pokok naskah diambil dari judul (teks tidak menyebutnya)")
    recitals = out.data.get("recitals", [])
    if not nk and out.data.get("kind") in ("perjanjian_kerja_sama", "surat_perjanjian") and recitals \
            and "renewal" not in out.data and re.search(r"\bteknis\b|Kerja Sama utama", recitals[-1]):
        out.data["technical_basis"] = recitals.pop()  # Permen 8/2025 Pasal 7: printed as the last recital
        if not recitals:
            del out.data["recitals"]
    after = out.data.pop("_after_renewal", [])
    if after:
        if "nota_kesepahaman" not in out.data and len(after) == 1:
            out.data["technical_basis"] = after[0]
        else:
            out.data.setdefault("recitals", []).extend(after)


def _signatures(src: Source, parties: list[dict[str, Any]], out: Front) -> None:
    """Signature blocks: the name signed (a second spelling is kept for the drafter to choose), a.n.,
    NIP, and whether there is a meterai."""
    labels = _party_labels(out, len(parties))
    blocks: dict[str, list[str]] = {}
    current = None
    for p in src.signature:
        if SIGNATURE_LABEL.match(p.text) or SIGNED_FOR.match(p.text):
            current = p.text.strip("\"“”,").strip()
            blocks.setdefault(current, [])
        elif current:
            blocks[current].append(p.text)
    if blocks and not set(blocks) & set(labels):  # labelled 'Untuk <party>,': the parties in order
        blocks = dict(zip(labels, blocks.values()))
    meterai = sum(len(re.findall(r"\b(?:Meterai|Materai)\b", p.text, re.I)) for p in src.signature)
    any_meterai = meterai > 0
    every_meterai = meterai >= len(parties)  # however a PDF's columns were read
    for k, party in enumerate(parties):
        lines = blocks.get(labels[k], [])
        rep = party.setdefault("representative", {})
        names = [line for line in lines if not re.match(r"^(?:Meterai|Materai|NIP|a\.n\.)", line, re.I)
                 and not line.endswith(",") and line.upper() == line]
        signed = names[-1] if names else None
        if signed and rep.get("name") and signed != rep["name"]:
            out.names[k] = [signed, rep["name"]]
        elif signed and not rep.get("name"):
            rep["name"] = signed
        nip = next((line for line in lines if line.upper().startswith("NIP")), None)
        if nip and not rep.get("nip") and out.style.get("party_block") != "lines":  # lines: the komparisi says
            rep["nip"] = re.sub(r"^NIP\.?\s*", "", nip)
        if lines and any_meterai and not every_meterai and not any(re.match(r"^(?:Meterai|Materai)\b", x, re.I) for x in lines):
            party["meterai"] = False
    if not any_meterai and all(blocks.get(labels[k]) for k in range(len(parties))):
        for party in parties:  # every party's signature read, and no meterai: none
            party["meterai"] = False
