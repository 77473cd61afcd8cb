"""A plain text file's story: its lines read as items (:mod:`bot.story.structure`), a forum thread's
lines taken out first (:mod:`bot.story.forum_text`), the labels of a page copied from AO3 as the
sections they head (:mod:`bot.story.note_headings`), a Tumblr post copied with its reblog chain as
the post (:func:`bot.story.webpage.tumblr_copy`), then the text importers' shared tail
(:func:`bot.story.plaintext.build_story`).

Its own module because the note headings read declarations with :mod:`bot.story.plaintext`'s helpers.
"""

from __future__ import annotations

from bot.story.forum_text import forum_thread, thread_story
from bot.story.limits import DEFAULT_MAX_CHAPTERS, check_lines
from bot.story.model import Story
from bot.story.note_headings import note_sections
from bot.story.plaintext import build_story, drop_count_lines
from bot.story.ruby import readings_in_brackets
from bot.story.structure import split_items
from bot.story.warning_lists import give_warning_lists, take_warning_lists
from bot.story.webpage import tumblr_copy


def parse_plain_text(
    text: str, filename: str, *, source_format: str = "txt", max_chapters: int = DEFAULT_MAX_CHAPTERS
) -> Story:
    check_lines(text)
    text, lists = take_warning_lists(text)
    thread = forum_thread(text)
    items = tumblr_copy(split_items(readings_in_brackets(drop_count_lines(thread.text if thread else text))))
    story = build_story(note_sections(items), filename, source_format, max_chapters=max_chapters)
    return give_warning_lists(thread_story(story, thread) if thread else story, lists)
