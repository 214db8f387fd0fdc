"""Reading claimed figures: "1,500", "about 10,000", "nearly 25,000", "more than 10,000", "up to 15,000", "$2,000".

Korean figures are read too, in Korean's own units ("1만2천" is 12,000, "10만" 100,000: the units are
CLDR's, from its compact number formats) and comparisons ("최대 10만": up to 100,000; "1만 이상": at least
10,000; "약 2천", "1만여": about; "거의 1만", "1만 가까이": nearly): :func:`korean_figure` writes one in
English, which is read as above.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from chronology.errors import QuantityParseError
from chronology.notation.words import ENGLISH
from chronology.quantity import Comparison, Quantity

__all__ = ["COMPARISON_WORDS", "EXPECTED_QUANTITY", "KOREAN_FIGURE", "korean_figure", "korean_number", "parse_quantity"]

_WORDS: Final = {
    "about": Comparison.ABOUT,
    "around": Comparison.ABOUT,
    "approximately": Comparison.ABOUT,
    "roughly": Comparison.ABOUT,
    "some": Comparison.ABOUT,
    "an estimated": Comparison.ABOUT,
    "estimated": Comparison.ABOUT,
    # "close to" a figure may be on either side of it
    "close to": Comparison.ABOUT,
    "~": Comparison.ABOUT,
    "c.": Comparison.ABOUT,
    # a hedge on the figure ("perhaps 100,000"): the source is unsure of it, either side, as "about" says
    "perhaps": Comparison.ABOUT,
    "maybe": Comparison.ABOUT,
    "possibly": Comparison.ABOUT,
    # a little under the figure, never at or above it
    "nearly": Comparison.NEARLY,
    "almost": Comparison.NEARLY,
    "just under": Comparison.NEARLY,
    "just below": Comparison.NEARLY,
    "just shy of": Comparison.NEARLY,
    "at least": Comparison.AT_LEAST,
    "more than": Comparison.MORE_THAN,
    "over": Comparison.MORE_THAN,
    "above": Comparison.MORE_THAN,
    "upwards of": Comparison.MORE_THAN,
    "just over": Comparison.MORE_THAN,
    "just above": Comparison.MORE_THAN,
    ">": Comparison.MORE_THAN,
    "up to": Comparison.UP_TO,
    "as many as": Comparison.UP_TO,
    "at most": Comparison.UP_TO,
    "fewer than": Comparison.FEWER_THAN,
    "less than": Comparison.FEWER_THAN,
    "under": Comparison.FEWER_THAN,
    "<": Comparison.FEWER_THAN,
    # one figure somewhere in a range, as "10,000-12,000" is: "between 10,000 and 12,000"
    "between": Comparison.BETWEEN,
}
#: The words before a figure, and the comparison each says (for readers of running text: the draft's claims).
COMPARISON_WORDS: Final[Mapping[str, Comparison]] = MappingProxyType(_WORDS)
#: The words after a figure, and the comparison each says: "100,000 or more" is at least 100,000 (the figure
#: included, as "at least" says), "500 or fewer" up to 500, "100,000 or so" about 100,000.
_AFTER: Final = {
    "or more": Comparison.AT_LEAST,
    "or over": Comparison.AT_LEAST,
    "or above": Comparison.AT_LEAST,
    "or upwards": Comparison.AT_LEAST,
    "or fewer": Comparison.UP_TO,
    "or less": Comparison.UP_TO,
    "or under": Comparison.UP_TO,
    "or so": Comparison.ABOUT,
}
_AFTER_FORM: Final = re.compile(r"(?P<figure>.*?) (?P<after>" + "|".join(_AFTER) + r")", re.IGNORECASE)
_SCALES: Final = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "k": 1_000, "m": 1_000_000}
#: A number: its thousands set off by commas ("10,000") or by spaces ("10 000", as Ukrainian, Russian and French
#: write them, often with a no-break or thin space: the text's spaces are made plain ones before it is matched).
_NUMBER: Final = (
    r"(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?: \d{{3}})+|\d+(?:\.\d+)?)"
    r"\s*(?P<{0}_scale>thousand|million|billion|k|m)?"
)
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
    'expected a number ("1,500", "1.5 million", "$2,000"), optionally after about/around/nearly/perhaps, '
    'at least, more than/over, up to/as many as, fewer than, or followed by "or more", "or fewer" or "or so" '
    '("100,000 or more"); or a range ("10,000-12,000")'
)
#: Counts said in words, as plural units: "thousands" is at least two thousand, with no highest (reports say
#: "thousands of troops" of 10,000-12,000); "tens of thousands" at least twenty thousand.
_PLURAL_SCALES: Final = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
_SINGULAR_SCALES: Final = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MULTIPLES: Final = {"tens of": 10, "hundreds of": 100}
#: "a few" and "several", as many as the date reader counts them ("a few days": 2-4 days).
_VAGUE_AMOUNTS: Final = {" ".join(words): amount for words, amount in ENGLISH.categories["vague_amount"].items()}


#: Korean comparisons before a figure ("최대 10만") and after it ("1만 이상", "1만여"), as the English words they
#: mean (typed: CLDR has none). "무려" and "총" stress a figure and compare nothing.
KOREAN_BEFORE: Final = {
    "최대": "up to", "최다": "up to", "약": "about", "대략": "about", "최소": "at least", "적어도": "at least",
    "거의": "nearly", "무려": "", "총": "",
}  # fmt: skip
KOREAN_AFTER: Final = {
    "이상": "at least", "넘게": "more than", "초과": "more than", "이하": "at most", "미만": "fewer than",
    "가량": "about", "정도": "about", "안팎": "about", "내외": "about", "남짓": "about", "여": "about",
    "가까이": "nearly",
}  # fmt: skip
_KOREAN_UNITS: Final = "백천만억조"
#: A Korean figure in digits and Korean units: "1만2천", "10만", "3억5천만", "1,500", "2.5만".
KOREAN_NUMBER: Final = (
    rf"(?:\d[\d,]*(?:\.\d+)?\s?[{_KOREAN_UNITS}]+)+(?:\d[\d,]*)?|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?"
)
#: A Korean figure with its comparisons: "최대 10만", "1만 이상", "약 2천", "1만여".
KOREAN_FIGURE: Final = re.compile(
    rf"(?:(?P<before>{'|'.join(sorted(KOREAN_BEFORE, key=len, reverse=True))})\s*)?(?P<number>{KOREAN_NUMBER})"
    rf"(?P<odd>여)?(?:\s*(?P<after>{'|'.join(sorted(KOREAN_AFTER, key=len, reverse=True))}))?"
)
_HANGUL: Final = re.compile(r"[\uac00-\ud7a3]")
_KOREAN_PARTS: Final = re.compile(rf"\d[\d,]*(?:\.\d+)?|[{_KOREAN_UNITS}]")


def korean_number(text: str) -> int | float:
    """The number a Korean figure writes: "1만2천" is 12000, "3억5천만" 350000000, "1,500" 1500.

    Small units (백, 천) count within a group of four digits, large ones (만, 억, 조) close the group.

    Raises:
        QuantityParseError: ``text`` is not such a figure.
        MissingExtraError: the ``draft`` extra (Babel, whose CLDR data gives the units) is not installed.

    """
    from chronology.notation.korean_words import korean_number_units

    if re.fullmatch(KOREAN_NUMBER, text.strip()) is None:
        raise QuantityParseError(text, 'expected a Korean figure such as "1만2천", "10만", "1,500"')
    units = korean_number_units()
    total: float = 0
    group: float = 0
    pending: float | None = None
    for part in _KOREAN_PARTS.findall(text):
        if part[0].isdigit():
            pending = float(part.replace(",", ""))
        elif units[part] < 10_000:  # 백, 천: within the group
            group += (1 if pending is None else pending) * units[part]
            pending = None
        else:  # 만, 억, 조: the group so far, times the unit
            total += (group + (pending or 0) or 1) * units[part]
            group, pending = 0, None
    total += group + (pending or 0)
    return int(total) if float(total).is_integer() else total


def korean_figure(text: str) -> str:
    """A Korean figure written as :func:`parse_quantity` reads English: "최대 10만" is "up to 100,000".

    Raises:
        QuantityParseError: ``text`` is not a Korean figure.
        MissingExtraError: the ``draft`` extra is not installed.

    """
    match = KOREAN_FIGURE.fullmatch(" ".join(text.split()))
    if match is None:
        raise QuantityParseError(
            text, 'expected a Korean figure such as "1만2천", "최대 10만", "1만 이상", "약 2천", "1,500"'
        )
    number = korean_number(match["number"])
    comparisons = [KOREAN_BEFORE.get(match["before"] or "", ""), KOREAN_AFTER.get(match["after"] or "", "")]
    if match["odd"]:
        comparisons.append("about")
    said = [word for word in comparisons if word]
    if len(set(said)) > 1:
        raise QuantityParseError(text, f"a figure takes one comparison, not {' and '.join(said)!r}")
    digits = f"{number:,}"
    return f"{said[0]} {digits}" if said else digits


def parse_quantity(text: str | int | float) -> Quantity:
    """Read a claimed figure as reports write it.

    Args:
        text: a number (``1500``), or text such as ``"1,500"``, ``"about 10,000"``,
            ``"more than 10,000"``, ``"up to 15,000"``, ``"10,000-12,000"``,
            ``"1.5 million"``, ``"$2,000"``; ``"10 000"`` (thousands set off by spaces),
            ``"between 10,000 and 12,000"`` (as ``"10,000-12,000"``); ``"thousands"`` (at least 2,000),
            ``"several thousand"`` (3,000-9,999); ``"nearly 25,000"``, ``"almost 25,000"``,
            ``"just under 25,000"`` (a little under the figure, never at or above it: ``Comparison.NEARLY``,
            the figure its high, no low); ``"close to 25,000"`` (either side of it: about);
            ``"perhaps 100,000"``, ``"maybe"``, ``"possibly"`` (a hedge: about); ``"100,000 or more"``
            (at least, the figure included), ``"500 or fewer"``, ``"or less"`` (up to), ``"100,000 or so"``
            (about).

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
    if _HANGUL.search(text):  # "최대 10만": read as its English, and kept as written
        return attrs.evolve(parse_quantity(korean_figure(text)), text=text)
    # One space between words: runs of spaces would make the pattern try every way of splitting them (cubic time).
    # (no-break and thin spaces, which set off thousands in "10 000", are spaces to str.split)
    spaced = " ".join(text.split())
    in_words = _count_in_words(spaced.lower(), text)
    if in_words is not None:
        return in_words
    after = _AFTER_FORM.fullmatch(spaced)
    if after is not None:
        return _figure_then_comparison(after["figure"], after["after"].lower(), text)
    match = _FORM.fullmatch(spaced)
    if match is None:
        raise QuantityParseError(text, EXPECTED_QUANTITY)
    longest = max(len(match["low"]), len(match["high"] or ""))
    if longest > _MOST_DIGITS:
        raise QuantityParseError(text, f"a number of {longest:,} characters is no figure (at most {_MOST_DIGITS})")
    low = _value(match["low"], match["low_scale"])
    high = _value(match["high"], match["high_scale"]) if match["high"] else None
    if high is not None and match["high_scale"] and not match["low_scale"]:
        # "5-10 thousand", "1.5-2 million": the scale said once is both figures' (where that keeps them in order:
        # "500-2 thousand" is 500 to 2,000)
        scaled = _value(match["low"], match["high_scale"])
        low = scaled if scaled <= high else low
    word = (match["word"] or "").lower()
    currency = match["currency"] or ""
    if high is not None:
        if word and word != "between":
            written = spaced[match.end("word") :].strip()  # the range as written, without its word
            raise QuantityParseError(text, f"a range takes no {word!r}; write it as {written!r}")
        if low > high:
            raise QuantityParseError(text, f"the range runs backwards ({low:,} is above {high:,})")
        return Quantity(comparison=Comparison.BETWEEN, low=low, high=high, currency=currency, text=text)
    comparison = _WORDS.get(word, Comparison.EXACTLY)
    if comparison is Comparison.BETWEEN:
        raise QuantityParseError(text, f"'between' takes two figures: write 'between {low:,} and ...'")
    if comparison in (Comparison.UP_TO, Comparison.FEWER_THAN, Comparison.NEARLY):
        return Quantity(comparison=comparison, high=low, currency=currency, text=text)
    if comparison in (Comparison.AT_LEAST, Comparison.MORE_THAN):
        return Quantity(comparison=comparison, low=low, currency=currency, text=text)
    return Quantity(comparison=comparison, low=low, high=low, currency=currency, text=text)


