"""Working days (hari kerja) in Indonesia: Monday to Friday, not a national public holiday.

Deadlines such as Permen 8/2025 Pasal 39 ayat (4) (the originals of a foreign naskah reach the
Sekretaris Jenderal within 14 working days of signing) count them. The holidays come from the
``holidays`` package (its ``public`` category: the hari libur nasional of the joint decree of
three ministers each year; Islamic holidays of years not yet decreed are its estimates, marked
"perkiraan"). Cuti bersama, the joint leave of civil servants decreed with them, is not a public
holiday: the law counts those days as working days, though offices are mostly closed. The
package has them too (its ``government`` category, for the years decreed), so a deadline says
which of them fall in its period and what the date would be if they were not worked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import holidays


@cache
def _national(year: int) -> dict[dt.date, str]:
    return dict(holidays.Indonesia(years=year, language="id"))


@cache
def _cuti_bersama(year: int) -> dict[dt.date, str]:
    return dict(holidays.Indonesia(years=year, categories=("government",), language="id"))


def national_holiday(day: dt.date) -> str | None:
    """The name of the national holiday on ``day``, if it is one."""
    return _national(day.year).get(day)


def cuti_bersama(day: dt.date) -> str | None:
    return _cuti_bersama(day.year).get(day)


def cuti_bersama_known(year: int) -> bool:
    """Whether the package knows the cuti bersama of ``year`` (decreed in the year before)."""
    return bool(_cuti_bersama(year))


def is_working_day(day: dt.date, *, cuti_bersama_off: bool = False) -> bool:
    if day.weekday() >= 5 or national_holiday(day):
        return False
    return not (cuti_bersama_off and cuti_bersama(day))


def add_working_days(start: dt.date, count: int, *, cuti_bersama_off: bool = False) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
    day, left = start, count
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day, cuti_bersama_off=cuti_bersama_off):
            left -= 1
    return day


@dataclass(frozen=True)
class Deadline:
    start: dt.date
    working_days: int
    due: dt.date  # counting national holidays as days off, cuti bersama as working days
    holidays: tuple[tuple[dt.date, str], ...]  # national holidays on weekdays in the period
    cuti_bersama: tuple[tuple[dt.date, str], ...]  # cuti bersama counted as working days in the period
    due_if_cuti_bersama_off: dt.date  # the later date if those cuti bersama are not worked
    unknown_years: tuple[int, ...]  # years of the period whose cuti bersama the package does not know


def deadline(start: dt.date, working_days: int) -> Deadline:
    due = add_working_days(start, working_days)
    later = add_working_days(start, working_days, cuti_bersama_off=True)
    days = [start + dt.timedelta(days=k) for k in range(1, (later - start).days + 1)]
    return Deadline(
        start=start, working_days=working_days, due=due,
        holidays=tuple((d, national_holiday(d) or "") for d in days
                       if d <= due and d.weekday() < 5 and national_holiday(d)),
        cuti_bersama=tuple((d, cuti_bersama(d) or "") for d in days
                           if d <= due and d.weekday() < 5 and cuti_bersama(d) and not national_holiday(d)),
        due_if_cuti_bersama_off=later,
        unknown_years=tuple(sorted({d.year for d in days if not cuti_bersama_known(d.year)})))
