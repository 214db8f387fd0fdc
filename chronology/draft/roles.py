"""What a date in a sentence dates: the report ("said on Monday") or what it reports, and who says so.

Read from the sentence's own words, never guessed:

* a *speech verb* ("said", "told", "reported", "warned" ...; "report(s)"
  only before "that", "put" only in "put the death toll at") marks an attribution; its *speaker* is the words
  before it, back to the clause's start ("South Korea’s National
  Intelligence Service said").
* A date right after the verb ("said on Monday", "told Putin Friday",
  "reported this week"), or fronted before the speaker ("On October 18,
  South Korea’s NIS said"), dates the statement: :attr:`Role.REPORT`.
* A date after the verb and after what opens a reported clause ("that",
  "whether", a colon or quotation mark, or the reported clause's own verb:
  "said Russian ships *had* transferred ... during the second week of
  October") dates what was reported: :attr:`Role.OCCURRENCE`.
* Before a closing attribution (", another person said.") every date is of
  what is reported; the statement is undated.
* Any other date in a sentence with a speech verb is :attr:`Role.UNCLEAR`,
  and the draft says so in a comment.

A sentence without a speech verb tells what happened: its dates are occurrences.

Korean puts the verb last ("국정원은 18일 북한이 ... 파병했다고 밝혔다"): the
speaker is the sentence's topic ("국정원은"); a date right after it, or
between the reported clause's last word ("파병했다고") and the verb, dates the
statement; a date inside the reported clause dates what was reported, and
the clause, to its last word, is what the title is cut from. Whether a date
is still to come is said after it there ("다음 달 방문할 예정").
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from chronology.draft.cues import CUES, Language, Patterns, morphology, patterns
from chronology.relative import Tense

__all__ = [
    "Attribution",
    "PhraseRole",
    "Role",
    "SideClause",
    "according_to",
    "attributions",
    "claimant",
    "in_quotation",
    "role_of",
    "side_clause",
    "tense_of",
]


class Role(enum.Enum):
    """What a date phrase dates."""

    OCCURRENCE = "occurrence"
    REPORT = "report"
    UNCLEAR = "unclear"


@attrs.frozen
class Attribution:
    """A speech verb of a sentence and who speaks.

    Attributes:
        verb: the verb as written ("said").
        start: index of the verb in the sentence.
        end: index after the verb.
        speaker: who speaks, as written ("the Pentagon"), or "" where the
            sentence does not say in a few words (or says "he", "she").
        speaker_start: where the speaker's words start in the sentence (-1 without a speaker).
        trailing: where the clause of a verb that closes the sentence (",
            another person said.") starts (its comma); -1 for any other verb.
        aside: for a parenthetical verb ("как сообщил Генштаб на прошлой неделе, ..."), where its aside starts
            (its "как") and ends (after the comma that closes it); (-1, -1) for any other verb.

    """

    verb: str
    start: int
    end: int
    speaker: str = ""
    speaker_start: int = -1
    trailing: int = -1
    aside: tuple[int, int] = (-1, -1)

    @property
    def reported(self) -> int:
        """Where the clause a parenthetical verb opening its sentence reports starts (after its comma), else -1."""
        return self.aside[1] if self.aside[0] == 0 else -1


@attrs.frozen
class PhraseRole:
    """What one date phrase of a sentence dates.

    Attributes:
        role: report, occurrence, or unclear.
        attribution: the speech verb the role was read from, if any.
        clause: where the clause holding the phrase starts in the sentence
            (what was reported, for an occurrence in a reported clause).
        clause_end: where that clause ends, where it is not the sentence's end (a Korean reported clause
            ends before its "고": "파병했다고 밝혔다"); -1 for the sentence's end.

    """

    role: Role
    attribution: Attribution | None = None
    clause: int = 0
    clause_end: int = -1


#: Longest speaker, in words: longer runs are not a name but a clause.
_SPEAKER_WORDS: Final = 10
_TRAILING_WORDS: Final = 6
#: A speaker in plain words ("officials", "western diplomats") is a plural noun of at most this many words.
_PLAIN_SPEAKER_WORDS: Final = 3
#: Words after a speech verb that closes a sentence naming its speaker there ("— заявил Песков"), at most.
_SPEAKER_AFTER_WORDS: Final = 5


def attributions(sentence: str, language: Language = "en", dates: Sequence[tuple[int, int]] = ()) -> list[Attribution]:
    """The speech verbs of ``sentence``, in order, each with its speaker (cues of ``language``).

    A verb made parenthetical ("как сообщил Генштаб на прошлой неделе, ...", "як повідомила розвідка, ...") is
    an :attr:`Attribution.aside`: a date inside it dates the statement, and what the rest of the sentence tells is
    what it reports; its speaker is whom the sentence is according to (:func:`according_to`).

    Args:
        sentence: one sentence.
        language: its language.
        dates: the spans of its date phrases, which are no part of a speaker ("Три дня назад Пентагон заявил").

    """
    cues = patterns(language)
    sentence = _masked(sentence, dates)
    if cues.cues.verb_final:
        return [
            Attribution(match[0], match.start(), match.end(), *_verb_final_speaker(sentence, match.start(), cues))
            for match in cues.verbs.finditer(sentence)
        ]
    found = []
    for match in cues.verbs.finditer(sentence):
        if (
            match[0].startswith("report")
            and cues.not_a_reporter
            and cues.not_a_reporter.search(sentence, 0, match.start())
        ):
            continue  # "amid reports that", "media reports that": a noun
        aside = cues.parenthetical.search(sentence, 0, match.start()) if cues.parenthetical is not None else None
        if aside is not None:
            found.append(_aside(sentence, aside.start(), match))
            continue
        speaker = _speaker(sentence, match.start(), cues)
        at = sentence.rfind(speaker, 0, match.start()) if speaker else -1
        before = sentence[: match.start()].rstrip()
        last_piece = before[before.rfind(",", 0, len(before) - 1) + 1 :]
        inverted = before.endswith((",", "\u2014", "\u2013", "-")) and not (
            before.endswith(",") and _opens_aside(last_piece, cues.cues.language)
        )  # "Путин, отвечая на вопросы, заявил": the aside is passed over
        if cues.cues.closing_speaker_after and (inverted or not speaker):  # "..., — заявил Песков."
            speaker, at = _speaker_after(sentence, match.end())
        found.append(Attribution(match[0], match.start(), match.end(), speaker, at))
    spoken = [verb for verb in found if verb.aside[0] < 0]
    if spoken:
        last = spoken[-1]
        comma = sentence.rfind(", ", 0, last.start)
        after = sentence[last.end :].strip(' .!?"”’»').split()
        closes = not after or (len(after) <= 4 and after[0].lower() in cues.after_closing)
        if cues.cues.closing_speaker_after and last.speaker_start > last.start:
            closes = True  # "..., — заявил Песков.": the speaker follows the verb
        clause = sentence[comma : last.start]
        short = len(clause.split()) <= _TRAILING_WORDS and cues.relative.search(clause) is None
        if comma > 0 and short and closes:
            found[found.index(last)] = attrs.evolve(last, trailing=comma)
    return found


def _masked(sentence: str, dates: Sequence[tuple[int, int]]) -> str:
    """``sentence`` with its date phrases blanked out (positions kept), so that no speaker includes one."""
    for start, end in dates:
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


def _aside(sentence: str, opens: int, verb: re.Match[str]) -> Attribution:
    """A parenthetical verb ("как сообщил Генштаб, ..."): its speaker is the words after it, to the comma."""
    closing = re.search(r"[,;:.!?\u2013\u2014]", sentence[verb.end() :])
    end = verb.end() + closing.start() if closing is not None else len(sentence)
    words = sentence[verb.end() : end]
    speaker = " ".join(words.split()).strip(' "“”«»')
    at = sentence.find(speaker, verb.end()) if speaker else -1
    after = end + 1 if closing is not None and closing[0] == "," else end
    start = 0 if not sentence[:opens].strip() else opens
    return Attribution(verb[0], verb.start(), verb.end(), speaker, at, aside=(start, after))


def _speaker(sentence: str, verb: int, cues: Patterns) -> str:
    """Who speaks: the words before the verb, back to the clause's start (the one before, for an appositive)."""
    before = sentence[:verb].rstrip()
    pieces = re.split(r"[,;:]\s|[“”\"«»]\s*" if cues.cues.language != "en" else r"[,;:]\s|[“”\"]\s*", before)
    words = ""
    for piece in reversed(pieces):
        words = piece.strip(" ,“”\"'‘’-\u2013\u2014•*«»")
        if words and not _opens_aside(words, cues.cues.language):  # "Путин, отвечая на вопросы, заявил"
            break
    words = cues.dateline.sub("", words)
    if cues.cues.conjunctions:
        words = re.sub(rf"^(?:{'|'.join(cues.cues.conjunctions)})\s+", "", words)
    if cues.cues.adverb_pattern:
        words = re.sub(cues.cues.adverb_pattern, "", words)  # "Bloomberg previously"
    count = len(words.split())
    if not count or count > _SPEAKER_WORDS or words.lower() in cues.pronouns:
        return ""
    first, last = words.split()[0], words.split()[-1]
    named = words[:1].isupper() or first in cues.determiners or _names_someone(first, cues.cues.language)
    ending = cues.cues.plural_ending
    plural = bool(ending) and count <= _PLAIN_SPEAKER_WORDS and last.endswith(ending) and last not in cues.not_plural
    return words if named or plural else ""


