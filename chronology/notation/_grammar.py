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

The rules only describe a grammar; a :class:`Parser` reads with one. It is
built once the grammar is complete, and works out for every rule its *first
set* (:class:`First`): what the first token of a reading can be, and what may
follow it, found by fixpoint so that recursion is handled. A rule is then never
tried where its first set says it cannot start: an alternative is chosen by the
token's key (and the next one's) from a table, a step of a sequence is checked
before it is called. Nor is a rule tried in a phrase that lacks a word every
reading of it holds (:class:`Needs`: "between 1434 and 1444" is the only kind
of phrase the rules of "between ... and ..." are tried on). Each sequence (and
each builder over one) becomes one Python function, written out with its
words, marks and numbers inline. What a parser reads is exactly what trying
every alternative at every position would read, in the same order, for a
grammar in which no name reaches itself before reading a token (with such left
recursion, what a name remembers could depend on which rule reached it first,
and so on what was not tried). A parser of whole phrases (``whole``) also
builds no value for a reading that the token after it shows to be part of no
reading of the whole phrase.

Nothing here knows of dates: the grammar lives in :mod:`chronology.notation.english`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, overload

import attrs

from chronology.notation.words import WordTable

__all__ = [
    "SKIP",
    "Category",
    "Compiler",
    "First",
    "Mark",
    "Named",
    "Needs",
    "Number",
    "Parser",
    "RefusalError",
    "Rule",
    "Token",
    "Tokens",
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

    @property
    def key(self) -> str:
        """What first sets know the token by: see :func:`number_key` and :func:`mark_key`; a word is its text."""
        if self.kind == "word":
            return self.text
        if self.kind == "number":
            return number_key(len(self.text), self.suffix)
        return mark_key(self.text)


def number_key(digits: int, suffix: str) -> str:
    """The key of a number of ``digits`` digits and its suffix: "#4" for 2024, "#2th" for 15th (never a word)."""
    return f"#{digits}{suffix}"


def mark_key(mark: str) -> str:
    """The key of a mark: the mark after a space (a word holds no space, so no word has it)."""
    return " " + mark


#: The key after the last token: in no first set, so only a rule that may read nothing is tried there.
_END: Final = ""


class Tokens(Sequence[Token]):
    """The tokens of a text, kept as columns: what a parser reads (keys, texts) needs no object a token.

    Indexing and iterating give :class:`Token` objects, made when asked for.
    """

    __slots__ = ("ends", "keys", "kinds", "starts", "suffixes", "texts")

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.texts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.suffixes: list[str] = []
        #: Each token's :attr:`Token.key`.
        self.keys: list[str] = []

    def add(self, kind: str, text: str, start: int, end: int, suffix: str, key: str) -> None:
        """Add a token at the end (``key`` as :attr:`Token.key` gives it)."""
        self.kinds.append(kind)
        self.texts.append(text)
        self.starts.append(start)
        self.ends.append(end)
        self.suffixes.append(suffix)
        self.keys.append(key)

    def pop(self) -> None:
        """Drop the last token."""
        for column in (self.kinds, self.texts, self.starts, self.ends, self.suffixes, self.keys):
            column.pop()

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return Token(self.kinds[index], self.texts[index], self.starts[index], self.ends[index], self.suffixes[index])

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


_TOKEN: Final = re.compile(
    r"\s*+(?:(?P<number>[0-9]+)(?P<suffix>st|nd|rd|th|d(?![^\W\d_])|s(?![^\W\d_])|['\u2019]s|[ap]\.?m\.?)?"
    r"|(?P<word>[\u0400-\u04ff]+(?:['\u2019][\u0400-\u04ff]+)+|(?:[^\W\d_]\.){2,}"
    r"|[^\W\d_]+(?:-[^\W\d_]+)*(?:[0-9](?![0-9:])|['\u2019](?![^\W\d_]))?\.?|['\u2019]?[^\W\d_]+)"
    r"|(?P<mark>[,/:()+\-\u2013\u2014~?.;!]))",
    re.IGNORECASE,
)
#: Marks that end a sentence or clause rather than a date: dropped at the end of a phrase ("June 2024.").
_TRAILING: Final = frozenset(",.;:!")
_DASHES: Final = str.maketrans({"\u2013": "-", "\u2014": "-"})
_SUFFIX_MARKS: Final = str.maketrans("", "", "'\u2019.")


def tokenize(text: str, words: WordTable) -> tuple[Tokens, int | None]:
    """The tokens of ``text``, and the position of the first character that is none of them (or None).

    A hyphened word is one token when the table knows it ("twenty-one"),
    else its parts and the hyphen ("mid-October" is ``mid``, ``-``, ``october``).
    """
    tokens = Tokens()
    kinds, texts, starts, ends, suffixes, keys = (
        tokens.kinds,
        tokens.texts,
        tokens.starts,
        tokens.ends,
        tokens.suffixes,
        tokens.keys,
    )
    position = 0
    for match in _TOKEN.finditer(text):  # each match: spaces, then a token
        if match.start() != position:  # no token at ``position``: what stops the tokens (after its spaces)
            break
        position = match.end()
        kind = match.lastgroup
        if kind == "word":
            written = match["word"]
            start = match.start("word")
            if written.isascii() and "-" not in written:  # the common word: its key is its text lower-cased
                bare = written.lower()
                if "." in bare:
                    bare = bare.replace(".", "")
                if bare[:1] == "'":
                    bare = bare.lstrip("'")
                if bare[-1:] == "'":  # "Saints'": the apostrophe of a plural's possessive
                    bare = bare.rstrip("'")
                kinds.append("word")
                texts.append(bare)
                starts.append(start)
                ends.append(position)
                suffixes.append("")
                keys.append(bare)
            else:
                _add_word(tokens, written, start, words)
        elif kind == "mark":
            mark = match["mark"].translate(_DASHES)
            tokens.add("mark", mark, match.start("mark"), position, "", mark_key(mark))
        else:
            digits = match["number"]
            suffix = "" if kind == "number" else match["suffix"].lower().translate(_SUFFIX_MARKS)
            kinds.append("number")
            texts.append(digits)
            starts.append(match.start("number"))
            ends.append(position)
            suffixes.append(suffix)
            keys.append(_NUMBER_KEYS.get((len(digits), suffix)) or number_key(len(digits), suffix))
    length = len(text)
    while position < length:  # spaces to the end, or before what is no token
        if not text[position].isspace():
            return tokens, position
        position += 1
    while kinds and kinds[-1] == "mark" and texts[-1] in _TRAILING:
        tokens.pop()
    return tokens, None


#: The keys of numbers of a few digits, with and without the common suffixes (made once, not for each number).
_NUMBER_KEYS: Final = {
    (digits, suffix): number_key(digits, suffix)
    for digits in range(1, 5)
    for suffix in ("", "st", "nd", "rd", "th", "d", "s", "am", "pm")
}


def _add_word(tokens: Tokens, written: str, start: int, words: WordTable) -> None:
    # Cyrillic words are kept with one apostrophe ("п'ятницю", "пʼятницю") and "ё" as "е", as their tables are
    bare = written.lower().replace(".", "").replace("\u2019", "'").replace("\u02bc", "'").replace("ё", "е").strip("'")
    if bare and _HANGUL_FIRST <= bare[-1] <= _HANGUL_LAST and bare not in words.vocabulary:
        split = _attached(bare, words)
        if split is not None:  # "일에": the word "일", then the particle "에" (see _attached)
            stem, ending = split
            tokens.add("word", stem, start, start + len(stem), "", stem)
            tokens.add("word", ending, start + len(stem), start + len(written), "", ending)
            return
    if "-" in bare and bare not in words.vocabulary:
        offset = start
        for index, part in enumerate(written.split("-")):
            if index:
                tokens.add("mark", "-", offset, offset + 1, "", mark_key("-"))
                offset += 1
            if part:
                text = part.lower().replace(".", "")
                tokens.add("word", text, offset, offset + len(part), "", text)
            offset += len(part)
        return
    tokens.add("word", bare, start, start + len(written), "", bare)


#: Hangul syllables: a word ending in one may end in a particle written joined to it ("18일에").
_HANGUL_FIRST: Final = "\uac00"
_HANGUL_LAST: Final = "\ud7a3"
#: Longest ending split off a Hangul word, in syllables ("이었다").
_LONGEST_ATTACHED: Final = 3


def _attached(word: str, words: WordTable) -> tuple[str, str] | None:
    """A Hangul word the table does not know, as a word it does and an ending of its ``attached`` category.

    Korean writes particles and some hedges joined to the word before them ("18일에", "금요일에는", "지난주부터",
    "10월경"). The longest such ending whose rest is a known word is split off; a table without an ``attached``
    category (every table but Korean's) splits nothing, so no other language's tokens change.
    """
    endings = words.categories.get("attached")
    if endings is None:
        return None
    for length in range(min(_LONGEST_ATTACHED, len(word) - 1), 0, -1):
        stem, ending = word[:-length], word[-length:]
        if (ending,) in endings and stem in words.vocabulary:
            return stem, ending
    return None


#: What a rule gives: every (value, position after it) it can read from one position.
Results = list[tuple[Any, int]]


#: What may follow a first token in a rule's readings: the keys of a second token (None: too many to be worth
#: keeping, any may follow), and whether a reading may end after the first (then any token may follow).
Then = tuple[frozenset[str] | None, bool]

#: Second keys kept for a first key, at most: past this many they prune little and cost much to work out.
_MANY: Final = 64


def _kept(seconds: frozenset[str]) -> frozenset[str] | None:
    return None if len(seconds) > _MANY else seconds


@attrs.frozen
class First:
    """What the first two tokens of a rule's readings can be (as :attr:`Token.key`), and whether it may read nothing.

    Attributes:
        after: for each key a first token may have, what may follow it within
            a reading (:data:`Then`): the keys of a second token, or None for
            any, and whether a reading may end after the first.
        empty: whether the rule may read nothing (then any tokens may follow).
        keys: the keys a first token may have.

    """

    after: dict[str, Then] = attrs.field(factory=dict)
    empty: bool = False
    keys: frozenset[str] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset(self.after))

    @classmethod
    def of_phrases(cls, phrases: Iterable[Sequence[str]]) -> First:
        """The first set of runs of words (or of single keys, for one-token rules)."""
        seconds: dict[str, set[str]] = {}
        ends: set[str] = set()
        for phrase in phrases:
            seconds.setdefault(phrase[0], set())
            if len(phrase) == 1:
                ends.add(phrase[0])
            else:
                seconds[phrase[0]].add(phrase[1])
        return cls({key: (_kept(frozenset(following)), key in ends) for key, following in seconds.items()})

    def admits(self, key: str) -> bool:
        """Whether a reading could start at a token of ``key`` (or at the end, :data:`_END`)."""
        return self.empty or key in self.after

    def admits_pair(self, first: str, second: str) -> bool:
        """Whether a reading could start at tokens of keys ``first`` then ``second``."""
        if self.empty:
            return True
        then = self.after.get(first)
        return then is not None and (then[1] or then[0] is None or second in then[0])

    def __or__(self, other: First) -> First:
        return First.union((self, other))

    @classmethod
    def union(cls, firsts: Iterable[First]) -> First:
        """The first set of a choice of rules."""
        found: dict[str, list[Then]] = {}
        empty = False
        for first in firsts:
            empty = empty or first.empty
            for key, then in first.after.items():
                found.setdefault(key, []).append(then)
        after: dict[str, Then] = {}
        for key, thens in found.items():
            if len(thens) == 1:
                after[key] = thens[0]
            else:
                seconds = [keys for keys, _ in thens]
                whatever = None in seconds
                after[key] = (
                    None if whatever else _kept(_union([keys for keys in seconds if keys is not None])),
                    any(ends for _, ends in thens),
                )
        return cls(after, empty)

    def then(self, other: First) -> First:
        """The first set of this rule followed by ``other``'s rule."""
        after: dict[str, Then] = {}
        for key, (seconds, ends) in self.after.items():
            if ends:  # a reading of one token: the second is the first of what follows
                if seconds is not None:
                    seconds = _kept(seconds | other.keys if seconds else other.keys)
                after[key] = (seconds, other.empty)
            else:
                after[key] = (seconds, False)
        if self.empty:
            return First(First.union((First(after), other)).after, other.empty)
        return First(after)


