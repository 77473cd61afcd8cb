"""The fan fiction development set (issue 13): its shape, its split, and what the rules score on it.

``data/warnings/fanfic-tune.jsonl`` and ``fanfic-test.jsonl`` are original passages in the voices
of posted fan fiction, split by a seeded draw before either half was scored. The rules were tuned
on the tuning half only; the test half was scored once, at the end. ``fanfic-fresh.jsonl`` and
``fanfic-fresh2.jsonl``, ``fanfic-fresh3.jsonl`` and ``fanfic-fresh4.jsonl`` were written later,
each after a round of rule changes (fresh4 before the fourth, fresh5, fresh6 and fresh7 by writers
who never saw the rules, before the fifth, the sixth and the seventh; fresh8 and fresh9 by two more,
before the eighth; fresh10 and fresh11 by two more, before the tenth; fresh12a and fresh12b by two
more, before the twelfth; fresh13a and fresh13b by two more, before the thirteenth; fresh14a and
fresh14b by two more, before the fourteenth; fresh15a and fresh15b by two more, before the
fifteenth; fresh16a and fresh16b by two more, before the sixteenth; fresh38 by a helper before
the thirty-eighth; fresh39 by a helper before the thirty-ninth; fresh40 by a helper before the fortieth;
fresh41d and fresh41a by two helpers before the forty-first; fresh42b and fresh42v by two helpers before the
forty-second; fresh43a and fresh43b by a writer during the forty-third, held out of it; fresh44a by a writer
during the forty-fourth, held out of it; fresh45a by a writer during the forty-fifth, held out of it; fresh46a by a writer during the forty-sixth,
held out of it and scored by its totals only; fresh47a by a writer during the forty-seventh, the same; fresh48a during the forty-eighth, the same; fresh49a and fresh49b during the forty-ninth, the same, fresh49b scored by the lead alone; fresh50a and fresh50b during the fiftieth, the same; fresh51a and fresh51b during the fifty-first, the same; fresh52a and fresh52b during the fifty-second, the same; fresh53a and fresh53b during the fifty-third, the same; fresh54a and fresh54b during the fifty-fourth, the same; fresh55a and fresh55b during the fifty-fifth, the same; fresh56a and fresh56b during the fifty-sixth, the same; fresh57a and fresh57b during the fifty-seventh, the same), and scored once before and once after the round that followed them
(docs/warnings-eval.md has the figures and the order). The score tests go through the
same code as ``python -m bot eval`` so they measure what a reader of docs/warnings-eval.md reads.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from typing import Any

import pytest

from bot.tools.evaluate import evaluate, read_examples
from bot.warnings.rules import default_ruleset
from tests.conftest import REPO_ROOT

SET_DIR = REPO_ROOT / "data" / "warnings"
HALVES = ("fanfic-tune.jsonl", "fanfic-test.jsonl")
FRESH = (
    "fanfic-fresh.jsonl",
    "fanfic-fresh2.jsonl",
    "fanfic-fresh3.jsonl",
    "fanfic-fresh4.jsonl",
    "fanfic-fresh5.jsonl",
    "fanfic-fresh6.jsonl",
    "fanfic-fresh7.jsonl",
    "fanfic-fresh8.jsonl",
    "fanfic-fresh9.jsonl",
    "fanfic-fresh10.jsonl",
    "fanfic-fresh11.jsonl",
    "fanfic-fresh12a.jsonl",
    "fanfic-fresh12b.jsonl",
    "fanfic-fresh13a.jsonl",
    "fanfic-fresh13b.jsonl",
    "fanfic-fresh14a.jsonl",
    "fanfic-fresh14b.jsonl",
    "fanfic-fresh15a.jsonl",
    "fanfic-fresh15b.jsonl",
    "fanfic-fresh16a.jsonl",
    "fanfic-fresh16b.jsonl",
    "fanfic-fresh38.jsonl",
    "fanfic-fresh39.jsonl",
    "fanfic-fresh40.jsonl",
    "fanfic-fresh41d.jsonl",
    "fanfic-fresh41a.jsonl",
    "fanfic-fresh42b.jsonl",
    "fanfic-fresh42v.jsonl",
    "fanfic-fresh43a.jsonl",
    "fanfic-fresh43b.jsonl",
    "fanfic-fresh44a.jsonl",
    "fanfic-fresh45a.jsonl",
    "fanfic-fresh46a.jsonl",
    "fanfic-fresh47a.jsonl",
    "fanfic-fresh48a.jsonl",
    "fanfic-fresh49a.jsonl",
    "fanfic-fresh49b.jsonl",
    "fanfic-fresh50a.jsonl",
    "fanfic-fresh50b.jsonl",
    "fanfic-fresh51a.jsonl",
    "fanfic-fresh51b.jsonl",
    "fanfic-fresh52a.jsonl",
    "fanfic-fresh52b.jsonl",
    "fanfic-fresh53a.jsonl",
    "fanfic-fresh53b.jsonl",
    "fanfic-fresh54a.jsonl",
    "fanfic-fresh54b.jsonl",
    "fanfic-fresh55a.jsonl",
    "fanfic-fresh55b.jsonl",
    "fanfic-fresh56a.jsonl",
    "fanfic-fresh56b.jsonl",
    "fanfic-fresh57a.jsonl",
    "fanfic-fresh57b.jsonl",
)  # written after rule rounds
LISTED = (
    "sexism",
    "violence",
    "collective-violence",
    "death",
    "abuse",
    "kidnapping",
    "racism",
    "homophobia",
    "ableism",
)


def lines(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (SET_DIR / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def both() -> list[dict[str, Any]]:
    return lines(HALVES[0]) + lines(HALVES[1])


@cache
def scores(name: str) -> tuple[dict[str, Any], int, int]:
    """The eval JSON for one half, its warning-free count and how many of those got a warning."""
    ruleset = default_ruleset()
    result = evaluate(read_examples(SET_DIR / name, ruleset), ruleset)
    return result.to_json(), result.warning_free, len(result.warning_free_flagged)


def at_least(name: str, *, micro_f1: float, free: int, flagged: int) -> dict[str, Any]:
    """The set's eval JSON, once its micro-F1 floor, its warning-free count and the ceiling on
    how many of those get a warning are checked."""
    data, got_free, got_flagged = scores(name)
    assert data["micro"]["f1"] >= micro_f1, (name, data["micro"]["f1"])
    assert got_free == free and got_flagged <= flagged, (name, got_free, got_flagged)
    return data


def test_the_set_is_big_enough_and_every_passage_is_300_to_800_characters() -> None:
    items = both()
    assert len(items) >= 420
    lengths = [len(item["text"]) for item in items]
    assert min(lengths) >= 300 and max(lengths) <= 800


def test_at_least_40_percent_of_the_passages_are_warning_free() -> None:
    items = both()
    free = sum(1 for item in items if not item["labels"])
    assert free / len(items) >= 0.40


def test_every_default_category_is_covered_and_the_listed_ones_have_30_each() -> None:
    counts = Counter(label for item in both() for label in item["labels"])
    taxonomy = default_ruleset().taxonomy
    assert set(taxonomy.ids) <= set(counts), f"uncovered: {set(taxonomy.ids) - set(counts)}"
    assert set(counts) <= set(taxonomy.ids)
    short = {category: counts[category] for category in LISTED if counts[category] < 30}
    assert not short, f"fewer than 30 passages: {short}"


def test_the_halves_are_disjoint_balanced_and_share_every_listed_category() -> None:
    tune, test = lines(HALVES[0]), lines(HALVES[1])
    assert abs(len(tune) - len(test)) <= 1
    texts = [item["text"] for item in tune + test]
    assert len(set(texts)) == len(texts), "a passage is repeated within or across the halves"
    for half in (tune, test):
        counts = Counter(label for item in half for label in item["labels"])
        assert all(counts[category] >= 10 for category in LISTED), counts
        assert sum(1 for item in half if not item["labels"]) >= 0.35 * len(half)


@pytest.mark.parametrize("name", HALVES)
def test_every_line_reads_through_the_real_eval_loader(name: str) -> None:
    examples = read_examples(SET_DIR / name, default_ruleset())
    assert len(examples) == len(lines(name))


@pytest.mark.parametrize("name", FRESH)
def test_the_later_sets_are_valid_new_passages(name: str) -> None:
    items = lines(name)
    assert all(300 <= len(item["text"]) <= 800 for item in items)
    assert sum(1 for item in items if not item["labels"]) >= 0.35 * len(items)
    seen = {item["text"] for other in (*HALVES, *FRESH) if other != name for item in lines(other)}
    assert not seen & {item["text"] for item in items}, "a passage is repeated from another set"
    assert len(read_examples(SET_DIR / name, default_ruleset())) == len(items)


def test_the_third_round_rules_on_the_set_written_after_them() -> None:
    """``fanfic-fresh3.jsonl`` scored 0.51 micro-F1 once with the third-round rules, then was tuned on (0.69)."""
    at_least(FRESH[2], micro_f1=0.68, free=18, flagged=2)


def test_the_fourth_round_on_the_set_written_before_it() -> None:
    """``fanfic-fresh4.jsonl`` was written before the fourth round.

    Scored once before the round (micro-F1 0.25, 10 of 36 warning-free passages flagged) and once
    after it (0.34, 8 of 36); the fifth round was tuned on it (0.89, 0 of 36). Floors at the last.
    """
    data = at_least(FRESH[3], micro_f1=0.88, free=36, flagged=0)
    assert data["per_category"]["kidnapping"]["f1"] >= 0.90
    assert data["per_category"]["abuse"]["f1"] >= 0.90


def test_the_fifth_round_set_was_then_tuned_on() -> None:
    """``fanfic-fresh5.jsonl`` (341 passages, 146 warning-free) was written by a writer who never saw
    the rules, before the fifth round: scored before it (micro-F1 0.39, 37 warning-free passages
    flagged) and after it (0.43, 31). The sixth round was tuned on it (0.97, 1); floors at that."""
    at_least(FRESH[4], micro_f1=0.96, free=146, flagged=1)


def test_the_sixth_round_set_was_then_tuned_on() -> None:
    """``fanfic-fresh6.jsonl`` (358 passages, 154 warning-free) was written before the sixth round by
    a writer who never saw the rules or the detector: scored before the round (micro-F1 0.54, 63
    warning-free passages flagged) and after it (0.63, 55). The seventh round was tuned on it
    (0.90, 8); floors at that."""
    data = at_least(FRESH[5], micro_f1=0.90, free=154, flagged=8)
    assert data["per_category"]["death"]["f1"] >= 0.80


def test_the_seventh_round_set_was_then_tuned_on() -> None:
    """``fanfic-fresh7.jsonl`` (360 passages, 150 warning-free) was written before the seventh round
    by a writer who never saw the rules: scored before it (micro-F1 0.62, 18 warning-free passages
    flagged) and after it (0.62, 19). The eighth round was tuned on it (0.86, 3); floors at that."""
    data = at_least(FRESH[6], micro_f1=0.85, free=150, flagged=3)
    assert data["per_category"]["death"]["f1"] >= 0.90
    assert data["per_category"]["kidnapping"]["f1"] >= 0.95


def test_the_eighth_round_sets_were_then_tuned_on() -> None:
    """``fanfic-fresh8.jsonl`` (439 passages) and ``fanfic-fresh9.jsonl`` (385) were written before the
    eighth round by two writers who never saw the rules, and scored before it (micro-F1 0.47 and
    0.54) and after it (0.48 and 0.55). The ninth round was tuned on fresh8 (0.53, 10 warning-free
    passages flagged), the tenth on fresh9 (0.77, 5), the thirteenth's second pass on fresh8
    again (0.62, 5) and the fourteenth's second and third passes too (0.65, 4); floors at what they
    score now."""
    at_least(FRESH[7], micro_f1=0.65, free=190, flagged=4)
    data = at_least(FRESH[8], micro_f1=0.77, free=166, flagged=5)
    for category in ("sexism", "violence", "collective-violence", "death", "kidnapping", "homophobia"):
        assert data["per_category"][category]["f1"] >= 0.88, category


def test_the_tenth_round_set_was_then_tuned_on_for_its_false_alarms() -> None:
    """``fanfic-fresh10.jsonl`` (442 passages, 193 warning-free) was written before the tenth round by
    a writer who never saw the rules: scored before it (micro-F1 0.58, 29 warning-free passages
    flagged) and after it (0.59, 29). The eleventh round read its false alarms only (0.61, 5), the
    thirteenth's second pass its misses too (0.68, 5), the fourteenth's third pass again (0.72, 5)."""
    at_least(FRESH[9], micro_f1=0.71, free=193, flagged=5)


def test_the_tenth_rounds_unseen_set_was_then_tuned_on_in_the_twelfth() -> None:
    """``fanfic-fresh11.jsonl`` (438 passages, 191 warning-free) was written before the tenth round by
    another writer who never saw the rules and held out until the twelfth: micro-F1 0.51 through
    the tenth and eleventh rounds (23 warning-free passages flagged), then tuned on: 0.72 (3); 0.77 (3)
    after the thirteenth, whose second pass read it with four other writers; 0.79 (3) after the
    fourteenth, whose third pass read it with six, and 0.79 (2) after the fifteenth's third pass."""
    at_least(FRESH[10], micro_f1=0.79, free=191, flagged=2)


