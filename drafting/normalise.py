"""The one normalisation of text from the input, applied once, when the input is validated.

A field is printed in several places (the title block, the body, the signature block, the
paraf, the preview); each used to clean it its own way, so a ``tentang`` with a control character
or a line break read differently in the title and in the body. Now every text field is cleaned
here, as the body always did: line breaks, tabs and runs of spaces become one space, control and
invisible formatting characters go, the text is in Unicode NFC (one code for "é", not two), and
a lone surrogate (half of a UTF-16 pair, which no file can hold as UTF-8) is refused.
"""

from __future__ import annotations

import unicodedata

# Invisible formatting characters (category Cf) are dropped, except the two joiners that some
# scripts need to be written correctly (Arabic, Indic: a foreign partner's name).
_KEEP_FORMAT = frozenset("\u200c\u200d")


class TextProblem(ValueError):
    """The text cannot be stored or printed at all (a lone surrogate)."""


def normalise(text: str) -> str:
    """``text`` as every output prints it: one line, single spaces, no control characters, NFC."""
    if not text.isprintable():  # the common case (plain text) skips the character walk
        text = "".join(_clean(c) for c in text)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _clean(c: str) -> str:
    if c.isspace():
        return " "
    if c.isprintable():
        return c
    category = unicodedata.category(c)
    if category == "Cs":
        raise TextProblem(f"memuat karakter yang tidak sah (U+{ord(c):04X}, separuh pasangan surrogate "
                          "UTF-16); ketik ulang teks ini")
    if category in ("Cc", "Cf") and c not in _KEEP_FORMAT:
        return ""
    if _noncharacter(c):  # U+FFFE, U+FFFF and the like: not allowed in a Word document's XML
        return ""
    return c  # private use, unassigned: printable in principle


def _noncharacter(c: str) -> bool:
    n = ord(c)
    return 0xFDD0 <= n <= 0xFDEF or (n & 0xFFFE) == 0xFFFE


def normalise_lines(text: str) -> str:
    """Text whose lines mean something (a clause written in the outline format): each line
    normalised as above, its leading spaces (the list level) kept, blank lines dropped."""
    lines = []
    for line in text.splitlines():
        cleaned = normalise(line)
        if cleaned:
            lines.append(" " * (len(line) - len(line.lstrip(" "))) + cleaned)
    return "\n".join(lines)
