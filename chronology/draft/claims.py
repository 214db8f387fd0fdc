"""Figures in a sentence, as claims: "up to 100,000 troops", "more than 10,000", "about $2,000 each".

A figure is a number written in digits ("1,500", "10,000", "1.5 million")
or a number word from "three" up ("six North Korean officers"), with the
comparison in front of it that :func:`chronology.notation.quantity.parse_quantity`
reads ("up to", "as many as", "more than", "an estimated", "approximately"),
followed by what it counts: a plural noun after at most three capitalised
words, maybe after "more" ("1,500 North Korean soldiers", "3,000 more
troops"), or "each" after a sum of money. What counts time ("24 years", "three
weeks") or a share ("70%") is not a claim, nor is a number inside a date
phrase. A figure after ", and" or ";" whose verb follows it counts what the
figure of the clause before counts ("More than 50,000 US soldiers are
stationed in Japan, and nearly 25,000 are deployed in South Korea": US
soldiers deployed in South Korea). Any other figure that counts nothing
beside it ("nearly 500 are officers",
"bringing the total to about 13,000", "more than 1,500 of them") is no claim
either, but where it is hedged, grouped ("13,000") or scaled ("1.5 million")
it is found, not counted (:attr:`Figure.counted`), so that the draft keeps it
in a comment.

The claim's subject is what the figure counts and the words after it, up to
the clause's end, a passive or perfect verb left out ("North Korean soldiers
deployed in Russia"; "killing four people" is "people killed"). Figures joined
by "and" or a comma end each other's clause and are a claim each: in "four
people were killed and 11 wounded", the 11 count what the four count
("people"), its subject "people wounded" (the ``counted_states`` and
``coordinators`` of :mod:`chronology.draft.cues`). The clause ends before a
date phrase, which dates the event and is no part of what is counted; a verb
before the figure that says what befell those counted follows them ("shot
down 12 drones": "drones shot down"). A Russian or Ukrainian figure may be a
number word from two up ("погибли два человека"); where a verb says what
befell those it counts, they are named in the nominative plural, before it
("погибли 4 человека": "люди погибли"; "ранил 4 человека": "люди ранены"). Its
claimant is who the sentence says it is according to, or the speaker of its
speech verb (see :mod:`chronology.draft.roles`).

A Korean figure is written with Korean units and comparisons ("1만2천 명",
"최대 10만 명", "1만 명 이상", "약 2천 달러"), and counts what its counter
says ("명": people, "달러": dollars; the Korean cues' ``counters`` and
``currencies``); it is read by
:func:`chronology.notation.quantity.korean_figure`, the claim's value written
in English ("up to 100,000") as Russian and Ukrainian ones are. Its claimant
is whom the sentence is according to ("국정원에 따르면"), or the speaker of the
speech verb after it ("국정원은 ... 밝혔다").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from chronology.draft.cues import CUES, Language, morphology, patterns
from chronology.draft.roles import Attribution, according_to, claimant
from chronology.errors import ChronologyError
from chronology.notation.quantity import KOREAN_AFTER, KOREAN_FIGURE, korean_figure
from chronology.notation.words import ENGLISH

__all__ = ["Figure", "find_figures"]


@attrs.frozen(kw_only=True)
class Figure:
    """A claimed figure of a sentence.

    Attributes:
        start: index of the figure in the sentence.
        end: index after what it counts.
        value: the figure as written, with its comparison ("up to 100,000"); a
            number word is written in digits ("6").
        unit: what it counts, as written ("troops"), or the currency of a sum of money ("USD" for "$2,000 each",
            whose "each" is said in ``subject``).
        subject: what is claimed, in the sentence's words.
        claimant: who claims it, as the sentence names them, or "".
        counted: False for a figure whose sentence does not say what it counts beside it ("bringing the total
            to about 13,000", "nearly 500 are officers"): it is no claim, and is kept in a comment.
        reading: for a figure in another language than English, the figure in the words the quantity reader
            reads ("up to 100,000" for "до 100 000"); "" where ``value`` is read as it is.

    """

    start: int
    end: int
    value: str
    unit: str
    subject: str
    claimant: str = ""
    counted: bool = True
    reading: str = ""

    @property
    def english(self) -> str:
        """The figure as the quantity reader reads it ("до 100 000" is "up to 100,000")."""
        return self.reading or self.value


#: The comparisons before an English figure (the ``comparisons`` of the English cues), longest first.
_COMPARISONS: Final = "|".join(sorted((re.escape(w) for w in CUES["en"].comparisons), key=len, reverse=True))
_NUMBER_WORDS: Final = {
    word: value
    for phrase, value in ENGLISH.categories["number"].items()
    for word in phrase
    if len(phrase) == 1 and isinstance(value, int) and value >= 3 and (word.isalpha() or "-" in word)
}
_FIGURE: Final = re.compile(
    rf"(?<![\w$€£.,-])(?:(?P<comparison>{_COMPARISONS})\s+)?(?P<currency>[$€£])?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<scale>thousand|million|billion))?"
    rf"|(?P<word>{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))}))"
    r"(?![\w%]|[.,]\d)",
    re.IGNORECASE,
)
#: What a figure counts: up to three capitalised words, then a plural noun (or "each", for money).
_COUNTED: Final = re.compile(
    r"\s+(?:(?:more|additional|extra|new|fresh|other|further)\s+)?(?P<names>(?:[A-Z][\w’'.-]*\s+){0,3})"
    r"(?P<noun>[a-z][a-z-]+s|people|personnel)\b"
)
#: A figure that is plainly a figure even where what it counts is not beside it: hedged, grouped or scaled.
_PLAIN_FIGURE: Final = re.compile(r"[^\d]*\d{1,3}(?:,\d{3})+|.*\s(?:thousand|million|billion)$")
#: The unit a sum of money is claimed in, by its currency sign ("$2,000 each" is 2,000 USD, each).
_CURRENCIES: Final = {"$": "USD", "€": "EUR", "£": "GBP"}
_EACH: Final = re.compile(r"\s*(?P<noun>each|apiece)\b")
_NOT_COUNTS: Final = frozenset(
    {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries", "times", "percents",
     "was", "has", "is", "does", "says", "its", "this", "thus", "plus", "less", "across", "unless", "always",
     "perhaps", "towards", "besides", "afterwards", "ones", "others", "yes", "his", "hers", "ours", "theirs", "as",
     "us", "whereas", "sometimes", "nations", "countries"}
)  # fmt: skip
#: Where a claim's clause ends: a clause mark or word, or "and" before what else is counted ("40 drones and two
#: missiles": "two" is no figure, and no part of what the 40 count).
_CLAUSE_END: Final = re.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:which|as|while|if|according to|but)\b|\band\s+(?:one|two|a|an)\b|$"
)
_SUBJECT_WORDS: Final = 12
#: What lies between a figure's clause and a second figure that leaves out what it counts, as the first counts
#: it: the first clause's words, then ", and", ", while", ", but" or ";" ("..., and nearly 25,000").
_ELIDED: Final = re.compile(r"[^,;:()\d\u2013\u2014]*(?:,\s*(?:and|while|but|whereas)|;(?:\s*and)?)\s+")
#: The verb right after such a figure, which tells that it stands for the first one's noun ("nearly 25,000 are
#: deployed"); "nearly 500 are officers" says what they are, and is no claim.
_ELIDED_VERB: Final = re.compile(
    rf"\s+(?:(?:(?:{'|'.join(CUES['en'].auxiliaries)})\s+)?[a-z]{{2,}}(?:ed|en)|remain|remained|stay|stayed)\b"
)
_CLAUSE_START: Final = re.compile(r"[,;:()\u2013\u2014]\s*|\b(?:that|which|who|while|if|but)\s+")


def find_figures(
    sentence: str,
    *,
    skip: Sequence[tuple[int, int]] = (),
    speakers: Sequence[Attribution] = (),
    language: Language = "en",
) -> list[Figure]:
    """The claimed figures of ``sentence``, in order.

    Args:
        sentence: one sentence.
        skip: spans of the sentence that hold no figure (its date phrases).
        speakers: its speech verbs (:func:`chronology.draft.roles.attributions`),
            whose speakers are the claimants of the figures they introduce.
        language: the sentence's language (its comparisons, scales and clause cues).

    """
    skip = [*skip, *((time.start(), time.end()) for time in patterns(language).times.finditer(sentence))]
    if language == "ko":
        return _korean_figures(sentence, skip, speakers)
    if language != "en":
        return _inflected_figures(sentence, skip, speakers, language)
    found: list[Figure] = []
    according = according_to(sentence, dates=skip)
    matches = [
        match
        for match in _FIGURE.finditer(sentence)
        if not any(start < match.end() and match.start() < end for start, end in skip)
        and not (match["digits"] is None and (match["currency"] or match["word"] is None))
    ]
    previous: Figure | None = None  # the last figure that counts a noun: one joined to it may count the same
    previous_counted = ""  # the words that say what it counts ("US soldiers")
    for number, match in enumerate(matches):
        following = matches[number + 1].start() if number + 1 < len(matches) else len(sentence)
        befell = _befell_before(sentence, match.start())  # "killing at least four people": "people killed"
        money = bool(match["currency"])
        counted = _EACH.match(sentence, match.end()) if money else _COUNTED.match(sentence, match.end())
        noun = counted["noun"] if counted else ""
        if noun in _NOT_COUNTS or (not money and noun.endswith("ss")):
            continue
        named = "" if money or counted is None or counted["names"] else CUES["en"].currencies.get(noun.lower(), "")
        if named:  # "5 billion rubles": a sum of money, in the currency it names
            assert counted is not None
            each = _EACH.match(sentence, counted.end())
            found.append(
                Figure(
                    start=match.start(),
                    end=each.end() if each else counted.end(),
                    value=_value(match),
                    unit=named,
                    subject=_paid(sentence, match.start(), each["noun"] if each else ""),
                    claimant=according or _claimant(match.start(), speakers),
                )
            )
            continue
        if counted is None and not money and previous is not None and previous_counted:
            # "More than 50,000 US soldiers are stationed in Japan, and nearly 25,000 are deployed in South Korea":
            # the second figure counts what the first counts ("US soldiers"), its own verb saying where or how
            elided = _ELIDED.fullmatch(sentence, previous.end, match.start())
            if elided is not None and _ELIDED_VERB.match(sentence, match.end()):
                rest = _subject(sentence, match.end(), following, befell, dates=skip)
                found.append(
                    Figure(
                        start=match.start(),
                        end=match.end(),
                        value=_value(match),
                        unit=previous.unit,
                        subject=f"{previous_counted} {rest}".strip(),
                        claimant=according or _claimant(match.start(), speakers),
                    )
                )
                continue
        if counted is None and not money:
            state = _STATE_AFTER.match(sentence, match.end())  # "11 wounded", "four dead"
            joined = previous if previous is not None and _joined(sentence, previous.end, match.start()) else None
            if state is not None or (befell and joined is not None):
                found.append(
                    Figure(
                        start=match.start(),
                        end=state.end() if state else match.end(),
                        value=_value(match),
                        unit=joined.unit if joined is not None else "",
                        # "four people were killed and 11 wounded": "people wounded", what the four count
                        subject=" ".join(
                            (
                                previous_counted if joined is not None else "",
                                _subject(
                                    sentence, state.start() if state else match.end(), following, befell, dates=skip
                                ),
                            )
                        ).strip(),
                        claimant=according or _claimant(match.start(), speakers),
                    )
                )
                continue
            if match["digits"] is not None and (match["comparison"] or _PLAIN_FIGURE.fullmatch(match[0])):
                found.append(Figure(start=match.start(), end=match.end(), value=match[0], unit="", subject="",
                                    counted=False))  # fmt: skip
            continue
        end = counted.end() if counted else match.end()
        found.append(
            Figure(
                start=match.start(),
                end=end,
                value=_value(match),
                unit=_CURRENCIES[match["currency"]] if money else noun,
                subject=_paid(sentence, match.start(), noun)
                if money
                else _subject(sentence, match.end(), following, befell, end, skip),
                claimant=according or _claimant(match.start(), speakers),
            )
        )
        previous = None if money else found[-1]
        previous_counted = "" if money or counted is None else f"{counted['names']}{counted['noun']}"
    return found


def _value(match: re.Match[str]) -> str:
    """The figure with its comparison, in digits ("six" is "6", "1.5 million" is "1,500,000")."""
    if match["word"] is not None:
        number = str(_NUMBER_WORDS[match["word"].lower()])
    else:
        number = (match["currency"] or "") + _in_digits(match["digits"], (match["scale"] or "").lower())
    return f"{match['comparison']} {number}" if match["comparison"] else number


#: What a scale word multiplies by, by its English name (each language's ``scales`` give that name).
_SCALES: Final = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def _in_digits(number: str, scale: str) -> str:
    """A number (English-grouped: "12", "1.5", "10,000") times its scale word ("thousand"), in grouped digits.

    "12" thousand is "12,000", so that a figure is written one way in every language; a number the scale does not
    make whole is kept with its scale word ("1.25 thousand"... is 1,250, but "0.0005 thousand" stays).
    """
    if not scale:
        return number
    value = float(number.replace(",", "")) * _SCALES[scale]
    return f"{round(value):,}" if value == round(value) else f"{number} {scale}"


def _subject(
    sentence: str,
    after: int,
    following: int = -1,
    befell: str = "",
    counted: int = -1,
    dates: Sequence[tuple[int, int]] = (),
) -> str:
    """What is claimed: the counted words and the rest of their clause, in at most a dozen words.

    The clause ends before a figure joined to this one (``following``: "people were killed and 11 wounded" is
    "people killed"), and before a date phrase (``dates``: the event's date, no part of what is counted); a
    passive or perfect verb before a participle is left out ("were killed": "killed"); what befell those counted,
    said by a verb before the figure (``befell``, "killing four people", "shot down 12 drones"), follows the
    counted words (ending at ``counted``): "people killed", "drones shot down".
    """
    until = len(sentence)
    if 0 <= following < len(sentence):
        joint = _joined(sentence, counted if counted >= 0 else after, following)
        until = joint if joint is not None else until
    until = _before_date(until, max(after, counted), dates)
    rest = sentence[after:until]
    stop = _CLAUSE_END.search(rest.strip())
    rest = rest.strip()[: stop.start() if stop else None]
    if befell:  # after the counted words ("people killed"), or alone where there are none ("wounded")
        at = min(counted, until) - after - (len(sentence[after:until]) - len(sentence[after:until].lstrip()))
        rest = f"{rest[:at]} {befell} {rest[at:]}" if counted >= 0 else f"{befell} {rest}"
    rest = _AUXILIARY.sub(" ", f" {rest}")
    return " ".join(rest.rstrip(' .!?"”’').split()[:_SUBJECT_WORDS])


def _before_date(until: int, counted: int, dates: Sequence[tuple[int, int]]) -> int:
    """Where a claim's clause ends, ``until`` or sooner: before the first date phrase after what is counted."""
    return min((start for start, _ in dates if counted <= start < until), default=until)


#: What befell those a figure counts, said after it in place of a noun ("11 wounded", "11 were wounded").
_STATE_AFTER: Final = re.compile(
    rf"\s+(?:(?:{'|'.join(CUES['en'].auxiliaries)})\s+)?"
    rf"({'|'.join(sorted((re.escape(w) for w in CUES['en'].counted_states), key=len, reverse=True))})\b"
)
#: A passive or perfect verb before a participle, left out of a claim's subject ("were killed": "killed"), with
#: the relative word that opens it ("soldiers who have been killed": "soldiers killed", not "soldiers who killed").
_AUXILIARY: Final = re.compile(
    r"\s+(?:(?:who|which|that)\s+)?"
    rf"(?:{'|'.join(CUES['en'].auxiliaries)})\s+"
    rf"(?=(?:[a-z]{{2,}}(?:ed|en|ing)|{'|'.join(re.escape(w) for w in CUES['en'].counted_states)})\b)"
)


@functools.cache
def _joint(language: Language) -> re.Pattern[str]:
    """What joins two figures: a few words, a comma or a coordinator, maybe a verb ("were killed and wounding").

    The words before the comma or coordinator ("and", "и", "ещё") tell of the first figure ("were killed",
    "погибли"); the verb after it, of the second ("and wounding 11").
    """
    coordinators = "|".join(re.escape(word) for word in CUES[language].coordinators)
    return re.compile(
        rf"(?:\s+[^\W\d][\w’'ʼ-]*){{0,3}}?(?P<joint>\s*,\s*(?:(?:{coordinators})\s+)?|\s+(?:{coordinators})\s+)"
        r"(?:[^\W\d][\w’'ʼ-]*\s+)?",
        re.IGNORECASE,
    )


def _joined(sentence: str, end: int, start: int, language: Language = "en") -> int | None:
    """Where the words joining a figure (or what it counts, ending at ``end``) to the next (at ``start``) begin."""
    joint = _joint(language).fullmatch(sentence, end, start)
    return joint.start("joint") if joint is not None else None


def _befell_before(sentence: str, start: int) -> str:
    """What befell those a figure counts, as its verb before it says ("killing", "shot down"): "killed", or ""."""
    before = _COUNTED_VERB.search(sentence, 0, start)
    return CUES["en"].counted_verbs[before[1]] if before is not None else ""


#: A verb right before a figure that says what befell those it counts ("killing", "shot down").
_COUNTED_VERB: Final = re.compile(
    rf"\b({'|'.join(sorted((re.escape(v) for v in CUES['en'].counted_verbs), key=len, reverse=True))})\s+$"
)


def _paid(sentence: str, figure: int, each: str = "") -> str:
    """What a sum of money is claimed for: the words of its clause before it ("soldiers are being paid").

    A sum paid to each ("$2,000 each") is said so after them: "soldiers are being paid (each)".
    """
    before = sentence[:figure]
    starts = [match.end() for match in _CLAUSE_START.finditer(before)]
    words = before[max(starts, default=0) :].split()
    paid = " ".join(words[-_SUBJECT_WORDS:]).strip(" ,")
    amount = _amount_verb("en").search(paid)
    if amount is not None and amount.start() > 0:
        paid = paid[: amount.start()]  # "The cost of the project reached": what the sum is of, without its verb
    return f"{paid} ({each})" if each else paid


@functools.cache
def _amount_verb(language: Language) -> re.Pattern[str]:
    """A verb that states an amount (the ``amount_verbs`` of ``language``), closing the words before a figure."""
    verbs = "|".join(sorted((re.escape(verb) for verb in CUES[language].amount_verbs), key=len, reverse=True))
    return re.compile(rf"\s+(?:{verbs})$" if verbs else "(?!)")


def _claimant(position: int, speakers: Sequence[Attribution], language: Language = "en") -> str:
    """Who claims a figure at ``position``: the speaker of the last speech verb before it, or of a closing one.

    A speaker named after a closing verb with a preposition ("считают в разведке") is named in the nominative
    (:func:`chronology.draft.roles.claimant`).
    """
    for verb in reversed(speakers):
        if verb.end <= position and verb.trailing < 0:
            return claimant(verb.speaker, language)
    closing = next((verb for verb in reversed(speakers) if verb.aside[0] < 0), None)
    if closing is not None and closing.trailing >= position:
        return claimant(closing.speaker, language)
    return ""


# -- Russian and Ukrainian: what a figure counts is the noun after it, found by morphology -----------------

#: Words after a figure looked through for what it counts (adjectives before the noun: "северокорейских солдат").
_COUNTED_WORDS: Final = 3
_WORD: Final = re.compile(r"\s*([^\W\d_][\w'’ʼ-]*)")
#: Parts of speech (pymorphy3's) that may stand between a figure and its noun.
_BEFORE_NOUN: Final = frozenset({"ADJF", "PRTF", "ADJS", "NUMR"})


@functools.cache
def _figure_pattern(language: Language) -> re.Pattern[str]:
    """A Russian or Ukrainian figure: a number in digits or a number word ("два", "п'ять"), compared, scaled."""
    cues = CUES[language]
    comparisons = "|".join(sorted((re.escape(w) for w in cues.comparisons), key=len, reverse=True))
    scales = "|".join(sorted((re.escape(w) for w in cues.scales), key=len, reverse=True))
    words = "|".join(  # "п'ять", written "п’ять" or "пʼять" too
        sorted((re.escape(w).replace("'", "['’ʼ]") for w in _slavic_number_words(language)), key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w.,'’ʼ-])(?:(?P<comparison>{comparisons})\s+)?"
        r"(?:(?P<digits>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)"
        rf"|(?P<word>{words}))"
        rf"(?:\s+(?P<scale>{scales})\.?)?(?![\w%'’ʼ]|[.,]\d)",
        re.IGNORECASE,
    )


@functools.cache
def _slavic_number_words(language: Language) -> dict[str, int]:
    """The number words of ``language`` a figure may be written in, from two up ("два", "двух", "п'ять"): their values.

    They are the date reader's number words (:mod:`chronology.notation.slavic_words`, one to ten), those that
    pymorphy3 reads first as numerals in ``language`` (not "пара", nor "несколько", which is no one number).
    """
    from chronology.notation.slavic_words import slavic_words

    analyzer = morphology(language)
    return {
        word: value
        for phrase, value in slavic_words().categories["number"].items()
        for word in phrase
        if isinstance(value, int) and value >= _LEAST_NUMBER_WORD and _numeral(analyzer.parse(word))
    }


def _numeral(parses: Sequence[Any]) -> bool:
    """Whether pymorphy3 reads a word as a numeral first: none of its likeliest readings a noun or adjective.

    "семь" and Ukrainian "три" (also a verb) are; "семью" ("family" first) and "сьома" ("seventh") are not.
    """
    best = max((parse.score for parse in parses), default=0.0)
    likeliest = [parse for parse in parses if parse.score >= best and parse.is_known]
    return any(parse.tag.POS == "NUMR" for parse in likeliest) and not any(
        parse.tag.POS in ("NOUN", "ADJF") for parse in likeliest
    )


#: The least figure written as a Russian or Ukrainian number word that is read ("два человека"; not "один").
_LEAST_NUMBER_WORD: Final = 2


@functools.cache
def _time_words() -> frozenset[str]:
    """Words that count time ("лет", "днів"): a figure counting them is no claim."""
    from chronology.notation.slavic_words import slavic_words

    table = slavic_words().categories
    return frozenset(phrase[0] for name in ("unit", "year_word", "period_noun") for phrase in table[name])


def _noun_after(sentence: str, at: int, language: Language) -> tuple[str, int]:
    """What a figure counts: the first noun in the few words after ``at`` (adjectives passed over), and its end."""
    analyzer = morphology(language)
    fallback: tuple[str, int] = ("", at)
    position = at
    for _ in range(_COUNTED_WORDS):
        match = _WORD.match(sentence, position)
        if match is None or not match[1][:1].islower():
            break
        parses = analyzer.parse(match[1])
        best = parses[0].tag.POS if parses else None
        if best == "NOUN":
            return match[1], match.end()
        if not fallback[0] and any(parse.tag.POS == "NOUN" for parse in parses):
            fallback = (match[1], match.end())
        if best not in _BEFORE_NOUN:
            break
        position = match.end()
    return fallback


def _inflected_figures(
    sentence: str, skip: Sequence[tuple[int, int]], speakers: Sequence[Attribution], language: Language
) -> list[Figure]:
    """The figures of a Russian or Ukrainian sentence (see :func:`find_figures`)."""
    cues = CUES[language]
    found: list[Figure] = []
    according = according_to(sentence, language, skip)
    matches = [
        match
        for match in _figure_pattern(language).finditer(sentence)
        if not any(start < match.end() and match.start() < end for start, end in skip)
    ]
    previous: Figure | None = None  # the last figure that counts a noun: one joined to it may count the same
    for number, match in enumerate(matches):
        following = matches[number + 1].start() if number + 1 < len(matches) else len(sentence)
        noun, end = _noun_after(sentence, match.end(), language)
        if noun.lower() in _time_words() or noun.lower().startswith(("процент", "відсот")):
            continue
        if _not_counted(noun, language):
            continue  # "три раза"
        word = match["word"]
        if word is not None and not noun and not match["scale"]:
            continue  # "двух из них": a number word is a figure only where it counts something
        digits = match["digits"] or str(_slavic_number_words(language)[re.sub("[’ʼ]", "'", word.lower())])
        grouped = (
            re.sub(r"[ \u00a0\u202f]", ",", digits).replace(",", ".")
            if "," in digits and len(digits.split(",")[-1]) != 3
            else re.sub(r"[ \u00a0\u202f]", ",", digits)
        )
        comparison = cues.comparisons.get((match["comparison"] or "").lower(), "")
        scale = cues.scales.get((match["scale"] or "").lower().rstrip("."), "")
        reading = " ".join(part for part in (comparison, _in_digits(grouped, scale)) if part)
        state = bool(noun) and _befell(noun, language)  # "11 поранені": what befell them, not what is counted
        joined = previous if previous is not None and _joined(sentence, previous.end, match.start(), language) else None
        if (not noun or state) and joined is not None:  # "погибли 4 человека, 11 ранены": 11 человек
            found.append(
                Figure(
                    start=match.start(),
                    end=end,
                    value=match[0],
                    unit=joined.unit,
                    subject=_slavic_subject(sentence, match.end(), language, following, dates=skip),
                    claimant=according or _claimant(match.start(), speakers, language),
                    reading=reading,
                )
            )
            continue
        if not noun:
            if match["comparison"] or match["scale"] or len(digits) > 4:
                found.append(Figure(start=match.start(), end=match.end(), value=match[0], unit="", subject="",
                                    counted=False, reading=reading))  # fmt: skip
            continue
        currency = _currency(noun, language)
        found.append(
            Figure(
                start=match.start(),
                end=end,
                value=match[0],
                unit=currency or noun,
                subject=_money_subject(sentence, match.start(), match.end(), language)
                if currency
                else _slavic_subject(
                    sentence,
                    match.end(),
                    language,
                    following,
                    _befell_before_slavic(sentence, match.start(), language),
                    end,
                    skip,
                ),
                claimant=according or _claimant(match.start(), speakers, language),
                reading=reading,
            )
        )
        previous = None if currency else found[-1]
    return found


def _not_counted(noun: str, language: Language) -> bool:
    """Whether a noun after a figure makes it no claim ("три раза"): its lemma is one of ``not_counted``."""
    words = CUES[language].not_counted
    return bool(noun) and any(parse.normal_form in words for parse in morphology(language).parse(noun.lower())[:1])


def _befell(word: str, language: Language) -> bool:
    """Whether a Russian or Ukrainian word says what befell those a figure counts ("погибли", "ранены")."""
    states = CUES[language].counted_states
    return any(parse.normal_form in states for parse in morphology(language).parse(word.lower()))


def _befell_before_slavic(sentence: str, start: int, language: Language) -> str:
    """The word right before a figure, where it says what befell those it counts ("погибли 4 человека"), or ""."""
    before = re.search(r"([^\W\d_][\w'’ʼ-]*)\s+$", sentence[:start])
    return before[1] if before is not None and _befell(before[1], language) else ""


def _currency(noun: str, language: Language) -> str:
    """The ISO 4217 code of the currency a Russian or Ukrainian noun names ("рублей": "RUB"), or ""."""
    currencies = CUES[language].currencies
    if noun.lower() in currencies:
        return currencies[noun.lower()]  # an abbreviation ("грн"), as written
    return next(
        (currencies[p.normal_form] for p in morphology(language).parse(noun) if p.normal_form in currencies), ""
    )


#: pymorphy3's grammemes of a name, which keeps its capital in a claim's subject ("Россия", "Газпром", "ГУР").
_PROPER: Final = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Trad"})


def _money_subject(sentence: str, start: int, after: int, language: Language) -> str:
    """What a Russian or Ukrainian sum of money is of: the noun phrase in the nominative before its amount verb.

    "Стоимость проекта составила 5 млрд рублей" is of "стоимость проекта" (a common noun's capital, there only
    because it opens the sentence, left out). Without an amount verb (``amount_verbs``) right before the figure
    (a preposition between them passed over: "оценивается в"), the words of the figure's clause before it, as
    written ("Каждому солдату платят"); where there are fewer than two, the words after it.
    """
    analyzer = morphology(language)
    begin = _clause_begin(sentence, start, language)
    clause = _without_asides(sentence[begin:start], language)
    words = list(_WORD_IN_CLAUSE.finditer(clause))
    verb = len(words) - 1
    while verb >= 0 and analyzer.parse(words[verb][0])[0].tag.POS == "PREP":
        verb -= 1
    amount = CUES[language].amount_verbs
    if verb > 0 and any(p.normal_form in amount for p in analyzer.parse(words[verb][0]) if p.tag.POS in _VERBS):
        head = next((i for i in range(verb) if _nominative(words[i][0], language, "NOUN")), None)
        if head is not None:
            while head > 0 and _nominative(words[head - 1][0], language, "ADJF"):
                head -= 1  # "Общая стоимость проекта"
            phrase = " ".join(clause[words[head].start() : words[verb - 1].end()].split())
            first = analyzer.parse(words[head][0])[0]
            proper = words[head][0].isupper() or bool(_PROPER & set(first.tag.grammemes))
            return phrase if proper else phrase[:1].lower() + phrase[1:]
    if len(words) >= 2:
        return " ".join(clause[words[0].start() : words[-1].end()].split())
    return _slavic_subject(sentence, after, language)


def _without_asides(clause: str, language: Language) -> str:
    """``clause`` with each aside naming whom it is according to (", по данным источника,") made blank."""
    for _ in range(clause.count(",")):
        aside = re.search(r",[^,]*,", clause)
        if aside is None or patterns(language).according.search(aside[0].strip(" ,")) is None:
            break
        clause = clause[: aside.start()] + " " * len(aside[0]) + clause[aside.end() :]
    return clause


def _clause_begin(sentence: str, start: int, language: Language) -> int:
    """Where the clause before ``start`` begins: after its last clause mark, an according aside passed over.

    "Стоимость проекта, по данным министерства, составила": the clause begins with "Стоимость".
    """
    marks = [match.end() for match in _MARKS.finditer(sentence, 0, start)]
    according = patterns(language).according
    while len(marks) >= 2 and according.search(sentence[marks[-2] : marks[-1]]) is not None:
        marks = marks[:-2]
    return marks[-1] if marks else 0


_MARKS: Final = re.compile(r"[,;:()\u2013\u2014]")
_WORD_IN_CLAUSE: Final = re.compile(r"[^\W\d_][\w'’ʼ-]*")
#: pymorphy3's parts of speech of a verb that may state an amount ("составила", "оценивается", "составляет").
_VERBS: Final = frozenset({"VERB", "INFN", "PRTS"})


def _nominative(word: str, language: Language, pos: str) -> bool:
    """Whether ``word`` may be a ``pos`` (pymorphy3's: "NOUN", "ADJF") in the nominative."""
    return any(
        p.tag.case == "nomn" and pos == p.tag.POS and p.score > _RARE_PARSE for p in morphology(language).parse(word)
    )


#: A pymorphy3 reading less likely than this is passed over.
_RARE_PARSE: Final = 0.05


def _slavic_subject(
    sentence: str,
    after: int,
    language: Language,
    following: int = -1,
    befell: str = "",
    counted: int = -1,
    dates: Sequence[tuple[int, int]] = (),
) -> str:
    """What is claimed: the counted words and the rest of their clause, in at most a dozen words.

    The clause ends before a figure joined to this one (``following``: "4 человека погибли и 11 ранены" is
    "люди погибли"), and before a date phrase (``dates``). Where a verb says what befell those counted (the
    counted words ending at ``counted``), right before the figure (``befell``: "погибли 4 человека") or right after
    them ("4 человека погибли"), the counted words are said in the nominative plural, before the verb, as the
    English "people killed" is: "люди погибли", "северокорейские военные погибли"; other counted words are kept as
    written ("до 10 000 северокорейских военных": "северокорейских военных").
    """
    until = len(sentence)
    if 0 <= following < len(sentence):
        noun = _WORD.match(sentence, after)
        first = counted if counted >= 0 else noun.end() if noun is not None else after
        joint = _joined(sentence, first, following, language)
        until = joint if joint is not None else until
    until = _before_date(until, max(after, counted), dates)
    rest = sentence[after:until].strip()
    stop = patterns(language).title_boundary.search(rest)
    clause = rest[: stop.start() if stop else len(rest)].rstrip(' .!?"”’»')
    written = sentence[after:counted].strip() if counted > after else ""
    if written and clause.startswith(written):
        tail = clause[len(written) :].split()
        said = _said_of_counted(befell, language) if befell else ""
        if said or (not befell and tail and _befell(tail[0], language)):  # "люди погибли", "люди ранены"
            words = [_nominative_plural(written, language), said, *tail]
            return " ".join(" ".join(words).split()[:_SUBJECT_WORDS])
    subject = " ".join(clause.split()[:_SUBJECT_WORDS])
    return f"{befell.lower()} {subject}".strip() if befell else subject  # a verb: its capital only opens the sentence


def _said_of_counted(word: str, language: Language) -> str:
    """What befell those a figure counts, as a word before it says it, said of them in the plural, or "".

    An intransitive verb is put in the plural ("погиб 1 человек": "погибли"), a transitive one in the short
    passive participle ("ранил 4 человека": "ранены"; "убили": "убиты"); a participle is kept ("ранены"). A
    Ukrainian verb is read as intransitive only where the cues say so (``intransitive_states``: pymorphy3 does not
    tell); "" for any other verb, which the subject then opens as written.
    """
    analyzer = morphology(language)
    states = CUES[language].counted_states
    parse = next((p for p in analyzer.parse(word.lower()) if p.normal_form in states), None)
    if parse is None:
        return ""
    if parse.tag.POS != "VERB":
        return word.lower()
    grammemes = set(parse.tag.grammemes)
    intransitive = "intr" in grammemes or parse.normal_form in CUES[language].intransitive_states
    if intransitive and "plur" in grammemes:
        return word.lower()
    wanted = {"plur", "past"} if intransitive else {"PRTS", "pssv", "past", "plur"}
    # the lexeme is searched, not inflected: pymorphy3 forgets the grammemes of one language's dictionary (PRTS)
    # once the other's is loaded
    said = next((form for form in parse.lexeme if wanted <= set(form.tag.grammemes)), None)
    return str(said.word) if said is not None else ""


def _nominative_plural(words: str, language: Language) -> str:
    """Counted words in the nominative plural ("четырех человек": "люди"; "северокорейских военных": "... военные").

    Each noun, adjective or participle is put so by pymorphy3 (its likeliest reading); a word it cannot put so is
    kept as written.
    """
    analyzer = morphology(language)
    said = []
    for word in words.split():
        parse = next((p for p in analyzer.parse(word) if p.tag.POS in _INFLECTED), None)
        plural = (
            next((form for form in parse.lexeme if {"nomn", "plur"} <= set(form.tag.grammemes)), None)
            if parse is not None
            else None
        )
        said.append(str(plural.word) if plural is not None else word)
    return " ".join(said)


#: pymorphy3's parts of speech of the counted words put in the nominative plural (a noun and the words before it).
_INFLECTED: Final = frozenset({"NOUN", "ADJF", "PRTF"})


# -- Korean: a figure, its counter, and the comparisons on either side ----------------------------------

#: A Korean figure and the counter it counts with (the ``counters`` of the Korean cues), the unit a claim is of.
_KOREAN_COUNTED: Final = re.compile(
    rf"(?P<figure>{KOREAN_FIGURE.pattern[: KOREAN_FIGURE.pattern.rfind('(?:')]})"
    rf"\s?(?P<unit>{'|'.join(sorted(CUES['ko'].counters, key=len, reverse=True))})?(?![\d,.])"
    rf"(?:[가-힣]{{0,2}}\s+(?P<after>{'|'.join(sorted(KOREAN_AFTER, key=len, reverse=True))}))?"
)
_KOREAN_CLAUSE_END: Final = re.compile(r"[,;:()\u2013\u2014]|(?<=[다라])고\b|$")
_KOREAN_CLAUSE_START: Final = re.compile(r"[,;:()\u2013\u2014]\s*|따르면\s+|의하면\s+")


def _korean_figures(sentence: str, skip: Sequence[tuple[int, int]], speakers: Sequence[Attribution]) -> list[Figure]:
    """The figures of a Korean sentence (see :func:`find_figures`)."""
    found: list[Figure] = []
    according = according_to(sentence, "ko", skip)
    for match in _KOREAN_COUNTED.finditer(sentence):
        if any(start < match.end() and match.start() < end for start, end in skip):
            continue
        if match.start() and sentence[match.start() - 1].isdigit():
            continue  # inside a longer number
        unit = match["unit"] or ""
        written = sentence[match.start("figure") : match.end("figure")].strip()
        if match["after"]:
            written = f"{written} {match['after']}"
        try:
            reading = korean_figure(written)
        except ChronologyError:
            continue
        number = match["number"]
        if not unit:
            plain = match["before"] or match["odd"] or match["after"] or not number.replace(",", "").isdigit()
            if plain or "," in number:
                found.append(Figure(start=match.start(), end=match.end(), value=written, unit="", subject="",
                                    counted=False, reading=reading))  # fmt: skip
            continue
        found.append(
            Figure(
                start=match.start(),
                end=match.end(),
                value=written,
                unit=CUES["ko"].currencies.get(unit, unit),
                subject=_korean_subject(sentence, match.start(), unit, skip),
                claimant=according or _verb_final_claimant(match.start(), speakers),
                reading=reading,
            )
        )
    return found


#: Endings of the word that names what a Korean figure counts, before it ("북한군이 최대 10만 명"): taken without them.
_KOREAN_NOUN_ENDINGS: Final = ("이", "가", "을", "를", "의")
#: Endings of a word that closes a clause before a figure ("이용해 특수부대 1천500여 명"): no part of what it counts.
_KOREAN_CLAUSE_WORD_ENDINGS: Final = ("해", "고", "며", "서", "다", "면", "게", "로", "에", "에서", "지만", "는데")
#: Words before a Korean figure that may name what it counts, at most ("병사 1인당 월 약 2천 달러").
_KOREAN_NOUN_WORDS: Final = 3


def _korean_subject(sentence: str, start: int, unit: str, skip: Sequence[tuple[int, int]]) -> str:
    """What a Korean figure counts: the nouns just before it ("특수부대", "북한군이": "북한군", "병사 1인당 월").

    Read back from the figure over its comparison ("최대", "약"), to a word with a subject, topic, object or
    genitive ending (taken without it), a word that closes a clause or names the speaker ("국정원은"), a date
    phrase (``skip``), or a clause mark; without any, the counter (``unit``).
    """
    comparisons = CUES["ko"].comparisons
    words = list(re.finditer(r"[^\s,;:()\u2013\u2014]+", sentence[:start]))
    if words and re.search(r"[,;:()\u2013\u2014]\s*$", sentence[:start]):
        words = []
    named: list[str] = []
    for word in reversed(words):
        written = word[0]
        if (
            any(s <= word.start() < e for s, e in skip)
            or sentence[word.end() : start].count(",")
            or (len(named) >= _KOREAN_NOUN_WORDS)
        ):
            break
        if not named and written in comparisons:
            continue
        ending = next((e for e in _KOREAN_NOUN_ENDINGS if written.endswith(e) and len(written) > len(e)), None)
        if ending is not None:
            named.insert(0, written[: -len(ending)])
            break
        if written.endswith((*_KOREAN_CLAUSE_WORD_ENDINGS, *CUES["ko"].topic_endings)):
            break  # a clause's end, or the speaker ("국정원은")
        named.insert(0, written)
    return " ".join(named) or unit


def _verb_final_claimant(position: int, speakers: Sequence[Attribution]) -> str:
    """Who claims a figure in a verb-final sentence: the speaker of the first speech verb after it."""
    return next((verb.speaker for verb in speakers if verb.start >= position), "")