def _opens_aside(words: str, language: Language) -> bool:
    """Whether ``words`` are an aside between a speaker and its verb: opened by a gerund ("отвечая на вопросы")."""
    if language not in ("ru", "uk"):
        return False
    first = _WORDS.match(words.strip(" ,"))
    return first is not None and any(p.tag.POS in _ASIDE_OPENERS for p in morphology(language).parse(first[0]))


def _names_someone(word: str, language: Language) -> bool:
    """Whether a lower-case first word may start a speaker ("президент Украины Владимир Зеленский сказал").

    In Russian and Ukrainian it may where it is a noun in the nominative.
    """
    if language not in ("ru", "uk"):
        return False
    parses = morphology(language).parse(word)
    return bool(parses) and parses[0].tag.POS == "NOUN" and parses[0].tag.case == "nomn"


def _speaker_after(sentence: str, verb_end: int) -> tuple[str, int]:
    """A speaker named after its verb ("— заявил Песков", "сообщил министр обороны"): capitalised, a few words."""
    rest = sentence[verb_end:]
    more = _SPEAKER_AFTER_WORDS - 1
    match = re.match(rf"\s+([^\W\d_][\w'’ʼ-]*(?:\s+[^\W\d_][\w'’ʼ-]*){{0,{more}}})", rest)
    if match is None:
        return "", -1
    words = re.split(r"\s+(?:что|що|в|во|у|на)\s|[,.;:!?«»\"]", match[1] + " ")[0].strip()
    closing = not sentence[verb_end + match.start(1) + len(words) :].strip(' .!?"”’»')
    if not words[:1].isupper() and not closing:  # "сообщил источник." closes the sentence: its speaker
        return "", -1
    return words, verb_end + match.start(1)


