"""A naskah that exchanges personal data has a Pasal on its protection once UU 27/2022 is fully in
force: the law gave controllers until 17 Oktober 2024, two years from its promulgation (Pasal 74),
to bring their processing in line with it, including the notice of a failure of protection within
3 x 24 jam (Pasal 46). Asked of drafts whose input says the data is personal, signed from that day
or not yet dated (``scope.UU_27_2022``); an older naskah rightly has none (the BPJS PKS of 2023)."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .finding import Finding
from .scope import UU_27_2022, Applies

NAME = "personal_data"
CLAUSE = "pelindungan_data_pribadi"


@rule(NAME, Applies(needs_input=True, regulation=UU_27_2022))
def check(agreement: Agreement, analysis: Analysis) -> list[Finding]:
    exchange = agreement.data_exchange
    if exchange is None or not exchange.personal_data or analysis.doc is None:
        return []
    signed = agreement.signing.date
    if any(s.id == CLAUSE or "DATA PRIBADI" in s.title.upper() for s in analysis.doc.pasal):
        return []
    when = f"ditandatangani {signed:%d-%m-%Y}" if signed else "belum bertanggal"
    place = "clauses.exclude" if CLAUSE in agreement.clauses.exclude else "data_exchange.personal_data"
    return [Finding(NAME, "warning",
                    f"naskah ini mempertukarkan data pribadi dan {when}, sesudah masa peralihan UU 27/2022 berakhir "
                    "(17 Oktober 2024), tetapi tidak mempunyai pasal pelindungan data pribadi: muat klausul "
                    f"'{CLAUSE}' (pengendali dan prosesor, dasar pemrosesan, keamanan, pemberitahuan kegagalan "
                    "dalam 3 x 24 jam, retensi dan penghapusan), atau nyatakan personal_data: false bila datanya "
                    "bukan data pribadi", place, "UU 27/2022 Pasal 46 dan Pasal 74")]