def _union(sets: list[frozenset[str]]) -> frozenset[str]:
    """The union of ``sets``, which are often the same few (then one of them, not a copy)."""
    distinct = list({id(keys): keys for keys in sets if keys}.values())
    if len(distinct) <= 1:
        return distinct[0] if distinct else frozenset()
    distinct.sort(key=len, reverse=True)
    if all(keys <= distinct[0] for keys in distinct[1:]):
        return distinct[0]
    return distinct[0].union(*distinct[1:])


class _Phrase:
    """What a compiled rule reads: the tokens, their keys (and :data:`_END`), and each position's remembered results.

    ``have`` says which of the grammar's needs (see :class:`Needs`) the phrase's tokens meet, as bits.
    """

    __slots__ = ("have", "keys", "memo", "texts")

    def __init__(self, keys: list[str], texts: list[str], memo: dict[int, Any], have: int = -1) -> None:
        self.keys = keys
        self.texts = texts
        self.memo = memo
        self.have = have


#: A compiled rule: every reading from a position, called only where the rule's first set admits the token there.
Matcher = Callable[[_Phrase, int], Results]


class Rule:
    """A grammar rule: reads tokens from a position, giving every reading it finds."""

    def match(self, tokens: Sequence[Token], at: int = 0) -> Results:
        """Every (value, next position) this rule reads at ``at``: compiled for this one call (see :class:`Parser`)."""
        return Parser(self).match(tokens, at)

    def parts(self) -> tuple[Rule, ...]:
        """The rules this one is made of."""
        return ()

    def first(self, of: Callable[[Rule], First]) -> First:
        """What the first token of a reading can be, given ``of``, the first set of each of :meth:`parts`."""
        raise NotImplementedError

    def compile(self, compiler: Compiler) -> Matcher:
        """The function that reads as this rule (its parts compiled with ``compiler``)."""
        raise NotImplementedError

    def __add__(self, other: Rule) -> Rule:
        left = list(self.steps) if isinstance(self, _Sequence) else [self]
        right = list(other.steps) if isinstance(other, _Sequence) else [other]
        return _Sequence(tuple(left + right))

    def __or__(self, other: Rule) -> Rule:
        left = list(self.choices) if isinstance(self, _Choice) else [self]
        right = list(other.choices) if isinstance(other, _Choice) else [other]
        return _Choice(tuple(left + right))

    def to(self, build: Callable[..., Any]) -> Rule:
        """A rule that reads as this one, giving ``build`` of its values (a sequence's spread as arguments)."""
        return _Build(self, build)