def role_of(sentence: str, start: int, end: int, found: list[Attribution], language: Language = "en") -> PhraseRole:
    """What the date phrase ``sentence[start:end]`` dates, given the sentence's speech verbs ``found``."""
    cues = patterns(language)
    asides = [verb for verb in found if verb.aside[0] >= 0]
    for verb in asides:
        if verb.aside[0] <= start and end <= verb.aside[1]:
            return PhraseRole(Role.REPORT, verb)  # "Как сообщил Генштаб на прошлой неделе, ..."
    found = [verb for verb in found if verb.aside[0] < 0]
    if not found:
        if asides:  # what the rest of the sentence tells is what the aside reports
            verb = asides[0]
            return PhraseRole(Role.OCCURRENCE, verb, verb.reported if start >= verb.reported >= 0 else 0)
        return PhraseRole(Role.OCCURRENCE)
    if cues.cues.verb_final:
        return _verb_final_role(sentence, start, end, found, cues)
    closing = found[-1]
    if closing.trailing >= 0:
        if end <= closing.trailing:
            return PhraseRole(Role.OCCURRENCE, closing)
        if start >= closing.trailing:
            return PhraseRole(Role.REPORT, closing)
    before = [verb for verb in found if verb.end <= start and verb.trailing < 0]
    if before:
        verb = before[-1]
        opened = cues.complement.search(sentence, verb.end, start)
        if opened is None:
            return PhraseRole(Role.REPORT, verb)
        return PhraseRole(Role.OCCURRENCE, verb, _clause_after(sentence, verb.end, start, cues))
    verb = next(verb for verb in found if verb.start >= end)
    between = sentence[end : verb.start]
    if len(between.split()) <= 1 and "," not in between:
        return PhraseRole(Role.REPORT, verb)  # "The Pentagon on Monday said"
    if _introduces(sentence[:start], cues) and side_clause(sentence, start, end, 0, language) is not None:
        return PhraseRole(Role.OCCURRENCE)  # "After talks collapsed on Tuesday, the union said": no statement's date
    fronted = _introduces(sentence[:start], cues) and between.lstrip().startswith(",")
    if fronted and cues.other_clause.search(between) is None and len(between.split()) <= 12:
        return PhraseRole(Role.REPORT, verb)  # "On October 18, South Korea’s NIS said"
    if _fronted_before_speaker(sentence, start, end, verb, cues):
        return PhraseRole(Role.REPORT, verb)  # "В пятницу НСР заявила, что ...", "У неділю Зеленський заявив"
    return PhraseRole(Role.UNCLEAR, verb)


