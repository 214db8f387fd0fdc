"""A small engine for word grammars: tokens that keep their place in the text, and rules that compose.

A rule matches a run of tokens and gives back every way it can: a list of
(value, next position) pairs, so an alternative that reads less never hides
one that reads the whole phrase. Rules are built from

* terminals: :class:`Category` (a word or run of words of a category in a
  :class:`~chronology.notation.words.WordTable`), :class:`Word` (given
  words), :class:`Number` (digits), :class:`Mark` (punctuation);
* combinators: ``a + b`` (one after the other), ``a | b`` (either),
  :func:`optional`, and :meth:`Rule.to` (build a value from what matched);
* :class:`Named`, a rule that may be referred to before it is defined (for
  recursion) and whose results are remembered while one phrase is read.

Nothing here knows of dates: the grammar lives in :mod:`chronology.notation.english`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs

from chronology.notation.words import WordTable

__all__ = [
    "SKIP",
    "Category",
    "Mark",
    "Named",
    "Number",
    "RefusalError",
    "Rule",
    "Token",
    "Values",
    "Word",
    "optional",
    "tokenize",
]


@attrs.frozen
class Token:
    """One word, number or mark of a text, and where it stands.

    Attributes:
        kind: ``"word"``, ``"number"`` or ``"mark"``.
        text: the word lower-cased without its dots ("sept", "am"); a number's
            digits; the mark itself.
        start: index of its first character in the text.
        end: index after its last character.
        suffix: what follows a number's digits ("th" of "15th", "s" of "1450s").

    """

    kind: str
    text: str
    start: int
    end: int
    suffix: str = ""


_TOKEN: Final = re.compile(
    r"(?P<number>[0-9]+)(?P<suffix>st|nd|rd|th|s(?![^\W\d_])|['\u2019]s|[ap]\.?m\.?)?"
    r"|(?P<word>(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:-[^\W\d_]+)*(?:[0-9](?![0-9:]))?\.?|'?[^\W\d_]+)"
    r"|(?P<mark>[,/:()+\-\u2013\u2014~?.;!])",
    re.IGNORECASE,
)
#: Marks that end a sentence or clause rather than a date: dropped at the end of a phrase ("June 2024.").
_TRAILING: Final = frozenset(",.;:!")


def tokenize(text: str, words: WordTable) -> tuple[list[Token], int | None]:
    """The tokens of ``text``, and the position of the first character that is none of them (or None).

    A hyphened word is one token when the table knows it ("twenty-one"),
    else its parts and the hyphen ("mid-October" is ``mid``, ``-``, ``october``).
    """
    tokens: list[Token] = []
    position = 0
    length = len(text)
    while position < length:
        if text[position].isspace():
            position += 1
            continue
        match = _TOKEN.match(text, position)
        if match is None:
            return tokens, position
        if match["number"] is not None:
            suffix = (match["suffix"] or "").lower().replace("'", "").replace("\u2019", "").replace(".", "")
            tokens.append(Token("number", match["number"], match.start(), match.end(), suffix))
        elif match["word"] is not None:
            _add_word(tokens, match["word"], match.start(), words)
        else:
            tokens.append(Token("mark", match["mark"].replace("\u2013", "-").replace("\u2014", "-"), *match.span()))
        position = match.end()
    while tokens and tokens[-1].kind == "mark" and tokens[-1].text in _TRAILING:
        tokens.pop()
    return tokens, None


def _add_word(tokens: list[Token], written: str, start: int, words: WordTable) -> None:
    bare = written.lower().replace(".", "").replace("\u2019", "'").lstrip("'")
    if "-" in bare and bare not in words.vocabulary:
        offset = start
        for index, part in enumerate(written.split("-")):
            if index:
                tokens.append(Token("mark", "-", offset, offset + 1))
                offset += 1
            if part:
                tokens.append(Token("word", part.lower().replace(".", ""), offset, offset + len(part)))
            offset += len(part)
        return
    tokens.append(Token("word", bare, start, start + len(written)))


#: What a rule gives: every (value, position after it) it can read from one position.
Results = list[tuple[Any, int]]


@attrs.frozen
class First:
    """What a rule's first token can be: given words (None for any), numbers, marks; and whether it may read nothing."""

    words: frozenset[str] | None = frozenset()
    numbers: bool = False
    marks: frozenset[str] = frozenset()
    empty: bool = False

    def admits(self, tokens: Sequence[Token], at: int) -> bool:
        """Whether a reading could start at ``at``."""
        if self.empty:
            return True
        if at >= len(tokens):
            return False
        token = tokens[at]
        if token.kind == "word":
            return self.words is None or token.text in self.words
        if token.kind == "number":
            return self.numbers
        return token.text in self.marks

    def __or__(self, other: First) -> First:
        words = None if self.words is None or other.words is None else self.words | other.words
        return First(words, self.numbers or other.numbers, self.marks | other.marks, self.empty or other.empty)


