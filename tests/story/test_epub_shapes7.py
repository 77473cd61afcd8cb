"""FanFicFare's EPUB with its "Update Log" page (``include_logpage``): the page of update dates
between the title page and the first chapter is the tool's, not a chapter of the story."""

from __future__ import annotations

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml

LIMIT = 1 << 20


def _chapter(number: int, title: str, text: str) -> str:
    body = f'<h3 class="fff_chapter_title">Chapter {number}: {title}</h3><div id="storytext"><p>{text}</p></div>'
    return xhtml(body, f"Chapter {number}: {title}")


def test_fanficfares_update_log_page_is_not_a_chapter() -> None:
    title_page = xhtml(
        '<h3><a href="https://www.fanfiction.net/s/1/1/">The Long Winter</a> by '
        '<a class="authorlink" href="https://www.fanfiction.net/u/9/">snowdrift</a></h3>'
        "<div><b>Status:</b> Completed<br /><b>Rating:</b> T<br /><b>Chapters:</b> 2<br />"
        "<b>Summary:</b> Harry spends a winter at Grimmauld Place.<br /></div>",
        "The Long Winter by snowdrift",
    )
    log_page = xhtml(
        "<h3>Update Log</h3><p class='log_entry'><b>Updated:</b> 2020-03-01<br /><b>Chapters:</b> 2</p>"
        "<p class='log_entry'><b>Updated:</b> 2020-02-01<br /><b>Chapters:</b> 1</p>",
        "Update Log",
    )
    data = epub_bytes(
        [
            ("title_page.xhtml", title_page),
            ("log_page.xhtml", log_page),
            ("file0001.xhtml", _chapter(1, "Snow", "The snow had been falling for three days.")),
            ("file0002.xhtml", _chapter(2, "Ice", "Sirius was waiting in the kitchen.")),
        ],
        title="The Long Winter",
        author="snowdrift",
    )
    story = import_story(data, "winter.epub", max_bytes=LIMIT)
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("Snow", ["The snow had been falling for three days."]),
        ("Ice", ["Sirius was waiting in the kitchen."]),
    ]