#: pymorphy3's part of speech of a word that opens an aside between a speaker and its verb ("отвечая на ...,").
_ASIDE_OPENERS: Final = frozenset({"GRND"})


def _fronted_before_speaker(sentence: str, start: int, end: int, verb: Attribution, cues: Patterns) -> bool:
    """Whether a date opening its sentence is followed by its speech verb's speaker alone ("В пятницу НСР заявила").

    Russian and Ukrainian set no comma after a fronted date. The words between it and the verb are the speaker
    where none is a finite verb (pymorphy3's reading) or a word that opens another clause; an aside opened by a
    gerund ("Путин, отвечая на вопросы журналистов, заявил") is passed over.
    """
    language = cues.cues.language
    if language not in ("ru", "uk") or not _introduces(sentence[:start], cues):
        return False
    analyzer = morphology(language)
    pieces = [piece.strip() for piece in sentence[end : verb.start].split(",")]
    speaker, asides = pieces[0], [piece for piece in pieces[1:] if piece]
    if not all(_opens_aside(aside, language) for aside in asides):
        return False
    words = _WORDS.findall(speaker)
    if not words or len(words) > _SPEAKER_WORDS or cues.other_clause.search(speaker) or cues.complement.search(speaker):
        return False
    return not any(p.tag.POS == "VERB" and p.score > _RARE for word in words for p in analyzer.parse(word))


def _introduces(before: str, cues: Patterns) -> bool:
    """Whether the words before a phrase are none, or the start of an introduction ("In a video address")."""
    words = before.split()
    return not words or ("," not in before and words[0].lower() in cues.introduction)


def _clause_after(sentence: str, verb_end: int, phrase: int, cues: Patterns) -> int:
    """Where the reported clause holding a phrase starts: after its "that" (or "whether", a colon), else the verb.

    The last such word before the phrase outside a quotation counts, unless it opens a relative clause
    ("a region that was invaded in August").
    """
    starts = [
        match.end()
        for match in cues.opens.finditer(sentence, verb_end)  # to the end: "that" is read with what follows it
        if match.end() <= phrase
        and not in_quotation(sentence, match.start())
        and not cues.relative.match(sentence, match.end())
    ]
    return starts[-1] if starts else verb_end


