"""A comparison as a Word document with tracked changes: the new naskah in the house style, and
every difference from the old one as a revision that Word and LibreOffice list, and accept or
reject (WordprocessingML ``w:ins``/``w:del``, ECMA-376 Part 1 §17.13.5).

The paragraphs are written by ``render.docx`` (its styles, runs, labels and signature table) into
the same template, page setup and paraf box as the naskah itself; this module adds only the marks:
- inserted text in ``w:ins``, deleted text in ``w:del`` as ``w:delText``, each run keeping its
  bold/italic (``w:rPr``);
- a paragraph inserted or deleted whole carries the mark on its paragraph mark too
  (``w:pPr/w:rPr/w:ins|w:del``), so accepting or rejecting removes the paragraph, not only its words;
- a paragraph that changes style (a Pasal's only paragraph becoming ayat (1)) records its old
  style (``w:pPrChange``);
- a party added or removed (or a row of the signature block): the old signature table's rows
  deleted, the new one's inserted.
A Pasal, ayat or item that is only renumbered shows just its number changed. Accepting every
revision gives the new naskah's text, rejecting every one the old naskah's. Revision ids count
from 1 as the document is written and the date is the one given, so the same inputs give the same
bytes.
The settings turn on change tracking, so that a reviewer's own edits are tracked too.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Inline, Run, Signatory, Tab
from ..layout import Block, signature_rows, signature_table
from ..render.docx import attribute, fill_template, paragraph, run_xml, signature_grid, zip_parts
from . import words
from .changes import Change, Comparison

_TAG = {"inserted": "ins", "deleted": "del"}


@dataclass
class _Marks:
    """Author, date, and the next revision id."""

    author: str
    date: str
    last_id: int = 0

    def _attrs(self) -> str:
        self.last_id += 1
        return f'w:id="{self.last_id}" w:author="{attribute(self.author)}" w:date="{self.date}"'

    def wrap(self, op: str, runs: str) -> str:
        """Runs inside a tracked insertion or deletion."""
        return f"<w:{_TAG[op]} {self._attrs()}>{runs}</w:{_TAG[op]}>" if runs else ""

    def mark(self, op: str) -> str:
        """The mark of a paragraph mark (``w:pPr/w:rPr``) or a table row (``w:trPr``) inserted or deleted."""
        return f"<w:{_TAG[op]} {self._attrs()}/>"

    def style_change(self, old_style: str) -> str:
        return f'<w:pPrChange {self._attrs()}><w:pPr><w:pStyle w:val="{old_style}"/></w:pPr></w:pPrChange>'


def revision_date(when: dt.date | dt.datetime) -> str:
    """``w:date`` (xsd:dateTime); a plain date is taken at midnight."""
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time())
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def redline_docx(comparison: Comparison, *, author: str, date: dt.date | dt.datetime) -> bytes:
    marks = _Marks(author, revision_date(date))
    pasal = comparison.pasal
    # The signature page carries the new naskah's last Pasal, and any deleted after it.
    last = max((k for k, c in enumerate(pasal) if c.new is not None), default=len(pasal))
    body = [x for part in (*comparison.front, *pasal[:last]) for x in _part(part)]
    closing = [x for part in (*pasal[last:], *comparison.closing) for x in _part(part)]
    _before_table(closing)
    for flow in (body, closing):
        _apart(flow)
    xml = ("".join(p.xml(marks) for p in body), "".join(p.xml(marks) for p in closing)
           + _signatures(comparison, marks))
    return _tracking(fill_template(comparison.new.page.template, comparison.new, *xml))


Stretch = tuple[str, tuple[Inline, ...]]  # (op, content): "equal", "inserted" or "deleted"


@dataclass
class _Para:
    """A paragraph to write: its style, its stretches of content (a label is its text and a tab),
    the marks of its paragraph mark, and its style before when that changed. Revision ids are
    given as it is written."""

    style: str
    runs: list[Stretch]
    mark: tuple[str, ...] = ()  # "inserted", "deleted": the paragraph mark
    old_style: str | None = None

    def xml(self, marks: _Marks) -> str:
        props = f"<w:rPr>{''.join(marks.mark(op) for op in self.mark)}</w:rPr>" if self.mark else ""
        props += marks.style_change(self.old_style) if self.old_style else ""
        runs = ["".join(run_xml(x, deleted=op == "deleted") for x in content) for op, content in self.runs]
        return paragraph(self.style, "".join(xml if op == "equal" else marks.wrap(op, xml)
                                             for (op, _), xml in zip(self.runs, runs)), props)


def _part(change: Change) -> Iterator[_Para]:
    node = change.node
    if node.heading is not None:
        old, new = change.old.heading if change.old else None, change.new.heading if change.new else None
        pieces = words.diff(words.tokens(old.content), words.tokens(new.content)) if old and new else ()
        yield _paragraph(old, new, pieces)
    if node.block is not None:
        yield _paragraph(change.old.block if change.old else None, change.new.block if change.new else None,
                         change.words)
    for child in change.children:
        yield from _part(child)


def _labelled(block: Block) -> tuple[Inline, ...]:
    """The block's content after its label and the tab that hangs it, as render.docx writes them."""
    return ((Run(block.label), Tab()) if block.label else ()) + block.content


def _paragraph(old: Block | None, new: Block | None, pieces: tuple[words.Piece, ...]) -> _Para:
    if old is None or new is None:
        block = old or new
        assert block is not None
        op = "deleted" if old is not None else "inserted"
        return _Para(block.style, [(op, _labelled(block))], (op,))
    if old == new:
        return _Para(new.style, [("equal", _labelled(new))])
    runs = _label(old.label, new.label) + [(p.op, p.content) for p in pieces]
    return _Para(new.style, runs, old_style=old.style if old.style != new.style else None)