def _figure_then_comparison(figure: str, after: str, text: str) -> Quantity:
    """Read "100,000 or more", "500 or fewer", "100,000 or so": one figure, then the words that compare it."""
    comparison = _AFTER[after]
    try:
        stated: Quantity | None = parse_quantity(figure)
    except QuantityParseError:
        stated = None
    if stated is None or stated.comparison is not Comparison.EXACTLY:
        raise QuantityParseError(
            text, f"{after!r} follows one figure, with no other comparison ('100,000 {after}'); {EXPECTED_QUANTITY}"
        )
    number, currency = stated.low, stated.currency
    if comparison is Comparison.UP_TO:
        return Quantity(comparison=comparison, high=number, currency=currency, text=text)
    if comparison is Comparison.AT_LEAST:
        return Quantity(comparison=comparison, low=number, currency=currency, text=text)
    return Quantity(comparison=comparison, low=number, high=number, currency=currency, text=text)


def _count_in_words(spaced: str, text: str) -> Quantity | None:
    """Read a count said in words, or None for any other text.

    "thousands" (and "hundreds", "millions") is at least two of the unit; "tens of thousands" at least twenty
    thousand, "hundreds of thousands" at least two hundred thousand. "a few thousand" and "several thousand"
    are as many thousands as the date reader's "a few" and "several" days are (2-4 and 3-9): 2,000-4,999 and
    3,000-9,999.
    """
    *before, last = spaced.split(" ")
    lead = " ".join(before)
    if last in _PLURAL_SCALES and (not lead or (lead in _MULTIPLES and last != "hundreds")):
        least = 2 * _PLURAL_SCALES[last] * _MULTIPLES.get(lead, 1)
        return Quantity(comparison=Comparison.AT_LEAST, low=least, text=text)
    if last in _SINGULAR_SCALES and lead in _VAGUE_AMOUNTS:
        fewest, most = _VAGUE_AMOUNTS[lead]
        unit = _SINGULAR_SCALES[last]
        return Quantity(comparison=Comparison.BETWEEN, low=fewest * unit, high=(most + 1) * unit - 1, text=text)
    if last in _PLURAL_SCALES and lead:
        raise QuantityParseError(
            text,
            f"{spaced!r} is not a count this reader knows; write '{last}' (at least {2 * _PLURAL_SCALES[last]:,}) "
            "or the figure the source gives",
        )
    return None


def _value(digits: str, scale: str | None) -> float:
    digits = digits.replace(",", "").replace(" ", "")
    number: float = float(digits) if "." in digits else int(digits)
    if scale:
        number *= _SCALES[scale.lower()]
        if float(number).is_integer():
            number = int(number)
    return number
