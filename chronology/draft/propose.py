"""Proposing events from an article: one per date phrase, each cited, titled and tagged as a draft.

For each sentence, each date phrase that :func:`chronology.notation.find.find_dates`
reads proposes an event:

* ``when`` is the phrase as written; a relative one ("on Monday") is read
  from the article's date (``anchor`` = its source), or, inside what a
  statement reports, from the statement's own date when the sentence gives
  one ("Three weeks ago, X said ... on October 3": October 3 is read from
  three weeks before the article). A phrase of a clause that says "will" (or
  "is to", "plans to") is read forward (``tense = "future"``).
* its citation quotes the sentence; its title is the sentence, or the
  reported clause that holds the phrase, cut at a clause boundary
  (:func:`chronology.draft.titles.cut_title`), a fronted date left out.
* it is tagged ``draft``; a statement's date ("said on Monday") makes a
  ``statement`` that ``reports`` the events its reported clause dates
  (:mod:`chronology.draft.roles`); where the sentence does not show which,
  a comment says so.

Figures become claims (:mod:`chronology.draft.claims`) of the statement that
gives them, or of the article's own event: a dated article is itself an
event, a ``report`` on its publication date, quoting its first sentence.

"since X" after "first" or "last" in its clause ("the first talk since
December 2022") dates the earlier event, X, not a period lasting from X: it is
drafted as X, with a comment.

A date in a side clause dates what that clause tells: after a conjunction
and its subject ("..., after Moscow and Pyongyang signed a pact in June") the
event's title is that clause; in a relative clause ("the Kursk region, which
was invaded by Kyiv's forces in August") a comment says so. A side clause
opened by "after", "before", "until" or "since" (each language's
``side_order``) says which came first: the main clause's event, where the
sentence dates it, is linked ``after`` (or ``before``) the side clause's and
titled without it; where it does not, a comment says so.

A statement that would be titled as the article's own event (an article
without a headline opening with it), or as the event it reports ("Drones
struck the port overnight, the governor said early on Monday"), is titled by
who says what ("Kim says ...", "The governor says drones struck ...",
"Песков: ...").

"in 24 hours" is a date only in a clause read forward ("will meet in 3
days"); in one that tells the past ("24 people died in 24 hours") it is how
long something took, kept as a comment.

Nothing is dropped silently: a phrase the reader refuses, a phrase read from
another event ("days after"), a relative phrase in an undated article or
inside a quotation whose date the sentence does not give, and a figure no
dated event can hold, are each kept as a :class:`Leftover`, written as a
comment with its sentence.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence
from typing import Final, Literal

import attrs

from chronology.compare import sort_key
from chronology.consistency import certainly_after
from chronology.dates import DateValue, Endpoint, Interval, UncertainDate
from chronology.draft.article import Article
from chronology.draft.claims import Figure, find_figures
from chronology.draft.cues import Language, patterns
from chronology.draft.language import detect_language, grammar_for
from chronology.draft.roles import (
    Attribution,
    PhraseRole,
    Role,
    SideClause,
    attributions,
    claimant,
    in_quotation,
    role_of,
    side_clause,
    tense_of,
)
from chronology.draft.sentences import Sentence, split_sentences
from chronology.draft.slugs import slug
from chronology.draft.titles import cut_title, with_speaker
from chronology.errors import ChronologyError
from chronology.events import Citation, Claim, Event, Source
from chronology.notation import parse_expression
from chronology.notation.english import Grammar
from chronology.notation.find import FROM_EVENT, SPAN_WORDS, DatePhrase, find_dates
from chronology.notation.quantity import parse_quantity
from chronology.relative import RelativeDate, Tense

__all__ = ["DRAFT_TAG", "ArticleDraft", "Leftover", "Proposal", "draft_article"]

#: The tag every proposed event carries until it is reviewed.
DRAFT_TAG: Final = "draft"


@attrs.frozen(kw_only=True)
class Proposal:
    """A proposed event, with what the draft says about it.

    Attributes:
        event: the event.
        phrase: the date phrase as written (for the article's own event, its date as written).
        note: a comment for its ``when``: the date as read, and from what.
        comments: comment lines for the event (what the sentence leaves open).
        place: (sentence number, position in the sentence): the order of the text.

    """

    event: Event
    phrase: str
    note: str = ""
    comments: tuple[str, ...] = ()
    place: tuple[int, int] = (0, 0)

    @property
    def quote(self) -> str:
        """The sentence the event cites."""
        return self.event.citations[0].quote if self.event.citations else ""


@attrs.frozen(kw_only=True)
class Leftover:
    """Something the text says that the draft could not make an event of, kept as a comment.

    Attributes:
        sentence: the sentence, as written.
        phrase: the date phrase or figure concerned.
        why: why it is not an event.

    """

    sentence: str
    phrase: str
    why: str


@attrs.frozen(kw_only=True)
class ArticleDraft:
    """What one article proposes: its source, its events (in the order of their dates), and what is left over."""

    article: Article
    source: Source
    proposals: tuple[Proposal, ...]
    leftovers: tuple[Leftover, ...]


def draft_article(
    article: Article, *, published: UncertainDate | None = None, language: Language | None = None
) -> ArticleDraft:
    """Propose the events of ``article``.

    Args:
        article: the article, read by :func:`chronology.draft.read_article`.
        published: its publication date, when given from outside (it wins
            over a date the text gives); None to take the text's, if any.
        language: ``"en"``, ``"ru"`` or ``"uk"``; None to detect it from the
            text (``chronology.draft.language.detect_language``).

    Returns:
        The article's source and its proposed events, ordered by date.

    Raises:
        DraftError: the language is to be detected, and the article is clearly
            in one a draft does not read (German, Polish...): an
            ``UnsupportedLanguageError`` naming it.
        MissingExtraError: the language is to be detected, or is Russian or
            Ukrainian, and the ``draft`` extra is not installed.

    """
    chosen = language if language is not None else detect_language(article.body_text, article.name)
    return _Drafter(article, published, chosen, grammar_for(chosen)).draft()


#: Words of a phrase read from another event the sentence tells, not from the article ("days after", "that day").
_FROM_ANOTHER_EVENT: Final = re.compile(
    r"\b(?:before|after|later|earlier)$|\bthat (?:day|morning|afternoon|evening|night)\b|\bthe same day\b"
    r"|\bthe (?:day|week|month|year) (?:before|after)\b(?! yesterday| tomorrow)|\bthe (?:next|following|previous) \w+",
    re.IGNORECASE,
)
#: An introduction before a sentence's subject: "In a video address on October 13, ", "However, ".
_INTRODUCTION: Final = re.compile(
    r"(?:(?:In|On|At|During|After|Before|Since|As of|As|By|From|With|Amid|Despite|According to|For|Following|"
    r"Within|Over|Until)\s[^,]{1,60}|However|Meanwhile|Moreover|Instead|Still|Yet|If confirmed|In return|Earlier|"
    r"Later),\s+"
)
#: "in 24 hours", "within three days": a time from now where the clause points forward, else how long it took.
_SPAN_OF_TIME: Final = re.compile(
    r"(?:in|within)\s+(?:(?:about|around|some|nearly|almost|just|only|under|over|less than|more than)\s+)?"
    r"(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|a hundred|(?:a )?few|several|a couple of)(?:[\s-]+(?:and a half|full|more|whole|long))?\s+"
    r"(?:second|minute|hour|day|week|fortnight|month|year|decade)s?",
    re.IGNORECASE,
)
_SHORTEST_TITLE: Final = 20
#: A sentence that opens with what someone said, in quotation marks.
_QUOTED_FIRST: Final = re.compile(r"[^“\"]{0,60}[“\"]")
_EVENT_WORDS: Final = 5
_EVENT_ID_LENGTH: Final = 40


@attrs.define
class _Drafter:
    """Drafts one article: the state of one pass over its sentences."""

    article: Article
    given: UncertainDate | None
    language: Language
    grammar: Grammar
    proposals: list[Proposal] = attrs.Factory(list)
    leftovers: list[Leftover] = attrs.Factory(list)
    undated_claims: list[Claim] = attrs.Factory(list)
    seen: set[tuple[str, str]] = attrs.Factory(set)  # (sentence, phrase) of each proposal made
    side_events: set[str] = attrs.Factory(set)  # ids of the events a side clause dates: no claims, not reported
    # the events a side clause of order dates ("after talks collapsed on Tuesday"): its order and the clause
    side_orders: dict[str, tuple[Literal["after", "before"], SideClause]] = attrs.Factory(dict)
    said: dict[tuple[int, int], str] = attrs.Factory(dict)  # each statement's place: who says what, as a title
    previous: str = ""  # the sentence before the one drafted ("Про це повідомили ...": what it told)
    # who spoke last by name, and in which sentence: whom a pronoun speaker of the next ("He added ...") stands for
    last_speaker: tuple[int, str] = (-1, "")
    undated_notes: list[str] = attrs.Factory(list)  # comments on the claims the article's own event holds

    @property
    def published(self) -> UncertainDate | None:
        """The article's date: the one given (refined by a dateline's day without its year), else its text's."""
        if self.given is not None:
            own = self.article.dated
            if own is not None and self.given.earliest <= own.earliest and own.latest <= self.given.latest:
                return own  # the text's own date, within the one given: the sharper of the two
            return self.article.day_in(self.given) or self.given
        return self.article.dated

    @property
    def source_id(self) -> str:
        return self.article.source_id

    def draft(self) -> ArticleDraft:
        sentences = split_sentences(self.article.body_text, self.language)
        if self.article.headline:  # its dates, kept in comments: the body's sentences are the events' quotes
            for phrase in find_dates(self.article.headline, self.grammar):
                self._leave(self.article.headline, phrase.text, _IN_HEADLINE)
        for number, sentence in enumerate(sentences):
            self._sentence(number, sentence)
        title, title_note = self._title(sentences)
        source = Source(
            id=self.source_id,
            outlet=self.article.outlet,
            title=title,
            authors=self.article.authors,
            published=self.published,
            url=self.article.url,
            note=self._note(title_note),
        )
        if self.published is not None and sentences:
            self._article_event(title, sentences[0].text)
            self._titled_apart(title)
        else:
            self.leftovers.extend(
                Leftover(sentence=claim.quote, phrase=claim.value.text, why=_NO_HOLDER) for claim in self.undated_claims
            )
        proposals = sorted(self.proposals, key=lambda p: (sort_key(p.event.when), p.place))
        return ArticleDraft(
            article=self.article, source=source, proposals=tuple(proposals), leftovers=tuple(self.leftovers)
        )

    # -- one sentence ---------------------------------------------------------------------------

    def _sentence(self, number: int, sentence: Sentence) -> None:
        text = sentence.text
        phrases = find_dates(text, self.grammar)
        verbs = attributions(text, self.language, [(phrase.start, phrase.end) for phrase in phrases])
        roles = [role_of(text, phrase.start, phrase.end, verbs, self.language) for phrase in phrases]
        drafted: list[tuple[PhraseRole, Proposal]] = []
        statements: dict[Attribution, Proposal] = {}
        # statements first: what they report may be read from their dates
        for index in sorted(range(len(phrases)), key=lambda i: roles[i].role is not Role.REPORT):
            left = len(self.leftovers)
            proposal = self._phrase(number, text, phrases, index, roles[index], statements)
            if proposal is None and len(self.leftovers) == left and (text, phrases[index].text) not in self.seen:
                self._leave(text, phrases[index].text, _NOT_DRAFTED)  # never dropped silently
            if proposal is None:
                continue
            drafted.append((roles[index], proposal))
            attribution = roles[index].attribution
            if roles[index].role is Role.REPORT and attribution is not None:
                statements.setdefault(attribution, proposal)
        drafted = self._linked(drafted, statements)
        drafted = self._ordered(text, phrases, drafted)
        by_place = {proposal.place: proposal for _, proposal in drafted}
        statements = {verb: by_place.get(proposal.place, proposal) for verb, proposal in statements.items()}
        self.proposals.extend(proposal for _, proposal in drafted)
        self._claims(number, text, phrases, verbs, statements, [proposal for _, proposal in drafted])
        named = [claimant(verb.speaker, self.language) for verb in verbs]
        if any(named):
            self.last_speaker = (number, next(name for name in reversed(named) if name))
        self.previous = text

    def _phrase(
        self,
        number: int,
        text: str,
        phrases: Sequence[DatePhrase],
        index: int,
        role: PhraseRole,
        statements: dict[Attribution, Proposal],
    ) -> Proposal | None:
        phrase = phrases[index]
        if (text, phrase.text) in self.seen:
            return None  # the same sentence and phrase again (a sentence repeated): the same event
        if phrase.reading is None and phrase.refusal == FROM_EVENT:
            self._leave(text, phrase.text, _FROM_EVENT)  # "накануне", as English "the day before"
            return None
        if phrase.reading is None:
            self._leave(text, phrase.text, f"not read as a date: {phrase.refusal}")
            return None
        reading = phrase.reading
        comments: list[str] = []
        earlier = _earlier_event(text, phrase)
        if earlier is not None:
            reading = earlier
            comments.append(_FIRST_SINCE.format(phrase=phrase.text, date=phrase.text.split(" ", 1)[1]))
        note = ""
        anchor: str | None = None
        tense = Tense.PAST
        value: DateValue
        if isinstance(reading, RelativeDate):
            if _FROM_ANOTHER_EVENT.search(phrase.text):
                self._leave(text, phrase.text, _FROM_EVENT)
                return None
            quoted = in_quotation(text, phrase.start)
            statement = self._statement_for(role, statements, quoted)
            base: DateValue
            if statement is not None and isinstance(statement.event.when, UncertainDate):
                anchor, base = statement.event.id, statement.event.when
                read_from = f"from the statement's date ({statement.phrase})"
            elif quoted:
                self._leave(text, phrase.text, _IN_QUOTATION)
                return None
            elif self.published is not None:
                anchor, base = self.source_id, self.published
                read_from = "from the article's date"
            else:
                self._leave(text, phrase.text, _UNDATED)
                return None
            tense = tense_of(text, phrase.start, role.clause, self.language, phrase.end)
            if tense is not Tense.FUTURE and _SPAN_OF_TIME.fullmatch(phrase.text):
                self._leave(text, phrase.text, _HOW_LONG)  # "24 people died in 24 hours"
                return None
            try:
                value = reading.resolve(base, tense=tense)
            except ChronologyError as error:
                self._leave(text, phrase.text, f"not read from its anchor: {error}")
                return None
            ahead = ", as still to come" if tense is Tense.FUTURE else ""
            note = f"{value.label}, read {read_from}{ahead}"
        else:
            value = reading
            tense = tense_of(text, phrase.start, role.clause, self.language, phrase.end)
            if tense is Tense.PAST and self.published is not None and certainly_after(value, self.published):
                self._leave(text, phrase.text, _TOLD_EARLY)  # "met on 3 December" in an article of 4 November
                return None
        if earlier is None and isinstance(value, Interval) and value.end is Endpoint.OPEN:
            comments.append(_SINCE.format(phrase=phrase.text))
        if role.role is Role.UNCLEAR and role.attribution is not None:
            comments.append(_UNCLEAR.format(phrase=phrase.text, verb=role.attribution.verb))
        as_of = patterns(self.language).as_of.search(text, 0, phrase.start)
        if as_of is not None:  # "станом на 1 жовтня": the reader reads "на 1 жовтня"
            comments.append(_AS_OF.format(phrase=phrase.text, written=text[as_of.start() : phrase.end]))
        title = self._event_title(text, phrases, role, self.language)
        side = (
            side_clause(text, phrase.start, phrase.end, role.clause, self.language)
            if role.role is Role.OCCURRENCE or (role.role is Role.UNCLEAR and role.clause == 0)
            else None
        )
        if role.role is Role.REPORT and self.previous and patterns(self.language).anaphora.match(text):
            title = cut_title(self.previous, self.language)  # "Про це у вівторок повідомили ...": what it told
            comments.append(_ANAPHORA.format(phrase=phrase.text))
        if side is not None:  # "after Moscow and Pyongyang signed a pact in June", "подписанный в июне"
            comments.append(_SIDE_CLAUSE.format(phrase=phrase.text))
            if len(side.text) >= _SHORTEST_TITLE:
                title = cut_title(side.text, self.language, [p.text for p in phrases])
        event = Event(
            id=_event_id(title, self.source_id, text, phrase.text),
            title=title,
            when=value,
            anchor=anchor,
            tense=tense if tense is Tense.FUTURE else Tense.PAST,
            kind="statement" if role.role is Role.REPORT else "",
            tags=(DRAFT_TAG,),
            citations=(Citation(source=self.source_id, quote=text),),
        )
        self.seen.add((text, phrase.text))
        if role.role is Role.REPORT and role.attribution is not None:
            said = _said(text, phrases, role.attribution, self.language, self._lower_words)
            if said:
                self.said[(number, index)] = said
        if side is not None:
            self.side_events.add(event.id)
            order = patterns(self.language).cues.side_order.get(side.opening)
            if order is not None:
                self.side_orders[event.id] = (order, side)
        return Proposal(event=event, phrase=phrase.text, note=note, comments=tuple(comments), place=(number, index))

    @staticmethod
    def _statement_for(role: PhraseRole, statements: dict[Attribution, Proposal], quoted: bool) -> Proposal | None:
        """The statement of the sentence a phrase is read from: the one that reports it, or (quoted) the first."""
        if role.role is Role.OCCURRENCE and role.attribution in statements:
            return statements[role.attribution]
        if quoted and statements:
            return next(iter(statements.values()))
        return None

    @staticmethod
    def _event_title(text: str, phrases: Sequence[DatePhrase], role: PhraseRole, language: Language) -> str:
        """The sentence (from its speaker, after a quotation), or the reported clause that holds the phrase.

        A fronted date or introduction ("On October 18,", "In a video address on October 13,") is left out.
        A title that would be the attribution alone ("The Pentagon said on Monday") says what was said
        instead: the reported clause.
        """
        attribution = role.attribution
        keep = [phrase.text for phrase in phrases]  # no title is cut through a date
        if role.role is Role.OCCURRENCE and role.clause > 0:
            clause = text[role.clause : role.clause_end if role.clause_end >= 0 else None].strip(" ,")
            if role.clause_end >= 0:  # a Korean reported clause: without the statement's date before it
                opening = next((p for p in phrases if p.start == role.clause and p.end < role.clause_end), None)
                if opening is not None and text[opening.end : opening.end + 1].isspace():
                    clause = text[opening.end : role.clause_end].strip(" ,")
            if len(clause) >= _SHORTEST_TITLE:
                return cut_title(clause, language, keep)
        elif (
            role.role is Role.REPORT
            and attribution is not None
            and _QUOTED_FIRST.match(text)
            and _SHORTEST_TITLE < attribution.speaker_start < attribution.start
        ):
            return cut_title(
                text[attribution.speaker_start :], language, keep
            )  # "“...,” Xi told Biden at talks Saturday"
        if role.role is Role.REPORT and attribution is not None:
            # what was said: the clause a parenthetical verb reports ("Как сообщил X на прошлой неделе, ..."),
            # or the one before a closing verb ("..., повідомив у неділю міністр оборони Рустем Умєров")
            reported = text[attribution.reported :].strip(" ,") if attribution.reported > 0 else ""
            before = text[: attribution.trailing].rstrip(" ,") if attribution.trailing > 0 else ""
            if len(reported) >= _SHORTEST_TITLE:
                return cut_title(reported, language, keep)
            if len(before) >= _SHORTEST_TITLE:
                return _Drafter._sentence_title(before, phrases, language)
        title = _Drafter._sentence_title(text, phrases, language)
        if role.role is Role.REPORT and attribution is not None and attribution.trailing < 0:
            said = _reported_clause(text, attribution, phrases, language)
            if said is not None and (
                _only_attribution(title, text, attribution, phrases)
                or _before_what_was_said(title, text, said, language)
            ):
                # who says what ("The Financial Times reports Pyongyang has supplied ...", "The Pentagon says it
                # is ..."), else what was said, its pronoun for the speaker named ("The Pentagon is ...")
                english = _said(text, phrases, attribution, language) if language == "en" else ""
                return english or cut_title(with_speaker(said, attribution.speaker, language), language, keep)
        return title

    @staticmethod
    def _sentence_title(text: str, phrases: Sequence[DatePhrase], language: Language) -> str:
        """The sentence cut as a title, a fronted date or introduction left out."""
        keep = [phrase.text for phrase in phrases]  # no title is cut through a date
        start = 0
        for _ in range(2):
            fronted = _INTRODUCTION.match(text, start) or patterns(language).title_opening.match(text, start)
            dated = next((p for p in phrases if p.start == start and text.startswith(",", p.end)), None)
            if dated is not None:
                start = dated.end + 1
            elif fronted is not None:
                start = fronted.end()
            start += len(text[start:]) - len(text[start:].lstrip())
        rest = text[start:].strip()
        return cut_title(rest if len(rest) >= _SHORTEST_TITLE else text, language, keep)

    def _linked(
        self, drafted: list[tuple[PhraseRole, Proposal]], statements: dict[Attribution, Proposal]
    ) -> list[tuple[PhraseRole, Proposal]]:
        """The proposals, each statement given ``reports`` for the events its reported clause dates."""
        reported: dict[str, list[str]] = {}
        for role, proposal in drafted:
            statement = statements.get(role.attribution) if role.attribution is not None else None
            if role.role is not Role.OCCURRENCE or statement is None or statement is proposal:
                continue
            if proposal.event.id in self.side_events:
                continue  # "..., a region that was invaded in August": not what the statement says
            if _may_come_first(proposal.event.when, statement.event.when):
                reported.setdefault(statement.event.id, []).append(proposal.event.id)
        return [
            (role, attrs.evolve(p, event=attrs.evolve(p.event, reports=tuple(reported[p.event.id]))))
            if p.event.id in reported
            else (role, p)
            for role, p in drafted
        ]

    def _ordered(
        self, text: str, phrases: Sequence[DatePhrase], drafted: list[tuple[PhraseRole, Proposal]]
    ) -> list[tuple[PhraseRole, Proposal]]:
        """The proposals, the main clause's events linked to the side clauses that say what they came after or before.

        "Lawmakers voted on Thursday ... after talks collapsed on Tuesday": the vote (Thursday) is drafted with
        ``after`` the collapse (Tuesday), and its title leaves the side clause out. Where the main clause has no
        date of its own ("Lawmakers voted ... after talks collapsed on Tuesday"), a comment on the side clause's
        event says what came after it, to be drafted by hand.
        """
        sides = [(role, proposal) for role, proposal in drafted if proposal.event.id in self.side_orders]
        if not sides:
            return drafted
        linked: set[str] = set()
        renamed: dict[str, str] = {}  # a title without its side clause is an id of its words
        result = []
        for role, proposal in drafted:
            event = proposal.event
            if event.id in self.side_events:
                result.append((role, proposal))
                continue
            at = phrases[proposal.place[1]].start
            links: dict[str, list[str]] = {"after": [], "before": []}
            title = event.title
            for side_role, side in sides:
                order, clause = self.side_orders[side.event.id]
                if side_role.clause != role.clause or clause.start <= at < clause.end:
                    continue  # another clause's side clause, or a date inside it
                links[order].append(side.event.id)
                linked.add(side.event.id)
                title = _without_side(title, text[clause.start : clause.end])
            if title != event.title:
                renamed[event.id] = _event_id(title, self.source_id, text, proposal.phrase)
            event = attrs.evolve(
                event,
                title=title,
                after=(*event.after, *links["after"]),
                before=(*event.before, *links["before"]),
            )
            result.append((role, attrs.evolve(proposal, event=event)))
        result = [(role, _renamed(proposal, renamed)) for role, proposal in result]
        for index, (role, proposal) in enumerate(result):
            if proposal.event.id not in self.side_orders or proposal.event.id in linked:
                continue
            order, clause = self.side_orders[proposal.event.id]
            main = _without_side(text.strip().rstrip(".!?"), text[clause.start : clause.end])
            comment = _SIDE_ORDER.format(
                phrase=proposal.phrase, opening=clause.opening, main=cut_title(main, self.language), order=order
            )
            result[index] = (role, attrs.evolve(proposal, comments=(*proposal.comments, comment)))
        return result

    def _claims(
        self,
        number: int,
        text: str,
        phrases: Sequence[DatePhrase],
        verbs: Sequence[Attribution],
        statements: dict[Attribution, Proposal],
        drafted: Sequence[Proposal] = (),
    ) -> None:
        """The sentence's figures, as claims of its statement, or of the article's own event."""
        figures = find_figures(text, skip=[(p.start, p.end) for p in phrases], speakers=verbs, language=self.language)
        if not figures:
            return
        stand_in = self._stand_in(number, text, verbs)
        if stand_in is not None:
            figures = [attrs.evolve(f, claimant=f.claimant or stand_in[1]) for f in figures]
        # the sentence's statement, else the first event the sentence itself dates; the article's own event only
        # where the sentence dates none
        # (a side clause's event holds none: "sent 10,000 troops to Kursk, where ... since August")
        main = [proposal for proposal in drafted if proposal.event.id not in self.side_events]
        holder = next(iter(statements.values()), None) or next(iter(main), None)
        claims = []
        for figure in figures:
            if not figure.counted:
                self._leave(text, figure.value, _UNCOUNTED)
                continue
            claim = self._claim(text, figure)
            if claim is not None:
                claims.append(claim)
        notes = (
            [_STAND_IN.format(pronoun=stand_in[0], speaker=stand_in[1])]
            if stand_in is not None and any(claim.claimant == stand_in[1] for claim in claims)
            else []
        )
        if holder is None:
            self.undated_claims.extend(claims)
            self.undated_notes.extend(notes)
            return
        index = next(i for i, p in enumerate(self.proposals) if p.event.id == holder.event.id)
        event = self.proposals[index].event
        comments = (*self.proposals[index].comments, *notes)
        self.proposals[index] = attrs.evolve(
            self.proposals[index], event=attrs.evolve(event, claims=(*event.claims, *claims)), comments=comments
        )

    def _stand_in(self, number: int, text: str, verbs: Sequence[Attribution]) -> tuple[str, str] | None:
        """The pronoun a speech verb of the sentence has for speaker ("he added"), and whom it stands for.

        That is the speaker named last, in this sentence or the one before it ("Zelensky said ... He added
        that ..."); None where no verb has a pronoun for speaker, or no one was named so close.
        """
        sentence, named = self.last_speaker
        if not named or sentence < number - 1:
            return None
        pronouns = patterns(self.language).pronouns
        for verb in verbs:
            if verb.speaker:
                continue
            near = [*text[: verb.start].split()[-1:], *text[verb.end :].split()[:1]]
            for word in near:
                if word.strip(_PUNCTUATION).lower() in pronouns:
                    return word.strip(_PUNCTUATION), named
        return None

    def _claim(self, text: str, figure: Figure) -> Claim | None:
        try:
            value = parse_quantity(figure.english)
        except ChronologyError as error:
            self._leave(text, figure.value, f"a figure not read: {error}")
            return None
        return Claim(
            subject=figure.subject or figure.unit or figure.value,
            value=value,
            unit=figure.unit,
            claimant=figure.claimant,
            source=self.source_id,
            quote=text,
        )

    def _leave(self, sentence: str, phrase: str, why: str) -> None:
        self.leftovers.append(Leftover(sentence=sentence, phrase=phrase, why=why))

    # -- the article itself ----------------------------------------------------------------------

    def _title(self, sentences: Sequence[Sentence]) -> tuple[str, str]:
        if self.article.headline:
            return (
                self.article.headline,
                "the title is the page's" if self.article.from_page else "the title is the text's headline",
            )
        if sentences:
            return cut_title(
                sentences[0].text, self.language
            ), "no headline in the text: the title is its first sentence, cut"
        return self.source_id, "no headline or sentence in the text: the title is the file's name"

    def _note(self, title_note: str) -> str:
        name = self.article.name.replace("\\", "/").rsplit("/", 1)[-1]
        parts = [f"Drafted by chronology draft from {name}; {title_note}."]
        # where the article's own date was read: an HTML page's metadata, or the text's dateline
        origin = "the page's metadata" if self.article.dated_from == "metadata" else "the text's dateline"
        if self.given is not None:
            said = f"Published: given with the draft (--published {_written(self.given)})"
            if self.published != self.given:
                said += f", its day from {origin} ({self.article.dateline!r})"
            elif self.article.dated == self.given:
                said += f"; {origin} ({self.article.dateline!r}) gives the same date"
            elif self.article.dated is not None:
                said += f"; {origin} says {self.article.dateline!r}"
            elif self.article.day_in(self.given) is not None:
                said += f"; {origin} ({self.article.dateline!r}) names the same day"
            elif self.article.dateline:
                said += f"; {origin} {self.article.dateline!r} gives no year and is not within it"
            parts.append(said + ".")
        elif self.article.dated is not None:
            parts.append(f"Published: from {origin} ({self.article.dateline!r}).")
        else:
            dateline = f" (its dateline {self.article.dateline!r} gives no year)" if self.article.dateline else ""
            parts.append(
                f"Undated: the text gives no date{dateline} and none was given (--published); the phrases read "
                "from the article's date are kept in comments here."
            )
        return " ".join(parts)

    def _titled_apart(self, title: str) -> None:
        """A statement titled as another event (the article's own, or what it reports), titled by who says what.

        "Kim said on Friday that the bridge would be finished ..." opening an article without a headline is both
        the article's title and its statement's; "Drones struck the port overnight, the governor said early on
        Monday" titles both the strike (overnight) and the statement (early on Monday). The statement is titled by
        who says what ("Kim says the bridge would be finished ...", "The governor says drones struck the port
        overnight"), the other event keeping its title.
        """
        others = {title} | {p.event.title for p in self.proposals if p.event.kind != "statement"}
        renamed: dict[str, str] = {}  # its id, of its title's words, too (and where the others name it)
        for index, proposal in enumerate(self.proposals):
            event = proposal.event
            said = self.said.get(proposal.place, "")
            if event.kind == "statement" and event.title in others and said and said not in others:
                renamed[event.id] = _event_id(said, self.source_id, event.citations[0].quote, proposal.phrase)
                self.proposals[index] = attrs.evolve(proposal, event=attrs.evolve(event, title=said))
        self.proposals = [_renamed(proposal, renamed) for proposal in self.proposals]

    @functools.cached_property
    def _lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case somewhere: a capital only opens a sentence there ("Drones")."""
        return frozenset(re.findall(r"\b[^\W\d_A-ZА-ЯЁЄІЇҐ][\w'’-]*", self.article.body_text))

    def _article_event(self, title: str, lede: str) -> None:
        """The dated article as an event of its own: a report on its publication date, quoting its first sentence."""
        assert self.published is not None
        when = self.published
        event = Event(
            id=_event_id(title, self.source_id, lede, _written(when)),
            title=title,
            when=when,
            kind="report",
            tags=(DRAFT_TAG,),
            citations=(Citation(source=self.source_id, quote=lede),),
            claims=tuple(self.undated_claims),
        )
        note = "the article itself, on its publication date"
        self.proposals.append(
            Proposal(event=event, phrase=_written(when), note=note, place=(-1, 0), comments=tuple(self.undated_notes))
        )


_NOT_DRAFTED: Final = "found, but no event was drafted from it: draft it by hand"
_IN_HEADLINE: Final = (
    "in the headline, which is no sentence of the body: where no sentence tells the same, draft it by hand"
)
_STAND_IN: Final = (
    "{pronoun!r} is read as {speaker!r}, the speaker named last, for the claims of the sentence: check who it is"
)


_PUNCTUATION: Final = ",.;:!?\"'“”‘’«»()"
_NO_HOLDER: Final = "a figure, but no dated event of the article holds it (the article's date is unknown)"
_FROM_EVENT: Final = (
    "read from another event the sentence tells, not from the article's date: draft it by hand, "
    "with that event's id as its anchor"
)
_IN_QUOTATION: Final = (
    "inside a quotation: read from when it was said, which the sentence does not date; draft it by hand"
)
_UNCOUNTED: Final = (
    "a figure, but the sentence does not say what it counts beside it: draft it by hand as a claim of the event "
    "it belongs to"
)
_HOW_LONG: Final = (
    "how long something took, in a clause that tells the past, not a date counted from the article's: "
    "where it dates an event, write that date by hand"
)
_TOLD_EARLY: Final = (
    "a date after the article's, in a clause that tells the past: check --published, or draft it by hand "
    '(with tense = "future" if the article foresees it)'
)
_UNDATED: Final = "relative to the article's date, which is unknown: give it with --published"
_SINCE: Final = (
    "{phrase!r} lasts from then on; where the sentence dates one event at its start, write that date alone in `when`"
)
_FIRST_SINCE: Final = (
    "{phrase!r} after 'first' or 'last': drafted as the earlier event it names ({date}), not as lasting from "
    "then; the title is the sentence's, so say what happened then"
)
_ANAPHORA: Final = (
    "{phrase!r} dates a statement of what the sentence before told ('about this'): the title is that sentence's; "
    "the event it tells may be drafted from that sentence too"
)
_AS_OF: Final = (
    "{phrase!r} is written {written!r}: the date as of which what the sentence tells holds (what it counts, "
    "what is where), not when it began; the sentence may tell no event of that day"
)
_SIDE_CLAUSE: Final = (
    "{phrase!r} stands in a side clause: it dates what that clause tells (the title), not the sentence's main "
    "clause, whose figures and statement are not this event's"
)
_SIDE_ORDER: Final = (
    "{phrase!r} dates the side clause opened by {opening!r}, not the sentence's main clause ({main!r}), which came "
    "{order} it and which the sentence does not date: draft that by hand, with this event's id in its `{order}`"
)
_UNCLEAR: Final = (
    "{phrase!r} may date the statement ('{verb}') or what it tells; the sentence does not say which. "
    'Drafted as the date of what happened: if it is the statement\'s, make it kind = "statement"'
)


def _earlier_event(text: str, phrase: DatePhrase) -> DateValue | RelativeDate | None:
    """What "since X" reads as after "first" or "last" in its clause ("the first talk since December 2022"): X.

    Such a phrase dates the earlier event it names (the last talk, in December 2022), not a period lasting
    from then; None for any other phrase, or where X alone is not read.
    """
    lead, _, rest = phrase.text.partition(" ")
    if lead.lower() != "since" or not rest:
        return None
    clause = text[: phrase.start]
    clause = clause[max(clause.rfind(mark) for mark in ",;:") + 1 :]
    if not any(word in SPAN_WORDS for word in re.findall(r"[a-z]+", clause.lower())):
        return None
    try:
        return parse_expression(rest)
    except ChronologyError:
        return None


def _said(
    text: str,
    phrases: Sequence[DatePhrase],
    attribution: Attribution,
    language: Language,
    lower_words: frozenset[str] = frozenset(),
) -> str:
    """Who says what, as a title ("Kim says the bridge would be finished ...", "Песков: переговоры возможны").

    What is said is the clause the verb reports (after its "that", before a closing verb, or after a
    parenthetical one); "" where the sentence names no speaker in a few words, or says too little.
    """
    if attribution.trailing >= 0:
        what = text[: attribution.trailing]
    elif attribution.reported > 0:
        what = text[attribution.reported :]
    else:
        what = _reported_clause(text, attribution, phrases, language) or ""
    what = what.strip(" ,").rstrip(".!?").strip()
    who = attribution.speaker
    if not who and attribution.trailing < 0:
        before = text[: attribution.start].strip()
        who = before if 0 < len(before.split()) <= _SAID_BY_WORDS and not re.search(r"[,;:]", before) else ""
    if not who or len(what) < _SHORTEST_TITLE:
        return ""
    cues = patterns(language).cues
    first = what.split(" ", 1)[0]
    common = first.lower() in lower_words and not (len(first) > 1 and first.isupper())  # "drones" elsewhere: "Drones"
    if (first.lower() in (*cues.determiners, *cues.pronouns) or common) and first != "I":
        what = what[:1].lower() + what[1:]  # "The bridge ..., Kim said": "Kim says the bridge ..."
    present = cues.speech_present.get(attribution.verb.lower())
    if language == "en" and attribution.verb.lower() in _ADDRESSING and _that_after(text, attribution.end, "told"):
        present = cues.speech_present.get("said")  # "Scholz told Putin Friday ... that": "Scholz says ..."
    says = f"{who} {present} " if present else f"{who}: "
    title = cut_title(says + what, language)
    if len(title.rstrip("…")) < len(says) + _SHORTEST_TITLE:  # cut at the colon, or in the speaker's name
        title = says[:1].upper() + says[1:] + what[:1] + cut_title(what, language)[1:]
    return title


#: A speaker the sentence names without a name of its own ("He said"), in words, at most.
_SAID_BY_WORDS: Final = 3


def _renamed(proposal: Proposal, renamed: dict[str, str]) -> Proposal:
    """``proposal`` with the ids of events ``renamed`` (old id: new id), its own and those it refers to."""
    if not renamed:
        return proposal
    event = proposal.event
    return attrs.evolve(
        proposal,
        event=attrs.evolve(
            event,
            id=renamed.get(event.id, event.id),
            anchor=renamed.get(event.anchor, event.anchor) if event.anchor is not None else None,
            reports=tuple(renamed.get(other, other) for other in event.reports),
        ),
    )


def _without_side(title: str, side: str) -> str:
    """A title without the side clause ``side`` that opens or closes it ("... after talks collapsed on Tuesday")."""
    side = side.strip(" ,").rstrip(".!?")
    head = title.rstrip("…").rstrip()
    if not side:
        return title
    if head.endswith(side):
        rest = head[: -len(side)].rstrip(" ,;:\u2013\u2014")
    elif head.startswith(side):
        rest = head[len(side) :].lstrip(" ,;:\u2013\u2014")
        rest = rest[:1].upper() + rest[1:] + title[len(head) :]
    else:
        return title
    return rest if len(rest) >= _SHORTEST_TITLE else title


def _written(value: DateValue) -> str:
    """A date as the file writes it: its wording, else its EDTF."""
    return value.text or value.to_edtf()


def _may_come_first(reported: DateValue, statement: DateValue) -> bool:
    """Whether what a statement reports may start no later than the statement (so ``reports`` can hold)."""
    first = sort_key(reported)[0]
    statement_start = statement.hi if isinstance(statement, UncertainDate) else statement.start_bounds[1]
    return first <= statement_start


def _event_id(title: str, source: str, quote: str, phrase: str) -> str:
    """An id from the title's first words and a digest of what makes the event (the same source, quote and phrase)."""
    words = slug(title)[:_EVENT_WORDS]
    stem = "-".join(words)[:_EVENT_ID_LENGTH].strip("-") or "event"
    digest = hashlib.sha1(f"{source}\x00{quote}\x00{phrase}".encode(), usedforsecurity=False).hexdigest()[:6]
    return f"{stem}-{digest}"


