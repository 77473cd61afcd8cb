"""The chart image and the text views: valid, bounded, and never naming hidden members."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from bot.progress.bars import progress_bar, progress_line
from bot.progress.chart import render_club_chart
from bot.progress.render import club_text, member_text, name_list
from bot.progress.store import ClubProgress, MemberPosition, StoryProgress, StoryRef

STORY = StoryRef(id=1, title="The Lighthouse", chapter_count=9)


def club_of(count: int, *, hidden: int = 0, story: StoryRef = STORY) -> ClubProgress:
    named = [MemberPosition(100 + i, f"Reader {i}", i % (story.chapter_count + 1)) for i in range(count)]
    return ClubProgress.of(story, named, [story.chapter_count] * hidden)


def open_png(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.verify()  # raises on a corrupt file
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize("members", [0, 1, 500])
def test_chart_is_a_valid_png_of_sensible_size(members: int) -> None:
    data = render_club_chart(club_of(members, hidden=2), target=4)
    image = open_png(data)
    assert image.format == "PNG"
    width, height = image.size
    assert 400 <= width <= 1200 and 150 <= height <= 1200
    assert len(data) < 500_000  # well under Discord's 8 MiB upload limit


def test_chart_for_a_story_with_many_chapters_stays_bounded() -> None:
    long_story = StoryRef(id=2, title="A very long serial " * 10, chapter_count=400)
    image = open_png(render_club_chart(club_of(2_000, story=long_story), target=350))
    assert image.size[0] <= 1200 and image.size[1] <= 1200


def test_chart_marks_caught_up_members_in_another_colour() -> None:
    small = ClubProgress.of(STORY, [MemberPosition(1, "Ada", 9), MemberPosition(2, "Bo", 2)], [])
    with_target = open_png(render_club_chart(small, target=5)).convert("RGB")
    colours = {colour for _, colour in with_target.getcolors(1_000_000)}
    assert (59, 165, 93) in colours  # caught up
    assert (88, 101, 242) in colours  # still reading


def test_club_text_counts_hidden_members_without_naming_them() -> None:
    club = ClubProgress.of(STORY, [MemberPosition(1, "Ada", 9), MemberPosition(2, "Bo", 2)], [9, 1])
    text = club_text(club, target=5, target_label="the next discussion")
    assert "4 members (2 hidden)" in text
    assert "Caught up with the next discussion (chapter 5): 2 — <@1>, plus 1 hidden member" in text
    assert "`██░░░░░░░░ 2/9` <@2>" in text
    assert set(re.findall(r"<@(\d+)>", text)) == {"1", "2"}


def test_club_text_for_an_empty_club_says_how_to_start() -> None:
    text = club_text(ClubProgress.of(STORY, [], []), target=9, target_label="the latest chapter")
    assert "No one has shared their progress" in text and "/progress set" in text


@pytest.mark.parametrize("members", [21, 500, 10_000])
def test_club_text_for_large_clubs_pages_and_names_everyone_caught_up(members: int) -> None:
    """Every page fits a message, and every member caught up is named on exactly one page: the
    caught-up line used to end "and N more" with no way to see the rest."""
    club = club_of(members, hidden=3)
    pages = [club_text(club, target=4, target_label="the latest chapter", budget=2000)]
    while "next: `/progress club page:" in pages[-1]:
        pages.append(club_text(club, target=4, target_label="the latest chapter", budget=2000, page=len(pages) + 1))
    caught = {user_id for user_id, chapter in club.positions if chapter >= 4}
    named = [int(found) for page in pages for found in re.findall(r"<@(\d+)>", page)]
    assert sorted(named) == sorted(caught)  # each once, none left out, nobody behind named
    for page in pages:
        assert len(page) <= 2000
        assert "Members per chapter reached:" in page and "plus 3 hidden members" in page
        assert " more" not in page
    if members > 100:
        assert "named at the end of the list, plus 3 hidden members" in pages[0]
        assert "Caught up with chapter 4:" in "".join(pages)


def test_a_big_club_with_few_caught_up_names_them_at_the_top() -> None:
    named = [MemberPosition(100 + i, None, 9 if i < 3 else 1) for i in range(50)]
    text = club_text(ClubProgress.of(STORY, named, []), target=9, target_label="the latest chapter")
    assert "Caught up with the latest chapter (chapter 9): 3 — <@100>, <@101>, <@102>" in text
    assert "Caught up with chapter 9:" not in text


def test_name_list_stays_within_its_limit() -> None:
    text = name_list(list(range(10**17, 10**17 + 500)), 0, limit=300)
    assert len(text) <= 300 and text.endswith("more")
    assert name_list([], 0, limit=100) == "nobody yet"
    assert name_list([], 2, limit=100) == "2 hidden members"
    assert name_list([10**17], 0, limit=5) == "1 member"  # none fits: counted, never "1 members"


def test_member_text_lists_each_story_with_a_bar() -> None:
    stories = [StoryProgress(1, "First", 3, 9, 0.0), StoryProgress(2, "Second", 3, 3, 0.0)]
    text = member_text(stories, whose="Your")
    assert text.splitlines() == ["Your reading:", "`███░░░░░░░ 3/9` **First**", "`██████████ 3/3` **Second**"]
    assert "not started any story" in member_text([], whose="<@5> has")
    # A list past the budget is paged, every story on a page and the next page named, never cut.
    long = [StoryProgress(n, f"Story {n} " + "x" * 150, 1, 9, 0.0) for n in range(3)]
    first = member_text(long, whose="Your", budget=400)
    assert "Story 0" in first and "Story 2" not in first and "next: `/progress show page:2`" in first
    last = member_text(long, whose="Your", budget=400, page=3)
    assert "Story 2" in last and last.endswith("the last")


def test_an_empty_list_tells_only_its_owner_to_record_progress() -> None:
    assert "Use `/progress set`" in member_text([], whose="You have")
    about_another = member_text([], whose="<@5> has", mine=False)
    assert about_another == "<@5> has not started any story yet."


def test_story_titles_cannot_inject_markdown() -> None:
    club = ClubProgress.of(StoryRef(1, "**bold** ||spoiler||", 3), [], [])
    assert "\\*\\*bold\\*\\*" in club_text(club, target=3, target_label="x")


def test_bars() -> None:
    assert progress_bar(0, 9) == "░" * 10
    assert progress_bar(9, 9) == "█" * 10
    assert progress_bar(1, 100) == "█" + "░" * 9  # started shows at least one block
    assert progress_bar(99, 100) == "█" * 9 + "░"  # not finished never looks finished
    assert progress_line(12, 9) == "██████████ 9/9"
