"""The grammar engine: first sets, the compiled parser, and that pruning never drops a reading."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology.notation import _grammar as grammar
from chronology.notation._grammar import (
    SKIP,
    Category,
    First,
    Mark,
    Named,
    Number,
    Parser,
    RefusalError,
    Rule,
    Token,
    Values,
    Word,
    optional,
    tokenize,
)
from chronology.notation.english import ENGLISH_GRAMMAR
from chronology.notation.words import WordTable

TABLE = WordTable(
    "test",
    {
        "letter": {"a": "A", "b": "B", "a b": "AB", "c": "C"},
        "pair": {"b c": "BC", "c": "C1", "c a b": "CAB"},
    },
)


def tokens_of(text: str, words: WordTable = TABLE) -> grammar.Tokens:
    found, stuck = tokenize(text, words)
    assert stuck is None
    return found


# -- a reference: every alternative tried at every position, nothing pruned ---------------------------


def reference(rule: Rule, tokens: Sequence[Token], at: int, memo: dict[tuple[int, int], list[Any]]) -> list[Any]:
    """What ``rule`` reads at ``at``, by the engine's documented meaning alone (the engine before compiling)."""
    token = tokens[at] if at < len(tokens) else None
    if isinstance(rule, Named):
        key = (id(rule), at)
        if key not in memo:
            memo[key] = []  # reached again before reading a token: reads nothing
            memo[key] = reference(rule.defined(), tokens, at, memo)
        return memo[key]
    if isinstance(rule, Mark):
        return [(SKIP, at + 1)] if token is not None and token.kind == "mark" and token.text in rule.marks else []
    if isinstance(rule, Number):
        if token is None or token.kind != "number" or token.suffix not in rule.suffixes:
            return []
        value = int(token.text)
        fits = rule.digits[0] <= len(token.text) <= rule.digits[1] and rule.low <= value <= rule.high
        return [(value, at + 1)] if fits else []
    if isinstance(rule, Word | Category):
        phrases = (
            [(tuple(choice.split()), SKIP) for choice in rule.choices]
            if isinstance(rule, Word)
            else rule.words.starting(rule.category, token.text if token is not None else "")
        )
        found = []
        for phrase, meaning in phrases:
            run = tokens[at : at + len(phrase)]
            if len(run) == len(phrase) and all(
                t.kind == "word" and t.text == w for t, w in zip(run, phrase, strict=True)
            ):
                found.append((meaning, at + len(phrase)))
        return found
    if isinstance(rule, grammar._Optional):
        return [*reference(rule.rule, tokens, at, memo), (rule.default, at)]
    if isinstance(rule, grammar._Choice):
        return [reading for choice in rule.choices for reading in reference(choice, tokens, at, memo)]
    if isinstance(rule, grammar._Sequence):
        readings: list[tuple[tuple[Any, ...], int]] = [((), at)]
        for step in rule.steps:
            readings = [
                (values if value is SKIP else (*values, value), after)
                for values, position in readings
                for value, after in reference(step, tokens, position, memo)
            ]
        return [(kept[0] if len(kept) == 1 else Values(kept), position) for kept, position in readings]
    assert isinstance(rule, grammar._Build)
    built = []
    for value, after in reference(rule.rule, tokens, at, memo):
        arguments = value if isinstance(value, Values) else () if value is SKIP else (value,)
        refused = next((a for a in arguments if isinstance(a, RefusalError)), None)
        if refused is None:
            try:
                refused = rule.build(*arguments)
            except RefusalError as refusal:
                refused = refusal
        built.append((refused, after))
    return built


def comparable(readings: list[Any]) -> str:
    """Readings as text: refusals compare by their message, everything else by its repr."""
    return repr([(f"refused: {v}" if isinstance(v, RefusalError) else v, after) for v, after in readings])


def left_recursive(root: Rule) -> list[str]:
    """The names that reach themselves before reading a token (where pruning could change what memo remembers)."""
    firsts = grammar._first_sets(root)

    def at_start(rule: Rule) -> list[Rule]:
        if isinstance(rule, grammar._Sequence):
            starts = []
            for step in rule.steps:
                starts.append(step)
                if not firsts[step].empty:
                    break
            return starts
        return list(rule.parts())

    found = []
    for name in (rule for rule in firsts if isinstance(rule, Named)):
        seen: set[int] = set()
        stack = at_start(name)
        while stack:
            rule = stack.pop()
            if rule is name:
                found.append(name.name)
                break
            if id(rule) not in seen:
                seen.add(id(rule))
                stack.extend(at_start(rule))
    return found


