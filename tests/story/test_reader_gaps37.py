"""Story files outside testers sent that were misread (the thirty-seventh session's probe of files
nobody on the project wrote):

- a last chapter heading with nothing under it ("Chapter 12" and the end of the file, a serial's
  next chapter announced before it was written): the upload was refused as an empty chapter;
- a placeholder last chapter ("Coming soon!", "TBC", "To be continued...", or a heading that says so,
  "Chapter 5: coming soon"): posted as a chapter of its own, or refused; now the story's note;
- NUL bytes inside UTF-8 text (a pasted stretch, a file padded with them), under a UTF-8 mark or
  none: refused as "not readable text" or as binary data; now dropped;
- a text file named .doc, .png, .rtf or .pdf (a phone's share sheet, a wrong "save as"): refused
  for its name; now read as the text it holds, while a real image or document is still refused;
- a title in "zalgo" (a dozen combining marks on each letter): too long for a title line only for its
  marks, it was read as the first chapter's text and the title lost; now kept, three marks a letter;
- TOML front matter, AsciiDoc, a manuscript's cover, "## 1. The Key", Discord copies and a zip of one
  text file, each read as the story it holds (below, each with the file that must stay as it was).

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import read_text as read

FIRST = "The kettle had boiled dry twice before Marguerite noticed, and by then the letter was already ash."
SECOND = "Nobody in the village of Harrow End kept clocks, which was how the trouble started that winter."
THIRD = "Her brother came home on the last ferry with a suitcase that ticked when it was set down."


def two_chapters(after: str = "") -> str:
    return f"The Salt Road\nby Ines Okafor\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n{after}"


# A last heading with nothing under it.


@pytest.mark.parametrize("tail", ["\nChapter 3\n", "\n\nChapter 3\n\n\n", "\n* * *\n\nChapter 3\n\n* * *\n"])
def test_a_last_heading_with_nothing_under_it_is_dropped(tail: str) -> None:
    story = read(two_chapters(tail))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
    assert story.chapters[-1].notes == []


def test_a_last_heading_with_nothing_under_it_in_markdown_is_dropped() -> None:
    text = f"# The Salt Road\n\n## Chapter 1\n\n{FIRST}\n\n## Chapter 2\n\n{SECOND}\n\n## Chapter 3\n"
    story = read(text, "salt.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_heading_with_nothing_under_it_between_chapters_is_still_refused() -> None:
    with pytest.raises(StoryFormatError, match="“Chapter 2” has no story text under it"):
        read(f"Chapter 1\n\n{FIRST}\n\nChapter 2\n\nChapter 3\n\n{SECOND}\n")


def test_a_file_of_one_heading_alone_is_still_refused() -> None:
    with pytest.raises(StoryFormatError, match="has no story text under it"):
        read("Chapter 12\n")


# A placeholder last chapter.


@pytest.mark.parametrize("placeholder", ["Coming soon!", "TBC", "To be continued...", "(more coming soon!)"])
def test_a_placeholder_last_chapter_is_a_note(placeholder: str) -> None:
    story = read(two_chapters(f"\nChapter 3\n\n{placeholder}\n"))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
    assert placeholder in story.chapters[-1].notes


def test_a_placeholder_heading_at_the_end_is_a_note() -> None:
    story = read(two_chapters("\nChapter 3: coming soon\n"))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
    assert "Chapter 3: coming soon" in story.chapters[-1].notes


def test_a_last_chapter_that_goes_on_after_saying_to_be_continued_is_a_chapter() -> None:
    story = read(two_chapters(f"\nChapter 3\n\nTo be continued, she had written, and then nothing.\n\n{THIRD}\n"))
    assert len(story.chapters) == 3
    assert story.chapters[2].paragraphs[-1] == THIRD


def test_a_chapter_titled_coming_soon_with_text_under_it_is_a_chapter() -> None:
    story = read(two_chapters(f"\nChapter 3: Coming Soon\n\n{THIRD}\n"))
    assert [chapter.title for chapter in story.chapters][-1] == "Coming Soon"
    assert story.chapters[2].paragraphs == [THIRD]


def test_a_last_heading_with_nothing_under_it_on_a_page_is_dropped() -> None:
    page = (
        f"<html><body><h2>Chapter 1</h2><p>{FIRST}</p><h2>Chapter 2</h2><p>{SECOND}</p><h2>Chapter 3</h2></body></html>"
    )
    story = read(page, "salt.html")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


# Decoding: NUL bytes in UTF-8 text, a UTF-8 mark over NUL bytes, a text file under another format's name.


def story_bytes(first: str = FIRST) -> bytes:
    return two_chapters().replace(FIRST, first).encode()


def test_a_few_nul_bytes_inside_long_utf8_text_are_dropped() -> None:
    long = " ".join([FIRST] * 40)
    data = story_bytes(f"{long} — and by then the café was shut.").replace(b"twice", b"twi\x00ce", 2)
    story = read_bytes(data, "salt.txt")
    assert story.chapters[0].paragraphs == [f"{long} — and by then the café was shut."]
    assert story.chapters[1].paragraphs == [SECOND]


def test_a_stray_nul_byte_in_a_short_story_is_dropped() -> None:
    story = read_bytes(story_bytes().replace(b"twice", b"twi\x00ce"), "salt.txt")
    assert story.chapters[0].paragraphs == [FIRST]


def test_nul_bytes_as_common_as_letters_are_still_refused() -> None:
    with pytest.raises(StoryFormatError):
        read_bytes("The kettle boiled dry, and the letter burned.".replace("e", "e\x00").encode(), "salt.txt")


def test_a_file_padded_with_nul_bytes_is_read() -> None:
    story = read_bytes(story_bytes() + b"\x00" * 3000, "salt.txt")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_utf8_mark_wins_over_nul_bytes_that_look_wide() -> None:
    """Read as UTF-16 or as binary data for its NULs, the file was refused; its mark says UTF-8."""
    wide_looking = "\x00".join("The kettle had boiled dry.")  # a stretch written wide, a NUL after every letter
    data = b"\xef\xbb\xbf" + story_bytes(f"{wide_looking} Then the café shut.")
    story = read_bytes(data, "salt.txt")
    assert story.chapters[0].paragraphs == ["The kettle had boiled dry. Then the café shut."]


def test_utf16_without_a_mark_is_still_read_as_utf16() -> None:
    data = two_chapters().replace("kettle", "kettle in the café").encode("utf-16-le")
    story = read_bytes(data, "salt.txt")
    assert story.chapters[0].paragraphs[0].startswith("The kettle in the café had boiled")


def test_binary_data_with_nul_bytes_is_still_refused() -> None:
    data = bytes(range(256)) * 64
    with pytest.raises(StoryFormatError):
        read_bytes(data, "salt.txt")


@pytest.mark.parametrize("name", ["salt.doc", "salt.png", "salt.rtf", "salt.pdf"])
def test_a_text_file_under_another_formats_name_is_read_as_text(name: str) -> None:
    story = read_bytes(story_bytes(), name)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Ines Okafor")


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "salt.png", "an image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "salt.doc", "a Word document"),
        (bytes(range(256)) * 8, "salt.jpg", "an image"),
    ],
)
def test_a_real_image_or_document_under_its_name_is_still_refused(data: bytes, name: str, kind: str) -> None:
    with pytest.raises(StoryFormatError, match=kind):
        read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> Story:
    return import_story(data, name, max_bytes=1 << 20)


def test_a_real_rtf_document_under_its_name_is_still_refused() -> None:
    rtf = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} \f0\fs24 Chapter One\par It was a dark night.\par }"
    with pytest.raises(StoryFormatError, match="an RTF document"):
        read_bytes(rtf, "salt.rtf")


# A title in "zalgo": letters under stacks of combining marks.

ZALGO_MARKS = "\u0337\u0322\u031b\u0338\u0321\u035d\u0335\u031b\u035c\u0336\u0327\u0315\u0328\u0360\u0358\u0361"


def zalgo(text: str) -> str:
    return "".join(letter + ZALGO_MARKS for letter in text)


@pytest.mark.parametrize(
    ("name", "top"), [("salt.txt", "{title}\nby Ines Okafor"), ("salt.md", "# {title}\n\nby Ines Okafor")]
)
def test_a_title_under_stacks_of_marks_is_kept_tidied(name: str, top: str) -> None:
    title = zalgo("The Salt Road")
    text = f"{top.format(title=title)}\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"
    story = read(text, name)
    kept = "".join(letter + ZALGO_MARKS[:3] for letter in "The Salt Road")  # three marks a letter
    assert unicodedata.normalize("NFC", story.meta.title) == unicodedata.normalize("NFC", kept)
    assert story.meta.author == "Ines Okafor"
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_paragraph_of_stacked_marks_is_story_text_as_written() -> None:
    scream = zalgo("he comes, he comes, he comes through the walls and the water and the wires of the house")
    story = read(f"The Salt Road\n\nChapter 1\n\n{FIRST}\n\n{scream}\n\nChapter 2\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [FIRST, scream]


# Front matter and headings of writing tools: TOML front matter (Hugo, Zola), "## 1. The Key".


def test_toml_front_matter_is_the_title_pages_fields() -> None:
    text = (
        '+++\ntitle = "The Salt Road"\nauthor = "Ines Okafor"\ndate = 2026-03-12\ntags = [\n  "gen",\n  "slow burn",\n]\n'
        'draft = false\n\n[extra]\nrating = "Teen"\n+++\n\n'
        f"## Chapter 1\n\n{FIRST}\n\n## Chapter 2\n\n{SECOND}\n"
    )
    story = read(text, "salt.md")
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Ines Okafor")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
    assert (story.meta.rating, story.meta.additional_tags) == ("Teen", ["gen", "slow burn"])
    assert not any("+++" in note or "draft" in note for note in story.meta.notes)


def test_a_line_of_plus_signs_in_the_text_is_no_front_matter() -> None:
    text = f"# The Salt Road\n\n## Chapter 1\n\n{FIRST}\n\n+++\n\n{SECOND}\n"
    story = read(text, "salt.md")
    assert story.meta.title == "The Salt Road"
    assert SECOND in story.chapters[0].paragraphs


def test_numbered_markdown_headings_run_as_a_series_are_titled_by_their_words() -> None:
    text = f"# The Salt Road\n\n## 1. The Key\n\n{FIRST}\n\n## 2. The Door\n\n{SECOND}\n\n## 3. The Wires\n\n{THIRD}\n"
    story = read(text, "salt.md")
    assert [chapter.title for chapter in story.chapters] == ["The Key", "The Door", "The Wires"]
    assert [chapter.heading_number for chapter in story.chapters] == [1, 2, 3]


def test_a_markdown_heading_of_a_year_or_a_lone_numbered_one_keeps_its_words() -> None:
    text = f"# The Salt Road\n\n## 1. The Key\n\n{FIRST}\n\n## 1984\n\n{SECOND}\n"
    story = read(text, "salt.md")
    assert [chapter.title for chapter in story.chapters] == ["1. The Key", "1984"]


# AsciiDoc: "= Title", its author line and attributes, "== Chapter" sections.

ASCIIDOC = (
    "= The Salt Road\nInes Okafor <ines@example.org>\n:doctype: book\n:toc:\n:description: Two siblings and a clock.\n\n"
    "// draft 3, do not share\n\n== Chapter 1\n\n{first}\n\n'''\n\n{second}\n\n== Chapter 2\n\n[quote]\n____\n{third}\n____\n"
)


@pytest.mark.parametrize("name", ["salt.adoc", "salt.txt", "salt.asciidoc"])
def test_an_asciidoc_file_is_read_as_its_sections(name: str) -> None:
    story = read(ASCIIDOC.format(first=FIRST, second=SECOND, third=THIRD), name)
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Ines Okafor")
    assert [[scene.paragraphs for scene in chapter.scenes] for chapter in story.chapters] == [
        [[FIRST], [SECOND]],
        [[THIRD]],
    ]


def test_an_asciidoc_author_attribute_is_the_author() -> None:
    text = f"= The Salt Road\n:author: Ines Okafor\n\n== Chapter 1\n\n{FIRST}\n\n== Chapter 2\n\n{SECOND}\n"
    story = read(text, "salt.adoc")
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Ines Okafor")
    assert len(story.chapters) == 2


def test_a_text_opening_with_an_equals_sign_is_no_asciidoc() -> None:
    text = f"= a note to myself =\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"
    story = read(text)
    assert [chapter.paragraphs[-1] for chapter in story.chapters] == [FIRST, SECOND]


# Scrivener's plain-text compile: "Chapter One" over scenes set apart by "#", under a manuscript's cover.

SCENES = "Chapter One\n\n{first}\n\n#\n\n{second}\n\nChapter Two\n\n{third}\n\n#\n\n{first}\n"


def test_scrivener_chapters_over_hash_separated_scenes() -> None:
    story = read("The Salt Road\nby Ines Okafor\n\n" + SCENES.format(first=FIRST, second=SECOND, third=THIRD))
    assert [[scene.paragraphs for scene in chapter.scenes] for chapter in story.chapters] == [
        [[FIRST], [SECOND]],
        [[THIRD], [FIRST]],
    ]


@pytest.mark.parametrize(
    "cover",
    [
        "Ines Okafor\n12 Harbour Lane\nPortsmouth PO1 2AB\nines@example.org\n\nAbout 2,000 words",
        "Ines Okafor                                        About 2,000 words\n12 Harbour Lane\nines@example.org",
        "Ines Okafor\nines@example.org\n\nWord count: 2000",
    ],
)
def test_a_manuscripts_cover_over_the_title_is_no_chapter(cover: str) -> None:
    text = f"{cover}\n\n\n\nThe Salt Road\nby Ines Okafor\n\n" + SCENES.format(first=FIRST, second=SECOND, third=THIRD)
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Ines Okafor")
    assert [chapter.paragraphs[0] for chapter in story.chapters] == [FIRST, THIRD]
    assert not any("Harbour" in note or "example.org" in note for note in story.meta.notes)


def test_a_word_count_under_a_title_page_over_untitled_text_keeps_the_title_page() -> None:
    text = f"The Salt Road\nby Ines Okafor\n\nAbout 2,000 words\n\n{FIRST}\n\n{SECOND}\n"
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Ines Okafor")


def test_a_word_count_line_in_the_story_stays_text() -> None:
    text = f"The Salt Road\n\nChapter One\n\n{FIRST}\n\nAbout 2,000 words\n\n{SECOND}\n\nChapter Two\n\n{THIRD}\n"
    assert "About 2,000 words" in read(text).chapters[0].paragraphs


# A story copied out of Discord: from the client, and as DiscordChatExporter's text export.


def discord_copy(first: str = FIRST) -> str:
    return (
        f"inkwell — Today at 3:04 PM\nThe Salt Road\nChapter 1\n{first}\n{SECOND}\n"
        f"[3:05 PM]\n{THIRD}\n"
        f"inkwell — Today at 3:09 PM\nChapter 2\n{SECOND}\n"
    )


def test_a_story_copied_from_discord_is_its_messages_text() -> None:
    story = read(discord_copy())
    assert story.meta.title == "The Salt Road"
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST, SECOND, THIRD], [SECOND]]


@pytest.mark.parametrize("stamp", ["03/12/2026 3:04 PM", "Yesterday at 11:58 PM", "3/12/26, 15:04"])
def test_discord_message_lines_of_every_date_shape_go(stamp: str) -> None:
    text = f"inkwell — {stamp}\n{FIRST}\n{SECOND}\ninkwell — {stamp}\n{THIRD}\n"
    story = read(text)
    assert story.chapters[0].paragraphs == [FIRST, SECOND, THIRD]


def test_a_dash_and_a_time_in_a_story_line_stay_text() -> None:
    line = "She checked the clock — today at 3:04 PM the ferry would leave without her."
    story = read(f"The Salt Road\n\nChapter 1\n\n{line}\n{FIRST}\n\nChapter 2\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs[0].startswith(line)


DCE = (
    "==============================================================\n"
    "Guild: Harrow End Writers\nChannel: Text Channels / story-drops\n"
    "==============================================================\n\n"
    "[12/03/2026 15:04] inkwell\nThe Salt Road\n\nChapter 1\n\n{first}\n{second}\n\n"
    "{{Attachments}}\nhttps://cdn.discordapp.com/attachments/1/2/map.png\n\n"
    "{{Reactions}}\n❤️ (3)\n\n"
    "[12/03/2026 15:09] inkwell\nChapter 2\n\n{third}\n\n\n"
    "==============================================================\n"
    "Exported 2 message(s)\n"
    "==============================================================\n"
)


def test_a_discord_chat_exporter_text_is_its_messages_text() -> None:
    story = read(DCE.format(first=FIRST, second=SECOND, third=THIRD), "harrow-end.txt")
    assert story.meta.title == "The Salt Road"
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST, SECOND], [THIRD]]
    notes = " ".join(story.meta.notes + [note for chapter in story.chapters for note in chapter.notes])
    assert "Guild" not in notes and "Exported" not in notes and "cdn.discordapp" not in notes


def test_a_bracketed_date_in_a_diary_stays_text() -> None:
    text = f"The Salt Road\n\nChapter 1\n\n[12/03/2026 15:04] the ferry left.\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"
    assert "[12/03/2026 15:04] the ferry left." in read(text).chapters[0].paragraphs


# A zip holding one story file, as a phone or a Mac's "Compress" sends it.


def zipped(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("members", "zip_name"),
    [
        ({"salt.txt": two_chapters()}, "salt.zip"),
        (
            {"The Salt Road/salt.txt": two_chapters(), "__MACOSX/The Salt Road/._salt.txt": b"\x00\x05\x16\x07junk"},
            "salt.zip",
        ),
        (
            {
                "salt.md": f"# The Salt Road\n\n## Chapter 1\n\n{FIRST}\n\n## Chapter 2\n\n{SECOND}\n",
                ".DS_Store": b"\x00\x00",
            },
            "x",
        ),
    ],
)
def test_a_zip_of_one_text_file_is_read_as_that_file(members: dict[str, bytes | str], zip_name: str) -> None:
    story = read_bytes(zipped(members), zip_name)
    assert story.meta.title == "The Salt Road"
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_zip_of_two_text_files_is_still_refused() -> None:
    data = zipped({"one.txt": two_chapters(), "two.txt": two_chapters()})
    with pytest.raises(StoryFormatError, match="zip archive"):
        read_bytes(data, "salt.zip")


def test_a_zip_of_a_text_file_and_a_program_is_still_refused() -> None:
    data = zipped({"salt.txt": two_chapters(), "run.exe": b"MZ\x90\x00"})
    with pytest.raises(StoryFormatError, match="zip archive"):
        read_bytes(data, "salt.zip")


def test_a_zipped_text_file_past_the_size_limit_is_refused_for_its_size() -> None:
    data = zipped({"salt.txt": two_chapters() + (FIRST + "\n\n") * 20_000})  # about 2 MB unpacked, far less zipped
    assert len(data) < 1 << 20
    with pytest.raises(StoryFormatError, match="larger than the 1 MiB limit"):
        read_bytes(data, "salt.zip")


# Quotev's page chrome copied with a story: its menu, its counts, its buttons and links under the chapter.

QUOTEV = (
    "Quotev\nSearch\nSign Up Log In\nHome\nQuizzes\nStories\nPolls\n\n"
    "The Salt Road\nby inkwell\n\n3.2K reads · 120 favorites · 14 comments\n\n"
    "Chapter 1\n\n{first}\n\n{second}\n\n"
    "« Prev\nNext »\nFavorite\nShare\nReport\nComments (12)\n"
)


def test_quotevs_chrome_is_dropped() -> None:
    story = read(QUOTEV.format(first=FIRST, second=SECOND))
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "inkwell")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST, SECOND]]


def test_quotevs_buttons_on_one_line_are_dropped() -> None:
    story = read(f"The Salt Road\nby inkwell\n\nChapter 1\n\n{FIRST}\n\nFavorite · Share · Report\n")
    assert story.chapters[-1].paragraphs == [FIRST]


def test_a_sentence_about_favourites_and_comments_stays_text() -> None:
    line = "She had twelve favorites and no comments (12 years of silence), and that was fine."
    story = read(f"The Salt Road\n\nChapter 1\n\n{FIRST}\n\n{line}\n\nChapter 2\n\n{SECOND}\n")
    assert line in story.chapters[0].paragraphs
