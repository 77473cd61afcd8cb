"""Command-line mistakes of the session-34 sweep: a file name left empty is said to be empty.

``Path("")`` is ``.``: ``dogear scan ""`` answered ". is a folder; give the path of a story file",
and a name of spaces "cannot read : No such file or directory". Each is now one line naming the
argument left empty, status 2, nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.test_cli_mistakes import here, one_line  # noqa: F401 (``here`` is a fixture)


@pytest.mark.parametrize(
    ("argv", "argument"),
    [
        (["preview", ""], "path"),
        (["scan", ""], "path"),
        (["scan", "   "], "path"),
        (["eval", ""], "file"),
        (["demo", "--story", ""], "--story"),
        (["scan", "story.md", "--rules", ""], "--rules"),
        (["scan", "story.md", "--rules", " "], "--rules"),
    ],
    ids=["preview", "scan", "scan-spaces", "eval", "demo-story", "scan-rules", "scan-rules-space"],
)
def test_a_file_name_left_empty_is_said_to_be_empty(
    here: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    argument: str,
) -> None:
    (here / "story.md").write_text("# Chapter 1\n\nThe gulls were loud that morning.\n", encoding="utf-8")
    line = one_line(capsys, main(argv))
    assert f"argument {argument}: needs a file name, not an empty one" in line, line
    assert "is a folder" not in line and "cannot read" not in line
    assert sorted(path.name for path in here.iterdir()) == ["story.md"]  # nothing written


def test_a_file_that_is_there_is_still_read(here: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    """Guard: a real name, even one with a space in it, is read as before."""
    (here / " story.md").write_text("# Chapter 1\n\nThe gulls were loud that morning.\n", encoding="utf-8")
    assert main(["scan", " story.md"]) == 0
    captured = capsys.readouterr()
    assert "No warnings detected or declared." in captured.out and captured.err == ""