# -- first sets ------------------------------------------------------------------------------------------


def first_of(rule: Rule) -> First:
    return grammar._first_sets(rule)[rule]


@pytest.mark.parametrize(
    ("rule", "after", "empty"),
    [
        (Word(("a", "a b", "c")), {"a": (frozenset({"b"}), True), "c": (frozenset(), True)}, False),
        (Category(TABLE, "pair"), {"b": (frozenset({"c"}), False), "c": (frozenset({"a"}), True)}, False),
        (Mark(",-"), {" ,": (frozenset(), True), " -": (frozenset(), True)}, False),
        (
            Number(1, 99, frozenset({"", "th"}), (1, 2)),
            {k: (frozenset(), True) for k in ("#1", "#2", "#1th", "#2th")},
            False,
        ),
        (Word(("a",)) + Mark(","), {"a": (frozenset({" ,"}), False)}, False),
        (optional(Word(("a",))) + Word(("b",)), {"a": (frozenset({"b"}), False), "b": (frozenset(), True)}, False),
        (Word(("a",)) + optional(Word(("b",))), {"a": (frozenset({"b"}), True)}, False),
        (
            optional(Word(("a",))) + optional(Word(("b",))),
            {"a": (frozenset({"b"}), True), "b": (frozenset(), True)},
            True,
        ),
        (Word(("a",)) | Word(("a b",)), {"a": (frozenset({"b"}), True)}, False),
    ],
    ids=[
        "words of one and two",
        "category phrases",
        "marks",
        "numbers by digits and suffix",
        "sequence: the second token from the next step",
        "optional head: either step may start",
        "optional tail: a reading may end after the first",
        "all optional: may read nothing",
        "choice: what each allows",
    ],
)
def test_first_set_says_what_the_first_two_tokens_can_be(rule: Rule, after: dict[str, Any], empty: bool) -> None:
    first = first_of(rule)
    assert first.after == after
    assert first.empty is empty
    assert first.keys == frozenset(after)


def test_a_names_first_set_grows_until_it_settles_through_names_defined_later() -> None:
    # b reads what a reads, a reads "x" or what b reads followed by "." (left recursion through a name):
    # a first set found in one pass, a name taken as reading nothing while it is being found, would miss "x" for b
    a, b = Named("a"), Named("b")
    a.define(b + Mark(".") | Word(("x",)))
    b.define(optional(Word(("y",))) + a | Word(("z",)))
    phrase = b + Mark("-")
    assert first_of(b).keys == {"x", "y", "z"}
    assert [end for _, end in phrase.match(tokens_of("x -"))] == [2]


def test_keys_tell_words_numbers_and_marks_apart() -> None:
    tokens = tokens_of("a 2024 15th , -")
    assert tokens.keys == ["a", "#4", "#2th", " ,", " -"]
    assert tokens.keys == [token.key for token in tokens]


# -- what a parser reads ---------------------------------------------------------------------------------


CLOCK = (
    (Number(1, 12) + Mark(":") + Number(0, 59, digits=(2, 2))).to(lambda h, m: ("clock", h, m))
    | (Number(1, 12) + Word(("am", "pm"))).to(lambda h: ("hour", h))
    | Number(1, 2999).to(lambda n: ("number", n))
)


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("3 : 30", [(("clock", 3, 30), 3), (("number", 3), 1)]),
        ("3 am", [(("hour", 3), 2), (("number", 3), 1)]),
        ("3", [(("number", 3), 1)]),
        ("1999", [(("number", 1999), 1)]),
        ("3 , 30", [(("number", 3), 1)]),
        ("am", []),
    ],
    ids=["a colon after", "a word after", "the end after", "four digits", "another mark after", "no number"],
)
def test_alternatives_that_share_a_first_token_are_told_apart_by_the_second(
    text: str, readings: list[tuple[Any, int]]
) -> None:
    assert CLOCK.match(tokens_of(text)) == readings