class Rule:
    """A grammar rule: reads tokens from a position, giving every reading it finds."""

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        """Every (value, next position) this rule reads at ``at``."""
        raise NotImplementedError

    def first(self) -> First:
        """What the first token of a reading can be."""
        raise NotImplementedError

    def __add__(self, other: Rule) -> Rule:
        left = list(self.parts) if isinstance(self, _Sequence) else [self]
        right = list(other.parts) if isinstance(other, _Sequence) else [other]
        return _Sequence(tuple(left + right))

    def __or__(self, other: Rule) -> Rule:
        left = list(self.choices) if isinstance(self, _Choice) else [self]
        right = list(other.choices) if isinstance(other, _Choice) else [other]
        return _Choice(tuple(left + right))

    def to(self, build: Callable[..., Any]) -> Rule:
        """A rule that reads as this one, giving ``build`` of its values (a sequence's spread as arguments)."""
        return _Build(self, build)


@attrs.frozen(eq=False)
class _Sequence(Rule):
    parts: tuple[Rule, ...]

    def first(self) -> First:
        found = First(empty=True)
        for part in self.parts:
            step = part.first()
            found = First((found | step).words, found.numbers or step.numbers, found.marks | step.marks, step.empty)
            if not step.empty:
                return found
        return found

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        readings: list[tuple[tuple[Any, ...], int]] = [((), at)]
        for part in self.parts:
            following: list[tuple[tuple[Any, ...], int]] = []
            for values, position in readings:
                for value, after in part.match(tokens, position, memo):
                    following.append((values if value is SKIP else (*values, value), after))
            if not following:
                return []
            readings = following
        return [(kept[0] if len(kept) == 1 else Values(kept), position) for kept, position in readings]


@attrs.frozen(eq=False)
class _Choice(Rule):
    choices: tuple[Rule, ...]
    _firsts: list[First] = attrs.field(init=False, factory=list)
    _by_token: dict[str, tuple[Rule, ...]] = attrs.field(init=False, factory=dict)

    def first(self) -> First:
        found = First()
        for choice in self.choices:
            found = found | choice.first()
        return found

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        key = (id(self), at)
        found = memo.get(key)
        if found is not None:
            return found
        found = []
        for choice in self._admitting(tokens[at] if at < len(tokens) else None):
            found.extend(choice.match(tokens, at, memo))
        memo[key] = found
        return found

    def _admitting(self, token: Token | None) -> tuple[Rule, ...]:
        """The choices a reading starting with ``token`` may take, worked out once per kind of token."""
        kind = "end" if token is None else token.text if token.kind != "number" else "#"
        found = self._by_token.get(kind)
        if found is None:
            if not self._firsts:
                self._firsts.extend(choice.first() for choice in self.choices)
            probe = [] if token is None else [token]
            found = self._by_token[kind] = tuple(
                choice for choice, first in zip(self.choices, self._firsts, strict=True) if first.admits(probe, 0)
            )
        return found


@attrs.frozen(eq=False)
class _Build(Rule):
    rule: Rule
    build: Callable[..., Any]

    def first(self) -> First:
        return self.rule.first()

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        key = (id(self), at)
        built = memo.get(key)
        if built is not None:
            return built
        built = memo[key] = []
        for value, after in self.rule.match(tokens, at, memo):
            arguments = value if isinstance(value, Values) else () if value is SKIP else (value,)
            refused = None
            for argument in arguments:
                if isinstance(argument, RefusalError):
                    refused = argument
                    break
            if refused is None:
                try:
                    refused = self.build(*arguments)
                except RefusalError as refusal:
                    refused = refusal
            built.append((refused, after))
        return built


class RefusalError(Exception):
    """Raised by a builder for words that read but name nothing ("30 February"); kept as the reading's value.

    A reading whose value is a refusal is chosen only when no other reading of the
    whole phrase exists; then it is the error the reader reports.
    """


class Values(tuple[Any, ...]):
    """The values of a sequence of rules (of more or fewer than one), spread as arguments by :meth:`Rule.to`."""

    __slots__ = ()


