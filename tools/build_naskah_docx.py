"""Writes templates/naskah.docx: the Word template every naskah renders into.

The house style (its numbers in drafting/page.py) becomes Word paragraph styles here (not direct
formatting in code):
fonts, sizes, spacing, indents of ayat and list levels, the Pasal headings that keep with the
next paragraph, page size (A4 or F4) and margins, the page number in the header from page 2 on, the
paraf box in the footer of every page but the signature page. The file is kept lean on purpose (no
unused table styles): docxtpl and pandoc both pay for template weight. It is a docxtpl template:
the page size and the paraf box are Jinja over ``paper`` and ``paraf`` (see render/docx.py).

Run it after changing the style: python tools/build_naskah_docx.py
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from drafting.layout import BUTIR_LEVELS
from drafting.page import (FONT, INDENT, LABEL_TAB, LINE, MARGINS, PAPERS, PARAF_CELL, PARAF_ROOM,
                           SIZE_HALF_POINTS)

OUT = Path(__file__).resolve().parent.parent / "templates" / "naskah.docx"

# The house style: drafting/page.py, which the form's paged preview reads too.

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def style(sid: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal") -> str:
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="{based}"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


def butir(level: int) -> str:
    left = INDENT * level
    return style(f"Butir{level}", f"Butir {level}",
                 f'<w:tabs><w:tab w:val="left" w:pos="{left}"/><w:tab w:val="left" w:pos="{left + LABEL_TAB}"/></w:tabs>'
                 f'<w:spacing w:after="60"/><w:ind w:left="{left}" w:hanging="{INDENT}"/><w:jc w:val="both"/>')


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>
<w:sz w:val="{SIZE_HALF_POINTS}"/><w:szCs w:val="{SIZE_HALF_POINTS}"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="{LINE}" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
<w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
{style("Judul", "Judul", '<w:keepNext/><w:jc w:val="center"/>', '<w:b/><w:caps/>')}
{style("Nomor", "Nomor", '<w:keepNext/><w:spacing w:before="120"/><w:jc w:val="center"/>', '<w:b/>')}
{style("Isi", "Isi", '<w:spacing w:before="120" w:after="60"/><w:jc w:val="both"/>')}
{style("PasalNomor", "Pasal Nomor", '<w:keepNext/><w:keepLines/><w:spacing w:before="240"/><w:jc w:val="center"/>', '<w:b/>')}
{style("PasalJudul", "Pasal Judul", '<w:keepNext/><w:keepLines/><w:spacing w:after="120"/><w:jc w:val="center"/>', '<w:b/><w:caps/>')}
{"".join(butir(level) for level in range(1, BUTIR_LEVELS + 1))}
{style("Tandatangan", "Tanda Tangan", '<w:keepNext/><w:keepLines/><w:jc w:val="center"/>')}
{style("TandatanganPihak", "Tanda Tangan Pihak", '<w:spacing w:before="360"/>', based="Tandatangan")}
{style("Meterai", "Meterai", '<w:keepNext/><w:spacing w:before="600" w:after="600"/><w:jc w:val="center"/>',
       '<w:color w:val="808080"/><w:sz w:val="16"/><w:szCs w:val="16"/>')}
{style("Kepala", "Kepala Halaman", '<w:jc w:val="center"/>')}
{style("Paraf", "Paraf", '<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
       '<w:sz w:val="16"/><w:szCs w:val="16"/>')}
{style("Kosong", "Paragraf Kosong", '<w:spacing w:line="20" w:lineRule="exact"/>', '<w:sz w:val="2"/>')}
</w:styles>
"""


def section(footer: str, first_page: bool) -> str:
    """Page geometry and furniture of one section. The header carries the page number; the first
    page of the naskah has none (titlePg), but its footer still carries the paraf box."""
    sizes = "".join(
        f'{{% {"if" if i == 0 else "elif"} paper == "{name}" %}}<w:pgSz w:w="{w}" w:h="{h}"/>'
        for i, (name, (w, h)) in enumerate(PAPERS.items())) + "{% endif %}"
    m = MARGINS
    first = f'<w:footerReference w:type="first" r:id="{footer}"/>' if first_page else ""
    return (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
            f'<w:footerReference w:type="default" r:id="{footer}"/>{first}'
            f'<w:type w:val="nextPage"/>{sizes}'
            f'<w:pgMar w:top="{m["top"]}" w:right="{m["right"]}" w:bottom="{m["bottom"]}" w:left="{m["left"]}" '
            f'w:header="{m["header"]}" w:footer="{m["footer"]}" w:gutter="0"/>'
            f'{"<w:titlePg/>" if first_page else ""}</w:sectPr>')


