"""The typed records every layer passes on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What a piece of text turned out to be."""

    MONEY = "money"
    NUMBER = "number"
    PERCENT = "percent"
    PP = "pp"  # percentage points: not a percent
    COUNT = "count"
    PERIOD = "period"
    UNDISCLOSED = "undisclosed"
    MISSING = "missing"  # an empty-value marker (None, N/A, NaN, -): no value, not unparsed, not 0
    UNPARSED = "unparsed"


class Qualifier(StrEnum):
    """How exact a quantity is (DESIGN.md, the parse contract)."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"


class Status(StrEnum):
    """The standing of an observation."""

    ACTUAL = "actual"
    ESTIMATE = "estimate"
    TARGET = "target"
    FORECAST = "forecast"
    DERIVED = "derived"  # computed by the data set's author from published figures


@dataclass(frozen=True, slots=True)
class Period:
    """A closed interval of days; ``partial`` marks a period that covers less than its label."""

    start: date
    end: date
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in one ISO currency."""

    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """What the parser read from one string: a value or bounds with unit, or why not."""

    input: str
    kind: Kind
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: Qualifier | None = None
    currency: str | None = None
    unit: str | None = None
    period: Period | None = None
    equivalent: Quantity | None = None
    reason: str | None = None
    # What the parser assumed to read the text (``$`` read as USD); empty when nothing was.
    assumptions: tuple[str, ...] = ()
    # A bound the value cannot reach: ``미만`` (< high), ``초과`` (> low), ``千万级`` ([low, high)).
    low_open: bool = False
    high_open: bool = False

    @property
    def ok(self) -> bool:
        """True unless the text could not be read."""
        return self.kind is not Kind.UNPARSED


@dataclass(frozen=True, slots=True)
class Source:
    """Where a number came from."""

    source_id: str
    title: str
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None
    licence: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    """One published number: metric, value, unit, period, geography, segment, status, source."""

    obs_id: str
    metric: str
    value: Decimal | None
    unit: str
    source_id: str
    period_start: date | None = None
    period_end: date | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: Qualifier = Qualifier.EXACT
    currency: str | None = None
    geography: str | None = None
    segment_type: str | None = None
    segment: str | None = None
    status: Status = Status.ACTUAL
    locator: str | None = None
    equivalent_of: str | None = None
    note: str | None = None
    cites: tuple[str, ...] = ()  # sources the publishing source attributes the number to


@dataclass(frozen=True, slots=True)
class Policy:
    """A dated policy document or milestone."""

    policy_id: str
    issued: date
    title_en: str
    source_id: str
    issuer: str | None = None
    title_zh: str | None = None
    title_ko: str | None = None
    kind: str | None = None
    geography: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A quantified (or, with no value, qualitative) target a policy sets for a date."""

    target_id: str
    metric: str
    unit: str
    target_date: date
    source_id: str
    value: Decimal | None = None
    qualifier: Qualifier = Qualifier.AT_LEAST
    currency: str | None = None
    policy_id: str | None = None
    geography: str | None = None
    definition: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Company:
    """A company as an export describes it (raw text kept beside normalized values)."""

    company_id: str
    name: str
    row_ref: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Deal:
    """One financing round or investment (raw text kept beside normalized values)."""

    deal_id: str
    row_ref: str
    company_id: str | None
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reject:
    """An input row that could not be loaded, with a reason code and the raw row."""

    row_ref: str
    reason: str
    raw: dict[str, Any] | list[Any] | str
    detail: str | None = None


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OK = "ok"


@dataclass(frozen=True, slots=True)
class Fact:
    """A quantitative statement found in a report."""

    quantity: Quantity
    subject: str | None
    sentence: str
    line: int
    span: tuple[int, int]
    figure: str | None = None
    period: Period | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of one check rule over some facts."""

    rule: str
    severity: Severity
    message: str
    values: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()
    quotes: tuple[str, ...] = ()  # the sentences (or figure labels) the finding is about