class Compiler:
    """Turns the rules of one grammar into functions, once each: with their first sets, and a memo place each.

    With ``whole``, a rule that builds values builds them only for the readings
    that may be part of a reading of the whole phrase: a reading is dropped
    where the token after it is none that may follow the rule (its *follow
    set*, see :func:`_follow_sets`). Readings of the whole phrase are those
    that would be read without it.
    """

    def __init__(self, root: Rule, *, whole: bool = False) -> None:
        #: The first set of every rule ``root`` reaches.
        self.firsts: Final = _first_sets(root)
        #: For a whole phrase: the keys that may follow each rule (:data:`_END` for the end); else None.
        self.follows: Final = _follow_sets(root, self.firsts) if whole else None
        #: The words (keys) each rule's readings cannot do without.
        self.needs: Final = Needs(root, self.firsts)
        #: Each remembering rule's place among a position's memo entries: the names, and the rules that build values.
        self.slots: Final[dict[Rule, int]] = {}
        for rule in self.firsts:
            if isinstance(rule, Named | _Build):
                self.slots[rule] = len(self.slots)
        #: How many memo entries a position has.
        self.stride: Final = len(self.slots)
        self._compiled: dict[Rule, Matcher] = {}
        self._skips: dict[Rule, bool | None] = {}
        self._refuses: dict[Rule, bool] = {}

    def matcher(self, rule: Rule) -> Matcher:
        """``rule`` compiled, once however many rules share it."""
        found = self._compiled.get(rule)
        if found is None:
            found = self._compiled[rule] = rule.compile(self)
        return found

    def started(self, rule: Rule, matcher: Matcher) -> None:
        """Say what ``rule`` compiles to before its parts are compiled (so that they may refer back to it)."""
        self._compiled[rule] = matcher

    def place(self, rule: Rule, at: str) -> str:
        """Where in a phrase's memo ``rule`` keeps what it read at position ``at`` (an expression)."""
        return f"{at} * {self.stride} + {self.slots[rule]}"

    def step(self, rule: Rule) -> tuple[Matcher, frozenset[str], bool]:
        """``rule`` compiled, with its first set's keys and whether it may read nothing."""
        first = self.firsts[rule]
        return self.matcher(rule), first.keys, first.empty

    def skips(self, rule: Rule) -> bool | None:
        """Whether ``rule``'s value is :data:`SKIP`: always (True), never (False) or maybe (None)."""
        if rule not in self._skips:
            self._skips[rule] = None  # reached again through a name: maybe
            self._skips[rule] = self._skipping(rule)
        return self._skips[rule]

    def _skipping(self, rule: Rule) -> bool | None:
        if isinstance(rule, Word | Mark):
            return True
        if isinstance(rule, Number | _Sequence):  # (a sequence's value is its one value, or Values)
            return False
        if isinstance(rule, Category):
            return None if any(meaning is SKIP for meaning in rule.words.categories[rule.category].values()) else False
        if isinstance(rule, _Optional):
            inner = self.skips(rule.rule)
            return inner if inner is (rule.default is SKIP) else None
        if isinstance(rule, _Choice):
            each = {self.skips(choice) for choice in rule.choices}
            return each.pop() if len(each) == 1 else None
        if isinstance(rule, Named):
            return self.skips(rule.defined())
        return None  # what a builder builds

    def refuses(self, rule: Rule) -> bool:
        """Whether ``rule``'s value may be a refusal, or Values holding one (what a builder builds may be)."""
        if rule not in self._refuses:
            self._refuses[rule] = True  # reached again through a name: maybe
            self._refuses[rule] = isinstance(rule, _Build) or any(self.refuses(part) for part in rule.parts())
        return self._refuses[rule]

    def follow(self, rule: Rule) -> frozenset[str] | None:
        """The keys a reading of ``rule`` must be followed by to be kept (None: every reading is kept)."""
        return None if self.follows is None else self.follows[rule]


