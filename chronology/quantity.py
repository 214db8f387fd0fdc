"""Claimed figures: a number or a range, as a report states it ("up to 100,000")."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Comparison", "Quantity"]


class Comparison(enum.Enum):
    """How a stated figure relates to the true one."""

    EXACTLY = "exactly"
    ABOUT = "about"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    UP_TO = "up to"
    FEWER_THAN = "fewer than"
    #: A little under the figure, never at or above it ("nearly 25,000", "almost 25,000", "just under 25,000").
    #: The figure is the high (excluded), and no low is stated; close to the figure, the wording says, not how close.
    NEARLY = "nearly"
    BETWEEN = "between"


def _check_range(instance: Quantity, attribute: attrs.Attribute[float | None], value: float | None) -> None:
    if instance.low is not None and instance.high is not None and instance.low > instance.high:
        raise ValueError(f"a quantity's low ({instance.low:,}) is above its high ({instance.high:,})")


@attrs.frozen(kw_only=True)
class Quantity:
    """A figure as claimed: exact, approximate, bounded on one side, or a range.

    ``low`` and ``high`` are the stated numbers (``None`` where the claim gives
    no bound on that side): "up to 15,000" has ``high=15000`` and no low; "more
    than 10,000" has ``low=10000`` (excluded, as ``comparison`` says) and no
    high; "about 10,000" has both at 10,000. "nearly 25,000" has ``high=25000``
    (excluded) and no low, as "fewer than 25,000" has: the true figure is under
    25,000, a little under, the wording says, but not how little.

    Attributes:
        comparison: how the stated figure bounds the true one.
        low: the lower figure, or None.
        high: the higher figure, or None.
        currency: a currency sign the figure carried ("$"), or "".
        text: the wording as given.

    """

    comparison: Comparison
    low: float | None = None
    high: float | None = attrs.field(default=None, validator=_check_range)
    currency: str = ""
    text: str = attrs.field(default="", eq=False)

    @classmethod
    def parse(cls, text: str | int | float) -> Quantity:
        """Read a figure as reports write it: "1,500", "about 10,000", "up to 15,000", "10,000-12,000", "$2,000".

        Raises:
            QuantityParseError: anything else; the message says what is accepted.

        """
        from chronology.notation.quantity import parse_quantity

        return parse_quantity(text)

    @property
    def label(self) -> str:
        """The figure in plain English ("up to 100,000", "10,000-12,000")."""
        low = _number(self.currency, self.low)
        high = _number(self.currency, self.high)
        match self.comparison:
            case Comparison.EXACTLY:
                return low
            case Comparison.BETWEEN:
                return f"{low}-{high}"
            case Comparison.UP_TO | Comparison.FEWER_THAN | Comparison.NEARLY:
                return f"{self.comparison.value} {high}"
            case _:
                return f"{self.comparison.value} {low}"


def _number(currency: str, value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{currency}{int(value):,}"
    return f"{currency}{value:,}"
