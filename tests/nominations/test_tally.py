"""Reading a finished poll: properties that hold for any counts."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from bot.limits import MESSAGE_CHARS
from bot.nominations.service import compose, title_key
from bot.nominations.store import Nomination
from bot.nominations.tally import NO_VOTES, TIE, WINNER, tally
from bot.text import escape_char, utf16_len


def nominations(count: int) -> list[Nomination]:
    return [
        Nomination(id=100 + i, round_id=1, title=f"Book {i}", title_key=f"book {i}", story_id=None,
                   nominated_by=1, created_at=0.0, answer_id=i + 1)
        for i in range(count)
    ]  # fmt: skip


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=2, max_size=10))
def test_the_leaders_hold_the_most_votes_and_a_tie_means_more_than_one(counts: list[int]) -> None:
    polled = nominations(len(counts))
    outcome = tally(polled, {i + 1: c for i, c in enumerate(counts)})
    assert outcome.total == sum(counts)
    if sum(counts) == 0:
        assert (outcome.kind, outcome.leaders) == (NO_VOTES, [])
        return
    best = max(counts)
    assert outcome.votes == best
    assert [n.answer_id for n in outcome.leaders] == [i + 1 for i, c in enumerate(counts) if c == best]
    assert outcome.kind == (WINNER if counts.count(best) == 1 else TIE)
    assert (outcome.winner is not None) == (outcome.kind == WINNER)
    announcement = compose(outcome, lambda n: False)
    assert len(announcement.buttons) == len(outcome.leaders)
    assert "@" not in announcement.text
    for leader in outcome.leaders:
        assert f"**{leader.title}**" in announcement.text


def test_answers_outside_the_poll_and_nominations_without_answers_are_ignored() -> None:
    polled = nominations(3)
    late = Nomination(id=9, round_id=1, title="Late", title_key="late", story_id=None, nominated_by=1, created_at=0)
    outcome = tally([*polled, late], {1: 2, 2: 5, 7: 40})
    assert outcome.kind == WINNER and outcome.winner == polled[1] and outcome.total == 7


_WORDS = st.lists(
    st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=8), min_size=1, max_size=6
)


@given(_WORDS, st.data())
def test_a_title_keys_the_same_whatever_its_case_and_spacing(words: list[str], data: st.DataObject) -> None:
    # Unicode caseless matching (casefold) is the definition; letters whose upper case folds to another
    # letter (Turkish dotless ı -> I -> i) are outside it.
    assume(all(w.upper().casefold() == w.casefold() == w.lower().casefold() for w in words))
    title = " ".join(words)
    gaps = [data.draw(st.sampled_from([" ", "  ", "\t", " \u00a0 "])) for _ in words]
    variant = "".join(
        gap + (w.upper() if data.draw(st.booleans()) else w.lower()) for gap, w in zip(gaps, words, strict=True)
    )
    variant = data.draw(st.sampled_from(["", " ", "\n"])) + variant + data.draw(st.sampled_from(["", "  "]))
    assert title_key(variant) == title_key(title)
    assert title_key(title) == title_key(title_key(title))  # a key is its own key


@given(
    st.lists(st.integers(min_value=1, max_value=3), min_size=2, max_size=10),
    st.sampled_from(["@", "*", "_", "😀", "a"]),
    st.booleans(),
)
def test_any_result_of_any_titles_fits_one_message(counts: list[int], char: str, in_library: bool) -> None:
    """Ten tied titles of 200 markdown characters each, escaped, once passed Discord's 2,000."""
    polled = [
        Nomination(id=100 + i, round_id=1, title=f"{i} " + char * 198, title_key=f"{i}", story_id=None,
                   nominated_by=1, created_at=0.0, answer_id=i + 1)
        for i in range(len(counts))
    ]  # fmt: skip
    outcome = tally(polled, {i + 1: c for i, c in enumerate(counts)})
    announcement = compose(outcome, lambda n: in_library)
    assert utf16_len(announcement.text) <= MESSAGE_CHARS
    assert all(f"**{escape_char(str(leader.answer_id - 1))}" in announcement.text for leader in outcome.leaders)
