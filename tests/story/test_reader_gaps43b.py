"""Story files misread, found in the forty-third session's twelfth round of reading (files of the shapes
real saves take from book tools, blogs and writing apps, written for it; the probe files stay out of
the repository):

- Markdown footnote definitions on consecutive lines, as Ulysses, iA Writer and Obsidian export them
  ("[^1]: ..." / "[^2]: ..." with no blank line between): the lines were joined into one paragraph,
  read as the first definition, so every later call stayed in the text as "[^2]" and the first
  note carried all the others;

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

from bot.story.importer import import_story

PROSE = [
    "The kettle had been boiling for some time before Anna noticed it, and the kitchen was thick with steam.",
    "She wiped the window with her sleeve and looked out at the yard, where the hens sheltered under the cart.",
]
NAMES = ["The Kettle", "The Gate", "The Rain"]


def _read(text: str, name: str = "gate.txt"):
    return import_story(text.encode(), name, max_bytes=1 << 20)


def _footnoted(separator: str) -> str:
    text = "# The Long Gate\n\n"
    for number, title in enumerate(NAMES, 1):
        text += f"## {title}\n\n{PROSE[0][:-1]}[^{number}].\n\n{PROSE[1]}\n\n"
    return (
        text
        + separator.join(
            f"[^{n}]: The gate is the one at the {word} farm." for n, word in [(1, "north"), (2, "east"), (3, "west")]
        )
        + "\n"
    )


def test_markdown_footnote_definitions_on_consecutive_lines_are_each_a_note() -> None:
    story = _read(_footnoted("\n"), "gate.md")
    assert [chapter.title for chapter in story.chapters] == NAMES
    assert [chapter.notes for chapter in story.chapters] == [
        [f"Footnote {n}: The gate is the one at the {word} farm."]
        for n, word in [(1, "north"), (2, "east"), (3, "west")]
    ]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def test_markdown_footnote_definitions_in_blocks_read_as_before() -> None:
    story = _read(_footnoted("\n\n"), "gate.md")
    assert [len(chapter.notes) for chapter in story.chapters] == [1, 1, 1]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)
