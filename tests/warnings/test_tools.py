"""``python -m bot scan`` and ``python -m bot eval``: output shapes and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import REPO_ROOT

DATA_DIR = REPO_ROOT / "data"

STORY = """Title: The Ford

The river was high that spring. Nobody died crossing it, that year.

Then the horse stumbled and was swept away, and the boy who rode it died in the water.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_scan_json_has_the_exact_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ford.txt"
    path.write_text(STORY, encoding="utf-8")
    code, out, _ = run(capsys, "scan", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"story", "unwarned", "declared_unmapped", "warnings"}
    assert data["story"] == {"title": "The Ford"} and data["unwarned"] is False
    death = next(w for w in data["warnings"] if w["id"] == "death")
    assert set(death) == {"id", "label", "source", "tier", "score", "evidence"} and death["tier"] == "confident"
    assert death["source"] == "detected" and death["score"] >= 1
    assert set(death["evidence"][0]) == {"chapter", "paragraph", "text"}
    assert death["evidence"][0]["paragraph"] == 2


def test_scan_corpus_story_text_output(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scan", str(corpus_dir / "001_c216028677f5dbae.txt"))
    assert code == 0
    assert "Miscarriage [miscarriage] (author, detected;" in out and "declared as: TW for miscarriage" in out


def test_scan_with_a_rules_file_adds_a_category(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps({"categories": {"spiders": {"label": "Spiders", "rules": [{"id": "spider", "match": "~spider"}]}}})
    )
    story = tmp_path / "s.txt"
    story.write_text("Title: Webs\n\nA spider ran across the pillow.\n", encoding="utf-8")
    code, out, _ = run(capsys, "scan", str(story), "--json", "--rules", str(rules))
    assert code == 0
    assert [w["id"] for w in json.loads(out)["warnings"]] == ["spiders"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "cannot read"),
        ("bad-rules", "not valid JSON"),
        ("bad-regex", "not supported"),
        ("empty-story", "dogear:"),
    ],
)
def test_scan_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str
) -> None:
    story = tmp_path / "s.txt"
    story.write_text("A quiet story about a boat.\n", encoding="utf-8")
    rules = tmp_path / "r.json"
    args = ["scan", str(story)]
    if setup == "missing":
        args = ["scan", str(tmp_path / "nope.txt")]
    elif setup == "bad-rules":
        rules.write_text("{nope")
        args += ["--rules", str(rules)]
    elif setup == "bad-regex":
        rules.write_text(json.dumps({"categories": {"death": {"rules": [{"id": "x", "regex": "(a)\\1"}]}}}))
        args += ["--rules", str(rules)]
    else:
        story.write_bytes(b"")
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_eval_json_shape_and_targets_on_the_shipped_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "eval", str(DATA_DIR / "warnings" / "eval.jsonl"), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"micro", "macro", "per_category", "tier", "texts", "warning_free", "warning_free_flagged"}
    assert data["tier"] == "confident" and data["texts"] >= data["warning_free"] >= len(data["warning_free_flagged"])
    assert set(data["micro"]) == {"p", "r", "f1"} and set(data["macro"]) == {"p", "r", "f1"}
    assert all(set(v) == {"p", "r", "f1", "support"} for v in data["per_category"].values())
    assert data["micro"]["f1"] >= 0.85 and data["macro"]["f1"] >= 0.75


def test_eval_set_covers_every_category_and_has_warning_free_texts() -> None:
    from bot.warnings.rules import default_ruleset

    lines = [json.loads(line) for line in (DATA_DIR / "warnings" / "eval.jsonl").read_text().splitlines()]
    labels = {label for line in lines for label in line["labels"]}
    assert len(lines) >= 60
    assert labels == set(default_ruleset().taxonomy.ids)
    assert sum(1 for line in lines if not line["labels"]) >= 10


def test_eval_flags_no_warning_free_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "eval", str(DATA_DIR / "warnings" / "eval.jsonl"))
    assert code == 0
    assert "warning-free texts that got a warning: none." in out
    assert "| **micro** |" in out


def test_eval_handles_many_texts_in_one_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "many.jsonl"
    lines = [{"text": "He died in the night.", "labels": ["death"]}, {"text": "A calm sea.", "labels": []}] * 1000
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    code, out, _ = run(capsys, "eval", str(path), "--json")
    assert code == 0
    assert json.loads(out)["per_category"]["death"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "support": 1000}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "x", "labels": ["dragons"]}', "unknown warning id 'dragons'"),
        ("not json", ":1 is not valid JSON"),
        ('{"labels": []}', "needs an object"),
        ("", "no examples"),
    ],
)
def test_eval_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "eval", str(path))
    assert code == 2 and message in err


@pytest.mark.parametrize("name", ["eval.jsonl", "eval-heldout.jsonl", "eval-heldout2.jsonl", "eval-heldout3.jsonl"])
def test_every_shipped_eval_set_is_valid(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "eval", str(DATA_DIR / "warnings" / name), "--json")
    assert code == 0 and json.loads(out)["micro"]["p"] >= 0.75  # the rules stay precise on every set


def test_eval_tier_picks_which_detections_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiers.jsonl"
    thin = "There was blood on the floor.\n\nHis hand was bleeding."  # possible blood-gore only
    lines = [{"text": thin, "labels": ["blood-gore"]}, {"text": "He died in the night.", "labels": ["death"]}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    scores = {}
    for tier in ("confident", "possible", "both"):
        code, out, _ = run(capsys, "eval", str(path), "--json", "--tier", tier)
        assert code == 0
        scores[tier] = json.loads(out)["per_category"]
    assert scores["confident"]["blood-gore"]["r"] == 0.0 and scores["confident"]["death"]["r"] == 1.0
    assert scores["possible"]["blood-gore"]["r"] == 1.0 and scores["possible"]["death"]["r"] == 0.0
    assert scores["both"]["blood-gore"]["r"] == 1.0 and scores["both"]["death"]["r"] == 1.0
    code, _, err = run(capsys, "eval", str(path), "--tier", "maybe")
    assert code == 2 and err.startswith("dogear: eval:") and len(err.strip().splitlines()) == 1


def test_scan_lists_possible_warnings_with_their_tier(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "red.txt"
    path.write_text("Title: Red\n\nThere was blood on the floor.\n\nHis hand was bleeding.\n", encoding="utf-8")
    code, out, _ = run(capsys, "scan", str(path), "--json")
    assert code == 0
    [warning] = json.loads(out)["warnings"]
    assert (warning["id"], warning["tier"], warning["source"]) == ("blood-gore", "possible", "detected")
    code, out, _ = run(capsys, "scan", str(path))
    assert "Blood and gore [blood-gore] (detected; possible" in out
