"""The words a draft reads clauses by, as data: one :class:`Cues` table per language.

:mod:`chronology.draft.roles` (speech verbs, what opens a reported clause,
what says "still to come"), :mod:`chronology.draft.titles` (where a title may
be cut), :mod:`chronology.draft.claims` (comparisons before a figure) and
:mod:`chronology.draft.sentences` (abbreviations) name *kinds* of words; a
table says which words of its language are of each kind. The patterns those
modules match with are built from a table once (:func:`patterns`).

Russian and Ukrainian speech verbs are given as lemmas ("заявить",
"повідомити") and their past and present forms taken from pymorphy3 when the
table is first used. Korean ones are given as past stems ("밝혔"), each
written with the endings of :data:`KOREAN_VERB_ENDINGS` ("밝혔다",
"밝혔습니다"). Korean puts the verb last: its table says so
(``verb_final``), and names the endings that close a reported clause
("했다고") and mark a speaker ("국정원은").
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final, Literal

import attrs

from chronology.notation.quantity import COMPARISON_WORDS
from chronology.quantity import Comparison

__all__ = ["CUES", "Cues", "Language", "Patterns", "morphology", "patterns"]


def _english_comparisons() -> dict[str, str]:
    """The English comparisons before a figure: the words ``parse_quantity`` reads (one table for both).

    Only words: a mark or an abbreviation ("~", "c.") before a figure in running text is as often a date's
    ("c. 1500"); and not "between", which takes two figures.
    """
    return {
        word: word
        for word, comparison in COMPARISON_WORDS.items()
        if re.fullmatch(r"[a-z]+(?: [a-z]+)*", word) and comparison is not Comparison.BETWEEN
    }


#: The languages a draft reads, by ISO 639-1 code.
Language = Literal["en", "ru", "uk", "ko"]


#: A pattern that matches nothing: what a cue a language has none of is built as.
_NEVER: Final = "(?!)"


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(words)


@attrs.frozen(kw_only=True)
class Cues:
    r"""The clause cues of one language (every field a tuple of words or, where named so, pattern fragments).

    Attributes:
        language: its code.
        speech_verbs: verbs that attribute ("said", "заявил"); ``speech_lemmas`` are inflected into them.
        speech_lemmas: lemmas whose past and present third-person forms are speech verbs (pymorphy3).
        speech_present: speech verbs' present third-person forms, by their past ones ("said": "says"): a
            statement that would be titled as its article's own event is titled by who says what ("Kim says the
            bridge ..."); in a language without them, by who and what ("Песков: переговоры возможны").
        verbs_in_context: pattern fragments of verbs that attribute only in context ("reports?(?=\\s+that\\b)").
        complement_words: words that open a reported clause after a speech verb ("that", "что").
        complement_patterns: pattern fragments that do so as well (a quotation mark, a colon).
        opener: the conjunction that opens a reported clause ("that", "что"), and ``opener_not_before``
            the words after which it is a pronoun ("that by spring").
        other_clause: words between a fronted date and its verb that show another clause.
        relative: words after an opener that make it a relative clause ("that was").
        future: pattern fragments before a date that say it is still to come.
        future_grammemes: the grammemes (pymorphy3's) of a finite verb that says its clause is still to come
            ("futr": "пройдут", "посетит", "відбудеться"); none where the language has no such reading.
        according: phrases that name whom a claim is according to ("according to", "по данным"), each with
            the case (pymorphy3's name) it puts them in ("gent": "по данным разведки"), "" where none is read.
        speaker_prepositions: prepositions that may open a speaker named after its verb, each with the case
            they take ("в": "loct", "считают в разведке"); the claimant is the noun without them.
        parenthetical: the word that makes a speech verb parenthetical ("как сообщил X, ..."), whose
            verb then names whom the sentence is according to, and is no statement of its own.
        not_a_reporter: pattern of words before "reports that" that make it a noun (English).
        introduction: words that open a sentence's introduction ("In a video address on ...").
        title_openers: words that open a sentence before a comma and are left out of its title ("Earlier,",
            "По его словам,"); each a pattern fragment, read without regard to case. Whom the sentence is
            ``according`` to, before a comma ("По данным ГУР,"), is left out too.
        leading_adverbs: adverbs that may open a sentence before its speaker and are no part of it ("앞서":
            "앞서 우크라이나 정보당국은"); Russian and Ukrainian ones are read with pymorphy3 ("Ранее в Пентагоне").
        anaphora: pattern fragments that open a sentence by pointing back to the one before it ("Об этом",
            "Про це"): its statement says what that sentence told, and is titled from it.
        times: pattern fragments of clock times ("15:00", "3 p.m.", "15시"), which are never figures.
        pronouns, determiners: speakers that are no name; words that start an unnamed speaker.
        plural_ending: the ending of a plural noun that may be a speaker ("officials"), or "".
        not_plural: words with that ending that are no plural noun.
        after_closing: words that may follow the verb of a closing attribution (", the union said on Monday").
        closing_speaker_after: whether a closing attribution names its speaker after the verb ("— заявил Песков").
        conjunctions: words that open a speaker's clause, dropped ("and", "но").
        adverb_pattern: pattern of adverbs after a speaker, dropped ("previously").
        capitals: the capital letters of the script, as a character class body.
        clause_words: words that open a clause, where a title may be cut.
        title_end_words: words a cut title must not end with.
        as_patterns: (English) patterns where "as" opens no clause ("as many as").
        comparisons: words before a figure, and the English comparison ``parse_quantity`` reads for each.
        scales: words that scale a figure ("million", "млн").
        currencies: words naming a currency after a figure, each with its ISO 4217 code, the claim's unit ("rubles":
            "RUB"); Russian and Ukrainian ones are lemmas ("рубль", "гривня") or abbreviations as written ("грн");
            Korean ones are counters ("달러": "USD").
        counters: (Korean) the counters a figure counts with ("명": people, "대": vehicles, "달러"): a figure's unit,
            or its currency where ``currencies`` names one.
        not_counted: (Russian and Ukrainian) lemmas of nouns after a figure that make it no claim ("раз": "три
            раза"; "страна": "две страны", as the English reader passes over "nations" and "countries").
        amount_verbs: verbs that state an amount ("reached", "amounted to", "составить"; Russian and Ukrainian ones
            as lemmas): the words before one, in the figure's clause, are what a sum of money is of ("the cost of
            the project", "стоимость проекта", from the noun in the nominative).
        counted_states: words that say what befell those a figure counts ("killed", "dead", "wounded"): after a
            figure without a noun ("11 wounded") they are what it counts, the claim's subject; after a counted noun,
            with a passive or perfect verb between them ("people were killed"), the subject is the noun and the
            word ("people killed"). Russian and Ukrainian ones are lemmas ("погибнуть", "ранить", "поранений").
        intransitive_states: (Ukrainian) lemmas of ``counted_states`` that are intransitive verbs ("загинути"): what
            they tell of those counted is said as they are ("люди загинули"); pymorphy3 tells Russian ones itself.
        counted_verbs: (English) verbs before a figure that say what befell those it counts, each with the word its
            claim's subject says it with ("killing": "killed", "killing four people" is "people killed"; "shot down
            12 drones" is "drones shot down").
        auxiliaries: (English) pattern fragments of the verbs between a counted noun and its participle, left out of
            a claim's subject ("were", "have been": "people were killed" is "people killed").
        coordinators: words that join one figure to the next ("and", "и", "ще"): a figure so joined without a noun
            of its own ("were killed and 11 wounded") counts what the figure before it counts, and the subject of
            that one ends before it.
        abbreviations: words written with a full stop that ends no sentence.
        verb_final: whether the speech verb closes its sentence, after what it reports (Korean).
        speech_stems: stems whose forms with :data:`KOREAN_VERB_ENDINGS` are speech verbs ("밝혔").
        complement_endings: endings of the word that closes a reported clause before its verb ("다고": "했다고").
        topic_endings: endings of the word that names the speaker at a sentence's start ("은": "국정원은").
        subject_endings: endings of the word that names the speaker after its reported clause, before the verb
            ("가": "... 배치됐다고 국방부가 밝혔다").
        clause_endings: endings of a word after which a clause closes and a title may be cut ("으며", "지만").
        according_before: whether whom a claim is according to comes before the cue ("국정원에 따르면").
        future_after: whether the words that say "still to come" follow the date ("다음 달 방문할 예정").
        side_relative: pattern fragments that open a relative clause without a subject of its own ("which",
            "that was", "который"): a date in it dates what it tells of the noun before it, which its title keeps.
        side_own: pattern fragments that open a side clause with a subject of its own ("where", "after Moscow",
            "где", "після того як"): a date in it dates what it tells, the title starting after them.
        side_after_noun: words that open a relative clause only after a comma that follows a noun ("що").
        side_conjunctions: words of ``side_own`` that open a clause and are never a preposition ("because",
            "when"): its verb may come after its date ("because the 1950-1953 Korean War ended ..."), where
            after another ("before the talks on Monday") a verb must come before it.
        side_order: words of ``side_own`` that say the main clause's event came ``"after"`` what the side clause
            tells ("after", "since", "после того как") or ``"before"`` it ("before", "until", "до того как"): the
            main clause's event, where the sentence dates it, is drafted with that link, not with the side
            clause's date.
        side_verbs: (English) pattern fragments of the verb a side clause needs before its date, without which
            "before the talks on Monday" is a preposition's phrase; Russian and Ukrainian read it with pymorphy3.
        participle: (English) a pattern fragment of a participle opening a side phrase after a comma ("invaded
            by"); ``participle_grammemes`` are pymorphy3's grammemes of one ("PRTF": "подписанный").
        as_of: words right before a date phrase that make it the date as of which something holds ("станом":
            "станом на 1 жовтня", "as of 1 October"), where the date reader does not read them with it.

    """

    language: Language
    speech_verbs: tuple[str, ...] = ()
    speech_lemmas: tuple[str, ...] = ()
    speech_present: dict[str, str] = attrs.field(factory=dict)
    verbs_in_context: tuple[str, ...] = ()
    complement_words: tuple[str, ...] = ()
    complement_patterns: tuple[str, ...] = ()
    opener: tuple[str, ...] = ()
    opener_not_before: tuple[str, ...] = ()
    other_clause: tuple[str, ...] = ()
    relative: tuple[str, ...] = ()
    future: tuple[str, ...] = ()
    future_grammemes: tuple[str, ...] = ()
    according: dict[str, str] = attrs.field(factory=dict)
    speaker_prepositions: dict[str, str] = attrs.field(factory=dict)
    parenthetical: tuple[str, ...] = ()
    not_a_reporter: tuple[str, ...] = ()
    introduction: tuple[str, ...] = ()
    title_openers: tuple[str, ...] = ()
    times: tuple[str, ...] = ()
    pronouns: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    plural_ending: str = ""
    not_plural: tuple[str, ...] = ()
    after_closing: tuple[str, ...] = ()
    closing_speaker_after: bool = False
    conjunctions: tuple[str, ...] = ()
    adverb_pattern: str = ""
    capitals: str = "A-Z"
    clause_words: tuple[str, ...] = ()
    title_end_words: tuple[str, ...] = ()
    as_patterns: tuple[str, str] = ("", "")
    comparisons: dict[str, str] = attrs.field(factory=dict)
    scales: dict[str, str] = attrs.field(factory=dict)
    currencies: dict[str, str] = attrs.field(factory=dict)
    counters: tuple[str, ...] = ()
    not_counted: tuple[str, ...] = ()
    amount_verbs: tuple[str, ...] = ()
    counted_states: tuple[str, ...] = ()
    counted_verbs: dict[str, str] = attrs.field(factory=dict)
    intransitive_states: tuple[str, ...] = ()
    auxiliaries: tuple[str, ...] = ()
    coordinators: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    verb_final: bool = False
    speech_stems: tuple[str, ...] = ()
    complement_endings: tuple[str, ...] = ()
    topic_endings: tuple[str, ...] = ()
    subject_endings: tuple[str, ...] = ()
    clause_endings: tuple[str, ...] = ()
    according_before: bool = False
    future_after: bool = False
    as_of: tuple[str, ...] = ()
    anaphora: tuple[str, ...] = ()
    leading_adverbs: tuple[str, ...] = ()
    side_relative: tuple[str, ...] = ()
    side_own: tuple[str, ...] = ()
    side_order: dict[str, Literal["after", "before"]] = attrs.field(factory=dict)
    side_after_noun: tuple[str, ...] = ()
    side_conjunctions: tuple[str, ...] = ()
    side_verbs: tuple[str, ...] = ()
    participle: str = ""
    participle_grammemes: tuple[str, ...] = ()


#: The endings a Korean speech verb's past stem is written with: "밝혔다", "밝혔습니다", "밝혔으며", "밝혔고".
KOREAN_VERB_ENDINGS: Final = ("다", "습니다", "으며", "고")

ENGLISH: Final = Cues(
    language="en",
    speech_verbs=(
        "said", "says", "told", "tells", "reported", "announced", "announces", "stated", "claimed", "alleged",
        "alleges", "warned", "warns", "confirmed", "confirms", "added", "adds", "wrote", "writes", "noted",
        "suggested", "suggests", "revealed", "reveals", "declared", "declares", "accused", "accuses", "denied",
        "denies", "insisted", "insists", "acknowledged", "acknowledges", "estimated", "assessed", "assesses",
        "tweeted", "responded", "replied", "argued", "admitted", "predicted", "indicated",
    ),
    speech_present={
        "said": "says", "told": "tells", "reported": "reports", "announced": "announces", "stated": "states",
        "claimed": "claims", "alleged": "alleges", "warned": "warns", "confirmed": "confirms", "added": "adds",
        "wrote": "writes", "noted": "notes", "suggested": "suggests", "revealed": "reveals", "declared": "declares",
        "denied": "denies", "insisted": "insists", "acknowledged": "acknowledges", "estimated": "estimates",
        "assessed": "assesses", "tweeted": "tweets", "responded": "responds", "replied": "replies",
        "argued": "argues", "admitted": "admits", "predicted": "predicts", "indicated": "indicates",
    },
    verbs_in_context=(
        r"reports?(?=\s+that\b)",
        r"puts?(?=\s+(?:the|its|their)\s+(?:\w+\s+){0,2}(?:toll|figure|number|total|count|cost)\s+at\b)",
    ),
    complement_words=("that", "whether", "if", "had", "has", "have", "was", "were", "is", "are", "will", "would",
                      "could", "can", "might", "should", "must", "did", "does", "do", "may"),
    complement_patterns=("[“\"«:]", "n[’']t\\b"),
    opener=("that",),
    opener_not_before=("by", "in", "on", "at", "for", "until", "before", "after", "during", "from", "to", "next",
                       "this", "last"),
    other_clause=("had", "has", "have", "was", "were", "is", "are", "will", "would", "could", "can", "and", "but",
                  "when", "after", "before", "[a-z]+ed"),
    relative=("had", "has", "have", "was", "were", "is", "are", "will", "would", "could", "can"),
    future=(
        r"will", r"shall",
        r"(?:is|are|was|were) (?:to|due to|set to|expected to|scheduled to|going to|slated to|likely to)",
        r"set (?:to|for)", r"due(?! to\b)", r"scheduled", r"slated", r"plans? to", r"planned to", r"expected to",
        r"upcoming", r"forthcoming", r"next(?! to\b)",
        r"(?:may|might|could) (?!have\b|not have\b|well have\b)\w+",
        r"would(?! (?:not |never |likely |probably )?have\b)",  # future in the past: "said it would be finished"
    ),
    according={"according to": ""},
    side_relative=("which", "who", "whom", "whose", r"that(?=\s+(?:was|were|had|has|is|are)\b)"),
    side_own=("where",
              r"(?:after|before|when|while|since|because|until|once|as)(?=\s+(?:[A-Z]|(?:the|its|his|her|their)\s))",
              # "after talks collapsed"; not the adverb ("has since captured", "shortly after seized")
              r"(?<!\bhas )(?<!\bhave )(?<!\bhad )(?<!\bhaving )(?<!\bwas )(?<!\bwere )(?<!\bever )"
              r"(?:after|before|since|until)(?=\s+(?!(?:being|having|been|become|became)\b|[a-z]+(?:ed|ing)\b)[a-z]+\s)",
              r"^(?:After|Before|Since|Until|When|Once)(?=\s)"),  # opening its sentence
    side_order={"after": "after", "since": "after", "before": "before", "until": "before"},
    side_conjunctions=("where", "because", "when", "while", "once"),
    side_verbs=(r"[a-z]{2,}ed", "was", "were", "had", "has", "is", "are", "did", "met", "sent", "went", "came", "took",
                "made", "began", "held", "left", "fell", "rose", "won", "lost", "hit", "struck", "fought", "built",
                "broke", "brought", "cut", "put", "shut", "said", "told", "saw", "gave", "got", "ran", "spoke", "wrote",
                "sold", "bought", "paid", "shot", "led", "fled", "kept", "found", "became", "drew", "flew", "grew",
                "knew", "stood", "spent", "threw", "withdrew", "overran", "sank", "swept"),
    participle=r"[a-z]{2,}ed(?=\s+(?:by|in|on|at|during|since|last|this|earlier)\b)",
    not_a_reporter=("amid", "the", "a", "of", "from", "with", "to", "by", "in", "on", "media", "news", "press", "and",
                    "these", "those", "such", "recent", "unconfirmed", "earlier", "multiple", "several", "many"),
    title_openers=("earlier", "according to (?:him|her|them)", "meanwhile", "moreover", "in addition", "besides",
                   "at the same time"),
    times=(r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.\s?m\b\.?|[ap]m\b|o['’]clock\b)", r"\d{1,2}:\d{2}(?::\d{2})?",
           r"\d{4}\s+(?:GMT|UTC)\b"),
    introduction=("in", "on", "at", "during", "after", "before", "since", "as", "by", "from", "with", "amid",
                  "despite", "earlier", "later", "last", "this", "however", "meanwhile", "following", "over",
                  "until", "within"),
    pronouns=("he", "she", "they", "it", "we", "i", "you", "who", "which"),
    determiners=("the", "a", "an", "another", "some", "two", "three", "several", "many", "its", "their", "his",
                 "her", "our"),
    plural_ending="s",
    not_plural=("was", "has", "is", "does", "says", "as", "this", "thus", "its"),
    after_closing=("on", "in", "at", "during", "last", "this", "earlier", "later", "yesterday", "today",
                   "reporters", "late", "early", "recently", "previously", "monday", "tuesday", "wednesday",
                   "thursday", "friday", "saturday", "sunday"),
    conjunctions=("and", "but", "so", "then"),
    adverb_pattern=r"(?:\s+[a-z]+ly)+$",
    clause_words=("that", "which", "who", "whom", "whose", "where", "when", "while", "whereas", "because",
                  "although", "though", "as", "after", "before", "since", "until", "unless", "if", "whether", "but",
                  "during", "despite", "amid", "including", "according to", "fuelling", "fueling", "raising",
                  "signaling", "signalling", "urging", "citing", "adding", "saying"),
    title_end_words=("that", "which", "who", "where", "when", "while", "during", "after", "before", "since",
                     "until", "as", "if", "whether", "but", "amid", "and", "or", "of", "on", "in", "at", "to", "for",
                     "with", "by", "from", "the", "a", "an"),
    as_patterns=(
        r"(?:many|much|such|same|well|soon|long|far|just|twice)\s+$",
        r"\s*as\s+(?:many|much|well|long|soon|far|of|part|a result|if|though|usual)\b",
    ),
    comparisons=_english_comparisons(),
    scales={"thousand": "thousand", "million": "million", "billion": "billion"},
    currencies={"dollars": "USD", "euros": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB",
                "hryvnias": "UAH", "hryvnas": "UAH"},
    amount_verbs=("was", "is", "were", "are", "reached", "reaches", "totalled", "totaled", "totals", "amounted to",
                  "amounts to", "stood at", "stands at", "came to", "rose to", "fell to", "topped", "exceeded",
                  "exceeds", "hit"),
    counted_states=("dead", "killed", "wounded", "injured", "hurt", "missing", "captured", "detained", "arrested",
                    "displaced", "evacuated", "rescued", "hospitalised", "hospitalized", "taken prisoner"),
    counted_verbs={"killing": "killed", "killed": "killed", "wounding": "wounded", "wounded": "wounded",
                   "injuring": "injured", "injured": "injured", "capturing": "captured", "captured": "captured",
                   "detaining": "detained", "detained": "detained", "arresting": "arrested", "arrested": "arrested",
                   "displacing": "displaced", "displaced": "displaced", "evacuating": "evacuated",
                   "evacuated": "evacuated", "rescuing": "rescued", "rescued": "rescued",
                   "shot down": "shot down", "shooting down": "shot down", "downed": "shot down",
                   "downing": "shot down", "intercepted": "intercepted", "intercepting": "intercepted",
                   "destroyed": "destroyed", "destroying": "destroyed"},
    auxiliaries=("have been", "has been", "had been", "were being", "was being", "are being", "is being", "were",
                 "was", "are", "is", "have", "has", "had"),
    coordinators=("and",),
    abbreviations=("mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
                   "sen", "rep", "gov", "pres", "amb", "rev", "hon", "jr", "sr", "inc", "ltd", "co", "corp", "no",
                   "nos", "vs", "etc", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                   "oct", "nov", "dec", "c", "ca", "cf", "al", "fig", "p", "pp", "vol", "ed", "mt", "ft"),
)  # fmt: skip

RUSSIAN: Final = Cues(
    language="ru",
    speech_lemmas=("заявить", "заявлять", "сообщить", "сообщать", "сказать", "рассказать", "отметить",
                   "подчеркнуть", "добавить", "написать", "писать", "объявить", "подтвердить", "предупредить",
                   "назвать", "считать",
                   "признать", "уточнить", "указать", "опровергнуть", "передать", "передавать", "утверждать",
                   "оценить", "говорить"),
    speech_verbs=("сообщается", "говорится"),
    complement_words=("что", "чтобы", "будто", "ли"),
    complement_patterns=("[«“\"]", ":"),
    opener=("что",),
    other_clause=("и", "но", "когда", "после", "до", "был", "была", "было", "были"),
    relative=("был", "была", "было", "были"),
    future=(r"будет", r"будут", r"планир\w*", r"намерен[аоы]?", r"намерева\w*",
            r"собира(?:ется|ются|лся|лась|лось|лись)", r"ожида(?:ется|ются|лось|лся|лась|лись)",
            r"предполага(?:ется|лось)", r"должен", r"должн[аоы]?",
            r"может", r"могут", r"предстоящ\w*", r"следующ\w*"),
    future_grammemes=("futr",),
    as_of=("по состоянию",),
    anaphora=("об этом", "о чем", "о чём"),
    side_relative=(r"котор\w+",),
    side_own=("где", "после того как", "с тех пор как", "до того как", "прежде чем", "когда", "пока", "потому что",
              "так как"),
    side_order={"после того как": "after", "с тех пор как": "after", "до того как": "before", "прежде чем": "before"},
    participle_grammemes=("PRTF",),
    according={"по данным": "gent", "по словам": "gent", "по информации": "gent", "по сведениям": "gent",
               "по оценкам": "gent", "по оценке": "gent", "согласно данным": "gent", "согласно": "datv"},
    speaker_prepositions={"в": "loct", "во": "loct"},
    parenthetical=("как",),
    title_openers=("ранее", "по (?:его|ее|её|их) словам", "по (?:его|ее|её|их) данным", "кроме того", "при этом",
                   "между тем", "однако", "в свою очередь", "напомним", "также"),
    times=(r"\d{1,2}:\d{2}(?::\d{2})?", r"\d{1,2}\.\d{2}(?=\s+(?:по\s+\w+\s+времени|мск|МСК)\b)"),
    introduction=("в", "во", "на", "после", "до", "с", "со", "по", "при", "накануне", "ранее", "позднее", "однако",
                  "между", "тем", "также"),
    pronouns=("он", "она", "они", "оно", "мы", "я", "вы", "который", "которая", "которые"),
    determiners=(),
    after_closing=("в", "во", "на", "накануне", "ранее", "вчера", "сегодня", "журналистам", "агентству"),
    closing_speaker_after=True,
    conjunctions=("и", "но", "а", "затем", "также"),
    capitals="A-ZА-ЯЁ",
    clause_words=("что", "который", "которая", "которое", "которые", "которых", "которым", "где", "когда", "пока",
                  "потому что", "так как", "хотя", "если", "но", "однако", "в том числе", "по данным", "после того как",
                  "чтобы", "а также"),
    title_end_words=("что", "который", "которая", "которые", "где", "когда", "и", "или", "но", "а", "в", "во", "на",
                     "с", "со", "к", "по", "о", "об", "от", "до", "для", "из", "за", "при"),
    comparisons={"до": "up to", "более": "more than", "больше": "more than", "свыше": "more than",
                 "около": "about", "примерно": "about", "приблизительно": "about", "порядка": "about",
                 "почти": "nearly", "не менее": "at least", "по меньшей мере": "at least", "как минимум": "at least",
                 "менее": "fewer than", "меньше": "fewer than", "не более": "at most"},
    scales={"тыс": "thousand", "тысяч": "thousand", "тысячи": "thousand", "млн": "million", "миллиона": "million",
            "миллионов": "million", "млрд": "billion", "миллиарда": "billion", "миллиардов": "billion"},
    currencies={"рубль": "RUB", "руб": "RUB", "доллар": "USD", "долл": "USD", "евро": "EUR", "гривна": "UAH",
                "юань": "CNY", "иена": "JPY", "фунт": "GBP"},
    amount_verbs=("составить", "составлять", "достичь", "достигнуть", "достигать", "превысить", "превышать",
                  "оцениваться", "оценить", "стоить", "быть", "вырасти", "сократиться", "снизиться"),
    counted_states=("погибнуть", "ранить", "убить", "пострадать", "погибший", "раненый", "убитый", "травмировать",
                    "госпитализировать", "задержать", "пропасть"),
    not_counted=("раз", "страна", "государство"),
    coordinators=("и", "а", "еще", "ещё"),
    abbreviations=("г", "гг", "т", "д", "тыс", "млн", "млрд", "руб", "долл", "им", "ул", "янв", "февр", "мар", "апр",
                   "июн", "июл", "авг", "сент", "окт", "нояб", "дек", "ген", "см", "стр"),
)  # fmt: skip

UKRAINIAN: Final = Cues(
    language="uk",
    speech_lemmas=("заявити", "заявляти", "повідомити", "повідомляти", "сказати", "розповісти", "зазначити",
                   "наголосити", "додати", "написати", "писати", "оголосити", "підтвердити", "попередити", "назвати",
                   "передавати", "вважати",
                   "визнати", "уточнити", "вказати", "спростувати", "передати", "стверджувати", "оцінити",
                   "говорити"),
    speech_verbs=("повідомляється", "йдеться", "ідеться"),
    complement_words=("що", "щоб", "нібито", "чи"),
    complement_patterns=("[«“\"]", ":"),
    opener=("що",),
    other_clause=("і", "й", "та", "але", "коли", "після", "до", "був", "була", "було", "були"),
    relative=("був", "була", "було", "були"),
    future=(r"буде", r"будуть", r"планує(?:ться)?", r"планують", r"планува\w*", r"ма(?:є|в|ла|ли) намір",
            r"збира(?:ється|ються|вся|лася|лося|лися)", r"очіку(?:ється|ються|валося|вався|валася|валися)",
            r"передбача(?:ється|лося)", r"повинен", r"повинн\w*", r"має", r"ма(?:в|ла|ло|ли)(?=\s+\w+т[иь](?:ся)?\b)",
            r"може", r"можуть", r"майбутн\w*", r"наступн\w*"),
    future_grammemes=("futr",),
    as_of=("станом",),
    anaphora=("про це", "про що"),
    side_relative=(r"як(?:ий|а|е|і|ого|ої|их|им|ими|ому|ій|у)",),
    side_own=("де", "після того як", "відколи", "до того як", "перш ніж", "коли", "поки", "тому що", "бо"),
    side_order={"після того як": "after", "відколи": "after", "до того як": "before", "перш ніж": "before"},
    side_after_noun=("що",),
    participle_grammemes=("pssv", "PRTF"),
    according={"за даними": "gent", "за словами": "gent", "за інформацією": "gent", "за оцінками": "gent",
               "за оцінкою": "gent", "згідно з даними": "gent", "згідно з": "ablt", "згідно із": "ablt"},
    speaker_prepositions={"в": "loct", "у": "loct"},
    parenthetical=("як",),
    title_openers=("раніше", "за (?:його|її|їхніми|їх) словами", "за (?:його|її|їхніми|їх) даними", "крім того",
                   "при цьому", "водночас", "однак", "проте", "своєю чергою", "нагадаємо", "також"),
    times=(r"\d{1,2}:\d{2}(?::\d{2})?", r"\d{1,2}\.\d{2}(?=\s+(?:за\s+\w+\s+часом)\b)"),
    introduction=("в", "у", "на", "після", "до", "з", "із", "по", "при", "напередодні", "раніше", "пізніше",
                  "однак", "проте", "між", "також"),
    pronouns=("він", "вона", "вони", "воно", "ми", "я", "ви", "який", "яка", "які"),
    after_closing=("в", "у", "на", "напередодні", "раніше", "вчора", "учора", "сьогодні", "журналістам",
                   "агентству"),
    closing_speaker_after=True,
    conjunctions=("і", "й", "та", "але", "а", "також"),
    capitals="A-ZА-ЯЄІЇҐ",
    clause_words=("що", "який", "яка", "яке", "які", "яких", "де", "коли", "поки", "тому що", "бо", "хоча", "якщо",
                  "але", "однак", "зокрема", "за даними", "після того як", "щоб", "а також"),
    title_end_words=("що", "який", "яка", "які", "де", "коли", "і", "й", "та", "або", "але", "а", "в", "у", "на",
                     "з", "із", "до", "по", "про", "від", "для", "за", "при"),
    comparisons={"до": "up to", "понад": "more than", "більш ніж": "more than", "більше ніж": "more than",
                 "більше": "more than", "близько": "about", "приблизно": "about", "майже": "nearly",
                 "щонайменше": "at least", "не менше": "at least", "принаймні": "at least", "менше": "fewer than",
                 "менш ніж": "fewer than", "не більше": "at most"},
    scales={"тис": "thousand", "тисяч": "thousand", "тисячі": "thousand", "млн": "million", "мільйона": "million",
            "мільйонів": "million", "млрд": "billion", "мільярда": "billion", "мільярдів": "billion"},
    currencies={"гривня": "UAH", "грн": "UAH", "долар": "USD", "дол": "USD", "євро": "EUR", "рубль": "RUB",
                "юань": "CNY", "єна": "JPY", "фунт": "GBP"},
    amount_verbs=("скласти", "складати", "становити", "сягнути", "сягати", "досягти", "досягнути", "перевищити",
                  "перевищувати", "оцінюватися", "оцінити", "коштувати", "бути", "зрости", "скоротитися"),
    counted_states=("загинути", "поранити", "вбити", "убити", "постраждати", "загиблий", "поранений", "убитий",
                    "травмувати", "госпіталізувати", "затримати", "зникнути"),
    intransitive_states=("загинути", "постраждати", "зникнути"),
    not_counted=("раз", "країна", "держава"),
    coordinators=("і", "й", "та", "а", "ще"),
    abbreviations=("р", "рр", "т", "тис", "млн", "млрд", "грн", "дол", "ім", "вул", "січ", "лют", "бер", "квіт",
                   "трав", "черв", "лип", "серп", "вер", "жовт", "лист", "груд", "ген", "див", "стор"),
)  # fmt: skip

#: The Hangul syllables that end in ㄹ (the prospective "-ㄹ" of "방문할 것", "열릴 것"): every 28th from "갈".
_RIEUL_FINAL: Final = "".join(chr(syllable) for syllable in range(0xAC00 + 8, 0xD7A4, 28))

KOREAN: Final = Cues(
    language="ko",
    verb_final=True,
    speech_stems=("밝혔", "말했", "전했", "발표했", "보도했", "주장했", "설명했", "강조했", "덧붙였", "알렸",
                  "보고했", "언급했", "지적했", "추정했", "분석했", "확인했", "경고했", "답했", "공개했", "통보했",
                  "시사했", "예상했", "관측했", "부인했", "인정했"),
    complement_endings=("다고", "라고", "냐고", "자고"),
    complement_patterns=("[“\"]",),
    topic_endings=("은", "는"),
    subject_endings=("이", "가", "은", "는"),
    clause_endings=("으며", "이며", "하며", "했으며", "됐으며", "했고", "하고", "되고", "됐고", "지만", "면서", "는데",
                    "으나", "했으나", "했는데"),
    according={"에 따르면": "", "에 의하면": ""},
    according_before=True,
    future=("예정", "계획", "방침", "전망이다", "전망된다", "것으로 보인다", "것으로 예상된다", "할 것이다",
            "될 것이다", "할 방침", f"[{_RIEUL_FINAL}] 것", "겠"),
    times=(r"(?:오전|오후|새벽|아침|저녁|밤)?\s?\d{1,2}시(?:\s?\d{1,2}분)?(?:\s?\d{1,2}초)?",
           r"\d{1,2}:\d{2}(?::\d{2})?"),
    future_after=True,
    leading_adverbs=("앞서", "한편", "또한", "또", "이어", "아울러", "특히", "다만", "이에", "이날", "그러나", "하지만",
                     "이미", "최근"),
    pronouns=("그", "그는", "그녀", "이들", "그들"),
    capitals="A-Z",
    title_end_words=("및", "또는", "그리고", "등"),
    comparisons={"최대": "up to", "최다": "up to", "약": "about", "대략": "about", "최소": "at least",
                 "적어도": "at least", "거의": "nearly", "무려": "", "총": ""},
    scales={},
    counters=("명", "달러", "원", "유로", "위안", "엔", "루블", "대", "발", "척", "개", "곳", "기", "문", "톤", "건",
              "가구", "채", "정", "량", "개국", "개월분"),
    currencies={"달러": "USD", "유로": "EUR", "원": "KRW", "엔": "JPY", "위안": "CNY", "루블": "RUB"},
)  # fmt: skip

#: Each language's table.
CUES: Final[dict[Language, Cues]] = {"en": ENGLISH, "ru": RUSSIAN, "uk": UKRAINIAN, "ko": KOREAN}


@attrs.frozen
class Patterns:
    """The patterns of one :class:`Cues` table, built once (see :func:`patterns`)."""

    cues: Cues
    verbs: re.Pattern[str]
    complement: re.Pattern[str]
    other_clause: re.Pattern[str]
    that_pronoun: str
    opens: re.Pattern[str]
    relative: re.Pattern[str]
    boundary: re.Pattern[str]
    future: re.Pattern[str]
    according: re.Pattern[str]
    dateline: re.Pattern[str]
    not_a_reporter: re.Pattern[str] | None
    introduction: frozenset[str]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    not_plural: frozenset[str]
    after_closing: frozenset[str]
    parenthetical: re.Pattern[str] | None
    title_boundary: re.Pattern[str]
    title_end: re.Pattern[str]
    title_leading: re.Pattern[str]
    title_opening: re.Pattern[str]
    times: re.Pattern[str]
    abbreviations: frozenset[str]
    as_of: re.Pattern[str]
    anaphora: re.Pattern[str]
    side: re.Pattern[str]
    side_verbs: re.Pattern[str]


def _speech_forms(cues: Cues) -> tuple[str, ...]:
    """The speech verbs of ``cues``: those given, and the past and present third-person forms of its lemmas."""
    if cues.speech_stems:
        forms = {stem + ending for stem in cues.speech_stems for ending in KOREAN_VERB_ENDINGS}
        return tuple(sorted(forms | set(cues.speech_verbs), key=lambda word: (-len(word), word)))
    if not cues.speech_lemmas:
        return cues.speech_verbs
    analyzer = morphology(cues.language)
    forms = set(cues.speech_verbs)
    for lemma in cues.speech_lemmas:
        for parse in analyzer.parse(lemma):
            if parse.normal_form != lemma:
                continue
            for form in parse.lexeme:
                tag = form.tag
                if tag.POS != "VERB":
                    continue
                if "past" in tag or ("pres" in tag and "3per" in tag) or ("futr" in tag and "3per" in tag):
                    forms.update({form.word, form.word.replace("ё", "е")})  # "передаёт" is written "передает"
            break
    return tuple(sorted(forms, key=lambda word: (-len(word), word)))


@functools.cache
def morphology(language: Language) -> Any:
    """pymorphy3's analyser of ``language`` (Russian or Ukrainian), made once.

    Raises:
        MissingExtraError: pymorphy3 (the ``draft`` extra) is not installed.

    """
    from chronology._extras import require

    pymorphy3 = require("pymorphy3", "draft", "Drafting from Russian and Ukrainian articles")
    return pymorphy3.MorphAnalyzer(lang=language)


@functools.cache
def patterns(language: Language) -> Patterns:
    """The patterns of ``language``'s cues, built on first use and kept.

    Raises:
        MissingExtraError: for Russian or Ukrainian, pymorphy3 (the ``draft`` extra) is not installed.

    """
    cues = CUES[language]
    verbs = _alternatives(_speech_forms(cues) + cues.verbs_in_context)
    opener = (
        (cues.opener[0] if len(cues.opener) == 1 else f"(?:{_alternatives(cues.opener)})") if cues.opener else _NEVER
    )
    that_pronoun = rf"(?!(?:{_alternatives(cues.opener_not_before)})\b)" if cues.opener_not_before else ""
    words_complement = (
        rf"\b(?:{_alternatives(cues.complement_words)})\b"
        if cues.complement_words
        else rf"(?:{_alternatives(cues.complement_endings)})\b"
    )
    complement = "|".join([words_complement, *cues.complement_patterns])
    according = _alternatives(tuple(cues.according))
    flags = re.IGNORECASE if language != "en" else 0
    not_reporter = re.compile(rf"\b(?:{_alternatives(cues.not_a_reporter)})\s+$|,\s*$") if cues.not_a_reporter else None
    parenthetical = (
        re.compile(rf"\b(?:{_alternatives(cues.parenthetical)})\s+$", re.IGNORECASE) if cues.parenthetical else None
    )
    clause_words = _alternatives(cues.clause_words)
    return Patterns(
        cues=cues,
        verbs=re.compile(rf"\b(?:{verbs})\b", flags),
        complement=re.compile(complement),
        other_clause=re.compile(rf"\b(?:{_alternatives(cues.other_clause)})\b" if cues.other_clause else _NEVER),
        that_pronoun=that_pronoun,
        opens=re.compile(rf"\b{opener}\s+{that_pronoun}|\bwhether\s+|:\s*")
        if language == "en"
        else re.compile(rf"\b{opener}(?:\s*,)?\s+|:\s*"),  # "заявил, что, по данным ГУР, ..."
        relative=re.compile(rf"\b(?:{_alternatives(cues.relative)})\b" if cues.relative else _NEVER),
        boundary=re.compile(rf"[,;:\u2013\u2014(]\s*|\b{opener}\s+{that_pronoun}"),
        future=re.compile(rf"\b(?:{'|'.join(cues.future)})\b|[’']ll\b")
        if language == "en"
        else re.compile(rf"(?:{'|'.join(cues.future)})")  # "예정이다": the word goes on
        if cues.future_after
        else re.compile(rf"\b(?:{'|'.join(cues.future)})\b", re.IGNORECASE),
        according=re.compile(
            rf"(?:^|,\s*)(?P<who>[^,]{{1,60}}?)(?P<cue>{according})"
            if cues.according_before
            else rf"\b(?P<cue>{according}) (?P<who>.+?)(?=[,;:]\s|[.!?][\"”’»]*\s*$|$)"
            if language != "en"
            else rf"\b(?P<cue>{according}) (?P<who>.+?)(?=[,;:]\s|[.!?][\"”’]*\s*$|$)",
            re.IGNORECASE,
        ),
        dateline=re.compile(rf"^[{cues.capitals}][{cues.capitals} .']+\s*[-\u2013\u2014]\s*"),
        not_a_reporter=not_reporter,
        introduction=frozenset(cues.introduction),
        pronouns=frozenset(cues.pronouns),
        determiners=frozenset(cues.determiners),
        not_plural=frozenset(cues.not_plural),
        after_closing=frozenset(cues.after_closing),
        parenthetical=parenthetical,
        title_boundary=re.compile(
            r"\s*[,;:(\u2013\u2014]\s|\s+-\s+|"
            + (
                rf"\s+(?=(?:{clause_words})\s)"
                if cues.clause_words
                else "|".join(rf"(?<={ending})\s" for ending in cues.clause_endings) or _NEVER
            ),
            re.IGNORECASE if language != "en" else 0,
        ),
        title_end=re.compile(
            rf"(?:[\s,;:]+(?:{_alternatives(cues.title_end_words)}))*[\s,;:]*$",
            re.IGNORECASE if language != "en" else 0,
        ),
        title_leading=re.compile(
            rf"^(?:[{cues.capitals}][{cues.capitals}.' ]+[{cues.capitals}.]\s*[-\u2013\u2014]+\s*"
            rf"(?=[{cues.capitals}\"“{'' if language == 'en' else '«'}])|[-\u2013\u2014•*]+\s+)"
        ),
        title_opening=re.compile(
            rf"(?:{_alternatives((*cues.title_openers, *_according_openers(cues)))})\s*,\s*"
            if cues.title_openers
            else _NEVER,
            re.IGNORECASE,
        ),
        times=re.compile(rf"(?<![\w.,:])(?:{_alternatives(cues.times)})" if cues.times else _NEVER, re.IGNORECASE),
        abbreviations=frozenset(cues.abbreviations),
        as_of=re.compile(rf"\b(?:{_alternatives(cues.as_of)})\s+$" if cues.as_of else _NEVER, re.IGNORECASE),
        side=_side_pattern(cues),
        anaphora=re.compile(rf"(?:{_alternatives(cues.anaphora)})\b" if cues.anaphora else _NEVER, re.IGNORECASE),
        side_verbs=re.compile(rf"\b(?:{_alternatives(cues.side_verbs)})\b" if cues.side_verbs else _NEVER),
    )


def _according_openers(cues: Cues) -> tuple[str, ...]:
    """Whom a sentence is according to, opening it before a comma ("По данным ГУР,", "За словами джерела УП,")."""
    if cues.according_before:
        return ()
    return tuple(rf"{re.escape(cue).replace(chr(92) + ' ', chr(92) + 's+')}\s[^,]{{1,60}}" for cue in cues.according)


def _side_pattern(cues: Cues) -> re.Pattern[str]:
    """What opens a side clause, each kind a named group.

    A relative word (``relative``), one after a noun's comma (``after_noun``), a word before a clause with its own
    subject (``own``), or a participle after a comma (``participle``).
    """
    kinds = [
        ("relative", rf"(?:,\s*|\s)(?:{_alternatives(cues.side_relative)})\s+" if cues.side_relative else ""),
        ("after_noun", rf",\s*(?:{_alternatives(cues.side_after_noun)})\s+" if cues.side_after_noun else ""),
        ("own", rf"(?:^|(?<=[\s,]))(?:{_alternatives(cues.side_own)})\s+" if cues.side_own else ""),
        ("participle", rf",\s*(?={cues.participle})" if cues.participle else ""),
    ]
    alternatives = "|".join(f"(?P<{name}>{pattern})" for name, pattern in kinds if pattern)
    flags = re.IGNORECASE if cues.language != "en" else 0
    return re.compile(alternatives or _NEVER, flags)
