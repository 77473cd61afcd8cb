"""Patterns read over lines a file controls, each found by a backtracking audit of every compiled
``re`` pattern the bot holds (regexploit, run by hand): a run of spaces that two parts of a pattern
could both take was tried every way it could be shared, so a line of a few thousand spaces took
seconds to hours. Each is read here in a child process with a time limit, so the old reading fails
on the timeout instead of hanging the run; then the answers on ordinary lines are checked unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.story.chat_copy import _CLIENT_NAME
from bot.story.forum_text import _SPOILER_BUTTON
from bot.story.title_lines import RIGHTS
from bot.story.webpage import ao3_title_author

ROOT = Path(__file__).resolve().parents[2]

_HOSTILE = """
import sys
from bot.story.chat_copy import _CLIENT_NAME
from bot.story.forum_text import _SPOILER_BUTTON
from bot.story.title_lines import RIGHTS
from bot.story.webpage import ao3_title_author

RIGHTS.search("isbn" + " " * 100_000 + "!")  # 2,000 spaces took 27 s
_SPOILER_BUTTON.search("spoiler:" + " " * 100_000 + "0")  # 1,000 spaces took 30 s
_SPOILER_BUTTON.search(("spoiler:" + " " * 30 + "0\\n") * 5_000)
_CLIENT_NAME.match("x" + " " * 100_000 + "y")
ao3_title_author("0 -" + " - 0" * 1_000_000)  # 12,000 parts took 5 s
"""


def test_runs_of_spaces_are_read_in_one_pass() -> None:
    subprocess.run([sys.executable, "-c", _HOSTILE], cwd=ROOT, timeout=60, check=True)


def test_rights_lines_are_found_as_before() -> None:
    for line in ("ISBN-13: 978-1-23456-789-0", "ISBN 9781234567890", "isbn: 0 123 45678 9", "ISBN 10 - 0-19-852663-6"):
        assert RIGHTS.search(line), line
    for line in ("isbn", "ISBN: pending", "Isbn the cat slept."):
        assert not RIGHTS.search(line), line


def test_spoiler_buttons_are_found_as_before() -> None:
    found = _SPOILER_BUTTON.search("Spoiler: Content Warnings\nblood, a death")
    assert found is not None and found.group("title") == "Content Warnings"
    assert _SPOILER_BUTTON.search("  spoiler  :  \nthe box") is not None
    assert _SPOILER_BUTTON.search("Spoiler: the priest was never blind.\nHe saw.") is None  # a sentence


def test_chat_posters_and_ao3_authors_are_read_as_before() -> None:
    named = _CLIENT_NAME.match("inkwell — Today at 3:04 PM")
    assert named is not None and named.group("name") == "inkwell"
    spaced = _CLIENT_NAME.match("  ink well   — Today at 3:04 PM")
    assert spaced is not None and spaced.group("name") == "ink well"
    title = "Ferry Lines - Chapter 3 - petrelwing - Original Work [Archive of Our Own]"
    assert ao3_title_author(title) == "petrelwing"
    assert (
        ao3_title_author("Ferry Lines - petrelwing - " + "Fandom, " * 400 + "[Archive of Our Own]") is None
    )  # too long