def test_the_twelfth_rounds_unseen_sets_were_then_tuned_on_in_the_thirteenth() -> None:
    """``fanfic-fresh12a.jsonl`` and ``fanfic-fresh12b.jsonl`` (230 passages each, 93 warning-free)
    were written before the twelfth round by two writers who never saw the rules: micro-F1 0.487
    and 0.472 before it (21 and 11 warning-free passages flagged), 0.496 and 0.487 after it (21 and
    10). The thirteenth round was tuned on them: 0.701 and 0.703 (5 and 3); the fourteenth's third
    pass read them again with five other writers: 0.734 and 0.717 (5 and 3); the fifteenth's second
    and third passes with seven: 0.748 and 0.731 (4 and 2). Floors at those."""
    at_least(FRESH[11], micro_f1=0.74, free=93, flagged=4)
    at_least(FRESH[12], micro_f1=0.73, free=93, flagged=2)


def test_the_thirteenth_rounds_unseen_sets_were_then_tuned_on_in_the_fourteenth() -> None:
    """``fanfic-fresh13a.jsonl`` and ``fanfic-fresh13b.jsonl`` (230 passages each, 93 warning-free)
    were written before the thirteenth round by two writers who never saw the rules: micro-F1 0.277
    and 0.358 before it (17 and 19 warning-free passages flagged), 0.303 and 0.370 after it (17
    and 19). The fourteenth round was tuned on them in three passes: 0.529 and 0.575 (9 and 9); the
    fifteenth's second and third passes read them again: 0.579 and 0.601 (2 and 6). Floors at those."""
    at_least(FRESH[13], micro_f1=0.57, free=93, flagged=2)
    at_least(FRESH[14], micro_f1=0.60, free=93, flagged=6)