class _Skip:
    """The value of a word that only has to be there ("the", "of"): dropped from a sequence's values."""

    def __repr__(self) -> str:
        return "SKIP"


SKIP: Final = _Skip()


@attrs.frozen(eq=False)
class Category(Rule):
    """A word, or run of words, of one category of the word table; its value is what the table says it means."""

    words: WordTable
    category: str

    def first(self) -> First:
        return First(frozenset(phrase[0] for phrase in self.words.categories[self.category]))

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        if at >= len(tokens):
            return []
        token = tokens[at]
        if token.kind != "word":
            return []
        found: Results = []
        for phrase, meaning in self.words.starting(self.category, token.text):
            end = _words_end(tokens, at, phrase)
            if end is not None:
                found.append((meaning, end))
        return found


@attrs.frozen(eq=False)
class Word(Rule):
    """One of the given words (each may be several, space-separated); skipped in a sequence's values."""

    choices: tuple[str, ...]
    _split: tuple[tuple[str, ...], ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_split", tuple(tuple(choice.split()) for choice in self.choices))

    def first(self) -> First:
        return First(frozenset(words[0] for words in self._split))

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        if at >= len(tokens) or tokens[at].kind != "word":
            return []
        text = tokens[at].text
        found: Results = []
        for words in self._split:
            end = _words_end(tokens, at, words) if words[0] == text else None
            if end is not None:
                found.append((SKIP, end))
        return found


def _words_end(tokens: Sequence[Token], at: int, words: tuple[str, ...]) -> int | None:
    """Where a run of ``words`` that starts at ``at`` (its first word already matched) ends; None if it does not."""
    end = at + len(words)
    if end > len(tokens):
        return None
    for token, word in zip(tokens[at + 1 : end], words[1:], strict=True):
        if token.kind != "word" or token.text != word:
            return None
    return end


@attrs.frozen(eq=False)
class Number(Rule):
    """Digits, as an int from ``low`` to ``high``, with one of the allowed suffixes ("" for none)."""

    low: int
    high: int
    suffixes: frozenset[str] = frozenset({""})
    digits: tuple[int, int] = (1, 10)

    def first(self) -> First:
        return First(numbers=True)

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        if at >= len(tokens):
            return []
        token = tokens[at]
        if token.kind != "number" or token.suffix not in self.suffixes:
            return []
        if not self.digits[0] <= len(token.text) <= self.digits[1]:
            return []
        value = int(token.text)
        return [(value, at + 1)] if self.low <= value <= self.high else []


@attrs.frozen(eq=False)
class Mark(Rule):
    """One of the given punctuation marks; skipped in a sequence's values."""

    marks: str

    def first(self) -> First:
        return First(marks=frozenset(self.marks))

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        if at < len(tokens) and tokens[at].kind == "mark" and tokens[at].text in self.marks:
            return [(SKIP, at + 1)]
        return []


@attrs.frozen(eq=False)
class _Optional(Rule):
    rule: Rule
    default: Any

    def first(self) -> First:
        return self.rule.first() | First(empty=True)

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        return [*self.rule.match(tokens, at, memo), (self.default, at)]


def optional(rule: Rule, default: Any = SKIP) -> Rule:
    """``rule`` or nothing; nothing gives ``default`` (dropped from a sequence's values when it is SKIP)."""
    return _Optional(rule, default)


class Named(Rule):
    """A rule with a name, defined later with :meth:`define` (so rules can refer to each other).

    What it reads at a position is remembered for the rest of one reading, so
    a rule used by many alternatives is read once per position.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.rule: Rule | None = None
        self._first: First | None = None
        self._finding = False

    def first(self) -> First:
        if self._first is None:
            if self._finding:  # reached again through itself after reading a token: adds nothing
                return First()
            assert self.rule is not None, f"rule {self.name!r} is used but never defined"
            self._finding = True
            self._first = self.rule.first()
            self._finding = False
        return self._first

    def define(self, rule: Rule) -> None:
        """Set what this name reads."""
        self.rule = rule

    def match(self, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], Results]) -> Results:
        key = (id(self), at)
        found = memo.get(key)
        if found is None:
            assert self.rule is not None, f"rule {self.name!r} is used but never defined"
            memo[key] = []  # a rule reached again at the same place, before reading a token, reads nothing
            found = memo[key] = self.rule.match(tokens, at, memo)
        return found

    def __repr__(self) -> str:
        return f"<rule {self.name}>"
