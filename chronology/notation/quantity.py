"""Reading claimed figures: "1,500", "about 10,000", "more than 10,000", "up to 15,000", "$2,000"."""

from __future__ import annotations

import re
from typing import Final

from chronology.errors import QuantityParseError
from chronology.quantity import Comparison, Quantity

__all__ = ["EXPECTED_QUANTITY", "parse_quantity"]

_WORDS: Final = {
    "about": Comparison.ABOUT,
    "around": Comparison.ABOUT,
    "approximately": Comparison.ABOUT,
    "roughly": Comparison.ABOUT,
    "some": Comparison.ABOUT,
    "an estimated": Comparison.ABOUT,
    "estimated": Comparison.ABOUT,
    "nearly": Comparison.ABOUT,
    "almost": Comparison.ABOUT,
    "~": Comparison.ABOUT,
    "c.": Comparison.ABOUT,
    "at least": Comparison.AT_LEAST,
    "more than": Comparison.MORE_THAN,
    "over": Comparison.MORE_THAN,
    "above": Comparison.MORE_THAN,
    "upwards of": Comparison.MORE_THAN,
    ">": Comparison.MORE_THAN,
    "up to": Comparison.UP_TO,
    "as many as": Comparison.UP_TO,
    "at most": Comparison.UP_TO,
    "fewer than": Comparison.FEWER_THAN,
    "less than": Comparison.FEWER_THAN,
    "under": Comparison.FEWER_THAN,
    "<": Comparison.FEWER_THAN,
}
_SCALES: Final = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "k": 1_000, "m": 1_000_000}
_NUMBER: Final = r"(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s*(?P<{0}_scale>thousand|million|billion|k|m)?"
_FORM: Final = re.compile(
    r"(?P<word>" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)) + r")?\s*"
    r"(?P<currency>[$€£¥])?\s*"
    + _NUMBER.format("low")
    + r"(?:\s*(?:-|–|to|and)\s*[$€£¥]?\s*"
    + _NUMBER.format("high")
    + r")?",
    re.IGNORECASE,
)

#: Longest number read, in characters: far beyond any count, short enough to convert at once.
_MOST_DIGITS: Final = 40
#: Longest figure read, in characters ("approximately $1,500,000,000-2,000,000,000" is 42).
_MOST_CHARACTERS: Final = 200
#: What the reader accepts, for error messages.
EXPECTED_QUANTITY: Final = (
    'expected a number ("1,500", "1.5 million", "$2,000"), optionally after about/around/nearly, '
    'at least, more than/over, up to/as many as, fewer than, or a range ("10,000-12,000")'
)


def parse_quantity(text: str | int | float) -> Quantity:
    """Read a claimed figure as reports write it.

    Args:
        text: a number (``1500``), or text such as ``"1,500"``, ``"about 10,000"``,
            ``"more than 10,000"``, ``"up to 15,000"``, ``"10,000-12,000"``,
            ``"1.5 million"``, ``"$2,000"``.

    Raises:
        QuantityParseError: anything else; the message says what is accepted.

    """
    if isinstance(text, bool) or not isinstance(text, str | int | float):
        raise QuantityParseError(repr(text), f"a figure is a number or text, not {type(text).__name__}")
    if not isinstance(text, str):
        if text != text or text in (float("inf"), float("-inf")):
            raise QuantityParseError(repr(text), "a figure must be a finite number")
        return Quantity(comparison=Comparison.EXACTLY, low=text, high=text, text=str(text))
    if len(text) > _MOST_CHARACTERS:
        raise QuantityParseError(
            text, f"{len(text):,} characters is too long for a figure (at most {_MOST_CHARACTERS})"
        )
    # One space between words: runs of spaces would make the pattern try every way of splitting them (cubic time).
    match = _FORM.fullmatch(" ".join(text.split()))
    if match is None:
        raise QuantityParseError(text, EXPECTED_QUANTITY)
    longest = max(len(match["low"]), len(match["high"] or ""))
    if longest > _MOST_DIGITS:
        raise QuantityParseError(text, f"a number of {longest:,} characters is no figure (at most {_MOST_DIGITS})")
    low = _value(match["low"], match["low_scale"])
    high = _value(match["high"], match["high_scale"]) if match["high"] else None
    word = (match["word"] or "").lower()
    currency = match["currency"] or ""
    if high is not None:
        if word:
            raise QuantityParseError(text, f"a range takes no {word!r}; write it as '10,000-12,000'")
        if low > high:
            raise QuantityParseError(text, f"the range runs backwards ({low:,} is above {high:,})")
        return Quantity(comparison=Comparison.BETWEEN, low=low, high=high, currency=currency, text=text)
    comparison = _WORDS.get(word, Comparison.EXACTLY)
    if comparison in (Comparison.UP_TO, Comparison.FEWER_THAN):
        return Quantity(comparison=comparison, high=low, currency=currency, text=text)
    if comparison in (Comparison.AT_LEAST, Comparison.MORE_THAN):
        return Quantity(comparison=comparison, low=low, currency=currency, text=text)
    return Quantity(comparison=comparison, low=low, high=low, currency=currency, text=text)


def _value(digits: str, scale: str | None) -> float:
    number: float = float(digits.replace(",", "")) if "." in digits else int(digits.replace(",", ""))
    if scale:
        number *= _SCALES[scale.lower()]
        if float(number).is_integer():
            number = int(number)
    return number
