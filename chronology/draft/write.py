"""Writing a draft as an event file: a new one, or added to one, checked before anything is written.

Sources and events are written by the file layer's own writers
(:func:`chronology.files.edit.source_table`, :func:`~chronology.files.edit.event_table`),
with the draft's comments beside them: how each relative date was read (on
its ``when`` line), what a sentence leaves open (in its event), and what
could not be drafted, with its sentence (under its source). The whole text is
read back by the loader before it is written; it is written atomically under
the file's lock (:mod:`chronology.files`), so a writer that locks (``chronology
add``, another draft) waits its turn.

Adding is idempotent: an event is already in the file when one there cites
the same source with the same quote and has the same ``when`` as written, so
drafting the same article into the same file twice adds nothing the second
time. A source already in the file (by its id) is not added again; its
events refer to it.

Adding is idempotent after review too. Each source the draft writes records
what was drafted from it: its ``drafted`` key lists a short digest of (source,
quote, ``when`` as written) of each of its events (:func:`drafted_digest`).
What is recorded is never proposed again, whatever the reviewer did with it
since (removed it, rewrote its ``when`` as a date, merged it into another).
A source of an older file, without the record, keeps the rule above until
the draft adds to it; the record is then written.

A source in the file without a publication date is dated by a draft that
gives one (``--published``): its ``published`` is set in the file, and the
relative phrases its article's dates now read are drafted. A source dated
otherwise in the file is refused. The file's comments, key order and keys
unknown to the draft are kept.

Adding also keeps the draft's comments true. A source drafted undated keeps
its relative phrases in comments, and its note says it is undated; once its
date is given (by hand in the file, and with ``--published``), adding the
article again drafts those phrases as events. The comment on each phrase
whose event the file now has (the same source, its sentence as the quote,
the phrase as ``when``) is removed, and so is the comment on each figure no
dated event could hold once the file has its claim (the same source, its
sentence as the quote, the figure as its ``value``), and a note the draft wrote saying the
source is undated is replaced by the new draft's note. Comments and notes
written by hand are left as they are.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import shlex
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import rtoml
import tomlkit
from tomlkit.container import Container
from tomlkit.items import Item, Table, Whitespace

from chronology.compare import sort_key
from chronology.dates import UncertainDate
from chronology.draft.errors import DraftError
from chronology.draft.propose import ArticleDraft, Leftover, Proposal
from chronology.errors import DateParseError, FileWriteError, Problem
from chronology.events import Source
from chronology.files._atomic import remove_leftovers, write_atomic
from chronology.files._lock import FileLock, shown_path
from chronology.files.edit import EventFile, event_table, source_table
from chronology.files.load import load_text
from chronology.notation import parse

__all__ = ["DRAFTED_KEY", "Written", "drafted_digest", "write_draft"]

#: The key of a source listing the digests of what was drafted from it.
DRAFTED_KEY: Final = "drafted"
#: Hexadecimal digits of a digest in that list: enough to tell the events of one article apart.
_DIGEST: Final = 12
#: Most digests on one line of that list.
_DIGESTS_PER_LINE: Final = 6


def drafted_digest(source: str, quote: str, when: str) -> str:
    """The digest a source's ``drafted`` list records for an event drafted from it: of its source, quote and when.

    Args:
        source: the source's id.
        quote: the sentence the event quotes.
        when: its ``when`` as the file writes it.

    """
    data = "\x1f".join((source, quote, when)).encode()
    return hashlib.sha256(data, usedforsecurity=False).hexdigest()[:_DIGEST]


@attrs.frozen(kw_only=True)
class Written:
    """What writing a draft did.

    Attributes:
        path: the event file.
        events: the events added.
        present: the proposed events already in the file (not added again).
        sources: the sources added.
        leftovers: what was kept in comments instead of drafted.
        reviewed: the proposed events drafted into the file before (its sources' ``drafted`` lists record them)
            and no longer there as drafted: removed or rewritten by review, not added again.
        dated: the sources in the file without a publication date that the draft dated, with that date as
            written in the file.

    """

    path: Path
    events: int
    present: int
    sources: int
    leftovers: int
    reviewed: int = 0
    dated: tuple[tuple[str, str], ...] = ()


#: Width of comment lines.
_WIDTH: Final = 100
_HEADER: Final = (
    "A draft chronology, written by `chronology draft` from the articles named in each source's note. "
    "Every event is proposed from one sentence and tagged 'draft': check each against its quote, give it "
    "a kind, actors and places, merge the events that are one, and drop the tag. Dates are kept as the "
    "articles write them; a comment after a relative one says how it was read. Check with `chronology "
    "validate`; `chronology list` shows the chronology in order."
)


def write_draft(path: str | os.PathLike[str], drafts: Sequence[ArticleDraft], *, append: bool = False) -> Written:
    """Write ``drafts`` to the event file ``path``: a new file, or added at the end of it with ``append``.

    Raises:
        DraftError: the file exists and ``append`` is not set; or a source of
            the draft is in the file with another publication date.
        EventFileError: the file (with the draft added) has problems, or
            cannot be read or written; nothing was written.
        FileLockError: another writer held the file's lock too long.

    """
    target = Path(os.path.realpath(path))
    with FileLock(target):
        exists = target.exists()
        if exists and not append:
            raise DraftError(
                f"{os.fspath(path)} already exists: --append adds the draft to it (idempotently), or give -o a new file"
            )
        existing = EventFile.open(path).text if exists else ""
        known = _Known.of(existing, os.fspath(path))
        text, written = _text(existing, drafts, known, Path(path))
        if text == existing:
            return written
        load_text(path, text)  # the whole file, checked: raises EventFileError with every problem
        remove_leftovers(target)
        try:
            write_atomic(target, text)
        except OSError as error:
            reason = f"cannot write the draft: {error.strerror or error}; the file is left as it was"
            raise FileWriteError([Problem(reason, path=shown_path(path))]) from error
    return written


@attrs.frozen
class _Known:
    """What an event file already holds.

    Its events by (source, quote, when as written), its sources, its ids, and its claims by (source, quote,
    value as written).
    """

    events: Mapping[tuple[str, str, str], str]
    sources: Mapping[str, str | None]
    ids: frozenset[str]
    claims: frozenset[tuple[str, str, str]] = frozenset()
    recorded: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)  # each source's ``drafted`` list, if any

    @classmethod
    def of(cls, text: str, name: str) -> _Known:
        if not text.strip():
            return cls({}, {}, frozenset())
        try:
            document: dict[str, Any] = rtoml.loads(text)
        except rtoml.TomlParsingError as error:
            raise DraftError(f"{name}: is not an event file that can be added to: {error}") from None
        events: dict[tuple[str, str, str], str] = {}
        ids: set[str] = set()
        claims: set[tuple[str, str, str]] = set()
        for table in _tables(document.get("events")):
            event_id, when = table.get("id"), table.get("when")
            if isinstance(event_id, str):
                ids.add(event_id)
            for citation in _tables(table.get("citations")):
                key = (str(citation.get("source")), str(citation.get("quote", "")), str(when))
                if isinstance(event_id, str):
                    events.setdefault(key, event_id)
            for claim in _tables(table.get("claims")):
                claims.add((str(claim.get("source")), str(claim.get("quote", "")), str(claim.get("value"))))
        sources: dict[str, str | None] = {}
        recorded: dict[str, tuple[str, ...]] = {}
        for table in _tables(document.get("sources")):
            if isinstance(table.get("id"), str):
                published = table.get("published")
                sources[table["id"]] = None if published is None else str(published)
                ids.add(table["id"])
                digests = table.get(DRAFTED_KEY)
                if isinstance(digests, list):
                    recorded[table["id"]] = tuple(str(digest) for digest in digests)
        return cls(events, sources, frozenset(ids), frozenset(claims), recorded)


def _tables(value: object) -> Iterable[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(existing: str, drafts: Sequence[ArticleDraft], known: _Known, path: Path) -> tuple[str, Written]:
    """The file's text with the draft added (and its comments on what is now drafted removed), and what was added."""
    dating = {draft.source.id: draft.source.published for draft in drafts if _check_source(draft, known, path)}
    plan = _new_events(drafts, known)
    events = plan.events
    dated: list[tuple[str, str]] = []
    if existing.strip():
        drafted = set(known.events) | {_key(proposal) for proposal in events}
        claimed = set(known.claims) | {key for proposal in events for key in _claim_keys(proposal)}
        notes = {draft.source.id: draft.source.note for draft in drafts if draft.source.published is not None}
        existing = _refreshed(existing, drafted, notes, claimed)
        existing, dated = _edited_sources(
            existing, known, plan.digests, dating, {p.event.citations[0].source for p in events}
        )
    document = tomlkit.document()
    if not existing.strip():
        for line in textwrap.wrap(_HEADER, _WIDTH - 2):
            document.add(tomlkit.comment(line))
        document.add(tomlkit.nl())
    sources = tomlkit.aot()
    leftovers = 0
    for draft in drafts:
        if draft.source.id in known.sources:
            continue
        table = source_table(_iso_dated(draft.source))
        digests = plan.digests.get(draft.source.id, [])
        if digests:
            table[DRAFTED_KEY] = _digest_array(digests)
        _comment_leftovers(table, draft.leftovers)
        leftovers += len(draft.leftovers)
        sources.append(table)
    if len(sources):
        document["sources"] = sources
    if events:
        document["events"] = _event_tables(events)
    written = Written(
        path=path,
        events=len(events),
        present=plan.present,
        sources=len(sources),
        leftovers=leftovers,
        reviewed=plan.reviewed,
        dated=tuple(dated),
    )
    if not len(sources) and not events:
        return existing, written
    block = tomlkit.dumps(document)
    if not existing.strip():
        return block, written
    return existing.rstrip("\n") + "\n\n" + block, written


def _check_source(draft: ArticleDraft, known: _Known, path: Path) -> bool:
    """Whether the draft dates a source that is in the file without a publication date.

    Raises:
        DraftError: the source is in the file with another publication date than the draft's (its events would
            be misread), or with one where the draft has none.

    """
    if draft.source.id not in known.sources:
        return False
    there = known.sources[draft.source.id]
    given = draft.source.published
    if there is None:
        return given is not None  # undated in the file: the draft dates it
    try:
        same = given is not None and parse(there) == given
    except DateParseError:
        same = False
    if same:
        return False
    name = shlex.quote(draft.article.name)
    keep = f"give the file's date (--published {shlex.quote(f'{draft.article.name}={there}')})"
    if given is None:
        raise DraftError(
            f"{path}: source {draft.source.id!r} ({name}) is in the file with published = {there!r}, but this draft "
            f"has no publication date: {keep}, or remove published from the source in the file first"
        )
    now = given.text or given.to_edtf()
    raise DraftError(
        f"{path}: source {draft.source.id!r} ({name}) is in the file with published = {there!r}, but this draft has "
        f"{now!r}: its relative dates would be read from another day; {keep}, or change the source's published in "
        f"the file to {_iso(given)!r} first (its events' dates are then read from it)"
    )


def _iso(date: UncertainDate) -> str:
    """A publication date as the file writes it: ISO (EDTF), the page's wording left to the source's note."""
    return date.to_edtf()


def _iso_dated(source: Source) -> Source:
    """``source`` with its publication date written ISO ("2024-11-04"), not as its page words it."""
    if source.published is None or not source.published.text:
        return source
    return attrs.evolve(source, published=UncertainDate.parse(_iso(source.published)))


def _digest_array(digests: Sequence[str]) -> Item:
    """A ``drafted`` list: its digests a few to a line, so that it stays short."""
    lines = [
        "  " + ", ".join(f'"{digest}"' for digest in digests[start : start + _DIGESTS_PER_LINE]) + ","
        for start in range(0, len(digests), _DIGESTS_PER_LINE)
    ]
    item: Item = tomlkit.parse(f"{DRAFTED_KEY} = [\n" + "\n".join(lines) + "\n]\n")[DRAFTED_KEY]
    return item


def _insert(body: Container, index: int, key: str, item: Item) -> None:
    """Put ``key = item`` at ``index`` in a table's body (at its end where ``index`` is past it)."""
    if index < len(body.body):
        body._insert_at(index, key, item)
    else:
        body.append(key, item)


def _edited_sources(
    text: str,
    known: _Known,
    digests: Mapping[str, Sequence[str]],
    dating: Mapping[str, UncertainDate | None],
    added_to: set[str],
) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with its sources' ``drafted`` lists grown, and the undated sources the draft dates dated.

    A source's list is written where it has one, or where the draft adds events to it or dates it. The rest of
    the file (comments, key order, keys unknown to the draft) is kept as it was.

    Returns:
        The text, and the sources dated, each with its date as written in the file.

    """
    changes: dict[str, tuple[list[str] | None, str | None]] = {}
    for source, new in digests.items():
        old = known.recorded.get(source)
        wanted = list(old or ()) + [digest for digest in new if digest not in (old or ())]
        write = wanted != list(old or ()) if old is not None else (source in added_to or source in dating)
        published = dating.get(source)
        changes[source] = (wanted if write and wanted else None, None if published is None else _iso(published))
    for source, published in dating.items():
        if source not in changes and published is not None:
            changes[source] = (None, _iso(published))
    changes = {source: change for source, change in changes.items() if change != (None, None)}
    if not changes:
        return text, []
    document = tomlkit.parse(text)
    sources = document.get("sources")
    dated: list[tuple[str, str]] = []
    for table in sources if isinstance(sources, list) else []:
        if not isinstance(table, Table) or table.get("id") not in changes:
            continue
        record, date = changes[str(table["id"])]
        body = table.value
        if date is not None and "published" not in table:
            keys = [key.key if key is not None else None for key, _ in body.body]
            after = max((keys.index(key) for key in ("id", "outlet", "title", "authors") if key in keys), default=-1)
            _insert(body, after + 1, "published", tomlkit.item(date))  # where the draft writes it: after the authors
            dated.append((str(table["id"]), date))
        if record is not None:
            array = _digest_array(record)
            if DRAFTED_KEY in table:
                table[DRAFTED_KEY] = array
            else:
                # after its keys and the comments under them: nothing written there moves
                last = max(index for index, (_, item) in enumerate(body.body) if not isinstance(item, Whitespace))
                _insert(body, last + 1, DRAFTED_KEY, array)
    return document.as_string(), dated


@attrs.frozen
class _Plan:
    """What the draft adds to a file: its events, how many are there or were reviewed away, and what to record.

    ``digests``: by source id, the digests of its proposals that the file holds once the draft is added.
    """

    events: list[Proposal]
    present: int
    reviewed: int
    digests: Mapping[str, list[str]]


def _new_events(drafts: Sequence[ArticleDraft], known: _Known) -> _Plan:
    """The proposals not in the file yet, ordered by date, their ids made unique and their links to ids there.

    A proposal that a source's ``drafted`` list records is not proposed again; nor is one read from (anchored
    to) such a proposal that is no longer in the file.
    """
    renamed: dict[str, str] = {}
    fresh: list[tuple[Proposal, int]] = []
    present = reviewed = 0
    digests: dict[str, list[str]] = {}
    for number, draft in enumerate(drafts):
        recorded = set(known.recorded.get(draft.source.id, ()))
        for proposal in draft.proposals:
            key = _key(proposal)
            there = known.events.get(key)
            if there is not None:
                renamed[proposal.event.id] = there
                present += 1
                digests.setdefault(draft.source.id, []).append(drafted_digest(*key))
            elif drafted_digest(*key) in recorded:
                reviewed += 1
            else:
                fresh.append((proposal, number))
    fresh, dropped = _without_lost_anchors(fresh, known, renamed, {draft.source.id for draft in drafts})
    reviewed += dropped
    for proposal, _ in fresh:
        digests.setdefault(proposal.event.citations[0].source, []).append(drafted_digest(*_key(proposal)))
    taken = set(known.ids)
    for proposal, _ in fresh:
        wanted = proposal.event.id
        unique, count = wanted, 1
        while unique in taken:
            count += 1
            unique = f"{wanted}-{count}"
        taken.add(unique)
        if unique != wanted:
            renamed[wanted] = unique
    events = [_renamed(proposal, renamed) for proposal, _ in fresh]
    known_ids = set(known.ids) | {event.event.id for event in events}
    events = [
        attrs.evolve(
            event,
            event=attrs.evolve(event.event, reports=tuple(r for r in event.event.reports if r in known_ids)),
        )
        if any(r not in known_ids for r in event.event.reports)
        else event
        for event in events
    ]
    order = {
        id(event): (sort_key(event.event.when), number, original.place)
        for (original, number), event in zip(fresh, events, strict=True)
    }
    return _Plan(sorted(events, key=lambda p: order[id(p)]), present, reviewed, digests)


def _without_lost_anchors(
    fresh: list[tuple[Proposal, int]], known: _Known, renamed: Mapping[str, str], sources: set[str]
) -> tuple[list[tuple[Proposal, int]], int]:
    """``fresh`` without the proposals read from an event of the draft that will not be in the file, and how many.

    Such an event was drafted before and removed or rewritten by review: what is read from it is left out too.
    """
    dropped = 0
    while True:
        there = set(known.ids) | sources | set(renamed) | {proposal.event.id for proposal, _ in fresh}
        kept = [(p, n) for p, n in fresh if p.event.anchor is None or p.event.anchor in there]
        if len(kept) == len(fresh):
            return kept, dropped
        dropped += len(fresh) - len(kept)
        fresh = kept


def _key(proposal: Proposal) -> tuple[str, str, str]:
    """What makes an event the same: its source, its quote, and its ``when`` as the file writes it."""
    citation = proposal.event.citations[0]
    return citation.source, citation.quote, str(event_table(proposal.event)["when"])


def _claim_keys(proposal: Proposal) -> list[tuple[str, str, str]]:
    """What makes each claim of a proposed event the same: its source, its quote, its value as the file writes it."""
    return [
        (str(table.get("source")), str(table.get("quote", "")), str(table["value"]))
        for table in event_table(proposal.event).get("claims", [])
    ]


def _renamed(proposal: Proposal, renamed: Mapping[str, str]) -> Proposal:
    event = proposal.event
    if not renamed:
        return proposal
    changed = attrs.evolve(
        event,
        id=renamed.get(event.id, event.id),
        anchor=renamed.get(event.anchor, event.anchor) if event.anchor is not None else None,
        reports=tuple(renamed.get(target, target) for target in event.reports),
    )
    return attrs.evolve(proposal, event=changed)


def _event_tables(proposals: Sequence[Proposal]) -> Any:
    tables = tomlkit.aot()
    for proposal in proposals:
        table = event_table(proposal.event)
        when = table.item("when")
        if proposal.note and isinstance(when, Item):
            when.comment(proposal.note)
            when.trivia.comment_ws = "  "
        if proposal.comments:
            _comment_before(table, ("citations", "claims"), proposal.comments)
        tables.append(table)
    return tables


def _comment_before(table: Table, keys: Sequence[str], comments: Sequence[str]) -> None:
    """Put comment lines in ``table`` after its plain keys, before its ``keys`` (its citations and claims).

    The tables under ``keys`` are written after the comments, so that no comment lands inside the last of them.
    """
    held = {key: table[key] for key in keys if key in table}
    for key in held:
        del table[key]
    for comment in comments:
        for line in textwrap.wrap(comment, _WIDTH - 2):
            table.add(tomlkit.comment(line))
    for key, value in held.items():
        table[key] = value


def _comment_leftovers(table: Table, leftovers: Sequence[Leftover]) -> None:
    """Comment lines under a source for each thing of its article that was not drafted, with its sentence."""
    if not leftovers:
        return
    table.add(tomlkit.comment("Not drafted (each with its sentence):"))
    for leftover in leftovers:
        lines = textwrap.wrap(f"- {leftover.phrase!r}: {leftover.why}.", _WIDTH - 2, subsequent_indent="  ")
        lines += textwrap.wrap(leftover.sentence, _WIDTH - 2, initial_indent="  > ", subsequent_indent="  > ")
        for line in lines:
            table.add(tomlkit.comment(line))


#: The first line of the comments under a source on what was not drafted, and of each of its entries.
_NOT_DRAFTED: Final = "# Not drafted (each with its sentence):"
_ENTRY: Final = re.compile(r"# - (?P<phrase>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"): ")
#: An entry on a figure ("# - 'more than 10,000': a figure, but no dated event ... holds it").
_FIGURE: Final = re.compile(r"# - (?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"): a figure\b")
#: How a line of an entry quoting its sentence starts (stripped).
_QUOTED_LINE: Final = "#   >"
_SOURCE_ID: Final = re.compile(r"id\s*=\s*\"(?P<id>[^\"]*)\"\s*(?:#.*)?")
#: How a note the draft wrote starts, and what it says of a source it could not date.
_DRAFTED_NOTE: Final = "Drafted by chronology draft from "
_UNDATED: Final = "Undated: "


def _refreshed(
    text: str,
    drafted: set[tuple[str, str, str]],
    notes: Mapping[str, str],
    claimed: set[tuple[str, str, str]] | None = None,
) -> str:
    """``text`` without the comments on phrases and figures that are now events and claims, "Undated" notes renewed.

    Args:
        text: the event file's text.
        drafted: the events the file holds once the draft is added, by (source, quote, ``when`` as written).
        notes: the notes of the sources the draft dates, by source id.
        claimed: the claims the file holds once the draft is added, by (source, quote, value as written): the
            comment on a figure no event held goes once one holds it.

    """
    claimed = claimed or set()
    lines = text.split("\n")
    kept: list[str] = []
    source: str | None = None  # the id of the source whose table the lines are in, if any
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith("["):
            source = "" if stripped == "[[sources]]" else None
        elif source == "" and (named := _SOURCE_ID.fullmatch(stripped)) is not None:
            source = named["id"]
        elif source and stripped.startswith("note") and source in notes:
            line = _renewed_note(line, notes[source])
        elif source and stripped.startswith("# - "):
            end = index + 1
            while end < len(lines) and lines[end].strip().startswith("#   "):
                end += 1
            entry = [part.strip() for part in lines[index:end]]
            key = _entry_key(source, entry)
            if key in drafted or (key in claimed and _FIGURE.match(" ".join(entry)) is not None):
                index = end
                continue
        kept.append(line)
        index += 1
    return "\n".join(_without_empty_headings(kept))


def _entry_key(source: str, entry: Sequence[str]) -> tuple[str, str, str] | None:
    """(source, sentence, phrase) of a "Not drafted" comment entry, its lines stripped; None if it is not one."""
    said = " ".join(line.removeprefix("#").strip() for line in entry if not line.startswith(_QUOTED_LINE.strip()))
    found = _ENTRY.match("# " + said)
    sentence = " ".join(
        line.removeprefix(_QUOTED_LINE.strip()).strip() for line in entry if line.startswith("#   >".strip())
    )
    if found is None or not sentence:
        return None
    try:
        phrase = ast.literal_eval(found["phrase"])
    except (SyntaxError, ValueError):
        return None
    return (source, sentence, phrase) if isinstance(phrase, str) else None


def _renewed_note(line: str, note: str) -> str:
    """A source's ``note = ...`` line: the draft's new note, where the old one is the draft's own saying "Undated"."""
    try:
        old = rtoml.loads(line).get("note")
    except rtoml.TomlParsingError:
        return line  # a note over several lines: written by hand
    if not isinstance(old, str) or not old.startswith(_DRAFTED_NOTE) or _UNDATED not in old or old == note:
        return line
    return f"note = {tomlkit.string(note).as_string()}"


def _without_empty_headings(lines: Sequence[str]) -> list[str]:
    """``lines`` without a "Not drafted" heading that no entry follows any more."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if line.strip() == _NOT_DRAFTED and not following.startswith("# - "):
            continue
        kept.append(line)
    return kept
