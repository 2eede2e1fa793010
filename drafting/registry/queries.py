"""Selecting agreements from the registry, and the counts and lists of the registry report."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, Select, Text, cast, func, or_, select
from sqlalchemy.orm import Session, selectinload

from .models import Agreement, AgreementNumber, Kind, Level, Status

_PERIOD = re.compile(r"(\d+)\s*([dmy])")
_UNITS = {"d": "days", "m": "months", "y": "years"}


def parse_period(text: str) -> relativedelta:
    """``30d``, ``6m``, ``1y`` (hari, bulan, tahun)."""
    m = _PERIOD.fullmatch(text.strip().lower())
    if not m:
        raise ValueError(f"'{text}' bukan jangka waktu; tulis mis. 30d (hari), 6m (bulan), 1y (tahun)")
    return relativedelta(**{_UNITS[m[2]]: int(m[1])})


def later(day: dt.date, period: relativedelta) -> dt.date:
    """``day + period``, or the last day there is when that is past the year 9999."""
    try:
        return day + period
    except (OverflowError, ValueError):
        return dt.date.max


@dataclass(frozen=True)
class Filter:
    kinds: tuple[Kind, ...] = ()
    unit: str | None = None  # part of the Satuan Kerja's name, any case
    statuses: tuple[Status, ...] = ()
    expiring_within: relativedelta | None = None  # aktif, ending between today and today + this
    with_input: bool = False
    text: str | None = None  # part of the tentang, the unit, a Mitra or a number, any case
    ids: tuple[int, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)

    def statement(self) -> Select[Agreement]:
        stmt = select(Agreement).options(selectinload(Agreement.numbers)).order_by(Agreement.id)
        if self.kinds:
            stmt = stmt.where(Agreement.kind.in_(self.kinds))
        if self.unit:
            stmt = stmt.where(func.lower(Agreement.unit).contains(self.unit.lower()))
        if self.statuses:
            stmt = stmt.where(Agreement.status.in_(self.statuses))
        if self.expiring_within is not None:
            stmt = stmt.where(Agreement.status == Status.aktif, Agreement.end_date >= self.today,
                              Agreement.end_date <= later(self.today, self.expiring_within))
        if self.with_input:
            stmt = stmt.where(Agreement.input_json.is_not(None))
        if self.text:
            stmt = stmt.where(_mentions(self.text.lower()))
        if self.ids:
            stmt = stmt.where(Agreement.id.in_(self.ids))
        return stmt


def _mentions(text: str) -> ColumnElement[bool]:
    # the Mitra are a JSON list: searched as its JSON text, which is enough to find a name in it
    return or_(func.lower(Agreement.tentang).contains(text, autoescape=True),
               func.lower(Agreement.unit).contains(text, autoescape=True),
               func.lower(cast(Agreement.partners, Text)).contains(text, autoescape=True),
               Agreement.numbers.any(func.lower(AgreementNumber.number).contains(text, autoescape=True)))


def agreements(session: Session, flt: Filter) -> list[Agreement]:
    return list(session.scalars(flt.statement()))


@dataclass
class Report:
    total: int
    by_kind: Counter[Kind]
    by_level: Counter[Level | None]
    units_by_level: dict[Level | None, int]  # how many distinct Satuan Kerja at each level
    by_unit: Counter[str]
    expiring: list[Agreement]  # aktif, ending within the period
    overdue: list[Agreement]  # past their end date, still marked aktif


def report(session: Session, flt: Filter, within: relativedelta) -> Report:
    selected = agreements(session, flt)
    units: dict[Level | None, set[str]] = {}
    for a in selected:
        units.setdefault(a.level, set()).add(a.unit)
    horizon = later(flt.today, within)
    return Report(
        total=len(selected),
        by_kind=Counter(a.kind for a in selected),
        by_level=Counter(a.level for a in selected),
        units_by_level={level: len(names) for level, names in units.items()},
        by_unit=Counter(a.unit for a in selected),
        expiring=[a for a in selected
                  if a.status is Status.aktif and a.end_date and flt.today <= a.end_date <= horizon],
        overdue=[a for a in selected if a.status is Status.aktif and a.end_date and a.end_date < flt.today],
    )
