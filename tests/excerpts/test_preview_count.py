"""``preview`` shows each chapter's message count and flags a chapter ``/excerpt post`` would refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.tools.preview import main


def test_preview_flags_chapters_over_max_post_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    short = "Just one paragraph."
    long = "\n\n".join(f"Paragraph {i}: " + "The tide came in. " * 100 for i in range(6))
    story = tmp_path / "tides.md"
    story.write_text(f"# Tides\n\n## Chapter 1: Short\n\n{short}\n\n## Chapter 2: Long\n\n{long}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MAX_POST_MESSAGES", "4")
    assert main([str(story)]) == 0
    headings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("=== Chapter")]
    assert len(headings) == 2
    assert headings[0].endswith("· 2 messages ===")
    assert "· 7 messages · over MAX_POST_MESSAGES (4): not posted, members use /excerpt read ===" in headings[1]
