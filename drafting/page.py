"""The page of the house style, in one place: what ``tools/build_naskah_docx.py`` writes into
``templates/naskah.docx`` and what the form's paged preview lays out. Sizes in twentieths of a point
(twips) unless said otherwise."""

from __future__ import annotations

FONT = "Bookman Old Style"  # LibreOffice on Linux falls back to URW Bookman (fonts-urw-base35)
SIZE_HALF_POINTS = 24  # 12 pt
LINE = 276  # line spacing in 240ths of a line: 276 = 1.15
INDENT = 567  # one list level: 1 cm
LABEL_TAB = 1587  # where the ':' of labelled lines (Nama, NIP, Jabatan, Alamat) aligns: 2.8 cm past the text
# Margins per Tata Naskah Dinas (Permenkumham 31/2020): top 2, bottom 2.5, left 3, right 2 cm. The
# footer starts 0.8 cm from the bottom edge so that the paraf box (about 1.4 cm high) fits inside
# the bottom margin: LibreOffice does not push the text up for a taller footer, Word does.
MARGINS = {"top": 1134, "bottom": 1417, "left": 1701, "right": 1134, "header": 567, "footer": 454}
# Paper, chosen by the input's style.paper: A4, or F4/folio (215 × 330 mm) still usual in government offices.
PAPERS = {"a4": (11906, 16838), "f4": (12189, 18709)}
PARAF_CELL = 2268  # width of one party's paraf box: 4 cm, narrower when many parties share the line
PARAF_ROOM = 567  # height of the box left empty for the paraf: 1 cm

TWIPS_PER_CM = 1440 / 2.54


def geometry(paper: str) -> dict[str, float]:
    """The page in centimetres, for the preview: paper, margins, the header and footer distances."""
    width, height = PAPERS[paper]
    return {key: round(twips / TWIPS_PER_CM, 3) for key, twips in
            {"width": width, "height": height, **MARGINS, "paraf_cell": PARAF_CELL, "paraf_room": PARAF_ROOM}.items()}
