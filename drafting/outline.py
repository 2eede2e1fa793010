"""The clause text format: an outline, read after the clause's Jinja has run.

    [#berlaku] Perjanjian Kerja Sama ini berlaku sejak … .      <- a paragraph (an ayat)
    Ruang lingkup … adalah:                                      <- another one
    - pertukaran data                                            <- list item, level 1
      - data paspor:                                             <- level 2 (two spaces more)
    -[atau] …                                                    <- a list's first item may set its
                                                                    punctuation: dan (default),
                                                                    atau, dan/atau, ; . or []
    + …                                                          <- a list numbered 1., 2. first
    [.nomor] NOMOR : …                                           <- a line of the title or signature
                                                                    block, and what it is (its role)

``**bold**`` and ``*italic*`` mark the library's own text. Values from the input are escaped on
their way into the text (``escape``), so nothing a drafter types is read as markup or structure.
No label, number or punctuation is typed here: numbering computes them.

An input may carry outline text of its own (``extra_pasal[].text``): ``parse_input`` reads its
lines, list markers, ``[#id]`` anchors, ``{{ ref("…") }}`` / ``{{ nomor("…") }}`` and ``{{ br }}``
(a line break in a paragraph or item: the u.p. / Alamat lines of an address) from the data itself,
without any template engine, and keeps every other character as typed.
"""

from __future__ import annotations

import re
from typing import Any

from .document import Break, Inline, Item, ItemList, Paragraph, Ref, Run, Tab
from .errors import LibraryError

# Helpers that emit structure (refs, line breaks) wrap it in these two control characters.
OPEN, CLOSE = "\x01", "\x02"
# Markup characters get a backslash; the control characters of helpers are dropped. A list marker
# ("- ", "+ ") or an anchor or role ("[#id]", "[.role]") is structure only where a line's text
# begins: a value's first character is escaped for that, the inline marks everywhere.
_ESCAPES = {ord(c): "\\" + c for c in "\\*"} | {ord(OPEN): None, ord(CLOSE): None}
_LINE_START = ("-", "+", "[")
_ITEM = re.compile(r"^(?P<marker>[-+])(?:\[(?P<punct>dan|atau|dan/atau|;|\.|)\])? (?P<rest>.*)$")
_ID = re.compile(r"^\[#(?P<id>[a-z0-9_]+)\] ?")
_ROLE = re.compile(r"^\[\.(?P<role>[a-z]+)\] ?")


class Marked(str):
    """Text that is already in outline markup (library text or helper output)."""


def finalize(value: Any) -> str:
    """What a clause text prints for a value (Jinja's ``finalize``): input escaped, so that a party
    named ``PT A & B {{x}} *y*`` is printed exactly so; helper output (``Marked``) as it is."""
    if isinstance(value, Marked):
        return value
    if value is None:
        raise LibraryError("a clause printed an empty value; guard it with {% if %} or requires")
    return escape(value)


def escape(value: object) -> str:
    """Make a value from the input safe to place in clause text: one line, no markup."""
    text = " ".join(str(value).split()).translate(_ESCAPES)  # newlines and runs of spaces: one space
    return "\\" + text if text.startswith(_LINE_START) else text


def ref_marker(targets: tuple[str, ...], bare: bool) -> str:
    return f"{OPEN}ref|{'bare' if bare else ''}|{','.join(targets)}{CLOSE}"


BREAK = f"{OPEN}br{CLOSE}"
TAB = f"{OPEN}tab{CLOSE}"


