"""The two corpus stories: every "must" warning, nothing outside "must" and "acceptable"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.story.importer import import_story
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset

EXPECTED = {
    "000_15709c5523125502.txt": ({"death", "grief", "childbirth"}, {"pregnancy", "mental-illness"}),
    "001_c216028677f5dbae.txt": ({"miscarriage", "blood-gore"}, {"pregnancy", "vomit", "grief", "childbirth"}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_story_gets_its_warnings(corpus_dir: Path, name: str) -> None:
    story = import_story((corpus_dir / name).read_bytes(), name, max_bytes=8 << 20)
    report = scan(story, default_ruleset())
    must, acceptable = EXPECTED[name]
    found = report.ids()
    assert must <= found, f"missing {must - found}"
    assert found <= must | acceptable, f"false positives {found - must - acceptable}"
    for warning in report.warnings:
        if warning.source != "declared":
            assert warning.evidence and all(len(e.text) <= 120 for e in warning.evidence)


def test_miscarriage_is_declared_and_detected_without_the_word(corpus_dir: Path) -> None:
    name = "001_c216028677f5dbae.txt"
    story = import_story((corpus_dir / name).read_bytes(), name, max_bytes=8 << 20)
    body = " ".join(p for chapter in story.chapters for p in chapter.paragraphs).lower()
    assert "miscarriage" not in body
    warning = scan(story, default_ruleset()).get("miscarriage")
    assert warning is not None and warning.source == "both"
    assert warning.declared_as == ["TW for miscarriage"]
