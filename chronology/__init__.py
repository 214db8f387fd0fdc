"""chronology: build, query and draw chronologies whose dates are uncertain."""

from chronology.compare import (
    Certainty,
    Probabilities,
    Relation,
    after,
    before,
    probabilities,
    probability_before,
    relations,
    sort_key,
)
from chronology.dates import (
    DEFAULT_WIDENING,
    NO_WIDENING,
    DateValue,
    Endpoint,
    Interval,
    Precision,
    Qualifier,
    UncertainDate,
    Widening,
)
from chronology.errors import (
    AmbiguousTruthError,
    ChronologyError,
    ChronologyWarning,
    DateParseError,
    DateRangeError,
    InvalidDateError,
    UnboundedError,
)
from chronology.notation import parse, parse_expression
from chronology.relative import RelativeDate, Tense

__version__ = "0.1.0"

__all__ = [  # noqa: RUF022 (grouped by topic)
    # dates
    "DEFAULT_WIDENING",
    "NO_WIDENING",
    "DateValue",
    "Endpoint",
    "Interval",
    "Precision",
    "Qualifier",
    "RelativeDate",
    "Tense",
    "UncertainDate",
    "Widening",
    # reading dates
    "parse",
    "parse_expression",
    # ordering
    "Certainty",
    "Probabilities",
    "Relation",
    "after",
    "before",
    "probabilities",
    "probability_before",
    "relations",
    "sort_key",
    # errors
    "AmbiguousTruthError",
    "ChronologyError",
    "ChronologyWarning",
    "DateParseError",
    "DateRangeError",
    "InvalidDateError",
    "UnboundedError",
    "__version__",
]
