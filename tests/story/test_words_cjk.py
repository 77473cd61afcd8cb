"""Chinese, Japanese and Thai are counted by character, and read by the clock of their script (bot/story/words.py)."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Chapter, Scene
from bot.story.render import render_header
from bot.story.words import count_words, measure


def test_han_and_kana_count_one_word_each() -> None:
    assert count_words("她慢慢地打开了门。") == 8
    assert count_words("彼女はドアを開けた。ZQ1") == 10
    assert count_words("ภาษาไทย") == 7
    assert count_words("ที่นี่") == 2  # six code points: two letters, each with a vowel and a tone mark on it


def test_mixed_text_counts_words_and_characters() -> None:
    assert count_words("Harry 说：“我们走吧。” Don't wait") == 8


def test_reading_time_reads_characters_faster_than_words() -> None:
    chinese = "她慢慢地打开了门" * 500  # 4,000 characters: about ten minutes at 400 a minute
    assert measure(chinese).words == 4000 and measure(chinese).minutes == 10
    english = " ".join(["word"] * 2300)
    assert measure(english).minutes == 10


def test_the_header_shows_the_chapter_length_of_a_chinese_story() -> None:
    text = "第一章 开始\n\n" + "她慢慢地打开了门。" * 800 + "\n"
    story = import_story(text.encode(), "湖边.txt", max_bytes=8 * 1024 * 1024)
    chapter = story.chapters[0]
    assert chapter.title == "开始" and chapter.words == 6400
    assert "6,400 words · about 16 min read" in render_header("湖边", Chapter(1, None, [Scene(chapter.paragraphs)]))
