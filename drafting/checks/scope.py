"""What a naskah is, as far as deciding which rules apply: its kind, whether it is a Kerja Sama
luar negeri, when it is (or is to be) signed, and whether a party of the Kementerian Imigrasi
dan Pemasyarakatan is among its parties. Taken from the input for a draft; read from the text
(title block, opening sentence, komparisi) for a naskah this tool did not make.

``Applies`` is what each rule declares: the kinds it judges, domestic or foreign naskah, the
regulation it comes from (a naskah signed before that regulation was made is not judged by it),
whether it needs a Kementerian party, whether it needs the input. A condition that cannot be
settled (a date read only to the year that straddles the regulation's day, an unreadable date)
keeps the rule from running: a rule runs only where it is known to apply.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..model import FOREIGN_MITRA, Agreement, MitraType
from ..read import Paragraph
from ..terbilang import BULAN, tanggal, terbilang

KINDS = {
    "perjanjian_kerja_sama": "Perjanjian Kerja Sama",
    "nota_kesepahaman": "Nota Kesepahaman",
    "nota_kesepakatan": "Nota Kesepakatan",
    "surat_perjanjian": "Surat Perjanjian",
    "memorandum_saling_pengertian": "Memorandum Saling Pengertian",
    "adendum": "Adendum",
}
# Another name of the same kind (Permen 8/2025 Pasal 5: "atau nama lain"): a rule declared for the
# family applies to it too.
FAMILY = {"nota_kesepakatan": "nota_kesepahaman", "surat_perjanjian": "perjanjian_kerja_sama"}
FOREIGN_TYPES = FOREIGN_MITRA
Signing = Literal["signed", "unsigned", "unknown"]


@dataclass(frozen=True)
class Regulation:
    name: str
    since: dt.date  # naskah signed from this day on are made under it
    why: str  # what the day is, for the scope statement


# Ditetapkan 22 Mei 2025; in force when promulgated, which was not earlier.
PERMEN_8_2025 = Regulation("Permen 8/2025", dt.date(2025, 5, 22), "ditetapkan 22 Mei 2025")
# UU 27/2022 Pasal 74: two years after its promulgation (17 Oktober 2022) to comply.
UU_27_2022 = Regulation("UU 27/2022", dt.date(2024, 10, 17), "masa penyesuaian berakhir 17 Oktober 2024")
# UU 10/2020 Pasal 32: in force 1 Januari 2021 (bea meterai Rp10.000; Rp6.000 before).
UU_10_2020 = Regulation("UU 10/2020", dt.date(2021, 1, 1), "berlaku 1 Januari 2021")


@dataclass(frozen=True)
class Scope:
    kind: str | None  # a key of KINDS; None: not recognised
    foreign: bool | None  # Kerja Sama luar negeri
    kementerian: bool | None  # a party of the Kementerian Imigrasi dan Pemasyarakatan
    signing: Signing  # unsigned: a draft, to be signed from now on
    earliest: dt.date | None = None  # when signed: the signing date, or the range a partial date allows
    latest: dt.date | None = None
    has_input: bool = False

    def under(self, regulation: Regulation) -> bool | None:
        """Whether the naskah is made under ``regulation``; None when its date does not tell."""
        if self.signing == "unsigned":
            return True
        if self.signing == "unknown" or self.earliest is None or self.latest is None:
            return None
        if self.earliest >= regulation.since:
            return True
        return False if self.latest < regulation.since else None

    def describe(self) -> str:
        kind = KINDS.get(self.kind or "", "jenis naskah tidak dikenali")
        where = {True: "luar negeri", False: "dalam negeri", None: "dalam/luar negeri tidak dikenali"}[self.foreign]
        if self.signing == "unsigned":
            when = "belum ditandatangani"
        elif self.signing == "unknown" or self.earliest is None or self.latest is None:
            when = "tanggal penandatanganan tidak terbaca"
        elif self.earliest == self.latest:
            when = f"ditandatangani {tanggal(self.earliest)}"
        else:
            when = f"ditandatangani antara {tanggal(self.earliest)} dan {tanggal(self.latest)}"
        party = {True: "ada pihak Kementerian Imigrasi dan Pemasyarakatan",
                 False: "tanpa pihak Kementerian Imigrasi dan Pemasyarakatan",
                 None: "pihak Kementerian tidak dikenali"}[self.kementerian]
        return f"{kind}, {where}, {when}, {party}"


@dataclass(frozen=True)
class Applies:
    """When a rule applies; every condition left at its default holds for every naskah."""

    kinds: frozenset[str] | None = None  # keys of KINDS; None: every kind
    foreign: bool | None = None  # True: luar negeri only; False: dalam negeri only
    regulation: Regulation | None = None  # judged only when made under it
    kementerian: bool = False  # only when a party of the Kementerian is present
    needs_input: bool = False  # judges the input (YAML/JSON): drafts only
    # kinds it does not apply to, and why: an adendum's references name the Pasal of the naskah it amends
    except_kinds: tuple[tuple[str, str], ...] = ()

    def why_not(self, scope: Scope) -> str | None:
        """Why the rule does not apply to a naskah of ``scope``; None when it does."""
        if self.needs_input and not scope.has_input:
            return "memerlukan isian (YAML/JSON)"
        if self.kementerian and scope.kementerian is not True:
            return "tanpa pihak Kementerian Imigrasi dan Pemasyarakatan"
        if self.kinds is not None and scope.kind not in self.kinds and FAMILY.get(scope.kind or "") not in self.kinds:
            return "bukan " + " atau ".join(KINDS.get(k, k) for k in sorted(self.kinds))
        for kind, why in self.except_kinds:
            if scope.kind == kind:
                return why
        if self.foreign is not None and scope.foreign is not self.foreign:
            return "bukan naskah " + ("luar negeri" if self.foreign else "dalam negeri")
        if self.regulation is not None:
            under = scope.under(self.regulation)
            if under is None:
                return f"tanggal penandatanganan tidak cukup untuk menentukan berlakunya {self.regulation.name}"
            if not under:
                return f"ditandatangani sebelum {self.regulation.name} ({self.regulation.why})"
        return None


def of_input(agreement: Agreement) -> Scope:
    signed = agreement.signing.date
    return Scope(
        kind=agreement.kind.value,
        foreign=agreement.kind.luar_negeri or any(p.mitra_type in FOREIGN_TYPES for p in agreement.parties),
        kementerian=any(p.mitra_type is MitraType.kementerian for p in agreement.parties),
        signing="signed" if signed else "unsigned", earliest=signed, latest=signed,
        has_input=True)


# --- a naskah read from its text ---

_KIND_WORDS = (
    (re.compile(r"^(?:ADDENDUM|ADENDUM)\b"), "adendum"),
    (re.compile(r"^PERJANJIAN\s+KERJA\s*SAMA\b"), "perjanjian_kerja_sama"),
    (re.compile(r"^NOTA\s+KESEPAHAMAN\b"), "nota_kesepahaman"),
    (re.compile(r"^NOTA\s+KESEPAKATAN\b"), "nota_kesepakatan"),
    (re.compile(r"^SURAT\s+PERJANJIAN\b"), "surat_perjanjian"),
    (re.compile(r"^(?:MEMORANDUM\s+SALING\s+PENGERTIAN|MEMORANDUM\s+OF\s+UNDERSTANDING)\b"),
     "memorandum_saling_pengertian"),
)
# A partner abroad named in the title block: a foreign state, government or international body.
_FOREIGN = re.compile(
    r"\bREPUBLIK\s+(?!INDONESIA\b)[A-Z]|\bKERAJAAN\b|\bGOVERNMENT\s+OF\b|\bKINGDOM\b|\bREPUBLIC\s+OF\b|"
    r"\bPEMERINTAH\s+(?:MALAYSIA|AUSTRALIA|JEPANG|SINGAPURA|TIMOR-LESTE|AMERIKA)|\bORGANI[SZ]ATION\b|"
    r"\bORGANISASI\s+INTERNASIONAL\b|\bINTERNATIONAL\b|\bUNITED\s+NATIONS\b|\bPERSERIKATAN\s+BANGSA|"
    r"\bINSTITUTE\b|\bEMBASSY\b|\bKEDUTAAN\s+BESAR\s+(?!REPUBLIK\s+INDONESIA)|\bTAIPEI\b|\bTETO\b")
# The Kementerian's units (Permen 8/2025 Pasal 1 and 4): the ministry, its Eselon I units, the Kantor
# Wilayah and the UPT of imigrasi and pemasyarakatan.
_KEMENTERIAN = re.compile(
    r"Kementerian\s+Imigrasi\s+dan\s+Pemasyarakatan|Direktorat\s+Jenderal\s+(?:Imigrasi|Pemasyarakatan)|"
    r"Kantor\s+Imigrasi|Kantor\s+Wilayah\s+Direktorat\s+Jenderal\s+(?:Imigrasi|Pemasyarakatan)|"
    r"Rumah\s+Detensi\s+Imigrasi|Lembaga\s+Pemasyarakatan|Rumah\s+Tahanan\s+Negara|Balai\s+Pemasyarakatan|"
    r"Lembaga\s+Pembinaan\s+Khusus\s+Anak|Rumah\s+Penyimpanan\s+Benda\s+Sitaan", re.IGNORECASE)
_MONTH = "|".join(BULAN) + "|Nopember|Pebruari"
# "(19-06-2023)" after the words, or "tanggal 02-01-2015 (…)" with the digits first (REAL-AGREEMENTS A6)
_DIGITS = re.compile(r"(?:\(|\btanggal\s+)(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{4})\b", re.IGNORECASE)
_BLANK = r"…+|\.{3,}|_{3,}"  # a draft's blank: "……………", "....", "____"
_WORDS = re.compile(rf"tanggal\s+(?P<day>[^,]*?)\s*,?\s*(?:bulan\s+)?(?P<month>{_MONTH}|{_BLANK})\s*,?\s*"
                    rf"tahun\s+(?P<year>[A-Za-z ]+?|\d{{4}}|{_BLANK})(?=\s*[(,.;]|\s+(?:bertempat|kami|di|yang)\b|$)",
                    re.IGNORECASE)
_PLAIN = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
# The closing words after the last Pasal ("Ditandatangani di …", "Signed at …"): a Memorandum Saling
# Pengertian (msp_bahasa) and some legacy naskah (REAL-AGREEMENTS D2) are dated there, not in an opening.
CLOSING = re.compile(r"^(?:Ditandatangani|Dibuat)\s+di\b|^(?:Signed|Done)\s+(?:at|in)\b", re.IGNORECASE)
_OPENING = re.compile(r"\bpada\s+hari\s+ini\b|\bditandatangani\s+di\b|\bpada\s+hari\b|^tanggal\b|\bDone\s+at\b",
                      re.IGNORECASE)


@cache
def _numbers() -> dict[str, int]:
    """Words → number for days and years, spaced or run together ('Duaribu Sembilanbelas')."""
    return {re.sub(r"[^a-z]", "", terbilang(n)): n for n in [*range(1, 32), *range(1945, 2101)]}


def _number(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return _numbers().get(re.sub(r"[^a-z]", "", text.lower()))


def _month(text: str) -> int | None:
    words = {b.lower(): i for i, b in enumerate(BULAN, 1)} | {"nopember": 11, "pebruari": 2}
    return words.get(text.lower())


def _date(day: int | None, month: int | None, year: int | None) -> tuple[Signing, dt.date | None, dt.date | None]:
    if year is None:
        return ("unsigned", None, None)
    try:
        if month is None:
            return ("signed", dt.date(year, 1, 1), dt.date(year, 12, 31))
        if day is None:
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
            return ("signed", dt.date(year, month, 1), last)
        exact = dt.date(year, month, day)
    except ValueError:
        return ("unknown", None, None)
    return ("signed", exact, exact)


def signing_of_text(paragraphs: list[Paragraph]) -> tuple[Signing, dt.date | None, dt.date | None]:
    """The signing date stated in the opening sentence (or a 'Tanggal …' line under the title), or
    else in the closing words: digits in brackets, words (Title Case, lower case, run together), or
    a plain '9 April 2013'; a date with blanks ('……') is a draft's; a month and year, or a year
    alone, give a range."""
    candidates = [p.text for p in paragraphs if p.part in ("number", "front")][:12]
    candidates += [p.text for p in paragraphs if p.part == "body" and not p.label and CLOSING.match(p.text)]
    for text in candidates:
        if not _OPENING.search(text) and not text.lower().startswith("tanggal"):
            continue
        if m := _DIGITS.search(text):
            return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _WORDS.search(text):
            return _date(_number(m.group("day")), _month(m.group("month")), _number(m.group("year")))
        if m := _PLAIN.search(text):
            return _date(int(m.group(1)), _month(m.group(2)), int(m.group(3)))
        if re.search(_BLANK, text):
            return ("unsigned", None, None)
    return ("unknown", None, None)


def of_text(paragraphs: list[Paragraph]) -> Scope:
    title = [p.text for p in paragraphs if p.part == "title"]
    kind = next((k for pattern, k in _KIND_WORDS for line in title[:2] if pattern.search(line)), None)
    heading = " ".join(title)
    parties_text = " ".join(title + [p.text for p in paragraphs if p.part == "front"][:8])
    english = bool(re.search(r"\bBETWEEN\b|\bCONCERNING\b|\bARTICLE\s+1\b", heading + " " + " ".join(
        p.text for p in paragraphs if p.part == "heading")[:200], re.IGNORECASE))
    foreign = kind == "memorandum_saling_pengertian" or english or bool(_FOREIGN.search(heading))
    signing, earliest, latest = signing_of_text(paragraphs)
    return Scope(kind=kind, foreign=foreign, kementerian=bool(_KEMENTERIAN.search(parties_text)),
                 signing=signing, earliest=earliest, latest=latest)
