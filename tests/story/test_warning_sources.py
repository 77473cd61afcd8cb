"""Where a warning comes from, in the words members read (issue 13, point 5).

One wording for every surface: the excerpt header, the discussion post and ``/story info``
all call :func:`bot.story.render.warning_label`; a possible warning never reaches them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.story.model import SOURCE_NOTES, Chapter, HeaderWarning, Scene, source_note
from bot.story.render import members_see, render_header, warning_label, warning_list
from bot.text import utf16_len

CHAPTER = Chapter(1, None, [Scene(["Text."])])


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("declared", "**Major character death** (author)"),
        ("both", "**Major character death** (author, detected)"),
        ("detected", "**Major character death** (detected)"),
        ("override", "**Major character death** (added by an admin)"),
        ("confirmed", "**Major character death** (confirmed by an admin)"),
        ("reported", "**Major character death** (reported by a member, confirmed)"),
    ],
)
def test_each_source_has_its_words_in_the_header(source: str, shown: str) -> None:
    warning = HeaderWarning("death", "Major character death", source)
    assert warning_label(warning) == shown
    assert warning.tier == "confident"
    header = render_header("T", CHAPTER, [warning])
    assert f"⚠️ Warnings: {shown}\n" in header


def test_every_source_has_a_note_and_an_unknown_one_is_shown_as_is() -> None:
    assert all(note and "(" not in note for note in SOURCE_NOTES.values())
    assert source_note("something-new") == "something-new"
    unwarned = HeaderWarning("unwarned", "Unwarned: the author chose not to use warnings", "declared")
    assert warning_label(unwarned) == "**Unwarned\\: the author chose not to use warnings**"  # "author" said once


def test_avoided_warnings_keep_their_source() -> None:
    warning = HeaderWarning("death", "Death", "confirmed", avoided=True)
    assert warning_label(warning) == "🚫 **Death** (confirmed by an admin; you avoid this)"


def test_labels_are_escaped_and_notes_are_not_doubled() -> None:
    assert warning_label(HeaderWarning("x", "Blood_gore *", "detected")) == "**Blood\\_gore \\*** (detected)"
    # a strict avoider's possible warning already says "(possible)" in its label
    strict = HeaderWarning("blood-gore", "Blood and gore (possible)", "possible", avoided=True)
    assert warning_label(strict) == "🚫 **Blood and gore (possible)** (you avoid this)"


def test_possible_warnings_never_show_to_members() -> None:
    warnings = [
        HeaderWarning("grief", "Grief", "detected"),
        HeaderWarning("death", "Death", "possible"),
    ]
    header = render_header("T", CHAPTER, warnings)
    assert "Grief" in header and "Death" not in header and "possible" not in header
    only_possible = render_header("T", CHAPTER, warnings[1:])
    assert "Death" not in only_possible
    assert "Warnings: none declared or confirmed; 1 possible warning is waiting for an admin's review." in only_possible
    # except to the member who avoids it strictly, reading privately: they are asked first
    mine = HeaderWarning("death", "Death (possible)", "possible", avoided=True)
    assert "Death (possible)" in render_header("T", CHAPTER, [mine])
    assert members_see([*warnings, mine]) == [warnings[0], mine]


def test_json_shape_of_a_warning() -> None:
    assert HeaderWarning("death", "Death", "reported").to_json() == {
        "id": "death",
        "label": "Death",
        "tier": "confident",
        "source": "reported",
    }
    # a possible warning was detected; its tier says how sure
    assert HeaderWarning("death", "Death", "possible").to_json()["source"] == "detected"
    assert HeaderWarning("death", "Death", "possible").to_json()["tier"] == "possible"


warning_lists = st.lists(
    st.builds(
        HeaderWarning,
        id=st.text(min_size=1, max_size=12),
        label=st.text(min_size=1, max_size=120),
        source=st.sampled_from([*SOURCE_NOTES, "possible"]),
        avoided=st.booleans(),
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(warnings=warning_lists, budget=st.integers(min_value=100, max_value=2000))
def test_the_header_fits_and_hides_possible_ones_whatever_the_warnings(
    warnings: list[HeaderWarning], budget: int
) -> None:
    assert utf16_len(render_header("A title", CHAPTER, warnings, budget=budget)) <= budget
    marker = "⁂possible-only⁂"
    tagged = [HeaderWarning("p", marker, "possible"), *warnings]
    assert marker not in render_header("A title", CHAPTER, tagged, budget=budget)


def test_a_long_list_keeps_whole_entries_and_counts_the_rest() -> None:
    warnings = [HeaderWarning(f"w{i}", f"Warning {i}", "reported") for i in range(40)]
    line = warning_list(warnings, 300)
    assert utf16_len(line) <= 300 and line.endswith(" more")
    shown = line.count("**") // 2
    assert line.endswith(f" and {40 - shown} more") and "(reported by a member, confirmed)" in line
    assert warning_list(warnings[:2], 300) == (
        "**Warning 0** (reported by a member, confirmed), **Warning 1** (reported by a member, confirmed)"
    )
    assert warning_list(warnings, 10) == "40 warnings"


@settings(max_examples=150, deadline=None)
@given(warnings=warning_lists, limit=st.integers(min_value=20, max_value=2000))
def test_a_warning_list_always_fits(warnings: list[HeaderWarning], limit: int) -> None:
    line = warning_list(warnings, limit)
    assert utf16_len(line) <= limit
    bare = re.sub(r"\\.", "", line)  # escaped characters out: only the bold markers have asterisks
    assert bare.count("*") % 4 == 0  # whole "**label**" entries: never one cut open