def tense_of(sentence: str, start: int, clause: int = 0, language: Language = "en", end: int | None = None) -> Tense:
    """FUTURE where the phrase's clause says so before it, else PAST.

    The words that say so are the ``future`` cues of :mod:`chronology.draft.cues`: "will", "is to", "plans to",
    "set for", "due", "scheduled",
    "next", "upcoming", and a modal before its verb ("may be rotated", "could rise").

    In Russian and Ukrainian the verb says so itself: the phrase's clause (before or after it, to its commas)
    is read forward where its verb, the nearest finite verb before the phrase or else the first after it, is
    in the future in every reading pymorphy3 gives it ("пройдут", "посетит", "відбудуться": perfective verbs in
    their present-future form; "будет"); a verb that may also be read in the present ("перебувають",
    "находятся") tells the present. Korean says so after the date ("방문할 예정", "열릴 것", "하겠다").

    Args:
        sentence: one sentence.
        start: where the phrase starts.
        clause: where the clause holding it starts (a reported clause's, after its "that").
        language: the sentence's language.
        end: where the phrase ends (``start`` if not given).

    """
    cues = patterns(language)
    if cues.cues.future_after:  # "다음 달 방문할 예정이다": after the date, to its clause's end
        stop = cues.boundary.search(sentence, start)
        closing = cues.complement.search(sentence, start)
        ends = [match.start() for match in (stop, closing) if match is not None]
        return Tense.FUTURE if cues.future.search(sentence, start, min(ends, default=len(sentence))) else Tense.PAST
    begin = clause
    for boundary in cues.boundary.finditer(sentence, clause):  # to the end: "that" is read with what follows it
        if boundary.end() > start:
            break
        begin = boundary.end()
    if cues.future.search(sentence, begin, start):
        return Tense.FUTURE
    if not cues.cues.future_grammemes:
        return Tense.PAST
    after = start if end is None else end
    stop = cues.boundary.search(sentence, after)
    finish = stop.start() if stop is not None else len(sentence)
    if cues.future.search(sentence, after, finish):
        return Tense.FUTURE  # "Осенью КНДР может отправить ..."
    readings = _finite_verb(sentence, begin, start, after, finish, language)
    future = set(cues.cues.future_grammemes)
    ahead = bool(readings) and all(future <= reading.tag.grammemes for reading in readings)
    return Tense.FUTURE if ahead else Tense.PAST


#: A pymorphy3 reading less likely than this is passed over ("НСР" is no verb).
_RARE: Final = 0.1
_WORDS: Final = re.compile(r"[^\W\d_][\w'’ʼ-]*")


def _finite_verb(sentence: str, begin: int, start: int, after: int, finish: int, language: Language) -> tuple[Any, ...]:
    """The finite verb of a phrase's clause: the nearest before the phrase, else the first after.

    Returns:
        Every finite reading pymorphy3 gives that word (its first is not always the right one: "перебувають"
        is first read as a perfective future, and is also the imperfective present); () where the clause has
        no finite verb.

    """
    analyzer = morphology(language)

    def finite(word: str) -> tuple[Any, ...]:
        return tuple(p for p in analyzer.parse(word) if p.tag.POS == "VERB" and p.tag.tense)

    for word in (*reversed(_WORDS.findall(sentence, begin, start)), *_WORDS.findall(sentence, after, finish)):
        found = finite(word)
        if found:
            return found
    return ()


def according_to(sentence: str, language: Language = "en", dates: Sequence[tuple[int, int]] = ()) -> str:
    """Who the sentence says its claim is according to ("according to German officials", "по данным X"), or "".

    In Russian and Ukrainian a parenthetical speech verb names them too: "как сообщил Генштаб, ...". They are
    named as :func:`claimant` gives them: "по данным разведки" is according to "разведка"; date phrases
    (their spans ``dates``) are left out.
    """
    cues = patterns(language)
    sentence = _masked(sentence, dates)
    match = cues.according.search(sentence)
    if match is not None:
        case = cues.cues.according.get(" ".join(match["cue"].lower().split()), "")
        return claimant(match["who"], language, case)
    if cues.parenthetical is None:
        return ""
    for verb in cues.verbs.finditer(sentence):
        if cues.parenthetical.search(sentence, 0, verb.start()):
            who = " ".join(re.split(r"[,;:.!?]", sentence[verb.end() :], maxsplit=1)[0].split()).strip(' "”’«»')
            return claimant(who, language) if who[:1].isupper() or len(who.split()) <= _PLAIN_SPEAKER_WORDS else ""
    return ""


#: pymorphy3's grammemes of a person's name, whose next parts are in the same case ("Владимира Зеленского").
_NAME_PARTS: Final = frozenset({"Name", "Surn", "Patr"})