def test_a_step_that_cannot_start_is_not_tried_but_an_optional_one_may_read_nothing() -> None:
    rule = (Word(("a",)) + optional(Mark(",")) + Category(TABLE, "letter")).to(lambda letter: letter)
    assert rule.match(tokens_of("a , b")) == [("B", 3)]
    assert rule.match(tokens_of("a a b")) == [("AB", 3), ("A", 2)]
    assert rule.match(tokens_of("a 3")) == []


def test_the_same_reading_reached_two_ways_is_the_same_object() -> None:
    built = Number(1, 9).to(lambda n: [n])  # a new list each time it is called
    rule = built | (built + optional(Mark("-")))
    (first, _), (second, _), (third, _) = rule.match(tokens_of("3 -"))
    assert first is second is third


def test_a_refusal_is_the_reading_and_is_passed_up_instead_of_built_on() -> None:
    def checked(n: int) -> int:
        if n > 5:
            raise RefusalError(f"{n} is too many")
        return n

    calls: list[int] = []

    def noted(n: int) -> int:
        calls.append(n)
        return n

    rule = (Number(1, 9).to(checked) + Word(("a",))).to(noted)
    [(refusal, end)] = rule.match(tokens_of("7 a"))
    assert isinstance(refusal, RefusalError)
    assert str(refusal) == "7 is too many"
    assert end == 2
    assert calls == []
    assert rule.match(tokens_of("3 a")) == [(3, 2)]
    assert calls == [3]


def test_a_sequence_s_values_are_spread_as_a_builder_s_arguments() -> None:
    pair = Number(1, 9) + Mark("-") + Number(1, 9)
    assert (pair | (Word(("x",)) + Number(1, 9) + Number(1, 9))).to(lambda a, b: a * 10 + b).match(
        tokens_of("3 - 4")
    ) == [(34, 3)]
    assert Word(("a",)).to(lambda: "none").match(tokens_of("a")) == [("none", 1)]


def test_a_parser_reads_from_any_position_and_not_past_the_end() -> None:
    parser = Parser(Category(TABLE, "letter"))
    tokens = tokens_of("c a b")
    assert parser.match(tokens, 1) == [("AB", 3), ("A", 2)]
    assert parser.match(tokens, 3) == []
    assert parser.match(tokens, 7) == []
    assert parser.match([Token("word", "c", 0, 1)]) == [("C", 1)]  # tokens as a plain list


def test_a_rule_never_defined_is_named_in_the_error() -> None:
    missing = Named("missing")
    with pytest.raises(AssertionError, match="'missing'"):
        Parser(Word(("a",)) + missing)


# -- pruning drops nothing: the compiled parser against the reference ------------------------------------


def _refusing(*values: Any) -> Any:
    if len(values) == 2:
        raise RefusalError(f"two: {values!r}")
    return ("built", values)


TERMINALS = [
    Word(("a",)),
    Word(("b", "b c")),
    Word(("a b",)),
    Category(TABLE, "letter"),
    Category(TABLE, "pair"),
    Number(1, 12),
    Number(1000, 9999, digits=(4, 4)),
    Number(1, 31, frozenset({"th"})),
    Mark(","),
    Mark("-/"),
]


@st.composite
def grammars(draw: st.DrawFn) -> Rule:
    """A random grammar over the test words, recursive through a name reached only after a token."""
    name = Named("recursive")
    leaves = st.sampled_from([*TERMINALS, Mark(",") + name, Word(("c",)) + optional(name)])
    rules = st.recursive(
        leaves,
        lambda children: st.one_of(
            st.tuples(children, children).map(lambda pair: pair[0] + pair[1]),
            st.tuples(children, children).map(lambda pair: pair[0] | pair[1]),
            children.map(optional),
            children.map(lambda rule: optional(rule, None)),
            children.map(lambda rule: rule.to(_refusing)),
        ),
        max_leaves=8,
    )
    body: Rule = draw(rules)
    name.define(body | Word(("a",)))
    return draw(rules) | name


TEXTS = st.lists(st.sampled_from(["a", "b", "c", "3", "12", "2024", "15th", ",", "-", "/"]), max_size=6).map(" ".join)