def test_the_fourteenth_rounds_unseen_sets_were_then_tuned_on_in_the_fifteenth() -> None:
    """``fanfic-fresh14a.jsonl`` and ``fanfic-fresh14b.jsonl`` (230 passages each, 93 warning-free)
    were written before the fourteenth round by two writers who never saw the rules: micro-F1 0.318
    and 0.371 before it (18 warning-free passages flagged in each), 0.318 and 0.383 after it (18
    and 18). The fifteenth round was tuned on them in three passes: 0.531 and 0.526 (4 and 2).
    Floors at those."""
    at_least(FRESH[15], micro_f1=0.53, free=93, flagged=4)
    at_least(FRESH[16], micro_f1=0.52, free=93, flagged=2)


def test_the_fifteenth_rounds_unseen_sets_were_then_tuned_on_in_the_sixteenth() -> None:
    """``fanfic-fresh15a.jsonl`` and ``fanfic-fresh15b.jsonl`` (230 passages each, 93 warning-free)
    were written before the fifteenth round by two writers who never saw the rules: micro-F1 0.354
    and 0.288 before it (7 and 14 warning-free passages flagged), 0.356 and 0.297 after it (6 and
    14). The sixteenth round was tuned on them in one pass: 0.468 and 0.404 (4 and 4). Floors at
    those."""
    at_least(FRESH[17], micro_f1=0.46, free=93, flagged=4)
    at_least(FRESH[18], micro_f1=0.40, free=93, flagged=4)