def claimant(words: str, language: Language = "en", case: str = "") -> str:
    """Who claims something, named as a claim's claimant: ``words`` as written, in the nominative.

    Russian and Ukrainian name whom a claim is according to in the case of the words before them ("по данным
    разведки": genitive, ``case`` "gent"; "считают в разведке": the locative of their preposition). The head
    noun (with the adjectives before it, and the rest of a person's name after it) is put in the nominative
    with pymorphy3 ("разведка", "джерело УП", "Национальная служба разведки Южной Кореи"); the rest is kept
    as written, an abbreviation ("ГУР", "МИД") too. A pronoun ("по его словам") is no claimant.
    """
    words = " ".join(words.split()).strip(' ,"“”’«»')
    cues = CUES[language]
    if language not in ("ru", "uk") or not words:
        return "" if words.lower() in cues.pronouns else words
    analyzer = morphology(language)
    first, _, rest = words.partition(" ")
    while rest and first[:1].isalpha() and analyzer.parse(first)[0].tag.POS == "ADVB":  # "Ранее в Пентагоне"
        first, _, rest = rest.partition(" ")
        words = f"{first} {rest}".strip()
    if first.lower() in cues.speaker_prepositions and rest:
        case, words = cues.speaker_prepositions[first.lower()], rest
    if not case:
        return words
    written = words.split(" ")
    named: list[str] = []
    head: Any = None  # the head noun, once found
    for word in written:
        if (len(word) > 1 and word.isupper()) or not word.replace("-", "").isalpha():
            break  # an abbreviation, a figure: kept as written, with what follows
        if head is not None and not (_NAME_PARTS & set(head.tag.grammemes) and word[:1].isupper()):
            break  # what follows a common noun is kept as written ("служба разведки Южной Кореи")
        parses = analyzer.parse(word)
        if not named and any(p.tag.POS == "NPRO" for p in parses):
            return ""  # "по словам его"
        parse = next((p for p in parses if p.tag.case == case), None)
        if parse is None:
            break
        inflected = parse.inflect({"nomn"})
        form = inflected.word if inflected is not None else word
        named.append(form[:1].upper() + form[1:] if word[:1].isupper() else form)
        if parse.tag.POS == "NOUN" and head is None:
            head = parse
    return " ".join(named + written[len(named) :])


def _topic(sentence: str, verb: int, cues: Patterns) -> tuple[str, int, int]:
    """A verb-final sentence's speaker: its words up to the first word with a topic ending ("국정원은"), if any.

    Returns:
        The speaker without its ending ("국정원"), where it starts, and where the topic word ends (-1, -1
        without one, or where it is a pronoun).

    """
    words = list(re.finditer(r"\S+", sentence[:verb]))[:_SPEAKER_WORDS]
    for word in words:
        written = word[0].rstrip(",")
        ending = next((e for e in cues.cues.topic_endings if written.endswith(e) and len(written) > len(e)), None)
        if ending is None:
            continue
        leading = list(words[: words.index(word)])
        while leading and leading[0][0].rstrip(",") in cues.cues.leading_adverbs:  # "앞서 우크라이나 정보당국은"
            leading.pop(0)
        start = leading[0].start() if leading else word.start()
        speaker = sentence[start : word.start() + len(written) - len(ending)].strip(' "“”‘’')
        if speaker in cues.pronouns or written in cues.pronouns:
            return "", -1, -1
        return speaker, start, word.start() + len(written)
    return "", -1, -1


def _verb_final_speaker(sentence: str, verb: int, cues: Patterns) -> tuple[str, int]:
    """A verb-final sentence's speaker and where it starts, without its particle; ("", -1) without one.

    The speaker is the sentence's topic ("국정원은"), else the one word between the reported clause and the verb
    ("... 배치됐다고 국방부가 밝혔다").
    """
    speaker, start, _ = _topic(sentence, verb, cues)
    if speaker:
        return speaker, start
    closings = [m for m in cues.complement.finditer(sentence, 0, verb) if m[0].endswith("고")]
    if not closings:
        return "", -1
    words = list(re.finditer(r"\S+", sentence[:verb]))
    between = [word for word in words if word.start() >= closings[-1].end()]
    if len(between) != 1:
        return "", -1  # none, or more than a name and what marks it
    word = between[0]
    ending = next((e for e in cues.cues.subject_endings if word[0].endswith(e) and len(word[0]) > len(e)), None)
    if ending is None or word[0] in cues.pronouns:
        return "", -1
    return word[0][: -len(ending)], word.start()