def _reported_clause(
    text: str, attribution: Attribution, phrases: Sequence[DatePhrase], language: Language
) -> str | None:
    """What a statement says: the clause after its verb and date, from its "that" ("что", "що"), if long enough."""
    after = attribution.end
    for phrase in phrases:
        if phrase.start >= after and not text[after : phrase.start].strip(" ,"):
            after = phrase.end  # "said on Monday that": past its date
    opened = patterns(language).opens.match(text, after + len(text[after:]) - len(text[after:].lstrip(" ,")))
    start = opened.end() if opened is not None else after
    that = _that_after(text, after, attribution.verb) if opened is None and language == "en" else None
    start = that or start
    clause = text[start:].strip(" ,:")
    if opened is None and that is None and not clause[:1].isalpha():
        return None
    return clause if len(clause) >= _SHORTEST_TITLE else None


#: (English) speech verbs whose object, before their "that", is whom they address ("told Putin Friday that").
_ADDRESSING: Final = frozenset({"told", "tells", "tell", "informed", "assured", "reminded", "briefed", "warned"})
#: A reported clause's "that" a few words after its verb: after an aside (", citing Ukrainian intelligence,
#: that") or whom the verb addresses ("told Putin Friday in a rare phone call that"); not a relative "that".
_THAT_LATER: Final = re.compile(r"(?P<between>[^“”\"«».;:?!]{1,60}?)\s+that\s+(?!(?:was|were|is|are|has|had|have)\b)")