@pytest.mark.heldout
def test_the_sixteenth_round_on_two_sets_nobody_tuned_on() -> None:
    """``fanfic-fresh16a.jsonl`` and ``fanfic-fresh16b.jsonl`` (230 passages each, 93 warning-free)
    were written before the sixteenth round by two writers who never saw the rules, and nobody who
    changed a rule has read them: micro-F1 0.249 and 0.279 before the round (16 and 16 warning-free
    passages flagged), 0.249 and 0.270 after it (16 and 16). Round 40b (a helper, on the lead's
    brief) read the passages of both that were still flagged, so they are no longer held out for
    the rules it changed. The forty-first round's abuse helper read fresh16a's abuse passages and
    wrote change 3 of that round from them (fresh16a micro-F1 0.251 to 0.269, abuse 0.08 to 0.33,
    14 flagged), so fresh16a is no longer held out for abuse either. Floors at those."""
    data = at_least(FRESH[19], micro_f1=0.26, free=93, flagged=14)
    assert data["per_category"]["abuse"]["f1"] >= 0.33
    at_least(FRESH[20], micro_f1=0.27, free=93, flagged=16)


def test_the_thirty_eighth_rounds_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh38.jsonl`` (230 passages, 93 warning-free) was written before the thirty-eighth
    round by a helper who had not read the rules: micro-F1 0.625 before it (8 warning-free passages
    flagged). The round then tuned on it: 0.678 (3), and the thirty-ninth's abuse rules took it to
    0.686 (abuse 0.60 to 0.73). Floors at that."""
    data = at_least(FRESH[21], micro_f1=0.68, free=93, flagged=3)
    assert data["per_category"]["abuse"]["f1"] >= 0.72
    assert data["per_category"]["collective-violence"]["f1"] >= 0.88
    assert data["per_category"]["kidnapping"]["f1"] >= 0.85
    assert data["per_category"]["sexism"]["f1"] >= 0.91
    assert data["per_category"]["homophobia"]["f1"] >= 0.85
    assert data["per_category"]["ableism"]["f1"] >= 0.80


def test_the_thirty_ninth_rounds_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh39.jsonl`` (240 passages, 105 warning-free) was written before the thirty-ninth
    round by a helper who had not read the rules: micro-F1 0.441 before it (16 warning-free passages
    flagged; death 0.42, abuse 0.29). The round then tuned on it: 0.611 (7; death 0.59, abuse 0.67);
    the fortieth took it to 0.619 (6). Floors at that, so a change that loses ground on it fails."""
    data = at_least(FRESH[22], micro_f1=0.61, free=105, flagged=6)
    assert data["per_category"]["death"]["f1"] >= 0.58
    assert data["per_category"]["abuse"]["f1"] >= 0.66
    assert data["per_category"]["collective-violence"]["f1"] >= 0.81
    assert data["per_category"]["sexism"]["f1"] >= 0.70
    assert data["per_category"]["homophobia"]["f1"] >= 0.89
    assert data["per_category"]["racism"]["f1"] >= 0.71


def test_the_fortieth_rounds_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh40.jsonl`` (240 passages, 96 warning-free) was written before the fortieth round
    by a helper who had not read the rules: micro-F1 0.474 before it (17 warning-free passages
    flagged; death 0.31, abuse 0.45). The round then tuned on it: 0.506 (12; death 0.375, abuse
    0.545); round 40b's figurative death took it to 0.515 (7; death 0.409). The forty-first round's
    abuse helper read its missed abuse passages (change 4 of that round): 0.537 (7; abuse 0.667).
    Floors at that, so a change that loses ground on it fails."""
    data = at_least(FRESH[23], micro_f1=0.53, free=96, flagged=7)
    assert data["per_category"]["death"]["f1"] >= 0.40
    assert data["per_category"]["abuse"]["f1"] >= 0.66
    assert data["per_category"]["collective-violence"]["f1"] >= 0.78
    assert data["per_category"]["violence"]["f1"] >= 0.69
    assert data["per_category"]["kidnapping"]["f1"] >= 0.50


def test_the_forty_first_rounds_death_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh41d.jsonl`` (316 passages, 111 warning-free, 65 death mostly told without the
    word) was written before the forty-first round by a helper who had not read the rules:
    micro-F1 0.451 before it (21 warning-free passages flagged; death 0.34); change 1 (dead and died of
    things) took it to 0.458 (12; death 0.37), change 2 (death told by its frames) to 0.466 (12; death
    0.42), change 3 (the brief's frames) to 0.470 (12; death 0.45), change 4 (jokes, dreams, similes) to
    0.473 (9; death 0.46), change 6 (cremated food) to 0.473 (8; death 0.47). Floors at that."""
    data = at_least("fanfic-fresh41d.jsonl", micro_f1=0.47, free=111, flagged=8)
    assert data["per_category"]["death"]["f1"] >= 0.46


def test_the_forty_first_rounds_abuse_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh41a.jsonl`` (200 passages, 82 warning-free, 60 abuse told mostly without the
    keyword) was written before the forty-first round by a helper who had not read the rules:
    micro-F1 0.472 before it (10 warning-free passages flagged; abuse 0.17, child-abuse 0.14).
    The round's everyday frames of abuse then took it to 0.502 (10; abuse 0.316), and two near
    misses made clean to 0.505 (8; abuse 0.324), and change 4 (read off fresh40) to 0.510 (8;
    abuse 0.347). Floors at that, so a change that loses ground on it fails."""
    data = at_least("fanfic-fresh41a.jsonl", micro_f1=0.50, free=82, flagged=8)
    assert data["per_category"]["abuse"]["f1"] >= 0.34
    assert data["per_category"]["child-abuse"]["f1"] >= 0.13
    assert data["per_category"]["violence"]["f1"] >= 0.70
    assert data["per_category"]["self-harm"]["f1"] >= 0.76


def test_the_forty_second_rounds_bias_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh42b.jsonl`` (220 passages, 90 warning-free, 30 each of racism, sexism, homophobia
    and ableism told mostly without the obvious word) was written before the forty-second round by a
    helper who had not read the rules: micro-F1 0.508 before it (2 warning-free passages flagged;
    racism 0.55, sexism 0.54, homophobia 0.38, ableism 0.56). Change 1 (everyday vocabulary, read
    off it) took it to 0.585 (2; racism 0.67, sexism 0.70, homophobia 0.64, ableism 0.71), change 2
    (contempt next to who it is aimed at) to 0.634 (2; racism 0.72, sexism 0.78, homophobia 0.82,
    ableism 0.76). Floors at that, so a change that loses ground on it fails."""
    data = at_least("fanfic-fresh42b.jsonl", micro_f1=0.63, free=90, flagged=2)
    assert data["per_category"]["racism"]["f1"] >= 0.71
    assert data["per_category"]["sexism"]["f1"] >= 0.77
    assert data["per_category"]["homophobia"]["f1"] >= 0.81
    assert data["per_category"]["ableism"]["f1"] >= 0.75


