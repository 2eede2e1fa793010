"""Text laid out in lines (a PDF's lines, ``pdftotext`` output, a text file) back into paragraphs.

A line wrapped in the middle of a sentence continues the paragraph even when it begins with
something that looks like structure: '… sebagaimana dimaksud dalam' / 'Pasal 4 ayat (1) …' is one
sentence, not a new Pasal, and '… pada ayat' / '(1) huruf a' is not a new ayat. A line starts a
new paragraph after a blank line, after a line that ends a sentence or an item (. ; : or '; dan'),
after a line in capitals (title block, Pasal title, signature label), when it is a 'Nama :'
style line of a party block, and everywhere in the signature block. A label printed on a line
of its own ('(1)' then the text, as ``pdftotext`` writes hanging indents) is joined to the text
that follows it.

Page furniture is removed first: a page number at the head of a page, and the lines that recur
at the foot or head of most pages (the paraf box).
"""

from __future__ import annotations

import re
from collections import Counter

from .bilingual import ENGLISH_TITLE
from .structure import (HEADING, LABEL_ONLY, NUMBER_LINE, SIGNATURE_LABEL, SIGNED_FOR, first_of, is_caps, split_label,
                        successor)

# "; dan" ends an item; "; and" in the English text of a bilingual naskah
_TERMINAL = re.compile(r"(?:[.;:]|;\s*(?:dan|atau|dan/atau|and|or|and/or))[\"”’)]*$")
# an abbreviation's dot does not end a sentence: "Jl.", "H.R.", "Kav.", "No.", "S.H."
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Jl|Jln|Kav|No|Nomor|Kel|Kec|Kab|Prov|Dr|Ir|Drs|Hj|Tbk|St|Rp)\.)$")
_FIELD = re.compile(r"^(?:Nama|Jabatan|Alamat|NIP|NIK|Kedudukan|Instansi|Pangkat|Tempat|Tanggal|Nomor|Hari|Surel|"
                    r"E-?mail|Telepon|Faksimile|u\.p\.)\s*:",
                    re.IGNORECASE)
# words after which a line break cannot end a sentence
_CONTINUES = re.compile(r"\b(?:ayat|huruf|angka|Pasal|dalam|pada|dimaksud|sebagaimana|dan|atau|dan/atau|serta|di|ke|"
                        r"dari|oleh|dengan|yang|tentang|atas|kepada|untuk|bagi|terhadap|sesuai|berdasarkan|"
                        r"menurut|kecuali|yaitu|yakni|antara|Nomor|Tahun)$")
# '(a) exchange of information …', a list item of the English text of a bilingual naskah
_ENGLISH_ITEM = re.compile(r"^\([a-z]\) ")
_PAGE_NUMBER = re.compile(r"^(?:-\s*\d+\s*-?|\d+|Halaman\s+\d+(?:\s+dari\s+\d+)?|hal\.?\s*\d+)$", re.IGNORECASE)
_EDGE = 4  # lines at the head and the foot of a page where furniture is looked for