class Needs:
    """The keys every reading of a rule holds, so that a rule is not tried in a phrase without them.

    Each rule *needs* some sets of keys: every reading of it holds a token of
    each set. A word, number or mark needs its own keys; a sequence what each
    step that may not read nothing needs; a choice one set, joined from one
    set of each choice (none if a choice needs nothing); a rule that may read
    nothing needs nothing. "between 1434 and 1444" is read only by rules that
    may hold "between" and "and", and a phrase without "and" tries none of them.

    The sets are numbered, each a bit: :meth:`have` gives the bits a phrase's
    keys meet, and a rule may be tried where ``have & mask == mask`` for its
    :meth:`mask`. A reading dropped this way is one no rule could have read.
    """

    def __init__(self, root: Rule, firsts: dict[Rule, First]) -> None:
        self._firsts = firsts
        self._sets: dict[Rule, tuple[frozenset[str], ...]] = {}
        for rule in firsts:
            self._of(rule, set())
        bits: dict[frozenset[str], int] = {}
        for sets in self._sets.values():
            for keys in sets:
                bits.setdefault(keys, 1 << len(bits))
        #: For each key: the bits of the sets holding it.
        self.key_bits: Final[dict[str, int]] = {}
        for keys, bit in bits.items():
            for key in keys:
                self.key_bits[key] = self.key_bits.get(key, 0) | bit
        self._masks = {rule: sum(bits[keys] for keys in sets) for rule, sets in self._sets.items()}

    def sets(self, rule: Rule) -> tuple[frozenset[str], ...]:
        """The sets of keys ``rule`` needs: every reading of it holds a token of each."""
        return self._sets.get(rule, ())

    def mask(self, rule: Rule) -> int:
        """The bits of the sets ``rule`` needs (0 for none)."""
        return self._masks.get(rule, 0)

    def have(self, keys: Iterable[str]) -> int:
        """The bits of the sets that ``keys`` (a phrase's) meet."""
        have = 0
        key_bits = self.key_bits
        for key in keys:
            have |= key_bits.get(key, 0)
        return have

    def _of(self, rule: Rule, reaching: set[Rule]) -> tuple[frozenset[str], ...]:
        known = self._sets.get(rule)
        if known is not None:
            return known
        if rule in reaching:  # a name reached again through itself: needs nothing more, as far as known here
            return ()
        reaching.add(rule)
        first = self._firsts[rule]
        sets: tuple[frozenset[str], ...] = ()
        if first.empty:
            pass
        elif isinstance(rule, Category | Word | Number | Mark):
            sets = (first.keys,)
        elif isinstance(rule, _Sequence):
            sets = tuple(dict.fromkeys(keys for step in rule.steps for keys in self._of(step, reaching)))
        elif isinstance(rule, _Choice):
            each = [self._of(choice, reaching) for choice in rule.choices]
            if all(each):
                sets = (frozenset().union(*(min(sets, key=_commonness) for sets in each)),)
        else:
            sets = self._of(rule.parts()[0], reaching)
        reaching.discard(rule)
        self._sets[rule] = sets
        return sets


def _commonness(keys: frozenset[str]) -> tuple[int, int]:
    """How often a phrase may be expected to hold one of ``keys``: plain numbers are everywhere, then by count."""
    return sum(key[:1] == "#" and not key[-1].isalpha() for key in keys), len(keys)