@given(grammars(), TEXTS)
def test_the_parser_reads_what_trying_every_alternative_reads(rule: Rule, text: str) -> None:
    assert left_recursive(rule) == []
    tokens = tokens_of(text)
    parser = Parser(rule)
    for at in range(len(tokens) + 1):
        assert comparable(parser.match(tokens, at)) == comparable(reference(rule, tokens, at, {})), at


@given(grammars(), TEXTS)
def test_a_parser_of_whole_phrases_reads_the_same_whole_readings(rule: Rule, text: str) -> None:
    tokens = tokens_of(text)
    whole = Parser(rule, whole=True)
    for at in range(len(tokens) + 1):
        expected = [(value, end) for value, end in reference(rule, tokens, at, {}) if end == len(tokens)]
        found = [(value, end) for value, end in whole.match(tokens, at) if end == len(tokens)]
        assert comparable(found) == comparable(expected), at


def _reached(root: Rule) -> list[Rule]:
    found: dict[Rule, None] = {}
    stack = [root]
    while stack:
        rule = stack.pop()
        if rule not in found:
            found[rule] = None
            stack.extend(rule.parts())
    return list(found)


@given(grammars(), TEXTS)
def test_every_reading_of_a_rule_holds_a_token_of_each_set_it_needs(rule: Rule, text: str) -> None:
    tokens = tokens_of(text)
    needs = grammar.Needs(rule, grammar._first_sets(rule))
    for part in _reached(rule):
        for at in range(len(tokens) + 1):
            for _, end in reference(part, tokens, at, {}):
                held = {token.key for token in tokens[at:end]}
                assert all(held & keys for keys in needs.sets(part)), (part, at, end)


def test_a_rule_is_not_tried_in_a_phrase_without_a_word_it_needs() -> None:
    calls: list[int] = []

    def noted(first: int, last: int) -> tuple[int, int]:
        calls.append(first)
        return first, last

    ranged = (Number(1, 9) + Word(("to",)) + Number(1, 9)).to(noted)
    counted = Named("counted")
    counted.define(ranged)
    rule = Number(1, 9).to(lambda n: (n, n)) | (Number(1, 9) + Word(("a",)) + counted).to(lambda n, pair: pair)
    needs = grammar.Needs(rule, grammar._first_sets(rule))
    assert frozenset({"to"}) in needs.sets(ranged)
    assert needs.mask(ranged) & needs.have(["#1", "a", "#1"]) != needs.mask(ranged)
    assert Parser(rule).match(tokens_of("3 a 4")) == [((3, 3), 1)]
    assert calls == []
    assert Parser(rule).match(tokens_of("3 a 4 to 5")) == [((3, 3), 1), ((4, 5), 5)]
    assert calls == [4]


@pytest.mark.parametrize(
    ("text", "tried"),
    [("between 1434 and 1444", True), ("between 1434", False), ("1434 and 1444", False)],
    ids=["both words", "no 'and'", "no 'between'"],
)
def test_the_english_rules_of_between_need_its_two_words(text: str, tried: bool) -> None:
    needs = ENGLISH_GRAMMAR.whole._needs
    betweens = [
        rule
        for rule in _reached(ENGLISH_GRAMMAR.phrase)
        if isinstance(rule, grammar._Sequence)
        and isinstance(rule.steps[0], Word)
        and rule.steps[0].choices == ("between",)
    ]
    assert betweens
    assert all({frozenset({"between"}), frozenset({"and"})} <= set(needs.sets(rule)) for rule in betweens)
    have = needs.have(tokens_of(text, ENGLISH_GRAMMAR.words).keys)
    assert any(have & needs.mask(rule) == needs.mask(rule) for rule in betweens) is tried


ENGLISH_PHRASES = [
    "3 October 2024",
    "the 3rd of October 2024",
    "Tuesday, 12 March 2024",
    "14:30 on 3 October 2024",
    "3pm on 3 October 2024",
    "2:30 pm, 3 October 2024",
    "June to August 2024",
    "c. 1400?",
    "mid-15th century",
    "early 1470s",
    "before 23 August 1456",
    "between 1434 and 1444",
    "three weeks ago",
    "in the past 24 hours",
    "2 weeks before 3 October 2024",
    "the second week of October",
    "last Friday",
    "early Tuesday morning",
    "10 February 1665/6",
    "5 September 1666 (O.S.)",
    "from 3 to 5 October 2024",
    "each of 1667, 1668 and 1670 to 1672",
    "at 1430",
    "30 February 2024",
    "winter 2024-25",
    "3 October 2024 3",
    "October October",
]


