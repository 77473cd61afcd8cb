"""Chapters paired by what they say (bot.story.changes.align_chapters): a prologue added, a chapter
taken out, as a map from old chapter numbers to new ones. Pure; no database."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.story.changes import StoredChapter, align_chapters, chapter_digest, chapter_moves, compare_chapters
from bot.story.model import Chapter, Scene, Story, StoryMeta

SIGN_OFF = "Thank you all so much for reading, please leave a comment if you liked it!!"


def chapter(tag: str, paragraphs: int = 3) -> list[str]:
    return [
        f"Paragraph {n} of the chapter called {tag}, long enough to tell one chapter from another."
        for n in range(paragraphs)
    ]


def aligned(old: list[list[str]], new: list[list[str]]) -> list[int | None]:
    digest = [chapter_digest(None, paragraphs) for paragraphs in old]
    return align_chapters(digest, [chapter_digest(None, paragraphs) for paragraphs in new], old, new)


def moves(old: list[list[str]], new: list[list[str]], shifted: int = 0) -> dict[int, int | None]:
    return chapter_moves(shifted, aligned(old, new), len(new))


STORY = [chapter(f"c{n}") for n in range(1, 9)]


def test_a_prologue_added_moves_every_chapter_up_by_one() -> None:
    assert moves(STORY, [chapter("prologue"), *STORY]) == {n: n + 1 for n in range(1, 9)}


def test_a_chapter_added_in_the_middle_moves_only_the_ones_after_it() -> None:
    assert moves(STORY, [*STORY[:4], chapter("missing"), *STORY[4:]]) == {5: 6, 6: 7, 7: 8, 8: 9}


def test_a_chapter_taken_out_of_the_middle_is_gone_and_the_ones_after_move_down() -> None:
    assert moves(STORY, STORY[:4] + STORY[5:]) == {5: None, 6: 5, 7: 6, 8: 7}


def test_an_edited_chapter_beside_the_one_added_is_still_paired_with_itself() -> None:
    edited = [STORY[2][0], "A new paragraph the author wrote for this chapter, nothing like the old one.", STORY[2][2]]
    new = [*STORY[:2], chapter("interlude"), edited, *STORY[3:]]
    assert aligned(STORY, new) == [0, 1, 3, 4, 5, 6, 7, 8]


def test_a_chapter_taken_out_and_its_neighbour_edited_pair_the_neighbour() -> None:
    edited = [*STORY[5][:2], "The ending of this chapter was rewritten from the first word to the last."]
    new = [*STORY[:4], edited, *STORY[6:]]
    assert aligned(STORY, new) == [0, 1, 2, 3, None, 4, 5, 6]


def test_chapters_rewritten_in_place_pair_by_position() -> None:
    new = [*STORY[:3], *(chapter(f"rewritten {n}") for n in range(5))]
    assert aligned(STORY, new) == list(range(8))
    assert moves(STORY, new) == {}


TITLES = ["The Harbour", "The Orchard", "The Quarry", "The Chapel", "The Ferry", "The Bell", "The Gulls", "The Lamp"]


def titled(
    old: list[list[str]], new: list[list[str]], old_titles: list[str], new_titles: list[str]
) -> list[int | None]:
    digests = [chapter_digest(t, p) for t, p in zip(old_titles, old, strict=True)]
    new_digests = [chapter_digest(t, p) for t, p in zip(new_titles, new, strict=True)]
    return align_chapters(digests, new_digests, old, new, old_titles, new_titles)


def test_a_chapter_rewritten_whole_beside_one_added_pairs_by_its_title() -> None:
    """No paragraph of chapter 3 was left, and an interlude came before it: by position the old
    chapter 3 was paired with the interlude (its reviews, progress and posts went there), and the
    rewritten chapter was new. Its title, held by it alone there, pairs it first."""
    new = [*STORY[:2], chapter("interlude"), chapter("the quarry, rewritten"), *STORY[3:]]
    new_titles = [*TITLES[:2], "Interlude", *TITLES[2:]]
    assert titled(STORY, new, TITLES, new_titles) == [0, 1, 3, 4, 5, 6, 7, 8]


def test_a_chapter_rewritten_whole_beside_one_taken_out_pairs_by_its_title() -> None:
    new = [*STORY[:3], chapter("the ferry, rewritten"), *STORY[5:]]
    assert titled(STORY, new, TITLES, TITLES[:3] + TITLES[4:]) == [0, 1, 2, None, 3, 4, 5, 6]


def test_an_update_pairs_a_chapter_rewritten_whole_by_its_title() -> None:
    """What /story update compares (``compare_chapters``) hands the titles on: the rewritten chapter 3
    is changed and moved to 4, the interlude new, and nothing is taken out."""
    old = [StoredChapter(title, json.dumps([paragraphs])) for title, paragraphs in zip(TITLES, STORY, strict=True)]
    new_chapters = [*STORY[:2], chapter("interlude"), chapter("the quarry, rewritten"), *STORY[3:]]
    new_titles = [*TITLES[:2], "Interlude", *TITLES[2:]]
    story = Story(
        StoryMeta("Gull Point"),
        [Chapter(n, t, [Scene(p)]) for n, (t, p) in enumerate(zip(new_titles, new_chapters, strict=True), start=1)],
        "md",
    )
    changes = compare_chapters(old, story)
    assert (changes.changed, changes.added, changes.removed) == ([4], [3], [])
    assert changes.moves == {n: n + 1 for n in range(3, 9)}


def test_titles_that_say_only_a_number_or_repeat_pair_by_position_as_before() -> None:
    new = [*STORY[:2], chapter("interlude"), chapter("rewritten"), *STORY[3:]]
    numbered = [f"Part {n}" for n in range(1, 9)]
    assert titled(STORY, new, ["1", "2", "3", *numbered[3:]], ["1", "2", "9", "3", *numbered[3:]]) == [
        0, 1, 2, 4, 5, 6, 7, 8
    ]  # fmt: skip
    same = ["Untitled"] * 8
    assert titled(STORY, new, same, [*same, "Untitled"]) == [0, 1, 2, 4, 5, 6, 7, 8]


def test_a_sign_off_under_every_chapter_pairs_nothing_by_itself() -> None:
    """A paragraph every chapter repeats is no sign of which chapter is which: the prologue, which
    has it too, is not taken for chapter 1."""
    signed = [[*paragraphs, SIGN_OFF] for paragraphs in STORY]
    edited = [[STORY[0][0], "Chapter one now opens differently, after a reader's comment on it.", SIGN_OFF]]
    new = [["A prologue of one short scene, set years before the rest of the story begins.", SIGN_OFF]]
    assert aligned(signed, [*new, *edited, *signed[1:]]) == list(range(1, 9))


def test_chapters_taken_down_at_the_end_move_past_the_new_end_with_the_chapter_before() -> None:
    assert moves(STORY, STORY[:6]) == {}  # kept their numbers: "no longer in the story"
    assert moves(STORY, [chapter("prologue"), *STORY[:6]]) == {n: n + 1 for n in range(1, 9)}
    assert moves(STORY, STORY[:2] + STORY[3:6]) == {3: None, 4: 3, 5: 4, 6: 5, 7: 6, 8: 7}


def test_chapters_now_notes_are_gone_and_the_rest_move_down() -> None:
    dedication = [["For my grandmother, who kept the tide tables."]]
    old = dedication + STORY
    pairs = aligned(old[1:], STORY)
    assert chapter_moves(1, pairs, len(STORY)) == {1: None} | {n: n - 1 for n in range(2, 10)}


@st.composite
def edits(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]], dict[int, int]]:
    """A story, a new version with chapters added and taken out anywhere (one surviving chapter maybe
    edited), and where each surviving old chapter is in it. Between two surviving chapters chapters
    are added or taken out, not both: both is a rewrite in place, paired by position (below)."""
    count = draw(st.integers(1, 30))
    old = [chapter(f"old {n}", draw(st.integers(1, 4))) for n in range(count)]
    kept = [n for n in range(count) if not draw(st.booleans()) or n == 0]  # at least one survives
    new: list[list[str]] = []
    where: dict[int, int] = {}
    added = 0
    previous = -1
    for n in [*kept, count]:
        if n == previous + 1:  # nothing taken out just before: chapters may be added here
            while draw(st.integers(0, 4)) == 4:
                new.append(chapter(f"added {added}", draw(st.integers(1, 3))))
                added += 1
        if n < count:
            where[n + 1] = len(new) + 1
            new.append(list(old[n]))
        previous = n
    touched = draw(st.sampled_from(kept))
    if len(old[touched]) >= 3:  # an edit that keeps most of the chapter
        new[where[touched + 1] - 1][1] = "A paragraph the author rewrote in this chapter, unlike any other one."
    return old, new, where


def test_chapters_taken_out_where_others_were_added_are_those_chapters_rewritten() -> None:
    """Nothing tells a chapter rewritten from its first word from one taken out and another added:
    paired by position, it is that chapter changed, as before chapters were paired by text."""
    new = [*STORY[:3], chapter("new words"), *STORY[5:]]
    assert aligned(STORY, new) == [0, 1, 2, 3, None, 4, 5, 6]


@given(edits())
@settings(max_examples=300, deadline=None)
def test_every_surviving_chapter_is_sent_to_its_new_place(
    case: tuple[list[list[str]], list[list[str]], dict[int, int]],
) -> None:
    old, new, where = case
    pairs = aligned(old, new)
    found = {index + 1: target + 1 for index, target in enumerate(pairs) if target is not None}
    assert found == where
    mapped = chapter_moves(0, pairs, len(new))
    for number in range(1, len(old) + 1):
        now = mapped.get(number, number)
        if number in where:
            assert now == where[number]
        else:  # gone: its number another chapter's, or past the new end
            assert now is None or now > len(new)
    numbers = [mapped.get(n, n) for n in range(1, len(old) + 1)]
    kept = [n for n in numbers if n is not None]
    assert kept == sorted(set(kept))  # in order, no two on one number


@given(st.integers(1, 40), st.integers(0, 40), st.booleans())
@settings(max_examples=200, deadline=None)
def test_one_chapter_added_or_taken_out_anywhere(count: int, at: int, add: bool) -> None:
    old = [chapter(f"c{n}", 2) for n in range(count)]
    at = min(at, count if add else count - 1)
    if add:
        new = [*old[:at], chapter("inserted"), *old[at:]]
        expected: dict[int, int | None] = {n: n + 1 for n in range(at + 1, count + 1)}
    else:
        new = old[:at] + old[at + 1 :]
        if not new:
            return
        last = at + 1 == count  # taken down at the end keeps its number past the end
        expected = {} if last else {at + 1: None} | {n: n - 1 for n in range(at + 2, count + 1)}
    assert moves(old, new) == expected
