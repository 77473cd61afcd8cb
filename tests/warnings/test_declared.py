"""Authors' declarations mapped to taxonomy ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.story.model import StoryMeta
from bot.warnings.declared import DECLARED_FILE, map_declared, mapping_fingerprint
from bot.warnings.service import rules_fingerprint


def declared(*texts: str, archive: tuple[str, ...] = (), tags: tuple[str, ...] = ()):
    return map_declared(
        StoryMeta("t", declared_warnings=list(texts), archive_warnings=list(archive), additional_tags=list(tags))
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TW for miscarriage", {"miscarriage"}),
        ("CW: self harm, suicide", {"self-harm", "suicide"}),
        ("Warnings: MCD", {"death"}),
        ("TW - major character death; blood and gore", {"death", "blood-gore"}),
        ("Trigger warnings: implied/referenced self-harm & attempted suicide", {"self-harm", "suicide"}),
        ("content warning: rape/non-con", {"sexual-abuse"}),
        ("TW: ED, emetophobia", {"eating-disorder", "vomit"}),
        # session 35: each was the author's own words with no category, shown to nobody who avoids one
        ("CW: a fight, blood", {"violence", "blood-gore"}),
        ("TW: bar fight", {"violence"}),
        ("Warnings: stalking", {"abuse"}),
        ("TW: burns", {"blood-gore"}),
    ],
)
def test_authors_phrasings_map_to_ids(text: str, expected: set[str]) -> None:
    result = declared(text)
    assert set(result.ids) == expected
    assert result.unmapped == [] and not result.unwarned
    assert all(result.ids[i] == [text] for i in expected)  # the author's words are kept


def test_ao3_archive_warnings_and_freeform_tags() -> None:
    result = declared(
        archive=("Major Character Death", "Graphic Depictions Of Violence"),
        tags=("Fluff", "Implied/Referenced Self-Harm", "Angst", "Miscarriage"),
    )
    assert set(result.ids) == {"death", "violence", "blood-gore", "self-harm", "miscarriage"}
    assert result.unmapped == []  # "Fluff" and "Angst" are tags, not warnings


def test_creator_chose_not_to_warn_means_unwarned_not_safe() -> None:
    result = declared(archive=("Creator Chose Not To Use Archive Warnings",))
    assert result.unwarned and result.ids == {}
    assert not declared(archive=("No Archive Warnings Apply",)).unwarned


def test_unmapped_declarations_are_kept_as_written() -> None:
    result = declared("TW: death, Spiders, clowns")
    assert set(result.ids) == {"death"}
    assert result.unmapped == ["Spiders", "clowns"]


@pytest.mark.parametrize(
    ("text", "ids", "unmapped"),
    [
        # A slash between warnings splits like a comma: the side Dogear has no id for is reported.
        ("Warnings: blood/drowning", {"blood-gore"}, ["drowning"]),
        ("TW: drowning / blood", {"blood-gore"}, ["drowning"]),
        ("Warnings: major character death/drowning", {"death"}, ["drowning"]),
        ("TW: self-harm/suicide", {"self-harm", "suicide"}, []),
        # One phrase as written stays whole: an alias, a qualifier, "and/or", a genre, a word for none.
        ("TW: rape/non-con", {"sexual-abuse"}, []),
        ("Warnings: implied/referenced self-harm", {"self-harm"}, []),
        ("Warnings: blood and/or gore", {"blood-gore"}, []),
        ("Warnings: hurt/comfort", set(), ["hurt/comfort"]),
        ("TW: n/a", set(), []),
    ],
)
def test_a_slash_between_warnings_splits_the_items(text: str, ids: set[str], unmapped: list[str]) -> None:
    declared = map_declared(StoryMeta(title="t", declared_warnings=[text]))
    assert set(declared.ids) == ids
    assert declared.unmapped == unmapped


def test_the_mapping_is_part_of_what_makes_a_stored_scan_stale(tmp_path: Path) -> None:
    """Session 35: a release that maps "child labour" to child abuse (it was childbirth) left every stored
    scan with the old mapping until a member changed its story; the shipped fingerprint now holds the
    mapping's digest, so the refresh pass after an upgrade scans them again."""
    assert rules_fingerprint().endswith(f" {mapping_fingerprint()}")
    changed = tmp_path / "declared.json"
    changed.write_text(DECLARED_FILE.read_text(encoding="utf-8").replace('"child labour"', '"child labor law"'))
    assert mapping_fingerprint(changed) != mapping_fingerprint()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warnings: d\u0435ath", {"death"}),  # a Cyrillic "е"
        ("TW: \uff47\uff4f\uff52\uff45", {"blood-gore"}),  # full-width "gore"
        ("CW: su\u200bicide, blood", {"suicide", "blood-gore"}),  # split by a zero-width space
        ("Warnings: \u043d\u0430\u0441\u0438\u043b\u0438\u0435", {"violence"}),  # Russian, as written
    ],
)
def test_a_warning_word_written_to_look_like_one_maps_as_that_word(text: str, expected: set[str]) -> None:
    """Session 35: the labels in disguise were read (bot/story/lookalikes.py), the words after them not:
    "dеath" with a Cyrillic е declared nothing a member's avoided warnings could match."""
    result = declared(text)
    assert set(result.ids) == expected and result.unmapped == []