def test_the_forty_third_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh43a.jsonl`` (240 passages, 109 warning-free) and ``fanfic-fresh43b.jsonl`` (200, 74
    warning-free, more chat logs and second person) were written during the forty-third round by a
    writer who never read the rules, and held out of it: scored on its first commit, micro-F1 0.457
    (14 warning-free flagged) and 0.493 (3); at its end 0.456 (14; one death more found wrongly,
    death 0.14 -> 0.13) and 0.493 (3): the round's changes did not reach them. The forty-fourth round
    read them: 0.583 (7) and 0.546 (2); after the forty-fifth, 0.599 (5) and 0.554 (2). Floors at that."""
    data = at_least("fanfic-fresh43a.jsonl", micro_f1=0.59, free=109, flagged=5)
    assert data["per_category"]["kidnapping"]["f1"] >= 0.69
    assert data["per_category"]["collective-violence"]["f1"] >= 0.64
    data = at_least("fanfic-fresh43b.jsonl", micro_f1=0.55, free=74, flagged=2)
    assert data["per_category"]["violence"]["f1"] >= 0.75
    assert data["per_category"]["vomit"]["f1"] >= 0.96


def test_the_forty_fourth_rounds_held_out_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh44a.jsonl`` (240 passages, 113 warning-free) was written during the forty-fourth
    round by a writer who never read the rules, and held out of it: micro-F1 0.586 before the round
    (13 warning-free passages flagged; death 0.48, violence 0.48, sexism 0.56), 0.591 after it (12;
    suicide 0.00 -> 0.67, blood-gore 0.50 -> 0.55, every listed category unchanged). Read in the
    forty-fifth round: 0.636 (3 flagged; death 0.58, abuse 0.74, racism 0.83). Floors at the end."""
    data = at_least("fanfic-fresh44a.jsonl", micro_f1=0.63, free=113, flagged=3)
    assert data["per_category"]["collective-violence"]["f1"] >= 0.75
    assert data["per_category"]["homophobia"]["f1"] >= 0.78
    assert data["per_category"]["racism"]["f1"] >= 0.82
    assert data["per_category"]["ableism"]["f1"] >= 0.74
    assert data["per_category"]["death"]["f1"] >= 0.58


def test_the_forty_fifth_rounds_held_out_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh45a.jsonl`` (240 passages, 110 warning-free) was written during the forty-fifth
    round by a writer who never read the rules, and held out of it: micro-F1 0.557 before the round
    (19 warning-free passages flagged; death 0.19, abuse 0.55, ableism 0.55), 0.561 after it (19; abuse
    0.55 -> 0.61, every other category unchanged). Floors at the end."""
    data = at_least("fanfic-fresh45a.jsonl", micro_f1=0.56, free=110, flagged=19)
    assert data["per_category"]["racism"]["f1"] >= 0.81
    assert data["per_category"]["kidnapping"]["f1"] >= 0.78
    assert data["per_category"]["sexism"]["f1"] >= 0.72
    assert data["per_category"]["abuse"]["f1"] >= 0.60


def test_the_forty_sixth_rounds_held_out_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh46a.jsonl`` (240 passages, 111 warning-free) was written during the forty-sixth
    round by a writer who never read the rules, and held out of it: its totals were the round's gate,
    the passages opened by no one. Micro-F1 0.619 before the round (6 warning-free passages flagged;
    death 0.40, abuse 0.45, sexism 0.52), 0.623 after it (the same 6; grief 0.29 -> 0.50, every listed
    category unchanged). Floors at the end."""
    data = at_least("fanfic-fresh46a.jsonl", micro_f1=0.62, free=111, flagged=6)
    assert data["per_category"]["violence"]["f1"] >= 0.78
    assert data["per_category"]["collective-violence"]["f1"] >= 0.74
    assert data["per_category"]["ableism"]["f1"] >= 0.71
    assert data["per_category"]["kidnapping"]["f1"] >= 0.68


def test_the_forty_seventh_rounds_held_out_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh47a.jsonl`` (240 passages, 111 warning-free) was written during the forty-seventh
    round by a writer who never read the rules, and held out of it: its totals were the round's gate,
    the passages opened by no one. Micro-F1 0.589 before the round and after it, every category the
    same (11 warning-free passages flagged; violence 0.18: 2 of 18 found). Floors at the end."""
    data = at_least("fanfic-fresh47a.jsonl", micro_f1=0.58, free=111, flagged=11)
    assert data["per_category"]["collective-violence"]["f1"] >= 0.75
    assert data["per_category"]["ableism"]["f1"] >= 0.72
    assert data["per_category"]["sexism"]["f1"] >= 0.71
    assert data["per_category"]["racism"]["f1"] >= 0.69


def test_the_forty_eighth_rounds_held_out_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh48a.jsonl`` (240 passages, 110 warning-free) was written during the forty-eighth
    round by a writer who never read the rules, and held out of it: its totals were the round's gate,
    the passages opened by no one. Micro-F1 0.557 before the round, 0.578 after (homophobia, racism
    and sexism from treat48's compositions, a death from body48's); 13 warning-free passages flagged
    before and after. Floors at the end."""
    data = at_least("fanfic-fresh48a.jsonl", micro_f1=0.57, free=110, flagged=13)
    assert data["per_category"]["collective-violence"]["f1"] >= 0.79
    assert data["per_category"]["kidnapping"]["f1"] >= 0.76
    assert data["per_category"]["sexism"]["f1"] >= 0.69
    assert data["per_category"]["abuse"]["f1"] >= 0.69


