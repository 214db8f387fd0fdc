"""Finding date phrases in running text: every phrase the English grammar reads, with where it stands.

:func:`find_dates` walks a text token by token and asks the grammar of
:mod:`chronology.notation.english` what it reads from each position
(:meth:`~chronology.notation._grammar.Parser.match`). Each phrase found is
read again, alone, by :func:`chronology.parse_expression`, so its
reading is the one the library gives the phrase anywhere else; a phrase the
grammar recognises but refuses ("30 February 2024") is kept, unread, with the
reason.

Phrases are chosen longest first and never overlap: "during the second week
of October" is one phrase, not "October" inside it. A phrase never runs over
a sentence's end (".", "!", "?", ";", or a word's full stop that is no
abbreviation's: "June." but not "Oct."), a blank line, or a character that
has no place in a date (a quotation mark, "$", "%").

Some words read as dates only out of context. The finder leaves them out
where running text shows they are something else (the same list is in
``docs/howto/draft-from-articles.md``, and its examples in ``tests/test_find.py``):

* a month or weekday written in lower case ("troops may deploy", "they march",
  "the sun"): English capitalises them;
* "May" and "March" alone (the verb starting a sentence, "Theresa May"), and
  an abbreviated name alone ("Sun", "Sat", "Mar"): they count inside a longer
  phrase ("in May", "May 2024", "Sat 12 Oct");
* a bare season ("the fall of Kabul", "the summer offensive"): it counts with
  a year, "this/last/next", or after "in", "during", "by", "since", "until";
* a year that is a count ("about 1500 soldiers", "1500 troops", "$2000"): a
  number alone followed by a lower-case plural word or "%", or after a
  currency sign, and a number joined to other digits by "," or "." ("1,500");
* a number alone where its words do not make it a year ("Some 1200 North
  Korean soldiers", "Resolution 2231", "Flight 1750", "Route 1812"). A number
  alone (maybe hedged) is a year only after a lead, in its phrase or just
  before it ("in 2024", "since 2014", "the war of 1812", "c. 1400": the
  words of ``_YEAR_LEADS``), or opening a sentence before a verb ("2024 was
  calm"). With a month, an era or a second number ("May 2024", "1200 BC",
  "1950-1953") or as a decade ("the 1990s") it is a date anyway;
* "in 24 years" after "first", "time", "ever" or a superlative in the same
  clause ("the first visit in 24 years"): the last 24 years, not 24 years on;
* a clock time alone ("3:20"), with neither "at", a day nor "a.m."/"p.m.";
* a date doubted by a question mark ("June?"): in prose the mark ends a question.

A text read with another language's grammar (Russian, Ukrainian, Korean) may
quote English: each run of at least ``ENGLISH_RUN_WORDS`` words in Latin
letters ("We have seen troops moving since last week") is read with the
English grammar too, and its phrases are found beside the others. A text
read with the English grammar is read with it alone.

Two kinds of phrase are found whole although the grammar does not read them,
so that a reader of the text loses nothing: they come unread, with the reason.

* A range of days of a form the grammar does not read: the phrase it reads
  (a first day) is widened to the whole range, never cut to its first day.
  (The month-first ranges reporters write, "Nov. 25-29", "between Oct. 23
  and 25", "from Nov 25 to 29", are read whole by the grammar itself.)
* A time phrase of the calendar the grammar does not read: a lead, then a
  period told by its place ("at the turn of the year", "by the end of the
  decade", "over the rest of the month"), or by its length alone ("for
  months", which the grammar refuses, saying why).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

from chronology.dates import DateValue
from chronology.errors import DateParseError, WrongTypeError
from chronology.notation._grammar import Tokens, tokenize
from chronology.notation.english import ENGLISH_GRAMMAR, Grammar, read_english
from chronology.relative import RelativeDate

__all__ = ["SPAN_WORDS", "DatePhrase", "find_dates"]


@attrs.frozen(kw_only=True)
class DatePhrase:
    """A date phrase found in a text.

    Attributes:
        start: index of its first character in the text.
        end: index after its last character (``text[start:end]`` is the phrase as written).
        text: the phrase, its runs of spaces and line breaks made one space
            (a phrase broken over two lines is one line).
        reading: what :func:`chronology.parse_expression` reads from
            ``text``: a value, or a :class:`~chronology.relative.RelativeDate`
            to be read from an anchor; None when the phrase is refused.
        refusal: why the phrase was refused ("day 30 does not exist in
            February 2024"), or "" when it was read.

    """

    start: int
    end: int
    text: str
    reading: DateValue | RelativeDate | None = None
    refusal: str = ""

    @property
    def read(self) -> bool:
        """Whether the phrase was read (it has a reading, not a refusal)."""
        return self.reading is not None


#: Longest phrase looked for, in tokens ("between 3 October 2024 at 14:30 and 5 October 2024 at 16:00" is 13).
_LONGEST: Final = 32
#: Marks that end a sentence or clause: no phrase runs over them.
_STOPS: Final = frozenset(".!?;")
_BLANK_LINE: Final = re.compile(r"\n[^\S\n]*\n")
_CYRILLIC: Final = re.compile(r"[\u0400-\u04ff]")
_HANGUL: Final = re.compile(r"[\uac00-\ud7a3]")

_MONTHS: Final = frozenset(phrase[0] for phrase in ENGLISH_GRAMMAR.words.categories["month"])
_WEEKDAYS: Final = frozenset(phrase[0] for phrase in ENGLISH_GRAMMAR.words.categories["weekday"])
_NAMES: Final = _MONTHS | _WEEKDAYS
#: Names that are common words or names as well, counted only inside a longer phrase.
_ALONE_NOT: Final = frozenset({"may", "march"})
_FULL_NAMES: Final = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
_SEASONS: Final = frozenset(phrase[0] for phrase in ENGLISH_GRAMMAR.words.categories["season"])
_SEASON_WITH: Final = frozenset(
    {"in", "during", "by", "since", "until", "till", "through", "this", "last", "next", "early", "late", "mid", "of"}
)
_HEDGES: Final = frozenset(word for phrase in ENGLISH_GRAMMAR.words.categories["hedge"] for word in phrase)
_CURRENCIES: Final = frozenset("$€£¥")
#: What follows a number that counts: a share, or a plural noun ("1500 troops").
_COUNTED: Final = re.compile(r"\s*(%|percent\b|per cent\b|[a-z][a-z'-]+[^s\W]s\b)")
#: Words ending in "s" that follow a year as its verb ("2024 was", "2024 marks"), not as what a number counts.
_VERBS: Final = frozenset(
    {"was", "has", "does", "says", "marks", "sees", "saw", "seems", "remains", "brings", "begins", "ends", "comes",
     "looks", "goes", "makes", "takes", "gives", "shows", "proves", "becomes", "holds", "follows"}
)  # fmt: skip
#: Words after which "in 24 years" is the span of the last 24 years ("the first visit in 24 years").
SPAN_WORDS: Final = frozenset(
    {"first", "time", "times", "ever", "only", "most", "least", "best", "worst", "highest", "lowest", "largest",
     "biggest", "smallest", "longest", "shortest", "deadliest", "strongest", "heaviest", "fewest", "last"}
)  # fmt: skip
_LOOK_BACK: Final = 10
#: Words that make a number alone a year, in its phrase or just before it ("in 2024", "the war of 1812", "c. 1400").
_YEAR_LEADS: Final = frozenset(
    {"in", "since", "by", "until", "till", "before", "after", "from", "of", "during", "through", "throughout",
     "c", "ca", "circa", "year", "early", "late", "mid", "to", "and"}
)  # fmt: skip
#: Time phrases the grammar may not read, found so that they are not lost: a lead, then a period of the
#: calendar told by its place ("the turn of the year") or by its length alone ("for months"); where the grammar
#: reads the phrase ("in the coming weeks", "by the end of the year"), its reading is taken instead.
_TIME_WORDS: Final = re.compile(
    r"\b(?:in|over|during|within|for|by|until|through|at)\s+(?:the\s+)?"
    r"(?:(?:very\s+)?(?:end|start|beginning|middle|rest|turn)\s+of\s+(?:the|this|next|last)\s+"
    r"(?:day|week|month|year|decade|century)"
    r"|(?:(?:coming|next|past|last|recent|following|previous|few|several|many|couple\s+of)\s+)+"
    r"(?:days|weeks|months|years|decades)"
    r"|(?:days|weeks|months|years|decades))\b",
    re.IGNORECASE,
)
_NOT_READ_YET: Final = "a time phrase this reader does not read yet"
#: The word that joins a range of days, and the word that opens it ("between Oct. 23 and 25", "Nov. 25 through 29").
_RANGE_JOINS: Final = {"and": "between", "to": "from", "through": "from", "until": "from", "till": "from"}
#: Verbs after a year that opens a sentence ("2024 was calm").
_YEAR_VERBS: Final = _VERBS | frozenset({"is", "will", "would", "had", "marked", "brought", "began", "ended", "became"})
#: Words written with a full stop inside a date ("Oct. 3", "c. 1400"): a stop after them ends no sentence.
_DOTTED: Final = (_NAMES - _FULL_NAMES) | _HEDGES | frozenset({"est", "no", "st"})


def find_dates(text: str, grammar: Grammar | None = None) -> list[DatePhrase]:
    """Every date phrase of ``text``, in the order they stand, longest first where they would overlap.

    Args:
        text: running text: a sentence, an article.
        grammar: the language's grammar; by default English, or the Russian and Ukrainian one
            (``chronology.notation.slavic.slavic_grammar``) for a text whose letters are mostly Cyrillic.

    Returns:
        The phrases found, read or refused (:attr:`DatePhrase.read`), in
        the order of the text; none overlaps another.

    Raises:
        WrongTypeError: ``text`` is not a string.
        MissingExtraError: the text is mostly Cyrillic and the ``draft`` extra, which reads it, is not installed.

    """
    if not isinstance(text, str):
        raise WrongTypeError(f"find_dates reads text (a str), not {type(text).__name__}")
    if grammar is None:
        grammar = _grammar_for(text)
    scan = _Scan.of(text, grammar)
    candidates = sorted(scan.candidates(grammar), key=lambda span: (span[0] - span[1], span[0]))
    taken: list[tuple[int, int]] = []
    for first, last in candidates:
        if all(last <= start or first >= end for start, end in taken):
            taken.append((first, last))
    taken.sort()
    widened: list[tuple[int, int]] = []
    for index, (first, last) in enumerate(taken):
        wider = scan.whole_range(first, last)
        before = widened[-1][1] if widened else 0
        after = taken[index + 1][0] if index + 1 < len(taken) else len(scan.tokens)
        widened.append(wider if wider[0] >= before and wider[1] <= after else (first, last))
    found = [_phrase(text, scan.tokens, first, last, grammar.dotted, grammar) for first, last in widened]
    if grammar.finds_misspelt:
        found = _with_misspelt(scan, found)
    if grammar is ENGLISH_GRAMMAR:
        return _with_unread_time_words(text, found)
    return _with_english_runs(text, found)


#: A run of words in Latin letters inside a text in another script: an English quotation ("since last week").
_LATIN_RUN: Final = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[^\S\n]*[,:]?[^\S\n]+(?:[A-Za-z][A-Za-z'’-]*|\d[\d,.:]*))+")
#: Fewest words in Latin letters read as English in a text in another script: fewer are a name ("NATO", "Reuters").
ENGLISH_RUN_WORDS: Final = 3


def _with_english_runs(text: str, found: list[DatePhrase]) -> list[DatePhrase]:
    """``found``, and the English date phrases of each run of words in Latin letters, in order.

    A run of :data:`ENGLISH_RUN_WORDS` words or more (a quotation in English inside a Russian article) is read
    with the English grammar; its phrases that overlap none found are added.
    """
    extra: list[DatePhrase] = []
    for run in _LATIN_RUN.finditer(text):
        if len(re.findall(r"[A-Za-z]+", run[0])) < ENGLISH_RUN_WORDS:
            continue
        for phrase in find_dates(run[0], ENGLISH_GRAMMAR):
            start, end = phrase.start + run.start(), phrase.end + run.start()
            if all(end <= other.start or start >= other.end for other in found):
                extra.append(attrs.evolve(phrase, start=start, end=end))
    return sorted([*found, *extra], key=lambda phrase: phrase.start) if extra else found


def _grammar_for(text: str) -> Grammar:
    """English, or for a text whose letters are mostly Cyrillic (Hangul) the Russian and Ukrainian (Korean) grammar."""
    hangul = len(_HANGUL.findall(text))
    if hangul and hangul * 2 > sum(1 for character in text if character.isalpha()):
        from chronology.notation.korean import korean_grammar  # built on first use: words from CLDR

        return korean_grammar()
    cyrillic = len(_CYRILLIC.findall(text))
    if not cyrillic or cyrillic * 2 <= sum(1 for character in text if character.isalpha()):
        return ENGLISH_GRAMMAR
    from chronology.notation.slavic import slavic_grammar  # built on first use: words from CLDR and pymorphy3

    return slavic_grammar()


def _with_unread_time_words(text: str, found: list[DatePhrase]) -> list[DatePhrase]:
    """``found``, and the time phrases the grammar does not read yet ("in the coming weeks"), unread, in order."""
    unread = [
        DatePhrase(start=match.start(), end=match.end(), text=" ".join(match[0].split()), refusal=_NOT_READ_YET)
        for match in _TIME_WORDS.finditer(text)
        if all(match.end() <= phrase.start or match.start() >= phrase.end for phrase in found)
    ]
    return sorted([*found, *unread], key=lambda phrase: phrase.start) if unread else found


class _Scan:
    """A text's tokens, and where phrases stop (made once a call, so a plain class: no attrs to build on import).

    Attributes:
        text: the text.
        tokens: its tokens, every character that has no place in a date skipped.
        breaks: the tokens after which no phrase goes on: a sentence's end, a
            blank line, a skipped character.
        ends: the tokens that end a sentence or clause (".", "!", "?", ";", a
            word's full stop that is no abbreviation's: "June." but not "Oct.").

    """

    __slots__ = ("breaks", "ends", "grammar", "text", "tokens")

    def __init__(
        self, text: str, tokens: Tokens, breaks: frozenset[int], ends: frozenset[int], grammar: Grammar
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.breaks = breaks
        self.ends = ends
        self.grammar = grammar

    @classmethod
    def of(cls, text: str, grammar: Grammar) -> _Scan:
        """The scan of ``text``: where the tokenizer stops, at a character it has no place for, it reads on after it."""
        tokens = Tokens()
        breaks: set[int] = set()
        position = 0
        while position < len(text):
            found, stuck = tokenize(text[position:] if position else text, grammar.words)
            for index in range(len(found)):
                tokens.add(
                    found.kinds[index],
                    found.texts[index],
                    found.starts[index] + position,
                    found.ends[index] + position,
                    found.suffixes[index],
                    found.keys[index],
                )
            if tokens.kinds:
                breaks.add(len(tokens) - 1)
            if stuck is None:
                break
            position += stuck + 1
        blank = [match.start() for match in _BLANK_LINE.finditer(text)]
        for index in range(len(tokens) - 1) if blank else ():
            if any(tokens.ends[index] <= at < tokens.starts[index + 1] for at in blank):
                breaks.add(index)
        ends: set[int] = set()
        for index, (kind, word) in enumerate(zip(tokens.kinds, tokens.texts, strict=True)):
            if kind == "mark" and word in _STOPS and not _between_digits(tokens, index):
                ends.update((index, index - 1) if index else (index,))
            elif kind == "word" and _ends_sentence(text, tokens, index, grammar.dotted):
                ends.add(index)
        return cls(text, tokens, frozenset(breaks | ends), frozenset(ends), grammar)

    def candidates(self, grammar: Grammar) -> Iterator[tuple[int, int]]:
        """The longest phrase that may start at each token, as (first token, token after the last)."""
        tokens, parser = self.tokens, grammar.parser
        run_end = 0  # the token after the current run (a run ends at a break)
        name_end = 0  # the token after a holiday's name that is no date alone: no phrase starts inside it
        for at in range(len(tokens)):
            if at < name_end or (tokens.kinds[at] == "mark" and tokens.texts[at] in _STOPS):
                continue  # ("Friday" in "the Good Friday Agreement")
            if at >= run_end:
                run_end = at
                while run_end not in self.breaks and run_end < len(tokens) - 1:
                    run_end += 1
                run_end += 1
            window = Tokens()
            for index in range(at, min(run_end, at + _LONGEST)):
                window.add(
                    tokens.kinds[index],
                    tokens.texts[index],
                    tokens.starts[index],
                    tokens.ends[index],
                    tokens.suffixes[index],
                    tokens.keys[index],
                )
            best = longest = 0
            for _, end in parser.match(window, 0):
                longest = max(longest, end)
                if end > best and self.counts(at, at + end):
                    best = end
            if best:
                yield at, at + best
            elif longest and self.name_alone(at, at + longest):
                name_end = at + longest

    def counts(self, first: int, last: int) -> bool:
        """Whether tokens ``first`` to ``last`` (excluded) are a date in running text, not words that look like one."""
        kinds, words, text = self.tokens.kinds, self.tokens.texts, self.text
        span = range(first, last)
        if kinds[last - 1] == "mark" and words[last - 1] == "?":
            return False  # "June?": a question, not a doubt
        names = [i for i in span if kinds[i] == "word" and words[i] in _NAMES]
        if any(not text[self.tokens.starts[i]].isupper() for i in names):
            return False  # "may", "march", "sun"
        numbers = [i for i in span if kinds[i] == "number"]
        if len(names) == last - first == 1 and (words[names[0]] in _ALONE_NOT or words[names[0]] not in _FULL_NAMES):
            return False  # "May" alone, "Sun" alone
        if names and not numbers and any(words[i] not in _FULL_NAMES for i in names):
            return False  # "Sat" without a day or year
        seasons = [i for i in span if kinds[i] == "word" and words[i] in _SEASONS]
        if seasons and not numbers and not any(words[i] in _SEASON_WITH for i in span if i not in seasons):
            return False  # "the fall of Kabul"
        if numbers and self.is_count(first, last, numbers):
            return False
        if self.name_alone(first, last):
            return False  # "the Christmas market", "the Good Friday Agreement"; Russian "среда" ("environment")
        if self.grammar is not ENGLISH_GRAMMAR and not self.counts_in_its_language(first, last, numbers):
            return False
        if len(numbers) == 1 and self.bare(first, last) and not self.year_context(first, last):
            return False  # "Some 1200 North Korean soldiers", "Resolution 2231", "Flight 1750"
        if numbers and kinds[first] == "word" and words[first] == "in" and self.after_span_word(first):
            return False  # "the first visit in 24 years" (not "the biggest backer in recent years")
        return not self.clock_alone(first, last)

    def name_alone(self, first: int, last: int) -> bool:
        """Whether the phrase is only words that are a date only inside a longer one (see ``Grammar.alone_not``)."""
        return " ".join(self.tokens.texts[first:last]) in self.grammar.alone_not

    def counts_in_its_language(self, first: int, last: int, numbers: list[int]) -> bool:
        """The checks of a language other than English, from its grammar's data.

        A number after a word of :attr:`Grammar.count_leads` only ("до 2000 военных", "около 2000 долларов",
        "более 1500"), with a word the grammar does not know after it or nothing, counts rather than dates.
        A day and month in figures ("18.10") is a date only with its year ("18.10.2024"): alone it is as often
        a time ("в 18.10") or a figure; with a two-digit year, only beside a word ("18.10.24 г.").
        """
        kinds, words = self.tokens.kinds, self.tokens.texts
        dotted = any(_between_digits(self.tokens, i) for i in range(first, last) if kinds[i] == "mark")
        if dotted and not any(len(words[i]) == 4 for i in numbers):
            # "18.10.24 г.", "от 18.10.24": a two-digit year, which the reader refuses, saying why
            return len(numbers) == 3 and any(kinds[i] == "word" for i in range(first, last))
        if len(numbers) != 1 or kinds[last - 1] != "number":
            return True
        if not all(words[i] in self.grammar.count_leads for i in range(first, last - 1)):
            return True
        before = first - 1
        if first == last - 1 and not (before >= 0 and words[before] in self.grammar.count_leads):
            return True  # a number alone: as English reads it (a year only in its context)
        after = last
        return after < len(words) and kinds[after] == "word" and words[after] in self.grammar.known

    def is_count(self, first: int, last: int, numbers: list[int]) -> bool:
        """Whether the numbers of a phrase count things rather than date them ("1500 troops", "1,500", "$2000")."""
        text, tokens = self.text, self.tokens
        opening, closing = tokens.starts[first], tokens.ends[last - 1]
        for index in numbers:
            start, end = tokens.starts[index], tokens.ends[index]
            # (digits joined within the phrase are its own: "18.10.2024")
            if start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit() and start - 2 < opening:
                return True  # "1,500": the end of a figure
            if end + 1 < len(text) and text[end] in ",." and text[end + 1].isdigit() and end + 1 >= closing:
                return True  # the start of one
        kinds, words = tokens.kinds, tokens.texts
        if not all(kinds[i] == "number" or words[i] in _HEDGES or words[i] == "at" for i in range(first, last)):
            return False  # a month, a lead or a range makes it a date
        if text[: tokens.starts[first]].rstrip()[-1:] in _CURRENCIES:
            return True
        following = _COUNTED.match(text, tokens.ends[last - 1])
        return following is not None and following[1] not in _VERBS

    def bare(self, first: int, last: int) -> bool:
        """Whether the phrase is a number alone, maybe hedged ("1200", "about 1500", "in 2024"): no month or era."""
        kinds, words, suffixes = self.tokens.kinds, self.tokens.texts, self.tokens.suffixes
        span = range(first, last)
        return all((kinds[i] == "number" and not suffixes[i]) or words[i] in _HEDGES for i in span)

    def year_context(self, first: int, last: int) -> bool:
        """Whether the words around a bare number make it a year.

        A lead in the phrase or just before it ("in 2024", "since 2014", "the war of 1812", "c. 1400"), or a
        sentence that opens with it and goes on with a verb ("2024 was calm").
        """
        kinds, words = self.tokens.kinds, self.tokens.texts
        if any(words[i] in _YEAR_LEADS for i in range(first, last) if kinds[i] == "word"):
            return True
        if first and kinds[first - 1] == "word" and words[first - 1] in _YEAR_LEADS:
            return True
        opens = first == 0 or first - 1 in self.breaks
        return opens and last < len(words) and kinds[last] == "word" and words[last] in _YEAR_VERBS

    def whole_range(self, first: int, last: int) -> tuple[int, int]:
        """The phrase with the rest of a range of days it opens ("Nov. 25" in "Nov. 25-29", "between Oct. 23 and 25").

        The reader may not read the whole range; it is then kept whole, unread, rather than cut to its first day.
        """
        kinds, words = self.tokens.kinds, self.tokens.texts
        day = words[last - 1]
        if not (day.isdigit() and int(day) <= 31) or not any(words[i] in _MONTHS for i in range(first, last)):
            return first, last  # it must end with a day of a month
        if last >= len(words) or last - 1 in self.breaks or not self.day_at(last + 1):
            return first, last
        if kinds[last] == "word":
            if not first or _RANGE_JOINS.get(words[last]) != words[first - 1]:
                return first, last
            first -= 1  # "between" ... "and", "from" ... "to"
        elif words[last] != "-":
            return first, last
        last += 2
        if last + 1 < len(words) and words[last] == "," and last not in self.breaks and len(words[last + 1]) == 4:
            last += 2  # ", 2024"
        return first, last

    def day_at(self, index: int) -> bool:
        """Whether token ``index`` is a day of a month written alone (1 to 31, no suffix but "th", "st", "nd", "rd")."""
        tokens = self.tokens
        if index >= len(tokens) or tokens.kinds[index] != "number" or index - 1 in self.breaks:
            return False
        return tokens.texts[index].isdigit() and 1 <= int(tokens.texts[index]) <= 31

    def after_span_word(self, first: int) -> bool:
        """Whether a word such as "first" or "highest" comes shortly before ``first``, in the same clause."""
        kinds, words = self.tokens.kinds, self.tokens.texts
        for index in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
            if index in self.ends or (kinds[index] == "mark" and words[index] in ",:"):
                return False
            if kinds[index] == "word" and words[index] in SPAN_WORDS:
                return True
        return False

    def clock_alone(self, first: int, last: int) -> bool:
        """Whether the phrase is only a clock time written without "at", a day, or a.m./p.m. ("3:20")."""
        kinds, texts = self.tokens.kinds, self.tokens.texts
        shape = [texts[i] if kinds[i] == "mark" else kinds[i] for i in range(first, last)]
        clock = shape in (["number", ":", "number"], ["number", ":", "number", ":", "number"])
        return clock and not self.tokens.suffixes[last - 1]


def _between_digits(tokens: Tokens, index: int) -> bool:
    """Whether the mark ``index`` is a full stop written between two numbers ("18.10.2024", "1.5"): it ends nothing."""
    return (
        tokens.texts[index] == "."
        and 0 < index < len(tokens) - 1
        and tokens.kinds[index - 1] == tokens.kinds[index + 1] == "number"
        and tokens.ends[index - 1] == tokens.starts[index]
        and tokens.ends[index] == tokens.starts[index + 1]
    )


def _ends_sentence(text: str, tokens: Tokens, index: int, dotted: frozenset[str] = frozenset()) -> bool:
    """Whether a word written with a full stop ends its sentence ("June." before "2024 was"), not an abbreviation.

    ``dotted`` are the grammar's own abbreviations ("окт.", "г."), beside English's.
    """
    start, end = tokens.starts[index], tokens.ends[index]
    if text[end - 1] != "." or "." in text[start : end - 1] or end - start <= 2:
        return False  # no stop, "U.S.", "a.m.", an initial
    return tokens.texts[index] not in _DOTTED and tokens.texts[index] not in dotted


def _phrase(
    text: str, tokens: Tokens, first: int, last: int, dotted: frozenset[str], grammar: Grammar | None = None
) -> DatePhrase:
    """The phrase of tokens ``first`` to ``last``, read alone.

    A phrase of figures alone found by another language's ``grammar`` that is read alone as none
    ("18.10.2024": ambiguous alone, day first in Russian text) is read by that grammar; one its grammar reads
    from another event the sentence tells ("накануне") is kept unread, saying so.
    """
    from chronology.notation import parse_expression  # here: the package imports this module

    start, end = tokens.starts[first], tokens.ends[last - 1]
    written = text[start:end]
    if tokens.kinds[last - 1] == "word" and _ends_sentence(text, tokens, last - 1, dotted):
        end -= 1  # "in August." at a sentence's end: the full stop is the sentence's ("3 Oct." keeps its own)
        written = written[:-1]
    phrase = " ".join(written.split())
    if grammar is not None and _from_event(tokens, first, last, grammar):
        return DatePhrase(start=start, end=end, text=phrase, refusal=FROM_EVENT)
    try:
        reading = parse_expression(phrase)
    except DateParseError as error:
        if grammar is None or grammar is ENGLISH_GRAMMAR or any(character.isalpha() for character in phrase):
            return DatePhrase(start=start, end=end, text=phrase, refusal=error.reason)
        try:
            reading = read_english(phrase, grammar)
        except DateParseError:
            return DatePhrase(start=start, end=end, text=phrase, refusal=error.reason)
    return DatePhrase(start=start, end=end, text=phrase, reading=reading)


#: Why a phrase read from another event ("накануне": the day before it) is kept unread in running text.
FROM_EVENT: Final = (
    "read from another event the sentence tells (as English 'the day before', 'the same day'), not from the "
    "report's date: give that event's id as its anchor"
)


def _from_event(tokens: Tokens, first: int, last: int, grammar: Grammar) -> bool:
    """Whether tokens ``first`` to ``last`` hold a phrase of the grammar's ``from_event`` words ("в тот же день")."""
    texts = tokens.texts
    for phrase in grammar.words.categories.get("from_event", {}):
        length = len(phrase)
        if any(tuple(texts[i : i + length]) == phrase for i in range(first, last - length + 1)):
            return True
    return False


def _with_misspelt(scan: _Scan, found: list[DatePhrase]) -> list[DatePhrase]:
    """``found``, and a day written with a word the grammar nearly knows ("3 октебря"), unread, with the guess.

    A number from 1 to 31 then a word the grammar does not know is read alone, with the year after it if one
    follows; where the reader's refusal names the phrase it would be ("did you mean '3 октября'?"), it is kept.
    """
    from chronology.notation import parse_expression  # here: the package imports this module

    tokens, known = scan.tokens, scan.grammar.known
    kinds, texts = tokens.kinds, tokens.texts
    kept: list[DatePhrase] = []
    for index in range(1, len(tokens)):
        if kinds[index] != "word" or texts[index] in known or len(texts[index]) < 4 or index - 1 in scan.breaks:
            continue
        if kinds[index - 1] != "number" or not texts[index - 1].isdigit() or not 1 <= int(texts[index - 1]) <= 31:
            continue
        last = index + 1
        if last < len(tokens) and kinds[last] == "number" and len(texts[last]) == 4 and index not in scan.breaks:
            last += 1
            if last < len(tokens) and texts[last] in known and last - 1 not in scan.breaks:
                last += 1  # its year word: "года", "г."
        start, end = tokens.starts[index - 1], tokens.ends[last - 1]
        inside = [phrase for phrase in found if start <= phrase.start and phrase.end <= end]  # "2024 года"
        if any(start < phrase.end and phrase.start < end for phrase in found if phrase not in inside):
            continue
        phrase = _phrase(scan.text, tokens, index - 1, last, scan.grammar.dotted)
        try:
            parse_expression(phrase.text)
        except DateParseError as error:
            if "did you mean" in error.reason:
                kept.append(attrs.evolve(phrase, reading=None, refusal=error.reason))
                found = [other for other in found if other not in inside]
    return sorted([*found, *kept], key=lambda phrase: phrase.start) if kept else found
