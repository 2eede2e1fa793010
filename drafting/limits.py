"""Every bound on what drafting accepts, in one place (README, "Limits and safety").

An input is possibly hostile: a file may be a device or a pipe, a few kilobytes of YAML aliases
may stand for billions of values, a list may run to a hundred thousand items. Each limit below is
far above what a real naskah needs (the largest example is 9 kB, 253 values, 3 levels of list
items, its longest text 601 characters) and low enough that refusing past it is immediate and the
memory used stays a small multiple of the input. The loader (``load.py``) enforces the structural
ones while it reads; the input model (``model.py``) the per-field ones, as pydantic bounds, so
that ``drafting schema`` shows them.
"""

from __future__ import annotations

import datetime as dt

# --- the file or request body --------------------------------------------------------------
MAX_INPUT_BYTES = 512 * 1024  # a YAML/JSON input file, an uploaded one, a request body
MAX_NODES = 5_000  # values (maps, lists, scalars), a YAML alias counting as all it stands for; the
# bound that keeps the slowest preview of a valid input near a second (its work grows with them)
MAX_DEPTH = 20  # maps and lists inside one another (the examples need 8)

# --- the fields (model.py) -------------------------------------------------------------------
MAX_LINE = 500  # characters of a name, title, position, number, tentang
MAX_TEXT = 5_000  # characters of a paragraph: a recital, a list item, a legal basis, a definition
MAX_PARTIES = 10
MAX_ITEMS = 100  # items in one list (scope, recitals, duties, data items …): labels stay a. … vvvv.
MAX_ITEM_LEVELS = 3  # an item, its sub-items and theirs: with the clause's own level, UU 12/2011's four
MAX_YEARS = 50  # term.years
MAX_MONTHS = 120  # term.notice_months, monitoring.report_months, technical_team.work_plan_months
MAX_DAYS = 365  # termination.cure_days
MAX_ORIGINALS = 20
MAX_TIMES = 52  # monitoring.times (at most weekly) …
MAX_PER_YEARS = 10  # … per monitoring.per_years
FIRST_DATE = dt.date(1900, 1, 1)  # every date of the input lies in this range, so that a term
LAST_DATE = dt.date(2199, 12, 31)  # computed from it (start + years) is a date too

# --- a naskah the tool did not make (drafting check, compare; office_package.py) ----------------
MAX_NASKAH_BYTES = 50 * 1024 * 1024  # a DOCX, PDF or text file: a naskah with scanned annexes stays under
MAX_PDF_PAGES = 200
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what a Word package unpacks to, pictures and all: no zip bomb
MAX_PART_BYTES = 20 * 1024 * 1024  # one XML part of it: a hundred-page document.xml is a few MB

# --- a register to import (registry import; registry/sheet.py) ---------------------------------
MAX_SHEET_BYTES = 20 * 1024 * 1024  # a CSV or XLSX file; an XLSX unpacks within the bounds above
MAX_SHEET_ROWS = 20_000
MAX_SHEET_COLUMNS = 200
MAX_CELL = 10_000  # characters

# --- the web form (web/) ----------------------------------------------------------------------
MAX_REQUEST_BYTES = 2 * MAX_INPUT_BYTES  # a request carries an input file as a JSON string, escaped
MAX_SEARCH = 200  # characters of a registry search
MAX_NASKAH_UPLOAD = 10 * 1024 * 1024  # a signed naskah (PDF, DOCX …) uploaded to attach its input to an entry