def test_the_forty_ninth_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh49a.jsonl`` and ``fanfic-fresh49b.jsonl`` (240 passages each, 110 warning-free) were
    written during the forty-ninth round by two writers who never read the rules, and held out of it: 49a's
    totals were the engineers' gate, 49b's the lead's alone (no engineer scored a change on it), the
    passages opened by no one. Micro-F1 0.556 -> 0.576 and 0.608 -> 0.624 over the round (death from war49's
    compositions, violence from scene49's, racism, ableism and sexism from treat49's); 17 and 9
    warning-free passages flagged before and after. Floors at the end."""
    first = at_least("fanfic-fresh49a.jsonl", micro_f1=0.57, free=110, flagged=17)
    assert first["per_category"]["ableism"]["f1"] >= 0.79
    assert first["per_category"]["violence"]["f1"] >= 0.71
    assert first["per_category"]["kidnapping"]["f1"] >= 0.71
    second = at_least("fanfic-fresh49b.jsonl", micro_f1=0.62, free=110, flagged=9)
    assert second["per_category"]["ableism"]["f1"] >= 0.81
    assert second["per_category"]["violence"]["f1"] >= 0.72
    assert second["per_category"]["death"]["f1"] >= 0.57


def test_the_fiftieth_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh50a.jsonl`` (240 passages, 112 warning-free) and ``fanfic-fresh50b.jsonl`` (240, 111)
    were written during the fiftieth round by two writers who never read the rules, and held out of it:
    50a's totals were the engineers' gate, 50b's the lead's alone, the passages opened by no one.
    Micro-F1 0.594 -> 0.619 and 0.619 -> 0.632 over the round (kidnapping from kidnap50's compositions,
    abuse from abuse50's, sexism from sexism50's and treat50's); 18 -> 17 and 8 warning-free passages
    flagged. Floors at the end."""
    first = at_least("fanfic-fresh50a.jsonl", micro_f1=0.61, free=112, flagged=17)
    assert first["per_category"]["kidnapping"]["f1"] >= 0.79
    assert first["per_category"]["sexism"]["f1"] >= 0.68
    assert first["per_category"]["abuse"]["f1"] >= 0.64
    second = at_least("fanfic-fresh50b.jsonl", micro_f1=0.63, free=111, flagged=8)
    assert second["per_category"]["sexism"]["f1"] >= 0.76
    assert second["per_category"]["homophobia"]["f1"] >= 0.76
    assert second["per_category"]["collective-violence"]["f1"] >= 0.76


