"""A pronoun speaker ("He added that ...") stands for the speaker named last, said in a comment to check."""

from __future__ import annotations

import pytest

from chronology.draft.article import article_from_text
from chronology.draft.propose import draft_article

HEAD = "Troops in Kursk\n\nKYIV, 12 March 2024 (Reuters) - "


def _claims(body: str) -> list[tuple[str, str, tuple[str, ...]]]:
    drafted = draft_article(article_from_text(HEAD + body, "a.txt"), language="en")
    return [
        (claim.value.text, claim.claimant, proposal.comments)
        for proposal in drafted.proposals
        for claim in proposal.event.claims
    ]


@pytest.mark.parametrize(("pronoun", "verb"), [("He", "added"), ("She", "said"), ("They", "said"), ("It", "said")])
def test_a_pronoun_speaker_is_the_speaker_named_in_the_sentence_before(pronoun: str, verb: str) -> None:
    body = (
        "Defence minister Rustem Umerov said on Monday that Russia had lost ground near Kupiansk. "
        f"{pronoun} {verb} that about 12,000 North Korean soldiers were fighting in Kursk."
    )
    [(value, claimant, comments)] = _claims(body)
    assert (value, claimant) == ("about 12,000", "Defence minister Rustem Umerov")
    assert any(repr(pronoun) in line and "Rustem Umerov" in line and "check" in line for line in comments)


def test_a_named_speaker_is_kept_and_no_comment_is_written() -> None:
    body = (
        "Defence minister Rustem Umerov said on Monday that Russia had lost ground near Kupiansk. "
        "The Pentagon said that about 12,000 North Korean soldiers were fighting in Kursk."
    )
    [(value, claimant, comments)] = _claims(body)
    assert (value, claimant) == ("about 12,000", "The Pentagon")
    assert not any("speaker named last" in line for line in comments)


def test_a_pronoun_with_no_speaker_named_just_before_is_left_unnamed() -> None:
    far = (
        "Defence minister Rustem Umerov said on Monday that Russia had lost ground near Kupiansk. "
        "Fighting continued through the week. "
        "He added that about 12,000 North Korean soldiers were fighting in Kursk."
    )
    alone = "He added that about 12,000 North Korean soldiers were fighting in Kursk."
    for body in (far, alone):
        [(value, claimant, comments)] = _claims(body)
        assert (value, claimant) == ("about 12,000", "")
        assert not any("speaker named last" in line for line in comments)