def _follow_sets(root: Rule, firsts: dict[Rule, First]) -> dict[Rule, frozenset[str]]:
    """What may follow each rule ``root`` reaches in a reading of the whole phrase by ``root`` (as keys).

    The end of the phrase is :data:`_END`, which only ``root`` is followed by to begin with. A rule is
    followed by what its parents let follow it: a step of a sequence by the first keys of the steps after
    it (and what follows the sequence, where those may read nothing); any other part by what follows its
    rule. Grown until none changes, as rules may be reached from many places and through names.
    """
    follows: dict[Rule, set[str]] = {rule: set() for rule in firsts}
    follows[root].add(_END)
    changed = True
    while changed:
        changed = False
        for rule in firsts:
            after = follows[rule]
            if isinstance(rule, _Sequence):
                tail: set[str] = set(after)
                followed: list[tuple[Rule, set[str]]] = []
                for step in reversed(rule.steps):
                    followed.append((step, tail))
                    first = firsts[step]
                    tail = tail | first.keys if first.empty else set(first.keys)
            else:
                followed = [(part, after) for part in rule.parts()]
            for part, keys in followed:
                known = follows[part]
                if not keys <= known:
                    known |= keys
                    changed = True
    return {rule: frozenset(keys) for rule, keys in follows.items()}


def _first_sets(root: Rule) -> dict[Rule, First]:
    """The first set of every rule ``root`` reaches: each name's grown from nothing until no name's changes."""
    reached: dict[Rule, None] = {}
    stack = [root]
    while stack:
        rule = stack.pop()
        if rule not in reached:
            reached[rule] = None
            stack.extend(rule.parts())
    names = [rule for rule in reached if isinstance(rule, Named)]
    fixed = _reaching_no_name(reached)
    guess = dict.fromkeys(names, First())
    settled: dict[Rule, First] = {}  # the first sets of rules that reach no name, which no guess changes
    while True:
        found = _first_pass([name.defined() for name in names], guess, settled)
        better = {name: found[name.defined()] for name in names}
        if better == guess:
            return _first_pass(reached, guess, found)
        settled = {rule: first for rule, first in found.items() if rule in fixed}
        guess = better


def _first_pass(rules: Iterable[Rule], guess: dict[Named, First], known: dict[Rule, First]) -> dict[Rule, First]:
    """The first sets of ``rules`` and of all they reach, taking each name's to be its ``guess`` and ``known``'s."""
    found: dict[Rule, First] = dict(known)
    for name, first in guess.items():
        found[name] = first

    def of(rule: Rule) -> First:
        first = found.get(rule)
        if first is None:
            first = found[rule] = rule.first(of)
        return first

    for rule in rules:
        of(rule)
    return found


def _reaching_no_name(rules: Iterable[Rule]) -> set[Rule]:
    """Those of ``rules`` that reach no :class:`Named` rule (their first sets are found in one pass)."""
    found: dict[Rule, bool] = {}

    def reaches(rule: Rule) -> bool:
        if isinstance(rule, Named):
            return True
        known = found.get(rule)
        if known is None:
            known = found[rule] = any([reaches(part) for part in rule.parts()])  # noqa: C419 - each part noted
        return known

    return {rule for rule in rules if not reaches(rule)}


class Parser:
    """A rule compiled for reading phrases: build it once, when the grammar is complete (every name defined).

    Reading gives what trying every alternative at every position would give,
    in the same order (see the module's note on left recursion); a rule is only
    not tried where its first set says it cannot start, or where the phrase
    lacks what it needs. With ``whole``, the readings that end at the end are
    the same, and some that end before it are left out (see :class:`Compiler`).
    """

    def __init__(self, rule: Rule, *, whole: bool = False) -> None:
        compiler = Compiler(rule, whole=whole)
        self.rule: Final = rule
        self._first = compiler.firsts[rule]
        self._run = compiler.matcher(rule)
        self._stride = compiler.stride
        self._needs = compiler.needs
        self._need = compiler.needs.mask(rule)

    def match(self, tokens: Sequence[Token], at: int = 0) -> Results:
        """Every (value, next position) the rule reads in ``tokens`` from ``at``."""
        if isinstance(tokens, Tokens):
            keys, texts = [*tokens.keys, _END], tokens.texts
        else:
            keys, texts = [*(token.key for token in tokens), _END], [token.text for token in tokens]
        if at >= len(keys) or not self._first.admits(keys[at]):
            return []
        have, need = self._needs.have(keys), self._need
        if have & need != need:
            return []
        return list(self._run(_Phrase(keys, texts, {}, have), at))


@attrs.frozen(eq=False)
class _Sequence(Rule):
    steps: tuple[Rule, ...]

    def parts(self) -> tuple[Rule, ...]:
        return self.steps

    def first(self, of: Callable[[Rule], First]) -> First:
        found = First(empty=True)
        for step in self.steps:
            found = found.then(of(step))
        return found

    def compile(self, compiler: Compiler) -> Matcher:
        return _sequence_function(compiler, self.steps)