def test_the_fifty_first_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh51a.jsonl`` (240 passages, 111 warning-free) and ``fanfic-fresh51b.jsonl`` (240, 110)
    were written during the fifty-first round by two writers who never read the rules, and held out of it:
    51a's totals were the engineers' gate, 51b's the lead's alone, the passages opened by no one.
    Micro-F1 0.638 -> 0.655 and 0.597 -> 0.608 over the round (ableism and homophobia from ident51b's
    compositions, abuse from abuse51's, sexism from ident51's, violence from violence51's); 7 and 9
    warning-free passages flagged before and after. Floors at the end."""
    first = at_least("fanfic-fresh51a.jsonl", micro_f1=0.65, free=111, flagged=7)
    assert first["per_category"]["ableism"]["f1"] >= 0.83
    assert first["per_category"]["abuse"]["f1"] >= 0.72
    assert first["per_category"]["sexism"]["f1"] >= 0.72
    second = at_least("fanfic-fresh51b.jsonl", micro_f1=0.60, free=110, flagged=9)
    assert second["per_category"]["homophobia"]["f1"] >= 0.70
    assert second["per_category"]["violence"]["f1"] >= 0.71
    assert second["per_category"]["ableism"]["f1"] >= 0.62


def test_the_fifty_second_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh52a.jsonl`` (240 passages, 111 warning-free) and ``fanfic-fresh52b.jsonl`` (243, 112)
    were written during the fifty-second round by two writers who never read the rules, and held out of it:
    52a's totals were the engineers' gate, 52b's the lead's alone. Micro-F1 0.729 -> 0.732 and 0.620 ->
    0.616 over the round (racism from ident52's compositions; a death on 52b lost to death52's narrowing of
    ``gone-medical``); 6 and 7 warning-free passages flagged before and after. Floors at the end."""
    first = at_least("fanfic-fresh52a.jsonl", micro_f1=0.73, free=111, flagged=6)
    assert first["per_category"]["racism"]["f1"] >= 0.82
    assert first["per_category"]["sexism"]["f1"] >= 0.87
    assert first["per_category"]["ableism"]["f1"] >= 0.91
    second = at_least("fanfic-fresh52b.jsonl", micro_f1=0.61, free=112, flagged=7)
    assert second["per_category"]["kidnapping"]["f1"] >= 0.75
    assert second["per_category"]["collective-violence"]["f1"] >= 0.70


def test_the_fifty_third_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh53a.jsonl`` and ``fanfic-fresh53b.jsonl`` (240 passages each, 110 warning-free) were
    written during the fifty-third round by two writers who never read the rules, and held out of it: 53a's
    totals were the engineers' gate, 53b's the lead's alone. Micro-F1 0.530 -> 0.575 and 0.573 -> 0.578 over
    the round (most of 53a's from scene53's ``near`` rules read across neighbouring short paragraphs); 2 and
    4 warning-free passages flagged before and after. Floors at the end."""
    first = at_least("fanfic-fresh53a.jsonl", micro_f1=0.57, free=110, flagged=2)
    assert first["per_category"]["ableism"]["f1"] >= 0.72
    assert first["per_category"]["homophobia"]["f1"] >= 0.64
    assert first["per_category"]["sexism"]["f1"] >= 0.74
    second = at_least("fanfic-fresh53b.jsonl", micro_f1=0.57, free=110, flagged=4)
    assert second["per_category"]["ableism"]["f1"] >= 0.79
    assert second["per_category"]["homophobia"]["f1"] >= 0.51


def test_the_fifty_fourth_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh54a.jsonl`` and ``fanfic-fresh54b.jsonl`` (240 passages each, 110 warning-free) were
    written during the fifty-fourth round by two writers who never read the rules, and held out of it: 54a's
    totals were the engineers' gate, 54b's the lead's alone. Micro-F1 0.672 -> 0.675 and 0.656 -> 0.663 over
    the round (deaths from link54's weak signs beside a sure battle and death54's rules, one homophobia from
    ident54's); 4 and 5 warning-free passages flagged before and after. Floors at the end."""
    first = at_least("fanfic-fresh54a.jsonl", micro_f1=0.67, free=110, flagged=4)
    assert first["per_category"]["kidnapping"]["f1"] >= 0.90
    assert first["per_category"]["collective-violence"]["f1"] >= 0.82
    assert first["per_category"]["violence"]["f1"] >= 0.68
    second = at_least("fanfic-fresh54b.jsonl", micro_f1=0.66, free=110, flagged=5)
    assert second["per_category"]["ableism"]["f1"] >= 0.84
    assert second["per_category"]["kidnapping"]["f1"] >= 0.80
    assert second["per_category"]["sexism"]["f1"] >= 0.74


def test_the_fifty_fifth_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh55a.jsonl`` and ``fanfic-fresh55b.jsonl`` (240 passages each, 110 warning-free) were
    written during the fifty-fifth round by two writers who never read the rules, and held out of it: 55a's
    totals were the engineers' gate, 55b's the lead's alone. Micro-F1 0.633 -> 0.633 and 0.692 -> 0.697 over
    the round (55b's a homophobia from link55's weak sign beside a sure violence, and a false grief gone
    with fp55's mock funeral); 4 and 7 warning-free passages flagged before and after, and 8 of 55b's once its
    fire station's dispatch log read as English (its toast "declared deceased" warns death). Floors at the end."""
    first = at_least("fanfic-fresh55a.jsonl", micro_f1=0.63, free=110, flagged=4)
    assert first["per_category"]["collective-violence"]["f1"] >= 0.83
    assert first["per_category"]["ableism"]["f1"] >= 0.81
    assert first["per_category"]["homophobia"]["f1"] >= 0.77
    second = at_least("fanfic-fresh55b.jsonl", micro_f1=0.69, free=110, flagged=8)
    assert second["per_category"]["kidnapping"]["f1"] >= 0.84
    assert second["per_category"]["collective-violence"]["f1"] >= 0.84
    assert second["per_category"]["homophobia"]["f1"] >= 0.75


def test_the_fifty_sixth_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh56a.jsonl`` (240 passages, 110 warning-free) and ``fanfic-fresh56b.jsonl`` (240, 112)
    were written during the fifty-sixth round by two writers who never read the rules, and held out of it:
    56a's totals were the engineers' gate, 56b's the lead's alone. Micro-F1 0.593 -> 0.593 and 0.603 -> 0.607
    over the round (56b's an abuse from abuse56's messages that watch and demand); 8 and 7 warning-free
    passages flagged before and after. Floors at the end."""
    first = at_least("fanfic-fresh56a.jsonl", micro_f1=0.59, free=110, flagged=8)
    assert first["per_category"]["ableism"]["f1"] >= 0.77
    assert first["per_category"]["collective-violence"]["f1"] >= 0.76
    assert first["per_category"]["homophobia"]["f1"] >= 0.72
    second = at_least("fanfic-fresh56b.jsonl", micro_f1=0.60, free=112, flagged=7)
    assert second["per_category"]["racism"]["f1"] >= 0.76
    assert second["per_category"]["kidnapping"]["f1"] >= 0.70
    assert second["per_category"]["abuse"]["f1"] >= 0.68


def test_the_fifty_seventh_rounds_held_out_sets_stay_at_or_above_their_scores() -> None:
    """``fanfic-fresh57a.jsonl`` (240 passages, 110 warning-free) and ``fanfic-fresh57b.jsonl`` (240, 107)
    were written during the fifty-seventh round by two writers who never read the rules, and held out of it:
    57a's totals were the engineers' gate, 57b's the lead's alone. Micro-F1 0.634 -> 0.634 and 0.604 -> 0.611
    over the round (57b's a kidnapping and a violence, from the session's new rules); 16 and 17 warning-free
    passages flagged before and after. Floors at the end."""
    first = at_least("fanfic-fresh57a.jsonl", micro_f1=0.63, free=110, flagged=16)
    assert first["per_category"]["homophobia"]["f1"] >= 0.86
    assert first["per_category"]["ableism"]["f1"] >= 0.72
    assert first["per_category"]["racism"]["f1"] >= 0.71
    second = at_least("fanfic-fresh57b.jsonl", micro_f1=0.61, free=107, flagged=17)
    assert second["per_category"]["collective-violence"]["f1"] >= 0.89
    assert second["per_category"]["ableism"]["f1"] >= 0.76
    assert second["per_category"]["racism"]["f1"] >= 0.74


def test_the_earlier_later_sets_stay_at_their_scores() -> None:
    """Regression floors: both were scored once when held out (0.51 and 0.60), then tuned on (0.89 each)."""
    assert scores(FRESH[0])[0]["micro"]["f1"] >= 0.88
    assert scores(FRESH[1])[0]["micro"]["f1"] >= 0.88


def test_tuning_half_reaches_the_issue_targets_it_was_tuned_for() -> None:
    # At most one warning-free passage gets a warning (a murder party game); see docs/warnings-eval.md.
    data = at_least(HALVES[0], micro_f1=0.93, free=116, flagged=1)
    weak = {c: data["per_category"][c]["f1"] for c in LISTED if data["per_category"][c]["f1"] < 0.70}
    assert not weak, weak


@pytest.mark.heldout
def test_test_half_stays_at_or_above_its_one_time_score() -> None:
    """Floors at the figures of the test-half scores (docs/warnings-eval.md): once at ``962fe63``, once
    after the fourth round, once after the fifth, once after the sixth, once after the seventh, and
    once at the end of each later round (0.748 after the thirteenth, the fourteenth, the
    fifteenth and the sixteenth; 6 warning-free passages flagged, 5 after the fifteenth, which also gave one passage
    a wrong `violence`: 0.878 to 0.857; the forty-second's everyday vocabulary of racism, which gained on
    ten sets it was not read from and lost on none, gave one passage a wrong `racism`: 0.741 to 0.714;
    after the forty-third 0.756, its first move in six rounds: `death` 0.56 to 0.63, `homophobia` 0.79
    to 0.83; after the forty-fourth 0.759, `death` 0.63 to 0.67).

    They are below the issue's targets (micro-F1 0.85, 0.70 per listed category, no warning on a
    warning-free passage): the docs say so. These floors only stop the rules getting worse.
    """
    data = at_least(HALVES[1], micro_f1=0.758, free=116, flagged=5)
    assert data["per_category"]["death"]["f1"] >= 0.66
    assert data["per_category"]["kidnapping"]["f1"] >= 0.80
    assert data["per_category"]["collective-violence"]["f1"] >= 0.90
    assert data["per_category"]["violence"]["f1"] >= 0.85
    assert data["per_category"]["sexism"]["f1"] >= 0.85
    assert data["per_category"]["homophobia"]["f1"] >= 0.82
    assert data["per_category"]["ableism"]["f1"] >= 0.87
    assert data["per_category"]["abuse"]["f1"] >= 0.68
    assert data["per_category"]["racism"]["f1"] >= 0.71


@pytest.mark.heldout
def test_scores_improved_on_both_halves_over_the_rules_before_this_set() -> None:
    """The first scores, taken before any rule change, were micro-F1 0.48 (tune) and 0.40 (test)."""
    assert scores(HALVES[0])[0]["micro"]["f1"] > 0.48 + 0.30
    assert scores(HALVES[1])[0]["micro"]["f1"] > 0.40 + 0.20


def test_the_set_is_written_in_the_voices_the_issue_asks_for() -> None:
    items = both()
    lower = sum(1 for item in items if item["text"] == item["text"].lower())
    second_person = sum(1 for item in items if " you " in f" {item['text'].lower()} " or "y/n" in item["text"])
    chat = sum(1 for item in items if "\n" in item["text"])
    assert lower >= 0.4 * len(items)
    assert second_person >= 0.25 * len(items)
    assert chat >= 20


BENIGN = "fanfic-benign17.jsonl"


def test_the_seventeenth_benign_set_is_original_everyday_fan_fiction() -> None:
    """``fanfic-benign17.jsonl``: 159 warning-free passages in posted fan fiction's registers
    (lower case, reader-insert, chat logs, hyperbole, names that are also animals, games and
    sports), written before the rules were read, to measure false warnings alone."""
    items = lines(BENIGN)
    assert len(items) >= 150 and all(not item["labels"] for item in items)
    assert all(300 <= len(item["text"]) <= 800 for item in items)
    seen = {item["text"] for other in (HALVES[0], *FRESH) for item in lines(other)}
    assert not seen & {item["text"] for item in items}, "a passage is repeated from another set"


def test_the_seventeenth_benign_set_gets_no_confident_warning_and_two_possible() -> None:
    """Scored once before any change: 9 of 159 passages got a confident warning and 13 any
    warning (death 4, violence 2, abusive language, racism and child abuse 1 each; possible ones
    for violence, war and animal death). Tuned on: none confident, two possible ("this is a
    hate crime" said to a spreadsheet, which alone is only possible racism, and a chess master's
    "you will beat me many times", which an abuser may say too)."""
    ruleset = default_ruleset()
    examples = read_examples(SET_DIR / BENIGN, ruleset)
    assert len(evaluate(examples, ruleset).warning_free_flagged) == 0
    assert len(evaluate(examples, ruleset, tier="both").warning_free_flagged) <= 2


def test_the_forty_second_rounds_violence_set_stays_at_or_above_its_scores() -> None:
    """``fanfic-fresh42v.jsonl`` (273 passages, 96 warning-free or figurative, 42 violence, 34
    collective-violence, 35 kidnapping, mostly told without the obvious word) was written before the
    forty-second round by a helper who had not read the rules: micro-F1 0.607 before it (9
    warning-free passages flagged; violence 0.75, collective-violence 0.81, kidnapping 0.64).
    The round's five changes (four read off it) then took it to 0.656 (4; violence 0.88,
    collective-violence 0.92, kidnapping 0.78). Floors at that, so a change that loses ground on it
    fails."""
    data = at_least("fanfic-fresh42v.jsonl", micro_f1=0.65, free=96, flagged=4)
    assert data["per_category"]["violence"]["f1"] >= 0.88
    assert data["per_category"]["collective-violence"]["f1"] >= 0.92
    assert data["per_category"]["kidnapping"]["f1"] >= 0.77