def _that_after(text: str, after: int, verb: str) -> int | None:
    """Where what a verb reports starts, after a "that" a few words after it (see ``_THAT_LATER``), else None."""
    later = _THAT_LATER.match(text, after)
    if later is None:
        return None
    between = later["between"].strip()
    aside = between.startswith(",") and between.endswith(",")
    return later.end() if aside or (verb.lower() in _ADDRESSING and "," not in between) else None


def _before_what_was_said(title: str, text: str, said: str, language: Language) -> bool:
    """Whether a title ends before what a statement says begins ("X заявил, что, по данным ГУР": before "КНДР")."""
    head = title.rstrip("…").rstrip()
    at = text.find(head[:1].lower() + head[1:]) if text.find(head) < 0 else text.find(head)
    opening = patterns(language).title_opening.match(said)
    begins = text.find(said) + (opening.end() if opening is not None else 0)
    return at >= 0 and at + len(head) <= begins


def _only_attribution(title: str, text: str, attribution: Attribution, phrases: Sequence[DatePhrase]) -> bool:
    """Whether a title is only who said it and when ("The Pentagon said on Monday"): it ends by the verb's date."""
    head = title.rstrip("…").rstrip()
    at = text.find(head)
    if at < 0:
        at = text.find(head[:1].lower() + head[1:])  # a title's first letter is made a capital
    if at < 0:
        return False
    said = attribution.end
    for phrase in phrases:
        if phrase.start >= said and not text[said : phrase.start].strip(" ,"):
            said = phrase.end  # "said on Monday": the verb's own date
    return at + len(head) <= said
