"""A naskah typed as text, written as Word would hold it: every '(1)', 'a.', '1.', 'a)', '1)' label
turned into Word's own automatic numbering (numbering.xml: an abstract list per kind of label, a
w:num per list restarted with w:startOverride), not typed into the paragraph. What a drafter's
Word file of a legacy agreement looks like to ``drafting.read``."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

_KINDS = {  # label kind → (w:numFmt, w:lvlText)
    "ayat": ("decimal", "(%1)"), "a.": ("lowerLetter", "%1."), "1.": ("decimal", "%1."),
    "a)": ("lowerLetter", "%1)"), "1)": ("decimal", "%1)"),
}
_LABEL = re.compile(r"^(?P<label>\(\d+\)|\d+[.)]|[a-z][.)])\s+(?P<text>.*)$")


def _kind(label: str) -> tuple[str, int]:
    if label.startswith("("):
        return "ayat", int(label[1:-1])
    value = label[:-1]
    letter = value.isalpha()
    return ("a" if letter else "1") + label[-1], (ord(value) - 96 if letter else int(value))


def write_docx(text: str, target: Path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    abstract_ids = {}
    for k, (kind, (fmt, lvl_text)) in enumerate(_KINDS.items(), 1):
        numbering.append(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{k}"><w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{lvl_text}"/>'
            f'<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'))
        abstract_ids[kind] = k
    nums: list[str] = []
    current: dict[str, int] = {}  # kind → the w:num of its list now open
    depth_of: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _LABEL.match(line.strip())
        paragraph = document.add_paragraph()
        if m is None:
            paragraph.add_run(line.strip())
            continue
        kind, value = _kind(m["label"])
        if value == 1 or kind not in current:
            nums.append(f'<w:num {nsdecls("w")} w:numId="{len(nums) + 1}"><w:abstractNumId w:val="{abstract_ids[kind]}"/>'
                        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{value}"/></w:lvlOverride></w:num>')
            current[kind] = len(nums)
        if kind in depth_of:
            del depth_of[depth_of.index(kind) + 1:]
        else:
            depth_of.append(kind)
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{current[kind]}"/></w:numPr>'))
        paragraph.paragraph_format.left_indent = Cm(0.75 * len(depth_of))
        paragraph.add_run(m["text"])
    for num in nums:
        numbering.append(parse_xml(num))
    document.save(str(target))