def parse(text: str, *, where: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    # stack[d] = the list (ItemList) currently open at level d+1
    stack: list[ItemList] = []
    last_item_at: list[Item] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        m = _ITEM.match(line)
        if m is None:
            if indent:
                raise LibraryError(f"{where}, baris {lineno}: paragraf tidak boleh menjorok: {line!r}")
            role = pid = None
            if line.startswith("["):  # most paragraphs carry neither a role nor an id
                role, line = _take(_ROLE, line)
                pid, line = _take_id(line)
            paragraphs.append(Paragraph(content=parse_inline(line, where), id=pid, role=role or ""))
            stack, last_item_at = [], []
            continue
        if not paragraphs:
            raise LibraryError(f"{where}, baris {lineno}: butir daftar tanpa paragraf pengantar")
        if indent % 2:
            raise LibraryError(f"{where}, baris {lineno}: indentasi butir harus kelipatan dua spasi")
        level = indent // 2
        if level > len(stack):
            raise LibraryError(f"{where}, baris {lineno}: butir melompati tingkat daftar")
        del stack[level + 1:], last_item_at[level + 1:]
        iid, rest = _take_id(m["rest"])
        item = Item(content=parse_inline(rest, where), id=iid)
        if level == len(stack):  # a new list opens under the paragraph or the previous item
            new = ItemList(items=[], sequence="angka" if m["marker"] == "+" else "huruf",
                           punctuation=m["punct"] if m["punct"] is not None else "dan")
            (paragraphs[-1] if level == 0 else last_item_at[level - 1]).list = new
            stack.append(new)
            last_item_at.append(item)
        stack[level].items.append(item)
        last_item_at[level] = item
    return paragraphs


def _take_id(text: str) -> tuple[str | None, str]:
    return _take(_ID, text) if text.startswith("[#") else (None, text)


def _take(pattern: re.Pattern[str], text: str) -> tuple[str | None, str]:
    m = pattern.match(text)
    return (m.group(1), text[m.end():]) if m else (None, text)


# What an input's outline may hold besides its words: a reference or a line break, written as in a clause.
_INPUT_REF = re.compile(r"\{\{\s*(?:(?P<kind>ref|nomor)\(\s*(?P<args>\"[a-z0-9_.]+\"(?:\s*,\s*\"[a-z0-9_.]+\")*)\s*\)"
                        r"|(?P<br>br))\s*\}\}")
_INPUT_LINE = re.compile(r"^(?P<indent> *)(?P<marker>[-+](?:\[(?:dan|atau|dan/atau|;|\.|)\])? )?"
                         r"(?P<id>\[#[a-z0-9_]+\] ?)?(?P<rest>.*)$")


def parse_input(text: str, *, where: str) -> list[Paragraph]:
    """An outline typed in the input, read as data: lines, list markers and anchors are kept, each
    reference a reference and each ``{{ br }}`` a line break; everything else is escaped (a ``*``
    or ``{{x}}`` is text)."""
    lines = []
    for raw in text.splitlines():
        m = _INPUT_LINE.match(raw.rstrip())
        assert m is not None  # every part of the pattern is optional
        rest, pos, out = m["rest"], 0, []
        for ref in _INPUT_REF.finditer(rest):
            out.append(escape_inline(rest[pos:ref.start()]))
            out.append(BREAK if ref["br"] else
                       ref_marker(tuple(a.strip().strip('"') for a in ref["args"].split(",")), ref["kind"] == "nomor"))
            pos = ref.end()
        out.append(escape_inline(rest[pos:]))
        lines.append(m["indent"] + (m["marker"] or "") + (m["id"] or "") + "".join(out))
    return parse("\n".join(lines), where=where)


def escape_inline(text: str) -> str:
    """Like ``escape`` but keeps the spacing of a line of outline text."""
    text = text.translate(_ESCAPES)
    return "\\" + text if text.startswith(_LINE_START) else text


# One token of clause text: an escaped character, a helper's marker, a bold or italic mark, plain
# text (a backslash that escapes nothing is text too), or an OPEN never closed.
_INLINE = re.compile(
    rf"\\(?P<escaped>.)|{OPEN}(?P<special>.*?){CLOSE}|(?P<mark>\*\*?)|(?P<text>[^\\*{OPEN}]+|\\)|{OPEN}", re.DOTALL)


def parse_inline(text: str, where: str = "") -> list[Inline]:
    if not ("\\" in text or "*" in text or OPEN in text):  # plain text, the most common
        return [Run(text)] if text else []
    out: list[Inline] = []
    bold = italic = False
    for m in _INLINE.finditer(text):
        piece = m["escaped"] or m["text"]
        if piece:
            prev = out[-1] if out else None
            if isinstance(prev, Run) and prev.bold == bold and prev.italic == italic:
                out[-1] = Run(prev.text + piece, bold, italic)
            else:
                out.append(Run(piece, bold, italic))
        elif m["special"] is not None:
            out.append(_special(m["special"], where))
        elif m["mark"] == "**":
            bold = not bold
        elif m["mark"] == "*":
            italic = not italic
        else:
            raise LibraryError(f"{where}: penanda tidak ditutup dalam: {text!r}")
    if bold or italic:
        raise LibraryError(f"{where}: tanda ** atau * tidak ditutup dalam: {text!r}")
    return out


def _special(body: str, where: str) -> Inline:
    if body == "br":
        return Break()
    if body == "tab":
        return Tab()
    kind, bare, targets = body.split("|")
    if kind != "ref":
        raise LibraryError(f"{where}: penanda tidak dikenal {body!r}")
    return Ref(tuple(targets.split(",")), bare=bool(bare))
