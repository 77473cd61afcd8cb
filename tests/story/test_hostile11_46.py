"""Hostile uploads of session 46's eleventh round: the passes this session added or changed (bracketed
"[TW]" labels, Ulysses' "%%" comments, ":::" dividers, prompt titles, downloader credits, FicHub's
sections, the matcher's cut entries), each given the shape that makes it work hardest at the upload
limit. Each is read within the budgets of :mod:`bot.story.limits` (CPU time and traced memory,
generous bounds; the figures are in the commits). The line of labels, near its bound, is read at a
quarter of the size too (:mod:`tests.growth`)."""

from __future__ import annotations

import tracemalloc

import pytest

from bot.story.importer import import_story
from bot.warnings.declared import _label_off, _normalise, default_mapping
from tests.growth import SCALE, read_in_linear_time
from tests.story.test_hostile_shapes37 import MAX_BYTES

_PROSE = "The weir roared all night and nobody in the valley slept, for the river was rising fast."


def _one_line_of(label: str, count: int | None = None) -> bytes:
    """A title, one line of ``label`` over and over (to the upload limit, unless ``count`` times), and a
    sentence of prose."""
    times = (MAX_BYTES - 200) // len(label) if count is None else count
    return ("The Book\n\n" + label * times + "\n\n" + _PROSE + "\n").encode()


def _read_labels(data: bytes) -> None:
    import_story(data, "labels.txt", max_bytes=MAX_BYTES)


@pytest.mark.parametrize("label", ["TW:", "[TW]", "TW "])
def test_a_line_of_a_million_labels_is_read_in_bounded_time_and_memory(label: str) -> None:
    """Declaration labels are taken off a line's start one after another ("Warning: TW: CW:"), and the
    pattern kept its place for the way back at each: a line of 1,390,000 "TW:" took 5.6 s of CPU and
    940 MB at the base (900 MB of it traced), and "[TW]" read as a label once brackets did (1dc2e727:
    3.9 s, 740 MB). At most LABELS_MOST come off now: 0.8 s then, 2.7 s on a busy machine now (its old
    bound 3 s), 135 MB. The line at the limit takes under 8 times what a quarter of it takes, and 8 s."""
    data = _one_line_of(label)
    assert len(data) <= MAX_BYTES
    quarter = (MAX_BYTES - 200) // len(label) // SCALE
    read_in_linear_time(lambda count: _one_line_of(label, count), _read_labels, quarter, ceiling=8.0)
    line = _normalise(data.decode().split("\n\n")[1])  # the pass that kept its place: traced alone
    tracemalloc.start()
    try:
        _label_off(line, default_mapping().prefixes)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * 2**20


def test_labels_stacked_as_authors_stack_them_still_come_off() -> None:
    """Guard: a few labels one after another, in brackets or not, all come off before the warnings."""
    prefixes = default_mapping().prefixes
    assert _label_off(_normalise("Warning: TW: CW: [TW] blood, grief"), prefixes)[1] == "blood, grief"
    assert _label_off(_normalise("※注意※ 流血"), prefixes)[1] == "流血"
