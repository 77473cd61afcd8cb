"""Command-line mistakes left by the session-34 sweep: ``--version`` and ``--help`` given more.

``dogear --version extra`` printed the version and exited 0, as if nothing were wrong; ``dogear help
scan`` printed the general list, not scan's own help. A word after ``--version`` is now one line and
status 2; one after ``help`` names the command whose help is shown, or is said to name none.
"""

from __future__ import annotations

import contextlib

import pytest

from bot.cli import main
from tests.test_cli_mistakes import one_line


@pytest.mark.parametrize("argv", [["--version", "extra"], ["-V", "--json"], ["version", "2"]])
def test_a_word_after_version_is_a_mistake(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    line = one_line(capsys, main(argv))
    assert "takes nothing after it" in line and repr(argv[1]) in line, line


def test_version_alone_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    """Guard: the plain question is answered as before."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("dogear ")


@pytest.mark.parametrize(("command", "words"), [("scan", "usage: dogear scan"), ("backup", "usage: dogear backup")])
def test_help_with_a_command_shows_that_commands_help(
    capsys: pytest.CaptureFixture[str], command: str, words: str
) -> None:
    # argparse's tools end their help by SystemExit(0), as "dogear scan --help" does
    with pytest.raises(SystemExit) if command == "scan" else contextlib.nullcontext():
        assert main(["help", command]) == 0
    assert words in capsys.readouterr().out


def test_help_with_an_unknown_command_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    line = one_line(capsys, main(["--help", "scna"]))
    assert "no command 'scna' to explain" in line and "dogear --help" in line