def test_the_english_grammar_has_no_left_recursion() -> None:
    # so a name's remembered reading is the same whichever rule reaches it first, and pruning changes nothing
    assert left_recursive(ENGLISH_GRAMMAR.phrase) == []


@pytest.mark.parametrize("text", ENGLISH_PHRASES)
def test_the_english_parser_reads_what_trying_every_alternative_reads(text: str) -> None:
    tokens = tokens_of(text, ENGLISH_GRAMMAR.words)
    for at in range(len(tokens) + 1):
        expected = reference(ENGLISH_GRAMMAR.phrase, tokens, at, {})
        assert comparable(ENGLISH_GRAMMAR.parser.match(tokens, at)) == comparable(expected)


# -- tokens ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens", "stuck"),
    [
        ("  June 2024.  ", [("word", "june", 2, 6, ""), ("number", "2024", 7, 11, "")], None),
        ("mid-October", [("word", "mid", 0, 3, ""), ("mark", "-", 3, 4, ""), ("word", "october", 4, 11, "")], None),
        ("twenty-one", [("word", "twenty-one", 0, 10, "")], None),
        ("3a.m. 1450s", [("number", "3", 0, 5, "am"), ("number", "1450", 6, 11, "s")], None),
        ("1642\u201351", [("number", "1642", 0, 4, ""), ("mark", "-", 4, 5, ""), ("number", "51", 5, 7, "")], None),
        ("June  @ 2024", [("word", "june", 0, 4, "")], 6),
        ("June \u00a0", [("word", "june", 0, 4, "")], None),
        ("Sept. 3, 2024.", [("word", "sept", 0, 5, ""), ("number", "3", 6, 7, ""), ("mark", ",", 7, 8, ""),
                            ("number", "2024", 9, 13, "")], None),
        ("June 2024, @", [("word", "june", 0, 4, ""), ("number", "2024", 5, 9, ""), ("mark", ",", 9, 10, "")], 11),
        ("'Tis 3rd", [("word", "tis", 0, 4, ""), ("number", "3", 5, 8, "rd")], None),
        ("Mid-2024 a.m.", [("word", "mid", 0, 3, ""), ("mark", "-", 3, 4, ""), ("number", "2024", 4, 8, ""),
                           ("word", "am", 9, 13, "")], None),
        ("п\u2019ятницю Ёлка 18일에", [("word", "п'ятницю", 0, 8, ""), ("word", "елка", 9, 13, ""),
                                     ("number", "18", 14, 16, ""), ("word", "일에", 16, 18, "")], None),
    ],
    ids=["spaces and a full stop", "hyphened parts", "a hyphened word known", "suffixes", "en dash", "stuck", "nbsp",
         "dotted word, inner comma", "stuck keeps a closing mark", "apostrophe", "hyphen before a number",
         "cyrillic and hangul"],
)  # fmt: skip
def test_tokens_keep_their_place_in_the_text(
    text: str, tokens: list[tuple[str, str, int, int, str]], stuck: int | None
) -> None:
    found, where = tokenize(text, ENGLISH_GRAMMAR.words)
    assert [(t.kind, t.text, t.start, t.end, t.suffix) for t in found] == tokens
    assert where == stuck
    assert found[-1:] == [Token(*tokens[-1])]
    assert found.keys == [token.key for token in found]


def test_too_many_second_keys_are_not_kept_and_any_second_token_is_tried() -> None:
    many = Word(tuple(f"a w{n}" for n in range(grammar._MANY + 1)))
    assert first_of(many).after == {"a": (None, False)}
    rule = (Word(("x",)) + many) | (Word(("x",)) + Word(("a",)) + Number(1, 9))
    assert [end for _, end in rule.match(tokens_of("x a w7"))] == [3]
    assert [end for _, end in rule.match(tokens_of("x a 7"))] == [3]