@attrs.frozen(eq=False)
class _Choice(Rule):
    choices: tuple[Rule, ...]

    def parts(self) -> tuple[Rule, ...]:
        return self.choices

    def first(self, of: Callable[[Rule], First]) -> First:
        return First.union(of(choice) for choice in self.choices)

    def compile(self, compiler: Compiler) -> Matcher:
        """Dispatch on the token's key: the choices that may start there, in order, worked out once for every key."""
        # each choice with what it needs (see Needs): tried only where the phrase has it
        matchers = [(compiler.matcher(choice), compiler.needs.mask(choice)) for choice in self.choices]
        firsts = [compiler.firsts[choice] for choice in self.choices]
        # for each first key: the choices that may start there whatever follows, and those that may given the second
        table: dict[str, _Dispatch] = {}
        alike: dict[tuple[frozenset[str] | bool | None, ...], _Dispatch] = {}  # many keys say the same
        for key in frozenset().union(*(first.keys for first in firsts)):
            says = tuple(
                None if not first.admits(key) else first.empty or _second_keys(first.after[key]) for first in firsts
            )
            found = alike.get(says)
            if found is None:
                found = alike[says] = _dispatch(matchers, says)
            table[key] = found
        otherwise = tuple(m for m, first in zip(matchers, firsts, strict=True) if first.empty)

        def run(phrase: _Phrase, at: int) -> Results:
            keys = phrase.keys
            entry = table.get(keys[at])
            if entry is None:
                admitted = otherwise
            else:
                by_second, admitted = entry
                if by_second:
                    admitted = by_second.get(keys[at + 1], admitted)
            have = phrase.have
            if len(admitted) == 1:
                matcher, need = admitted[0]
                return matcher(phrase, at) if have & need == need else []
            found: Results = []
            for matcher, need in admitted:
                if have & need == need:
                    found.extend(matcher(phrase, at))
            return found

        return run


def _second_keys(then: Then) -> frozenset[str] | bool:
    """The keys a second token may have, or True for any."""
    seconds, ends = then
    return True if ends or seconds is None else seconds


#: A choice's matcher, and the bits of what it needs (see :class:`Needs`).
_Needing = tuple[Matcher, int]
#: The choices to try at a first key: by the second key where it decides, else those that may start whatever follows.
_Dispatch = tuple[dict[str, tuple[_Needing, ...]], tuple[_Needing, ...]]


def _dispatch(matchers: list[_Needing], says: tuple[frozenset[str] | bool | None, ...]) -> _Dispatch:
    """The choices to try at one first key, from what each says of it.

    A choice says None where it cannot start at the key, True where it may
    whatever follows, else the keys the second token may have.
    """
    # which of the choices that need a given second key admit it: as bits, so that alike keys share a tuple
    needing: dict[str, int] = {}
    for index, said in enumerate(says):
        if isinstance(said, frozenset):
            for second in said:
                needing[second] = needing.get(second, 0) | 1 << index
    tuples = {
        bits: tuple(
            m for index, (m, said) in enumerate(zip(matchers, says, strict=True)) if said is True or bits >> index & 1
        )
        for bits in set(needing.values())
    }
    whatever = tuple(m for m, said in zip(matchers, says, strict=True) if said is True)
    return {second: tuples[bits] for second, bits in needing.items()}, whatever


@attrs.frozen(eq=False)
class _Build(Rule):
    rule: Rule
    build: Callable[..., Any]

    def parts(self) -> tuple[Rule, ...]:
        return (self.rule,)

    def first(self, of: Callable[[Rule], First]) -> First:
        return of(self.rule)

    def compile(self, compiler: Compiler) -> Matcher:
        """Build each reading's value once a position (so the same reading is the same object however reached)."""
        steps = self.rule.steps if isinstance(self.rule, _Sequence) else (self.rule,)
        return _sequence_function(compiler, steps, self.build, compiler.place(self, "at"), compiler.follow(self))


