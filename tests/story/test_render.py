"""Rendering: header first, every story character behind a spoiler, nothing lost, nobody pinged."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.story.model import Chapter, HeaderWarning, Scene, StoryMeta
from bot.story.render import (
    CONTINUED,
    SCENE_DIVIDER,
    escape_markdown,
    normalize_whitespace,
    render_chapter,
    unescape_markdown,
    unrender,
    utf16_len,
)

STORY_MESSAGE = re.compile(
    rf"(?:{re.escape(SCENE_DIVIDER)})?\|\|(?P<body>.+)\|\|(?:{re.escape(CONTINUED)})?", re.DOTALL
)
NONE = {"parse": []}
MENTION = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)")


def chapter_of(*scenes: list[str], number: int = 1, title: str | None = None) -> Chapter:
    return Chapter(number, title, [Scene(list(paragraphs)) for paragraphs in scenes])


def story_bodies(payloads: list[dict]) -> list[str]:
    bodies = []
    for data in payloads[1:]:
        match = STORY_MESSAGE.fullmatch(data["content"])
        assert match is not None, data["content"][:80]
        bodies.append(match.group("body"))
    return bodies


def assert_inside_one_spoiler(body: str) -> None:
    """No unescaped '|' inside: the body cannot close its spoiler early or open another."""
    stripped = re.sub(r"\\.", "", body, flags=re.DOTALL)
    assert "|" not in stripped


def test_header_comes_first_with_everything() -> None:
    chapter = chapter_of(["word " * 460], title="The Ford", number=3)
    warnings = [
        HeaderWarning("miscarriage", "Miscarriage", "declared", avoided=True),
        HeaderWarning("blood-gore", "Blood/gore", "detected"),
    ]
    payloads = render_chapter(StoryMeta(title="A Life_Left *Behind*"), chapter, warnings)
    header = payloads[0]["content"]
    assert header.splitlines()[0] == "📖 **A Life\\_Left \\*Behind\\*** · Chapter 3: The Ford"
    assert "460 words · about 2 min read" in header
    assert "🚫 **Miscarriage** (author; you avoid this), **Blood/gore** (detected)" in header
    assert "1 warning you asked to avoid" in header
    assert "||" not in header
    assert all(data["allowed_mentions"] == NONE and data["embeds"] == [] for data in payloads)


def test_a_header_says_an_unsettled_warning_is_under_review_without_naming_it() -> None:
    """It said "none declared or detected" while Dogear had found a possible warning (or a member had
    reported one) that no admin had answered: a member read that as a clean bill."""
    chapter = chapter_of(["Text."])
    waiting = [HeaderWarning("suicide", "Suicide", "possible")]
    header = render_chapter("T", chapter, waiting)[0]["content"]
    assert "Warnings: none declared or confirmed; 1 possible warning is waiting for an admin's review." in header
    assert "Suicide" not in header and "detected" not in header


def test_the_review_note_is_only_for_a_chapter_that_shows_no_warning() -> None:
    chapter = chapter_of(["Text."])
    header = render_chapter(
        "T", chapter, [HeaderWarning("grief", "Grief", "detected"), HeaderWarning("suicide", "Suicide", "possible")]
    )[0]["content"]
    assert "⚠️ Warnings: **Grief** (detected)" in header
    assert "review" not in header and "Suicide" not in header
    strict = [HeaderWarning("suicide", "Suicide (possible)", "possible", avoided=True)]
    private = render_chapter("T", chapter, strict)[0]["content"]
    assert "Suicide (possible)" in private and "review" not in private


def test_header_without_warnings_and_with_too_many() -> None:
    chapter = chapter_of(["Text."])
    assert "Warnings: none declared or detected." in render_chapter("T", chapter)[0]["content"]
    many = [HeaderWarning(f"w{i}", f"Warning number {i} " + "x" * 40, "detected") for i in range(100)]
    header = render_chapter("T", chapter, many, budget=500)[0]["content"]
    assert utf16_len(header) <= 500 and "more" in header


def test_a_long_title_is_shortened_before_the_warnings_are() -> None:
    chapter = chapter_of(["Text."], title="A chapter title that runs on for quite a while, " * 3)
    warnings = [HeaderWarning("grief", "Grief", "declared"), HeaderWarning("self-harm", "Self-harm", "detected")]
    header = render_chapter("The very long *title* of a story that goes on " * 4, chapter, warnings, budget=300)[0]
    content = header["content"]
    assert utf16_len(content) <= 300
    assert "**Grief** (author), **Self\\-harm** (detected)" in content, content
    assert content.startswith("📖 **The very long \\*title\\* of") and "…** · Chapter 1: A chapter" in content
    assert content.endswith("click a block to reveal it.")


def test_markdown_and_mentions_are_escaped() -> None:
    text = "@everyone @here <@123> <@&456> <#789> [link](https://evil.example) **bold** `code` > quote \\ | ~ _x_"
    payloads = render_chapter("T", chapter_of([text, "# heading", "- list", "1. ordered", "https://example.com/x"]))
    content = payloads[1]["content"]
    for raw in ("@everyone", "@here", "[link](", "**", "https://", "\n#", "\n-", "\n1."):
        assert raw not in content
    assert not MENTION.search(content)
    assert unescape_markdown(escape_markdown(text)) == text
    assert unrender(payloads) == "\n\n".join([text, "# heading", "- list", "1. ordered", "https://example.com/x"])


def test_scenes_start_new_messages_with_a_visible_divider() -> None:
    payloads = render_chapter("T", chapter_of(["One.", "Two."], ["Three."], ["Four."]))
    contents = [p["content"] for p in payloads[1:]]
    assert contents == ["||One.\n\nTwo.||", f"{SCENE_DIVIDER}||Three.||", f"{SCENE_DIVIDER}||Four.||"]


def test_paragraphs_pack_and_split_at_paragraphs_first() -> None:
    paragraphs = [f"Paragraph {i}" + " words" * 50 for i in range(20)]
    payloads = render_chapter("T", chapter_of(paragraphs), budget=1000)
    for body in story_bodies(payloads):
        assert not body.endswith(" ")  # no mid-paragraph cuts were needed
    assert normalize_whitespace(unrender(payloads)) == normalize_whitespace("\n\n".join(paragraphs))


def test_long_paragraph_splits_at_sentences_before_words() -> None:
    sentence = "The river ran high and brown under the bridge that morning. "
    paragraph = sentence * 80
    payloads = render_chapter("T", chapter_of([paragraph.strip()]), budget=500)
    for data in payloads[1:-1]:
        assert data["content"].endswith("morning. ||" + CONTINUED)


@pytest.mark.parametrize(
    "sentence",
    [
        "我们一起去看海，她说今天的风很大。",  # Chinese: no spaces, a full-width full stop
        "「もう帰ろう」と彼は言った！",  # Japanese: the sentence ends after its closing bracket
        "這是一個很長的句子嗎？",  # a full-width question mark
        "هل ذهبت إلى البحر اليوم؟ ",  # Arabic question mark, then a space
        "यह एक लंबा वाक्य है। ",  # Devanagari danda, then a space
    ],
)
def test_long_paragraph_without_latin_full_stops_splits_at_its_sentences(sentence: str) -> None:
    """A CJK paragraph has no spaces: without its own full stops, cuts fell mid-word."""
    paragraph = (sentence * 200).strip()
    payloads = render_chapter("T", chapter_of([paragraph]), budget=500)
    assert len(payloads) > 3 and unrender(payloads) == paragraph
    for body in story_bodies(payloads)[:-1]:
        assert sentence.strip().endswith(body.rstrip()[-1]), body[-20:]


def test_unbroken_run_splits_between_graphemes() -> None:
    run = "👩‍👩‍👧‍👦e\u0301🇩🇪" * 400
    payloads = render_chapter("T", chapter_of([run]), budget=300)
    assert unrender(payloads) == run
    assert_cuts_on_grapheme_boundaries(run, payloads)


def assert_cuts_on_grapheme_boundaries(paragraph: str, payloads: list[dict]) -> None:
    boundaries = {m.end() for m in regex.finditer(r"\X", paragraph)} | {0}
    offset = 0
    for data in payloads[1:]:
        match = STORY_MESSAGE.fullmatch(data["content"])
        assert match is not None
        offset += len(unescape_markdown(match.group("body")))
        assert offset in boundaries


def test_budget_is_configurable() -> None:
    payloads = render_chapter("T", chapter_of(["word " * 2000]), budget=300)
    assert all(utf16_len(p["content"]) <= 300 for p in payloads)


# -- properties -----------------------------------------------------------------------

SPECIAL = [*list("|`\\@*_~<>#-[]():.!?\n "), "@everyone", "@here", "<@123>", "<@&1>", "<#9>", "https://x.y", "\u200b"]
CHUNKS = st.one_of(
    st.text(min_size=1, max_size=40),
    st.sampled_from(SPECIAL),
    st.sampled_from(["👩‍👩‍👧", "e\u0301", "🇫🇷", "\U0001f600", "각", "ก่"]),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "\\", "|", "`", "@", "😀"]), st.integers(1, 3000)),
)
PARAGRAPH = st.lists(CHUNKS, min_size=1, max_size=12).map("".join).filter(lambda p: p.strip() != "")
SCENES = st.lists(st.lists(PARAGRAPH, min_size=1, max_size=4), min_size=1, max_size=3)
BUDGETS = st.sampled_from([2000, 1000, 300, 120])


@settings(max_examples=150)
@given(scenes=SCENES, budget=BUDGETS)
def test_round_trip_and_limits(scenes: list[list[str]], budget: int) -> None:
    chapter = chapter_of(*scenes)
    payloads = render_chapter("Title", chapter, budget=budget)
    assert normalize_whitespace(unrender(payloads)) == normalize_whitespace(chapter.text)
    for data in payloads:
        assert utf16_len(data["content"]) <= budget
        assert data["allowed_mentions"] == NONE
        assert "@everyone" not in data["content"] and "@here" not in data["content"]
        assert not MENTION.search(data["content"])
    for body in story_bodies(payloads):
        assert_inside_one_spoiler(body)


@settings(max_examples=100)
@given(paragraph=PARAGRAPH, budget=BUDGETS)
def test_splits_never_break_a_grapheme_or_escape(paragraph: str, budget: int) -> None:
    payloads = render_chapter("Title", chapter_of([paragraph]), budget=budget)
    assert unrender(payloads) == paragraph  # exact, since nothing joins paragraphs here
    assert_cuts_on_grapheme_boundaries(paragraph, payloads)


@given(st.text())
def test_escape_round_trip(text: str) -> None:
    assert unescape_markdown(escape_markdown(text)) == text


def test_a_tight_header_names_the_avoided_warnings_and_notices_before_counting_the_rest() -> None:
    """Counted from the end when the budget ran short, the notices (which come last) and a reader's
    own avoided warning were the first to become "and N more": "Not read for warnings" gone, the
    header read as a list of what Dogear found."""
    chapter = chapter_of(["Text."])
    many = [HeaderWarning(f"w{i}", f"Warning number {i} " + "x" * 40, "detected") for i in range(30)]
    avoided = HeaderWarning("self-harm", "Self-harm", "declared", avoided=True)
    notice = HeaderWarning("not-english", "Not read for warnings: Dogear reads English only", "detected")
    header = render_chapter("T", chapter, [*many, avoided, notice], budget=600)[0]["content"]
    assert "**Self\\-harm**" in header and "Not read for warnings" in header
    assert "more" in header and "Warning number 29" not in header