def _verb_final_role(sentence: str, start: int, end: int, found: list[Attribution], cues: Patterns) -> PhraseRole:
    """What a date of a verb-final (Korean) sentence dates: see the module's note."""
    verb = next((verb for verb in found if verb.start >= end), None)
    if verb is None:
        return PhraseRole(Role.OCCURRENCE)  # after every speech verb: a clause of its own
    closings = [m for m in cues.complement.finditer(sentence, 0, verb.start) if m[0].endswith("고")]
    closing = closings[-1] if closings else None
    if closing is not None and start >= closing.end():
        return PhraseRole(Role.REPORT, verb)  # "파병했다고 18일 밝혔다"
    _, _, topic_end = _topic(sentence, verb.start, cues)
    if topic_end >= 0 and start >= topic_end and not sentence[topic_end:start].strip(" ,"):
        return PhraseRole(Role.REPORT, verb)  # "국정원은 18일 ..."
    if closing is not None and end <= closing.start():
        clause = topic_end if 0 <= topic_end <= start else 0
        clause += len(sentence[clause:]) - len(sentence[clause:].lstrip(" ,"))
        return PhraseRole(Role.OCCURRENCE, verb, clause, closing.end() - 1)  # the clause to its "다", not "고"
    return PhraseRole(Role.UNCLEAR, verb)


def in_quotation(sentence: str, position: int) -> bool:
    """Whether ``position`` lies inside a direct quotation of the sentence (between “ and ”, or straight quotes)."""
    before = sentence[:position]
    curly = before.count("“") + before.count("«") > before.count("”") + before.count("»")
    return curly or before.count('"') % 2 == 1


@attrs.frozen
class SideClause:
    """The side clause a date phrase stands in, where it is not its sentence's main clause.

    Attributes:
        text: what the clause tells, as written: from its first word after the word that opens it ("Moscow and
            Pyongyang signed a pact in June"), or, for a relative clause or a participle's phrase, from the noun
            it tells of ("a Russian region ... that was invaded by Kyiv's forces in August", "договор о ...
            партнерстве, подписанный в июне"); to the clause's end.
        start: where it opens in the sentence (its opening word, or the comma before a participle).
        end: where it ends (its clause mark, or the sentence's end).
        opening: the words that open a clause with a subject of its own, lower-cased ("after", "после того как"),
            else "" (a relative clause or a participle's phrase).

    """

    text: str
    start: int
    end: int = -1
    opening: str = ""


_CLAUSE_MARKS: Final = re.compile(r"[,;:()\u2013\u2014]")
#: pymorphy3's parts of speech of a word that tells an action: a side clause has one before its date.
_ACTION_POS: Final = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
#: pymorphy3's parts of speech that end the noun a relative clause tells of, read backwards from it.
_NOT_IN_NOUN_PHRASE: Final = frozenset({"VERB", "INFN", "GRND", "CONJ", "PRCL", "ADVB", "PRED"})


