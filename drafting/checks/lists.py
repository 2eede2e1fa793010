"""Tabulation (UU 12/2011 Lampiran II BAB I huruf C, the rules for a Pasal or ayat written as a
list): a list has at least two items — one item lettered 'a.' is a sentence, not a list — and
an item that runs on from its lead-in ('… meliputi:') begins in lower case. Shared by the rules
``single_item_list`` and ``list_capitals``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..read import Paragraph
from .analysis import AMENDS, Analysis

TOP = re.compile(r"^[a-z]\.$")  # the first level of a list in a Pasal: a., b., c.
ITEM = re.compile(r"^(?:[a-z][.)]|\d+[.)])$")  # any list item's label (not an ayat's "(1)")


def single_items(analysis: Analysis) -> Iterator[tuple[str, Paragraph]]:
    """Items 'a.' that no 'b.' follows before the list they open ends."""
    for p in analysis.pasal:
        items = p.items
        for i, item in enumerate(items):
            if item.label != "a." or not item.text:
                continue  # a label without its text is a reading that lost the layout: no judgement on it
            following = None
            for later in items[i + 1:]:
                if later.ayat is not None or later.label == "a.":
                    break
                if TOP.match(later.label):
                    following = later
                    break
            if following is None:
                yield p.place, item


def runs_on(lead: str) -> bool:
    return lead.rstrip().endswith(":")


def capitalised_items(analysis: Analysis) -> Iterator[tuple[str, Paragraph, str]]:
    """(place, item, first word) for list items in a Pasal that begin with a capital where the
    lead-in runs on into them, and the word is no proper name or defined term: it is written
    with a capital nowhere else in the middle of a sentence. Definitions ('yang dimaksud
    dengan:', 'X adalah …') begin with their term and are left alone."""
    words = _capitalised_words(analysis)
    for p in analysis.pasal:
        lead = ""
        for item in p.items:
            if not ITEM.match(item.label or "-"):
                lead = item.text
                continue
            first = (item.text.split() or [""])[0].strip("\"“(")
            if not runs_on(lead) or "dimaksud dengan" in lead or " adalah " in item.text or AMENDS.search(item.text):
                continue
            if len(first) > 1 and first[0].isupper() and first[1:].islower() and first not in words:
                yield p.place, item, first
            if item.text.rstrip().endswith(":"):
                lead = item.text


def _capitalised_words(analysis: Analysis) -> set[str]:
    """Words written with a capital after the first word of a sentence: names and defined terms."""
    found: set[str] = set()
    for p in analysis.paragraphs:
        tokens = p.text.split()
        for before, word in zip(tokens, tokens[1:]):
            word = word.strip(",.;:()\"“”")
            if word[:1].isupper() and not before.endswith((".", ":")):
                found.add(word)
    return found
