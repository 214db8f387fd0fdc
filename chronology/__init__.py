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
    AmbiguousReferenceError,
    AmbiguousTruthError,
    ChronologyDeprecationWarning,
    ChronologyError,
    ChronologyWarning,
    DatasetError,
    DatasetRowError,
    DateParseError,
    DateRangeError,
    EventFileError,
    FileChangedError,
    FileLockError,
    FileWriteError,
    InvalidDateError,
    InvalidEventError,
    MissingExtraError,
    NotRegularFileError,
    PlotError,
    Problem,
    QuantityParseError,
    UnboundedError,
    UnknownEventError,
    ValidationError,
    WrongTypeError,
)
from chronology.events import Citation, Claim, Event, Source
from chronology.files import EventFile, load, validate
from chronology.index import Index, Mode
from chronology.notation import parse, parse_expression
from chronology.quantity import Comparison, Quantity
from chronology.relative import RelativeDate, Tense
from chronology.scan import Dataset, scan
from chronology.timeline import Precedence, Timeline

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
    # events, sources, claims
    "Citation",
    "Claim",
    "Comparison",
    "Event",
    "Quantity",
    "Source",
    "Timeline",
    # queries
    "Index",
    "Mode",
    "Precedence",
    # event files
    "EventFile",
    "load",
    "validate",
    # data sets beyond memory
    "Dataset",
    "scan",
    # errors
    "AmbiguousReferenceError",
    "AmbiguousTruthError",
    "ChronologyDeprecationWarning",
    "ChronologyError",
    "ChronologyWarning",
    "DateParseError",
    "DateRangeError",
    "DatasetError",
    "DatasetRowError",
    "EventFileError",
    "FileChangedError",
    "FileLockError",
    "FileWriteError",
    "InvalidDateError",
    "InvalidEventError",
    "MissingExtraError",
    "NotRegularFileError",
    "PlotError",
    "Problem",
    "QuantityParseError",
    "UnboundedError",
    "UnknownEventError",
    "ValidationError",
    "WrongTypeError",
    "__version__",
]