# Two sections: the naskah, with the paraf box in the footer of every page; then, from a new page,
# the closing Pasal with the signatures, whose footer is empty (the signature page is signed, not
# initialled). docx.py fills {{p body }} and {{p closing }}.
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:r><w:t>{{{{p body }}}}</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Kosong"/>{section("rIdFooterParaf", True)}</w:pPr></w:p>
<w:p><w:r><w:t>{{{{p closing }}}}</w:t></w:r></w:p>
{section("rIdFooterEmpty", False)}
</w:body></w:document>
"""

# "- 2 -" centred at the top from page 2 on (titlePg leaves the first page without a header).
HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W}><w:p><w:pPr><w:pStyle w:val="Kepala"/></w:pPr>
<w:r><w:t xml:space="preserve">- </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>
<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:hdr>
"""

# The paraf box: one bordered cell per party, "Paraf PIHAK PERTAMA" over room for the initials,
# at the right of the footer. ``paraf`` is the list of party labels, empty when style.paraf is off;
# docxtpl escapes each label.
_BORDER = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
_CELL = '<w:tcW w:w="{{ cell }}" w:type="dxa"/>'
FOOTER_PARAF = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W}>{{% if paraf %}}{{% set cell = [{PARAF_CELL}, {PAPERS["a4"][0] - MARGINS["left"] - MARGINS["right"]} // paraf|length]|min %}}
<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="right"/><w:tblBorders>{_BORDER}</w:tblBorders>
<w:tblLayout w:type="fixed"/></w:tblPr>
<w:tblGrid>{{% for label in paraf %}}<w:gridCol w:w="{{{{ cell }}}}"/>{{% endfor %}}</w:tblGrid>
<w:tr><w:trPr><w:cantSplit/></w:trPr>{{% for label in paraf %}}<w:tc><w:tcPr>{_CELL}</w:tcPr><w:p><w:pPr><w:pStyle w:val="Paraf"/></w:pPr><w:r><w:t xml:space="preserve">Paraf {{{{ label }}}}</w:t></w:r></w:p></w:tc>{{% endfor %}}</w:tr>
<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{PARAF_ROOM}" w:hRule="exact"/></w:trPr>{{% for label in paraf %}}<w:tc><w:tcPr>{_CELL}</w:tcPr><w:p><w:pPr><w:pStyle w:val="Paraf"/></w:pPr></w:p></w:tc>{{% endfor %}}</w:tr>
</w:tbl>{{% endif %}}<w:p><w:pPr><w:pStyle w:val="Kosong"/></w:pPr></w:p></w:ftr>
"""

FOOTER_EMPTY = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="Paraf"/></w:pPr></w:p></w:ftr>
"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {W}><w:defaultTabStop w:val="{INDENT}"/><w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>
"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rIdFooterParaf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rIdFooterEmpty" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>
</Relationships>
"""

# No dates and no author: the same input must give the same bytes.
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Naskah Kerja Sama</dc:title><dc:creator>drafting</dc:creator>\
</cp:coreProperties>
"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>drafting</Application></Properties>
"""

PARTS = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": RELS,
    "docProps/core.xml": CORE,
    "docProps/app.xml": APP,
    "word/document.xml": DOCUMENT,
    "word/styles.xml": STYLES,
    "word/settings.xml": SETTINGS,
    "word/header1.xml": HEADER,
    "word/footer1.xml": FOOTER_PARAF,
    "word/footer2.xml": FOOTER_EMPTY,
    "word/_rels/document.xml.rels": DOC_RELS,
}


def main() -> None:
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in PARTS.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), xml, zipfile.ZIP_DEFLATED)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
