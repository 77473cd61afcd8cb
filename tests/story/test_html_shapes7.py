"""Pages whose paragraphs are lines with <br><br> between them (forum posts, LiveJournal, pages
made by hand), and a SpaceBattles threadmarks reader page with the thread's header and a quote
box: each paragraph is one, headings and dividers among the lines are read, a threadmarked
post's own bold lines stay its text, and the thread's "Thread starter" line is not a chapter."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 1 << 20


def _import(page: str, name: str = "story.html") -> Story:
    return import_story(page.encode(), name, max_bytes=LIMIT)


def test_lines_with_a_blank_line_between_them_are_paragraphs_headings_and_dividers() -> None:
    page = """<html><head><title>Starfall</title></head><body><h1>Starfall</h1>
    <div class="entry-content">Chapter 1<br />
    <br />
    The ship docked at noon, and nobody came down to meet it.<br />
    <br />
    * * *<br />
    <br />
    Kara stepped off first.<br />
    <br />
    Chapter 2<br />
    <br />
    A/N: thanks for reading!<br />
    <br />
    The harbour was quiet.<br />
    The gulls were not.</div></body></html>"""
    story = _import(page)
    assert [[scene.paragraphs for scene in chapter.scenes] for chapter in story.chapters] == [
        [["The ship docked at noon, and nobody came down to meet it."], ["Kara stepped off first."]],
        [["The harbour was quiet.\nThe gulls were not."]],
    ]
    assert story.chapters[1].notes == ["thanks for reading!"]


def _post(number: int, label: str, body: str) -> str:
    return f"""<article class="message message--post hasThreadmark js-post" data-author="Ryuugi" id="js-post-{number}">
    <div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user">
      <h4 class="message-name"><a href="/members/ryuugi.1/" class="username">Ryuugi</a></h4></section></div>
    <div class="message-cell message-cell--threadmark-header"><label>Threadmarks</label>
      <span class="threadmarkLabel">{label}</span></div>
    <div class="message-cell message-cell--main"><div class="message-main">
      <header class="message-attribution"><time>Jan {number}, 2020</time><a href="#">#{number}</a></header>
      <div class="message-content"><div class="message-userContent"><article class="message-body js-selectToQuote">
        <div class="bbWrapper">{body}</div><div class="js-selectToQuoteEnd">&nbsp;</div></article></div></div>
      <footer class="message-footer"><a>Reply</a></footer></div></div></div></article>"""


def test_a_threadmarks_reader_page_reads_its_posts_lines_as_paragraphs_of_its_threadmarks() -> None:
    quote = (
        '<div class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote"><div class="bbCodeBlock-content">'
        '<div class="bbCodeBlock-expandContent">The Grimm do not forgive.</div>'
        '<div class="bbCodeBlock-expandLink"><a role="button" tabindex="0">Click to expand...</a></div></div></div>'
    )
    first = (
        "Jaune had always wanted to be a hero.<br />\n<br />\nThat was the problem, really.<br />\n<br />\n"
        f"<b>Omake: The Other Side</b><br />\n<br />\nPyrrha watched him leave.<br />\n<br />\n{quote}\n"
        "He closed the book.<br />\n<br />\nThe lamp went out."
    )
    second = "The forest was quiet.<br />\n<br />\nNight fell on it."
    page = f"""<!DOCTYPE html><html><head><title>Reader mode - Hunter | SpaceBattles</title></head><body>
    <header class="p-header"><a href="/">SpaceBattles</a></header>
    <div class="p-body-header"><div class="p-title"><h1 class="p-title-value">Hunter</h1></div>
      <div class="p-description"><ul class="listInline"><li><span class="u-srOnly">Thread starter</span>
        <a href="/members/ryuugi.1/" class="username u-concealed">Ryuugi</a></li>
        <li><span class="u-srOnly">Start date</span><a href="/threads/x.1/"><time>Jan 1, 2020</time></a></li></ul></div></div>
    {_post(1, "Chapter 1: Aura", first)}{_post(2, "Chapter 2: Forest", second)}
    <footer class="p-footer">Community platform by XenForo</footer></body></html>"""
    story = _import(page)
    assert story.meta.title == "Hunter"
    assert [chapter.title for chapter in story.chapters] == ["Aura", "Forest"]
    assert [[scene.paragraphs for scene in chapter.scenes] for chapter in story.chapters] == [
        [
            [
                "Jaune had always wanted to be a hero.",
                "That was the problem, really.",
                "Omake: The Other Side",
                "Pyrrha watched him leave.",
                "The Grimm do not forgive.",
                "He closed the book.",
                "The lamp went out.",
            ]
        ],
        [["The forest was quiet.", "Night fell on it."]],
    ]


def test_text_only_a_screen_reader_speaks_is_not_story() -> None:
    page = """<html><body><h1>Tidewater</h1>
    <p><span class="screen-reader-text">Posted on</span> <span class="sr-only">by Odile</span></p>
    <h2>Chapter 1</h2><p>The tide came in twice a day.</p><p>Jonah counted both.</p>
    <h2>Chapter 2</h2><p>Then it stopped.</p></body></html>"""
    story = _import(page)
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The tide came in twice a day.", "Jonah counted both."],
        ["Then it stopped."],
    ]