def _sequence_function(
    compiler: Compiler,
    steps: tuple[Rule, ...],
    build: Callable[..., Any] | None = None,
    place: str = "",
    follow: frozenset[str] | None = None,
) -> Matcher:
    """One function that reads ``steps`` one after the other (and gives ``build`` of their values, if given).

    What a builder builds is remembered at ``place`` of the phrase's memo (see :meth:`Compiler.place`).
    With ``follow``, a reading is kept only where the token after it has one of its keys (see
    :class:`Compiler`), and only kept readings are built.

    The function is written out as nested loops, one a step, with its terminals
    inline: a mark or a word is a position moved on, a number a range check, a
    one-word category a look-up; any other step is a call to its compiled rule.
    A step that may not start at the token there is not tried (its first set is
    checked first). The readings come in the order trying each step's readings
    in turn gives; a builder is called once every reading is found, in that order.
    """
    namespace: dict[str, Any] = {
        "SKIP": SKIP,
        "Values": Values,
        "RefusalError": RefusalError,
        "build": build,
        "follow": follow,
    }
    body: list[str] = []
    kept: list[str] = []  # the values kept for each step: a name where it is never SKIP, else a tuple of 0 or 1
    called = False  # whether a value comes from a compiled rule (and may be SKIP or Values)
    refusing = False  # whether a value may be a refusal (or Values holding one)
    position = "at"
    indent = "    "
    for index, step in enumerate(steps):
        first = compiler.firsts[step]
        namespace[f"k{index}"] = first.keys
        inline = _inline(step)
        if index and not first.empty:  # the first step was checked by whoever called this one
            seconds = {key: _second_keys(then) for key, then in first.after.items()}
            if inline is None and not all(keys is True for keys in seconds.values()):
                # a rule that may need a given second token: check the two (a failing call costs more)
                namespace[f"second{index}"] = {key: None if keys is True else keys for key, keys in seconds.items()}
                body.append(f"{indent}second = second{index}.get(keys[{position}], ())")
                body.append(f"{indent}if second is None or (second and keys[{position} + 1] in second):")
            else:
                body.append(f"{indent}if keys[{position}] in k{index}:")
            indent += "    "
        if inline == "skip":
            body.append(f"{indent}a{index} = {position} + 1")
        elif inline == "skip or nothing":
            after = f"(({position} + 1, {position}) if keys[{position}] in k{index} else ({position},))"
            body.append(f"{indent}for a{index} in {after}:")
            indent += "    "
        elif isinstance(step, Number):
            namespace[f"low{index}"], namespace[f"high{index}"] = step.low, step.high
            body.append(f"{indent}v{index} = int(texts[{position}])")
            body.append(f"{indent}if low{index} <= v{index} <= high{index}:")
            indent += "    "
            body.append(f"{indent}a{index} = {position} + 1")
            kept.append(f"v{index}")
        elif inline is not None:  # a category whose every phrase is one word: its meaning
            namespace[f"meaning{index}"] = inline
            body.append(f"{indent}v{index} = meaning{index}[keys[{position}]]")
            body.append(f"{indent}a{index} = {position} + 1")
            kept.append(f"v{index}")
        else:
            namespace[f"m{index}"] = compiler.matcher(step)
            body.append(f"{indent}for v{index}, a{index} in m{index}(phrase, {position}):")
            indent += "    "
            skips = compiler.skips(step)
            if skips is None:
                kept.append(f"(() if v{index} is SKIP else (v{index},))")
            elif not skips:
                kept.append(f"v{index}")
            called = True
            refusing = refusing or compiler.refuses(step)
        position = f"a{index}"
    if follow is not None:  # the readings kept: those the token after may follow
        body.append(f"{indent}if keys[{position}] in follow:")
        indent += "    "
    # the values as one tuple: names (never SKIP) written into it, tuples of 0 or 1 added to it
    count = len(kept) if all(value.isidentifier() for value in kept) else None  # how many, where it is known
    values = _tuple_of(kept)
    lines = ["def run(phrase, at):", "    keys = phrase.keys", "    readings = []"]
    if any(isinstance(step, Number) for step in steps):
        lines.insert(2, "    texts = phrase.texts")
    if build is None:
        if count is not None:
            value = kept[0] if count == 1 else f"Values({values})"
            lines += [*body, f"{indent}readings.append(({value}, {position}))", "    return readings"]
        else:
            lines += [*body, f"{indent}readings.append(({values}, {position}))"]
            lines.append(
                "    return [(kept[0] if len(kept) == 1 else Values(kept), after) for kept, after in readings]"
            )
        return _defined_function("\n".join(lines), namespace)
    lines[1:1] = [
        "    memo = phrase.memo",
        f"    place = {place}",
        "    built = memo.get(place)",
        "    if built is not None:",
        "        return built",
        "    built = memo[place] = []",
    ]
    lines += [*body, f"{indent}readings.append(({values}, {position}))", "    for kept, after in readings:"]
    if called and count in (None, 1):  # a value that is a sequence's values is spread
        lines += [
            "        if len(kept) == 1 and isinstance(kept[0], Values):",
            "            kept = kept[0]",
        ]
    if refusing:  # a refusal is the reading's value
        lines += [
            "        refused = None",
            "        for argument in kept:",
            "            if isinstance(argument, RefusalError):",
            "                refused = argument",
            "                break",
            "        if refused is not None:",
            "            built.append((refused, after))",
            "            continue",
        ]
    lines += [
        "        try:",
        "            built.append((build(*kept), after))",
        "        except RefusalError as refusal:",
        "            built.append((refusal, after))",
        "    return built",
    ]
    return _defined_function("\n".join(lines), namespace)


def _tuple_of(kept: list[str]) -> str:
    """The expression of one tuple of ``kept``: names are its items, other expressions tuples added to it."""
    parts: list[str] = []
    names: list[str] = []
    for value in kept:
        if value.isidentifier():
            names.append(value)
            continue
        if names:
            parts.append(f"({', '.join(names)},)")
            names = []
        parts.append(value)
    if names:
        parts.append(f"({', '.join(names)},)")
    return " + ".join(parts) or "()"


def _inline(rule: Rule) -> str | dict[str, Any] | None:
    """How a sequence reads ``rule`` without calling it, where it can; None where it cannot.

    "skip" for a mark or a one-word word, "skip or nothing" for an optional
    one, a dict of meanings for a category of one-word phrases. (A number is
    read inline too, from the rule itself.)
    """
    if isinstance(rule, Mark) or (isinstance(rule, Word) and rule.one_word()):
        return "skip"
    if isinstance(rule, _Optional) and rule.default is SKIP and _inline(rule.rule) == "skip":
        return "skip or nothing"
    if isinstance(rule, Category):
        return rule.meanings()
    return None


#: Numbers the written functions' file names, so that a profile tells them apart ("<rule 12>").
_WRITTEN: Final = itertools.count()


def _defined_function(source: str, namespace: dict[str, Any]) -> Matcher:
    """The function ``run`` that ``source`` (written by :func:`_sequence_function`) defines."""
    exec(compile(source, f"<rule {next(_WRITTEN)}>", "exec"), namespace)
    run: Matcher = namespace["run"]
    return run


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

    words: WordTable = attrs.field(repr=False)
    category: str

    def first(self, of: Callable[[Rule], First]) -> First:
        return First.of_phrases(self.words.categories[self.category])

    def meanings(self) -> dict[str, Any] | None:
        """What each word means, when every phrase of the category is one word (else None)."""
        entries = self.words.categories[self.category]
        if any(len(phrase) != 1 for phrase in entries):
            return None
        return {phrase[0]: meaning for phrase, meaning in entries.items()}

    def compile(self, compiler: Compiler) -> Matcher:
        meanings = self.meanings()
        if meanings is not None:

            def one_word(phrase: _Phrase, at: int) -> Results:
                return [(meanings[phrase.keys[at]], at + 1)]

            return one_word
        starts = {phrase[0] for phrase in self.words.categories[self.category]}
        # for each first word: (the words after it, their count with it, the meaning), the longest phrase first
        runs = {
            word: [
                (list(phrase[1:]), len(phrase), meaning) for phrase, meaning in self.words.starting(self.category, word)
            ]
            for word in starts
        }

        def run(phrase: _Phrase, at: int) -> Results:
            keys = phrase.keys
            found: Results = []
            for rest, length, meaning in runs[keys[at]]:
                if not rest or keys[at + 1 : at + length] == rest:
                    found.append((meaning, at + length))
            return found

        return run