def _label(old: str, new: str) -> list[Stretch]:
    if old == new:
        return [("equal", (Run(new), Tab()))] if new else []
    if old and new:
        pieces = words.diff(words.tokens([Run(old)]), words.tokens([Run(new)]))
        return [(p.op, p.content) for p in pieces] + [("equal", (Tab(),))]
    return [("inserted", (Run(new), Tab()))] if new else [("deleted", (Run(old), Tab()))]


def _before_table(paragraphs: list[_Para]) -> None:
    """The last paragraph before the signature table (or of a table cell) keeps its paragraph mark
    in both versions: a mark before a table cannot go, and accepted or rejected, an inserted or
    deleted one would stay as an empty paragraph. When the closing part ends with paragraphs inserted or deleted whole,
    the last one's mark is kept, in the style each version gives the last paragraph
    (``w:pPrChange`` holds the old one), and the one mark that then is too many goes instead,
    as Word itself marks it: the mark of the paragraph before them when only one kind was
    changed, or else the mark of the last paragraph of the other kind, whose text joins the
    paragraph after it."""
    k = len(paragraphs)
    while k and paragraphs[k - 1].mark:
        k -= 1
    if k == len(paragraphs) or k == 0:
        return
    kept, group = paragraphs[k - 1], paragraphs[k:]
    last = group[-1]
    op = last.mark[0]
    other = next((p for p in reversed(group) if p.mark[0] != op), None)
    styles = {o: next((p.style for p in reversed(group) if p.mark[0] == o), kept.style) for o in ("inserted", "deleted")}
    if other is None:
        kept.mark += (op,)
    else:
        following = paragraphs[paragraphs.index(other) + 1]
        following.runs = other.runs + following.runs
        paragraphs.remove(other)
    last.mark = ()
    last.style = styles["inserted"]
    last.old_style = styles["deleted"] if styles["deleted"] != last.style else None


def _apart(paragraphs: list[_Para]) -> None:
    """LibreOffice (7.4, measured) joins an insertion that ends a paragraph with an insertion that
    starts the next one, taking the paragraph mark between them into it: *Reject All* then joins
    the two paragraphs. So a kept paragraph that ends with an insertion, before one that starts
    with an insertion, is made to end with a deletion: its insertion moves before the deletion it
    replaces, or else takes the last word before it along (that word deleted, and inserted again
    with it). The text either way is unchanged."""
    for a, b in zip(paragraphs, paragraphs[1:]):
        if a.mark or len(a.runs) < 2 or a.runs[-1][0] != "inserted" or not b.runs or b.runs[0][0] != "inserted":
            continue
        *rest, before, (_, inserted) = a.runs
        if before[0] == "deleted":
            a.runs = [*rest, ("inserted", inserted), before]
            continue
        toks = words.tokens(before[1])
        kept, last = words.inlines(toks[:-1]), words.inlines(toks[-1:])
        a.runs = [*rest, *([("equal", kept)] if kept else []), ("inserted", last + inserted), ("deleted", last)]


def _signatures(comparison: Comparison, marks: _Marks) -> str:
    """The signature table as layout places it. The same parties in the same places: each cell
    the changes of that party's lines of its row's role. Another number of parties, or rows of
    other roles, place them otherwise: the old table's rows go, the new one's come."""
    old, new = comparison.old.signatories, comparison.new.signatories
    if _shape(old) == _shape(new):
        parties = iter(comparison.signatures.children)
        grid = []
        for group in signature_rows(new):
            changes = [next(parties) for _ in group]
            grid.append([[_cell([p for line in party.children if line.key.startswith(f"{row.role}:")
                                 for p in _part(line)], row.style, marks) for party in changes]
                         for row in signature_table(group)])
        return signature_grid(grid)
    tables = []
    for op, side in (("deleted", old), ("inserted", new)):
        if side:
            grid = [[[_cell([_Para(b.style, [(op, b.content)]) for b in cell], row.style, marks) for cell in row.cells]
                     for row in signature_table(group)] for group in signature_rows(side)]
            tables.append(signature_grid(grid, lambda op=op: marks.mark(op)))  # type: ignore[misc]
    return "".join(tables)


def _shape(signatories: list[Signatory]) -> list[list[str]]:
    return [[str(len(group))] + [row.role for row in signature_table(group)] for group in signature_rows(signatories)]


def _cell(paragraphs: list[_Para], style: str, marks: _Marks) -> str:
    """A cell's paragraphs; a cell needs one, so an empty one is an empty line of its style, as
    render.docx writes it. Its last paragraph's mark, at the cell's end, cannot go either."""
    _before_table(paragraphs)
    return "".join(p.xml(marks) for p in paragraphs) or paragraph(style, run_xml(Run("")))


def _tracking(package: bytes) -> bytes:
    """The package with change tracking on (``w:trackRevisions``, before ``w:defaultTabStop`` as
    the schema orders the settings)."""
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        members = [(info.filename, z.read(info)) for info in z.infolist()]
    out = []
    for name, data in members:
        if name == "word/settings.xml" and b"<w:trackRevisions/>" not in data:
            data = data.replace(b"<w:defaultTabStop ", b"<w:trackRevisions/><w:defaultTabStop ", 1)
        out.append((name, data))
    return zip_parts(out)
