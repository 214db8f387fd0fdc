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
"""

from __future__ import annotations

import enum
import re
from typing import Final

import attrs

from chronology.relative import Tense

__all__ = ["Attribution", "PhraseRole", "Role", "according_to", "attributions", "in_quotation", "role_of", "tense_of"]


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

    """

    verb: str
    start: int
    end: int
    speaker: str = ""
    speaker_start: int = -1
    trailing: int = -1


@attrs.frozen
class PhraseRole:
    """What one date phrase of a sentence dates.

    Attributes:
        role: report, occurrence, or unclear.
        attribution: the speech verb the role was read from, if any.
        clause: where the clause holding the phrase starts in the sentence
            (what was reported, for an occurrence in a reported clause).

    """

    role: Role
    attribution: Attribution | None = None
    clause: int = 0


_VERBS: Final = re.compile(
    r"\b(?:said|says|told|tells|reported|announced|announces|stated|claimed|alleged|alleges|warned|warns|"
    r"confirmed|confirms|added|adds|wrote|writes|noted|suggested|suggests|revealed|reveals|declared|declares|"
    r"accused|accuses|denied|denies|insisted|insists|acknowledged|acknowledges|estimated|assessed|assesses|"
    r"tweeted|responded|replied|argued|admitted|predicted|indicated|reports?(?=\s+that\b)"
    r"|puts?(?=\s+(?:the|its|their)\s+(?:\w+\s+){0,2}(?:toll|figure|number|total|count|cost)\s+at\b))\b"
)
#: What opens a reported clause between a speech verb and a date: a conjunction, a quotation, or its own verb.
_COMPLEMENT: Final = re.compile(
    r"\b(?:that|whether|if|had|has|have|was|were|is|are|will|would|could|can|might|should|must|did|does|do|may)\b"
    r"|[“\"«:]|n[’']t\b"
)
#: Words between a fronted date and its speech verb that show another clause in between.
_OTHER_CLAUSE: Final = re.compile(
    r"\b(?:had|has|have|was|were|is|are|will|would|could|can|and|but|when|after|before|[a-z]+ed)\b"
)
#: "that" as a pronoun, not opening a clause: before a preposition or a date ("may double that by spring").
_THAT_PRONOUN: Final = r"(?!(?:by|in|on|at|for|until|before|after|during|from|to|next|this|last)\b)"
_OPENS: Final = re.compile(rf"\bthat\s+{_THAT_PRONOUN}|\bwhether\s+|:\s*")
_RELATIVE: Final = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|could|can)\b")  # not "his"
#: Where a clause starts: a mark, or "that" opening one ("said that troops ...").
_BOUNDARY: Final = re.compile(rf"[,;:\u2013\u2014(]\s*|\bthat\s+{_THAT_PRONOUN}")
#: Words before a date, in its clause, that say it is still to come (read forward): the future, a plan, a modal.
_FUTURE_CUES: Final = (
    r"will", r"shall",
    r"(?:is|are|was|were) (?:to|due to|set to|expected to|scheduled to|going to|slated to|likely to)",
    r"set (?:to|for)", r"due(?! to\b)", r"scheduled", r"slated", r"plans? to", r"planned to", r"expected to",
    r"upcoming", r"forthcoming", r"next(?! to\b)",
    r"(?:may|might|could) (?!have\b|not have\b|well have\b)\w+",  # "may be rotated", "could rise" ("may have" is past)
)  # fmt: skip
_FUTURE: Final = re.compile(rf"\b(?:{'|'.join(_FUTURE_CUES)})\b|[’']ll\b")
_ACCORDING: Final = re.compile(r"\baccording to (?P<who>.+?)(?=[,;:]\s|[.!?][\"”’]*\s*$|$)", re.IGNORECASE)
_DATELINE: Final = re.compile(r"^[A-Z][A-Z .']+\s*[-\u2013\u2014]\s*")
#: Words before "report(s) that" that make it a noun ("amid reports that", "media reports that").
_NOT_A_REPORTER: Final = re.compile(
    r"\b(?:amid|the|a|of|from|with|to|by|in|on|media|news|press|and|these|those|such|recent|unconfirmed|"
    r"earlier|multiple|several|many)\s+$|,\s*$"
)
#: Words that open a sentence's introduction ("In a video address on October 13, Zelensky said ...").
_INTRODUCTION: Final = frozenset(
    {"in", "on", "at", "during", "after", "before", "since", "as", "by", "from", "with", "amid", "despite",
     "earlier", "later", "last", "this", "however", "meanwhile", "following", "over", "until", "within"}
)  # fmt: skip
_PRONOUNS: Final = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which"})
#: Longest speaker, in words: longer runs are not a name but a clause.
_SPEAKER_WORDS: Final = 10
_TRAILING_WORDS: Final = 6
#: Words that start a speaker who is not named ("the ministry", "another person").
_DETERMINERS: Final = frozenset(
    {"the", "a", "an", "another", "some", "two", "three", "several", "many", "its", "their", "his", "her", "our"}
)
#: A speaker in plain words ("officials", "western diplomats") is a plural noun of at most this many words.
_PLAIN_SPEAKER_WORDS: Final = 3
_VERBS_IN_S: Final = frozenset({"was", "has", "is", "does", "says", "as", "this", "thus", "its"})
#: What may follow the verb of a closing attribution: its date or where it was said (", the union said on Monday.").
_AFTER_CLOSING: Final = frozenset(
    {"on", "in", "at", "during", "last", "this", "earlier", "later", "yesterday", "today", "reporters",
     "late", "early", "recently", "previously", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday"}
)  # fmt: skip


def attributions(sentence: str) -> list[Attribution]:
    """The speech verbs of ``sentence``, in order, each with its speaker."""
    found = []
    for match in _VERBS.finditer(sentence):
        if match[0].startswith("report") and _NOT_A_REPORTER.search(sentence, 0, match.start()):
            continue  # "amid reports that", "media reports that": a noun
        speaker = _speaker(sentence, match.start())
        at = sentence.rfind(speaker, 0, match.start()) if speaker else -1
        found.append(Attribution(match[0], match.start(), match.end(), speaker, at))
    if found:
        last = found[-1]
        comma = sentence.rfind(", ", 0, last.start)
        after = sentence[last.end :].strip(' .!?"”’').split()
        closes = not after or (len(after) <= 4 and after[0].lower() in _AFTER_CLOSING)
        clause = sentence[comma : last.start]
        short = len(clause.split()) <= _TRAILING_WORDS and _RELATIVE.search(clause) is None
        if comma > 0 and short and closes:
            found[-1] = attrs.evolve(last, trailing=comma)
    return found


def _speaker(sentence: str, verb: int) -> str:
    """Who speaks: the words before the verb, back to the clause's start (the one before, for an appositive)."""
    before = sentence[:verb].rstrip()
    pieces = re.split(r"[,;:]\s|[“”\"]\s*", before)
    words = ""
    for piece in reversed(pieces):
        words = piece.strip(" ,“”\"'‘’-\u2013\u2014•*")
        if words:
            break
    words = _DATELINE.sub("", words)
    words = re.sub(r"^(?:and|but|so|then)\s+", "", words)
    words = re.sub(r"(?:\s+[a-z]+ly)+$", "", words)  # "Bloomberg previously"
    count = len(words.split())
    if not count or count > _SPEAKER_WORDS or words.lower() in _PRONOUNS:
        return ""
    first, last = words.split()[0], words.split()[-1]
    named = words[:1].isupper() or first in _DETERMINERS
    plural = count <= _PLAIN_SPEAKER_WORDS and last.endswith("s") and last not in _VERBS_IN_S
    return words if named or plural else ""


def role_of(sentence: str, start: int, end: int, found: list[Attribution]) -> PhraseRole:
    """What the date phrase ``sentence[start:end]`` dates, given the sentence's speech verbs ``found``."""
    if not found:
        return PhraseRole(Role.OCCURRENCE)
    closing = found[-1]
    if closing.trailing >= 0:
        if end <= closing.trailing:
            return PhraseRole(Role.OCCURRENCE, closing)
        if start >= closing.trailing:
            return PhraseRole(Role.REPORT, closing)
    before = [verb for verb in found if verb.end <= start and verb.trailing < 0]
    if before:
        verb = before[-1]
        opened = _COMPLEMENT.search(sentence, verb.end, start)
        if opened is None:
            return PhraseRole(Role.REPORT, verb)
        return PhraseRole(Role.OCCURRENCE, verb, _clause_after(sentence, verb.end, start))
    verb = next(verb for verb in found if verb.start >= end)
    between = sentence[end : verb.start]
    if len(between.split()) <= 1 and "," not in between:
        return PhraseRole(Role.REPORT, verb)  # "The Pentagon on Monday said"
    fronted = _introduces(sentence[:start]) and between.lstrip().startswith(",")
    if fronted and _OTHER_CLAUSE.search(between) is None and len(between.split()) <= 12:
        return PhraseRole(Role.REPORT, verb)  # "On October 18, South Korea’s NIS said"
    return PhraseRole(Role.UNCLEAR, verb)


def _introduces(before: str) -> bool:
    """Whether the words before a phrase are none, or the start of an introduction ("In a video address")."""
    words = before.split()
    return not words or ("," not in before and words[0].lower() in _INTRODUCTION)


def _clause_after(sentence: str, verb_end: int, phrase: int) -> int:
    """Where the reported clause holding a phrase starts: after its "that" (or "whether", a colon), else the verb.

    The last such word before the phrase outside a quotation counts, unless it opens a relative clause
    ("a region that was invaded in August").
    """
    starts = [
        match.end()
        for match in _OPENS.finditer(sentence, verb_end)  # to the end: "that" is read with what follows it
        if match.end() <= phrase
        and not in_quotation(sentence, match.start())
        and not _RELATIVE.match(sentence, match.end())
    ]
    return starts[-1] if starts else verb_end


def tense_of(sentence: str, start: int, clause: int = 0) -> Tense:
    """FUTURE where the phrase's clause says so before it, else PAST.

    The words that say so are :data:`_FUTURE_CUES`: "will", "is to", "plans to", "set for", "due", "scheduled",
    "next", "upcoming", and a modal before its verb ("may be rotated", "could rise").
    """
    begin = clause
    for boundary in _BOUNDARY.finditer(sentence, clause):  # to the end: "that" is read with what follows it
        if boundary.end() > start:
            break
        begin = boundary.end()
    return Tense.FUTURE if _FUTURE.search(sentence, begin, start) else Tense.PAST


def according_to(sentence: str) -> str:
    """Who the sentence says its claim is according to ("according to German officials"), or ""."""
    match = _ACCORDING.search(sentence)
    return match["who"].strip(' "”’') if match else ""


def in_quotation(sentence: str, position: int) -> bool:
    """Whether ``position`` lies inside a direct quotation of the sentence (between “ and ”, or straight quotes)."""
    before = sentence[:position]
    curly = before.count("“") + before.count("«") > before.count("”") + before.count("»")
    return curly or before.count('"') % 2 == 1