def side_clause(sentence: str, start: int, end: int, clause: int = 0, language: Language = "en") -> SideClause | None:
    """The side clause the date phrase ``sentence[start:end]`` stands in, if any (see :class:`SideClause`).

    A side clause is a relative clause ("where", "which", "that was", "который", "який", "що" after a noun), a
    participle's phrase after a comma ("invaded by ... in August", "подписанный в июне", "підписаний у
    червні"), or a clause a conjunction opens before its own subject ("after Moscow and Pyongyang signed a pact
    in June"). It opens after ``clause`` (the start of the phrase's own clause: a reported clause's), has a verb
    before the phrase (without one, "before the talks on Monday" is a preposition's phrase) and no clause mark
    between its opening and the phrase, and ends at the next clause mark.

    Args:
        sentence: one sentence.
        start: where the phrase starts.
        end: where it ends.
        clause: where the phrase's clause starts.
        language: the sentence's language.

    """
    cues = patterns(language)
    opens: list[tuple[int, int, str]] = [
        (match.start(), match.end(), match.lastgroup or "")
        for match in cues.side.finditer(sentence, clause, start)
        if not in_quotation(sentence, match.start())
        and (match.lastgroup != "after_noun" or _after_noun(sentence, match.start(), language))
    ]
    opens += _participles(sentence, clause, start, language)
    stop = _CLAUSE_MARKS.search(sentence, end)
    finish = stop.start() if stop is not None else len(sentence)
    conjunctions = {" ".join(words.split()).lower() for words in cues.cues.side_conjunctions}
    opens = [
        o
        for o in opens
        if not _CLAUSE_MARKS.search(sentence, o[1], start)
        and (
            o[2] == "participle"
            or _has_action(sentence[o[1] : start], language)
            # "because the 1950-1953 Korean War ended": a conjunction's clause may give its verb after the date
            or (
                o[2] == "own"
                and " ".join(sentence[o[0] : o[1]].strip(" ,").split()).lower() in conjunctions
                and _has_action(sentence[end:finish], language)
            )
        )
    ]  # "where forces have occupied ... since a surprise incursion in August": "since" opens no clause there
    if not opens:
        return None
    opening, after, kind = max(opens)
    begin = after if kind == "own" else _noun_before(sentence, clause, opening, language)
    text = sentence[begin:finish].strip(" ,").rstrip(" .!?")
    words = " ".join(sentence[opening:after].split()).lower() if kind == "own" else ""
    return SideClause(text, opening, finish, words)


def _has_action(words: str, language: Language) -> bool:
    """Whether ``words`` hold a verb (or participle): a clause's, not a preposition's phrase."""
    if language not in ("ru", "uk"):
        return patterns(language).side_verbs.search(words) is not None
    analyzer = morphology(language)
    return any(
        p.tag.POS in _ACTION_POS and p.score > _RARE for word in _WORDS.findall(words) for p in analyzer.parse(word)
    )


def _participles(sentence: str, begin: int, start: int, language: Language) -> list[tuple[int, int, str]]:
    """Participles opening a phrase after a comma, before ``start`` ("invaded by", "подписанный в июне")."""
    cues = patterns(language)
    if language not in ("ru", "uk"):
        return []  # English ones are a kind of the side pattern
    analyzer = morphology(language)
    found = []
    for comma in re.finditer(r",\s*", sentence[:start]):
        if comma.start() < begin:
            continue
        word = _WORDS.match(sentence, comma.end())
        if word is None or word.start() >= start:
            continue
        first = analyzer.parse(word[0])[0]
        if set(cues.cues.participle_grammemes) & set(first.tag.grammemes):
            found.append((comma.start(), comma.end(), "participle"))
    return found


def _after_noun(sentence: str, comma: int, language: Language) -> bool:
    """Whether the word before ``comma`` is a noun ("угода, що ..."): "що" opens a relative clause there."""
    words = _WORDS.findall(sentence, 0, comma)
    return bool(words) and morphology(language).parse(words[-1])[0].tag.POS == "NOUN"


#: Words of the noun phrase a relative clause tells of, at most.
_NOUN_PHRASE_WORDS: Final = 10


def _noun_before(sentence: str, begin: int, opening: int, language: Language) -> int:
    """Where the noun phrase before a relative clause or participle starts: back to a clause mark, or a verb."""
    marks = [match.end() for match in _CLAUSE_MARKS.finditer(sentence, begin, opening)]
    back = max(marks, default=begin)
    words = list(_WORDS.finditer(sentence, back, opening))[-_NOUN_PHRASE_WORDS:]
    if not words:
        return back
    cues = patterns(language)
    analyzer = morphology(language) if language in ("ru", "uk") else None
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        if analyzer is not None and analyzer.parse(word[0])[0].tag.POS in _NOT_IN_NOUN_PHRASE:
            break
        if analyzer is None and (cues.side_verbs.fullmatch(word[0]) or word[0].endswith("ing")):
            break
        kept.insert(0, word)
    while kept and _preposition(kept[0][0], language):  # "про угоду, яку ...": the noun, not its preposition
        kept.pop(0)
    return kept[0].start() if kept else opening


def _preposition(word: str, language: Language) -> bool:
    """Whether ``word`` is a preposition or conjunction: a word a title does not end with, and no determiner."""
    cues = patterns(language)
    return word.lower() in cues.cues.title_end_words and word.lower() not in cues.determiners