@attrs.frozen(eq=False)
class Word(Rule):
    """One of the given words (each may be several, space-separated); skipped in a sequence's values."""

    choices: tuple[str, ...]
    _split: tuple[tuple[str, ...], ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_split", tuple(tuple(choice.split()) for choice in self.choices))

    def first(self, of: Callable[[Rule], First]) -> First:
        return First.of_phrases(self._split)

    def one_word(self) -> bool:
        """Whether each choice is one word, and no word is given twice (so a match reads one token, once)."""
        return all(len(words) == 1 for words in self._split) and len(set(self._split)) == len(self._split)

    def compile(self, compiler: Compiler) -> Matcher:
        runs: dict[str, list[tuple[list[str], int]]] = {}
        for words in self._split:  # in the order given: "through" before "through to"
            runs.setdefault(words[0], []).append((list(words[1:]), len(words)))
        if self.one_word():

            def one_word(phrase: _Phrase, at: int) -> Results:
                return [(SKIP, at + 1)]

            return one_word

        def run(phrase: _Phrase, at: int) -> Results:
            keys = phrase.keys
            return [
                (SKIP, at + length) for rest, length in runs[keys[at]] if not rest or keys[at + 1 : at + length] == rest
            ]

        return run


@attrs.frozen(eq=False)
class Number(Rule):
    """Digits, as an int from ``low`` to ``high``, with one of the allowed suffixes ("" for none)."""

    low: int
    high: int
    suffixes: frozenset[str] = frozenset({""})
    digits: tuple[int, int] = (1, 10)

    def first(self, of: Callable[[Rule], First]) -> First:
        lengths = range(self.digits[0], self.digits[1] + 1)
        return First.of_phrases([number_key(length, suffix)] for length in lengths for suffix in self.suffixes)

    def compile(self, compiler: Compiler) -> Matcher:
        low, high = self.low, self.high

        def run(phrase: _Phrase, at: int) -> Results:
            value = int(phrase.texts[at])  # its digits and suffix are admitted by the first set
            return [(value, at + 1)] if low <= value <= high else []

        return run


@attrs.frozen(eq=False)
class Mark(Rule):
    """One of the given punctuation marks; skipped in a sequence's values."""

    marks: str

    def first(self, of: Callable[[Rule], First]) -> First:
        return First.of_phrases([mark_key(mark)] for mark in self.marks)

    def compile(self, compiler: Compiler) -> Matcher:
        def run(phrase: _Phrase, at: int) -> Results:
            return [(SKIP, at + 1)]  # the first set admitted the mark

        return run


@attrs.frozen(eq=False)
class _Optional(Rule):
    rule: Rule
    default: Any

    def parts(self) -> tuple[Rule, ...]:
        return (self.rule,)

    def first(self, of: Callable[[Rule], First]) -> First:
        return of(self.rule) | First(empty=True)

    def compile(self, compiler: Compiler) -> Matcher:
        inner, admitted, empty = compiler.step(self.rule)
        need = compiler.needs.mask(self.rule)
        default = self.default

        def run(phrase: _Phrase, at: int) -> Results:
            if (empty or phrase.keys[at] in admitted) and phrase.have & need == need:
                return [*inner(phrase, at), (default, at)]
            return [(default, at)]

        return run


def optional(rule: Rule, default: Any = SKIP) -> Rule:
    """``rule`` or nothing; nothing gives ``default`` (dropped from a sequence's values when it is SKIP)."""
    return _Optional(rule, default)


def _undefined(phrase: _Phrase, at: int) -> Results:
    raise AssertionError("a name's rule is called before it is compiled")


class Named(Rule):
    """A rule with a name, defined later with :meth:`define` (so rules can refer to each other).

    What it reads at a position is remembered for the rest of one reading, so
    a rule used by many alternatives is read once per position.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.rule: Rule | None = None

    def define(self, rule: Rule) -> None:
        """Set what this name reads."""
        self.rule = rule

    def defined(self) -> Rule:
        """What this name reads (an error if it was never defined)."""
        assert self.rule is not None, f"rule {self.name!r} is used but never defined"
        return self.rule

    def parts(self) -> tuple[Rule, ...]:
        return (self.defined(),)

    def first(self, of: Callable[[Rule], First]) -> First:
        return of(self.defined())

    def compile(self, compiler: Compiler) -> Matcher:
        stride, slot = compiler.stride, compiler.slots[self]
        body: Matcher = _undefined

        def run(phrase: _Phrase, at: int) -> Results:
            memo, place = phrase.memo, at * stride + slot
            found: Results | None = memo.get(place)
            if found is None:
                memo[place] = []  # a rule reached again at the same place, before reading a token, reads nothing
                found = memo[place] = body(phrase, at)
            return found

        compiler.started(self, run)
        body = compiler.matcher(self.defined())
        return run

    def __repr__(self) -> str:
        return f"<rule {self.name}>"
