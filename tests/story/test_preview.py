"""``python -m bot preview``: readable text, exact JSON, one clear line for bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.story.render import normalize_whitespace, unrender
from bot.tools.preview import main
from tests.conftest import REPO_ROOT as PROJECT_ROOT

from .builders import ao3_epub, ao3_html, generic_epub, two_chapter_work


def corpus_file(corpus_dir: Path, prefix: str) -> Path:
    return next(corpus_dir.glob(f"{prefix}_*.txt"))


def run_json(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main([str(path), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape_is_exact(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(corpus_file(corpus_dir, "001"), capsys)
    assert set(data) == {"story", "chapters"}
    assert set(data["story"]) == {"title", "author", "summary", "rating", "declared_warnings", "notes"}
    assert data["story"]["title"] == "A Life Left Behind"
    assert data["story"]["declared_warnings"] == ["TW for miscarriage"]
    [chapter] = data["chapters"]
    assert set(chapter) == {"number", "title", "words", "warnings", "messages"}
    assert chapter["number"] == 1 and chapter["words"] > 2000
    for warning in chapter["warnings"]:  # issue 13: each with its tier and source
        assert set(warning) == {"id", "label", "tier", "source"}
        assert warning["tier"] in ("confident", "possible")
        assert warning["source"] in ("declared", "detected", "both")
    assert {"id": "miscarriage", "label": "Miscarriage", "tier": "confident", "source": "both"} in chapter["warnings"]
    for message in chapter["messages"]:
        assert set(message) == {"content", "embeds", "allowed_mentions"}
        assert message["allowed_mentions"] == {"parse": []}
        assert len(message["content"]) <= 2000
    header = chapter["messages"][0]["content"]
    assert "A Life Left Behind" in header and "**Miscarriage** (author, detected)" in header and "||" not in header
    for warning in chapter["warnings"]:  # members never see a possible warning in a header
        assert (f"**{warning['label']}**" in header) == (warning["tier"] == "confident")
    text = (corpus_file(corpus_dir, "001")).read_text()
    assert "The sun shines on her back" in unrender(chapter["messages"])
    assert normalize_whitespace(unrender(chapter["messages"])).endswith(
        normalize_whitespace(text.strip().splitlines()[-1])
    )


def test_budget_option(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(corpus_file(corpus_dir, "000"), capsys, "--budget", "500")
    messages = data["chapters"][0]["messages"]
    assert len(messages) > 20 and all(len(m["content"]) <= 500 for m in messages)


def test_text_mode_is_readable(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus_file(corpus_dir, "000"))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("000 15709c5523125502\n")
    assert "Note: Hey everyone Phenix here" in out
    assert "=== Chapter 1 · 2,872 words ·" in out
    assert "--- message 1/" in out and "||Sakura stood there numb." in out


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("work.html", lambda: ao3_html(two_chapter_work()).encode()),
        ("work.epub", lambda: ao3_epub(two_chapter_work())),
        ("salt.epub", generic_epub),
        ("notes.md", lambda: b"# Notes\n\n## Chapter 1\n\nOne.\n\n## Chapter 2\n\nTwo.\n"),
    ],
)
def test_every_format_previews(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, build) -> None:
    path = tmp_path / name
    path.write_bytes(build())
    data = run_json(path, capsys)
    assert len(data["chapters"]) == 2
    assert all(chapter["messages"][1]["content"].startswith("||") for chapter in data["chapters"])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"\x00\x01\x02binary\xff\xfe\x00", "not readable text"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    assert main([str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and expected in captured.err and captured.err.startswith("dogear: ")


def test_missing_file_and_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main([]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main([str(tmp_path / "x"), "--budget", "50"]) == 2
    assert "--budget must be a number from 200 to 2000" in capsys.readouterr().err


def test_as_a_subprocess(corpus_dir: Path, tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_PATH": str(tmp_path / "db.sqlite3")}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "preview", str(corpus_file(corpus_dir, "001")), "--json"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["story"]["title"] == "A Life Left Behind"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "preview", str(empty)], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "empty" in done.stderr


def test_possible_warnings_are_listed_in_json_but_never_in_the_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "red.txt"
    path.write_text(
        "Title: Red Floors\n\nChapter 1\n\nThere was blood on the floor.\n\nHis hand was bleeding.\n\n"
        "Chapter 2\n\nThe old man died in the night.\n"
    )
    data = run_json(path, capsys)
    first, second = data["chapters"]
    assert first["warnings"] == [
        {"id": "blood-gore", "label": "Blood and gore", "tier": "possible", "source": "detected"}
    ]
    assert "Blood and gore" not in first["messages"][0]["content"]
    assert (
        "Warnings: none declared or confirmed; 1 possible warning is waiting for an admin's review."
        in (first["messages"][0]["content"])
    )
    assert second["warnings"] == [{"id": "death", "label": "Death", "tier": "confident", "source": "detected"}]
    assert "**Death** (detected)" in second["messages"][0]["content"]
    assert main([str(path)]) == 0
    text = capsys.readouterr().out
    assert "2 chapters, " in text and "(s)" not in text
    assert "Warnings: Blood and gore (possible, not shown to members)" in text and "Warnings: Death (detected)" in text


def test_a_work_whose_author_chose_not_to_warn_says_so_in_every_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the bot's own headers do: "none declared or detected" would read as safe."""
    work = two_chapter_work()
    work.archive_warnings = ["Creator Chose Not To Use Archive Warnings"]
    path = tmp_path / "work.html"
    path.write_text(ao3_html(work))
    data = run_json(path, capsys)
    for chapter in data["chapters"]:
        header = chapter["messages"][0]["content"]
        assert "**Unwarned\\: the author chose not to use warnings**" in header
        assert "none declared or detected" not in header


def test_an_ao3_download_s_tags_are_its_declared_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An AO3 download declares by its archive warnings and its freeform tags, not by a "Warnings:"
    line: the preview's declared warnings were empty for it while a text file's were filled."""
    path = tmp_path / "work.html"
    path.write_text(ao3_html(two_chapter_work()), encoding="utf-8")
    story = run_json(path, capsys)["story"]
    # The summary's "TW: drowning" was all it listed; "Angst" is a freeform tag naming no warning.
    assert story["declared_warnings"] == ["Major Character Death", "TW: drowning", "Implied/Referenced Self-Harm"]
    assert main([str(path)]) == 0
    assert "Declared warnings: Major Character Death" in capsys.readouterr().out