def strip_furniture(pages: list[list[str]]) -> list[str]:
    """The lines of all pages, without page numbers and the lines repeated at the page edges."""
    def key(line: str, number: int) -> str:
        # a footer may carry its page's number ("Halaman 2 dari 9"): that number does not count
        return re.sub(rf"\b{number}\b", "#", " ".join(line.split()))

    def edges(lines: list[str]) -> list[int]:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))

    counts = Counter(key(page[i], n) for n, page in enumerate(pages, 1) for i in edges(page))
    # what repeats is furniture, unless it is structure: a label or a heading recurs at page edges too
    repeated = {k for k, n in counts.items() if n >= max(2, len(pages) // 2) and len(k) < 80
                and sum(c.isalpha() for c in k) >= 4 and not LABEL_ONLY.match(k) and not HEADING.match(k)}
    out: list[str] = []
    for number, page in enumerate(pages, 1):
        page = list(page)
        first = True
        for i in edges(page):
            line = page[i].strip()
            if key(line, number) in repeated or _PAGE_NUMBER.match(line):
                page[i] = ""
                continue
            if first and number > 1:
                # pdftotext glues the page number "-2-" to the first line: "-2c." is "c."
                page[i] = re.sub(rf"^-\s*{number}\s*-?\s*", "", line)
            first = False
        # a page break is no paragraph break: the text goes on where the furniture was
        while page and not page[-1].strip():
            page.pop()
        out += page[next((i for i, line in enumerate(page) if line.strip()), len(page)):] if out else page
    return out


def join_lines(raw_lines: list[str]) -> list[str]:
    """Paragraphs from lines (see the module's description)."""
    lines: list[str | None] = [" ".join(line.split()) for line in raw_lines]  # None: already joined
    out: list[str] = []
    current = ""
    blank = True
    signatures = False
    last_label: dict[str, str] = {}  # the last label of each kind of sequence, since the last Pasal

    def flush() -> None:
        nonlocal current
        if current:
            out.append(current)
        current = ""

    def next_filled(i: int) -> str:
        return next((line for line in lines[i + 1:] if line), "")

    def consume_next(i: int) -> str:
        """The next line with text, taken out (with the blanks before it) of what is left to read."""
        for k in range(i + 1, len(lines)):
            text, lines[k] = lines[k], None
            if text:
                return text
        return ""

    i = 0
    while i < len(lines):
        line = lines[i]
        if line is None:
            i += 1
            continue
        if not line:
            blank = True
            i += 1
            continue
        if LABEL_ONLY.match(line) and next_filled(i) and not LABEL_ONLY.match(next_filled(i)):
            line = f"{line} {consume_next(i)}"  # a label on a line of its own belongs to the text after it
        if line in ("dan", "atau", "dan/atau", "and", "or", "and/or") and current and not blank:
            current += " " + line  # "… tanda terima;" / "atau": the conjunction wrapped alone ends the item
            i += 1
            continue
        if (SIGNATURE_LABEL.match(line) or SIGNED_FOR.match(line)) and (blank or not current or _ends(current)):
            signatures = True
        label, _ = split_label(line)
        new = blank or signatures or not current or _starts_new(current, line, label, last_label, next_filled(i))
        if HEADING.match(line) and new:
            last_label.clear()
        if label and new:
            last_label[_family(label)] = label
        if new:
            flush()
            current = line
        elif current.endswith("-") and current[-2:-1].isalpha():
            current += line  # "IMI-" + "UM.01.01" is "IMI-UM.01.01"; "orang-" + "orang" is "orang-orang"
        else:
            current += " " + line
        blank = False
        i += 1
    flush()
    return out


def _family(label: str) -> str:
    return re.sub(r"\d+", "1", re.sub(r"[a-z]", "a", label))


def _ends(text: str) -> bool:
    return bool(_TERMINAL.search(text)) and not _ABBREVIATION.search(text)


def _starts_new(previous: str, line: str, label: str, last_label: dict[str, str], following: str) -> bool:
    if is_caps(previous) or HEADING.match(previous) or _FIELD.match(line) or NUMBER_LINE.match(previous):
        return True
    if ENGLISH_TITLE.match(line):
        return True  # the English text of a bilingual naskah begins, after the Indonesian signatures
    if _ENGLISH_ITEM.match(previous) and previous.endswith(":") and not label:
        return False  # '(b) for the Immigration Services Agency of Japan:' / 'Director of …': one item
    if _ends(previous):
        return True
    if _CONTINUES.search(previous):
        return False  # "… dimaksud dalam" / "Pasal 4": a reference wrapped mid-way
    if m := HEADING.match(line):
        # a heading with its title on the line, or followed by a title in capitals, is a heading
        return bool(m.group("title")) or is_caps(following) and not SIGNATURE_LABEL.match(following)
    if label:
        # the next label of a sequence begins an item even when the one before lacks its full stop
        expected = successor(last_label[_family(label)]) if _family(label) in last_label else ""
        return label == expected or (first_of(label) and _family(label) not in last_label)
    return False


def columns(rows: list[list[str]]) -> list[str]:
    """A table's cells column by column: a signature table has one column per party."""
    width = max((len(r) for r in rows), default=0)
    return [r[col] for col in range(width) for r in rows if col < len(r)]


# A bilingual naskah's signature: 'UNTUK DIREKTORAT JENDERAL IMIGRASI,' / 'FOR THE … :' (msp_tanda_tangan)
MSP_SIGNED = re.compile(r"^(?:UNTUK|FOR THE)\s+\S.*[,:]$")


def signature_cells(rows: list[list[str]]) -> list[str] | None:
    """A bilingual naskah's signature table (a column per party, opened by 'UNTUK …,' or 'FOR THE
    …:'): each line of its cells, column by column, as a paragraph of its own, so that one party's
    position does not run into the next one's; None for any other table."""
    if not any(MSP_SIGNED.match(" ".join(line.split())) for r in rows for c in r for line in c.split("\n")):
        return None
    return [x for cell in columns(rows) for line in cell.split("\n") if line.strip() for x in (line.strip(), "")]
