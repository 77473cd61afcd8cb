"""Story files misread, found in the forty-ninth session's eighteenth round of reading (files of
the shapes real tools and sites make, written for it; the probe files stay out of the repository):

- a Wix blog post saved from the browser: its line over the title (the author's name, the date and
  "4 min read"), which Wix names by its scripts' ``data-hook`` where its classes are generated, was a
  chapter 1 of its own, the post a second chapter, and the story had no author;
- a newsletter's email saved or pasted as text with each link's address after it ("View this post on
  the web at https://...", "Unsubscribe https://..."), as Substack's plain-text email sets them: story
  text.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import read_text
from tests.story.test_reader_gaps47 import STORY


def _read_html(page: str, name: str = "page.html") -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


def _paragraphs(story: Story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


# ---------------------------------------------------------------- a Wix blog post


def _wix(header: str) -> Story:
    text = "".join(
        f'<p class="mm8Nw" dir="auto"><span style="letter-spacing:normal">{line}</span></p>' for line in STORY
    )
    return _read_html(
        "<html><head><title>The Salt Wife</title></head><body>"
        '<div id="SITE_HEADER"><a href="/">Tidelines</a></div><article data-hook="post">'
        f'{header}<h1 data-hook="post-title"><span class="post-title">The Salt Wife</span></h1>'
        f'<div data-hook="post-description"><div data-rce-version="9">{text}</div></div>'
        '<div data-hook="post-footer"><span>12 views</span><span>0 comments</span></div></article></body></html>',
        "wix.html",
    )


def test_a_wix_posts_line_over_its_title_names_the_author_and_goes() -> None:
    story = _wix(
        '<div data-hook="post-header"><div><span data-hook="user-name">Kestrel Ames</span></div>'
        '<ul><li><span data-hook="time-ago">Mar 1, 2024</span></li><li><span data-hook="time-to-read">4 min read</span></li></ul></div>'
    )
    assert (story.meta.title, story.meta.author) == ("The Salt Wife", "Kestrel Ames")
    assert len(story.chapters) == 1
    assert _paragraphs(story) == STORY


def test_a_wix_post_with_no_line_over_its_title_reads_as_before() -> None:
    story = _wix("")
    assert story.meta.title == "The Salt Wife"
    assert len(story.chapters) == 1
    assert _paragraphs(story) == STORY


# ---------------------------------------------------------------- a newsletter's email as text


def test_a_newsletters_links_with_their_addresses_are_no_story_text() -> None:
    story = read_text(
        "View this post on the web at https://tidelines.substack.com/p/the-salt-wife\n\n"
        "The Salt Wife\nby Kestrel Ames\n\n"
        + "\n\n".join(STORY)
        + "\n\nUnsubscribe https://substack.com/redirect/abc?\n"
    )
    assert _paragraphs(story) == STORY


def test_a_sentence_about_viewing_at_an_address_stays() -> None:
    line = "View it online at https://tidelines.example, she wrote, and then the line went dead."
    story = read_text("The Salt Wife\nby Kestrel Ames\n\n" + "\n\n".join([*STORY, line]) + "\n")
    assert _paragraphs(story) == [*STORY, line]
