"""``dogear eval FILE.jsonl [--json] [--tier confident|possible|both]``: warning quality on a labelled set.

``--tier`` picks what counts as a prediction: ``confident`` warnings (what members see, the
default), ``possible`` ones only, or ``both``.

``--json`` prints ``tier`` (the one scored), ``micro`` and ``macro`` (``p``, ``r``, ``f1``),
``per_category`` (those and ``support``, per warning id), ``texts``, ``warning_free`` (texts
labelled with no warning) and ``warning_free_flagged`` (the line numbers of those that got one):
everything the table shows.

Each line is ``{"text": "...", "labels": ["id", ...]}``. Every text is scanned as a one-chapter
story with the default rules (compiled once, so thousands of texts are fine) and compared
with its labels: precision, recall and F1 per category, then micro (over all decisions) and
macro (mean over the categories that occur in the labels or the predictions) averages.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.text import clip
from bot.tools.args import InputFileError, OneLineParser, UsageError, input_path, read_input
from bot.warnings.declared import Declared
from bot.warnings.engine import CONFIDENT, TIERS, scan
from bot.warnings.model import Ruleset
from bot.warnings.rules import default_ruleset

CHOICES = (*TIERS, "both")
MAX_EVAL_BYTES = 64 * 1024 * 1024  # a labelled set of tens of thousands of passages is a few MB


class EvalInputError(Exception):
    """The labelled file cannot be used; the message names the line and the fix."""


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass(slots=True)
class Evaluation:
    per_category: dict[str, Counts] = field(default_factory=dict)
    texts: int = 0
    warning_free: int = 0
    warning_free_flagged: list[int] = field(default_factory=list)  # line numbers

    def to_json(self) -> dict[str, Any]:
        scored = {cid: _scores(c) | {"support": c.support} for cid, c in sorted(self.per_category.items())}
        total = Counts(
            sum(c.tp for c in self.per_category.values()),
            sum(c.fp for c in self.per_category.values()),
            sum(c.fn for c in self.per_category.values()),
        )
        micro = _scores(total)
        keys = ("p", "r", "f1")
        macro = {k: round(sum(s[k] for s in scored.values()) / len(scored), 4) if scored else 0.0 for k in keys}
        return {
            "micro": micro,
            "macro": macro,
            "per_category": scored,
            "texts": self.texts,
            "warning_free": self.warning_free,
            "warning_free_flagged": list(self.warning_free_flagged),
        }


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _scores(counts: Counts) -> dict[str, float]:
    p = _ratio(counts.tp, counts.tp + counts.fp)
    r = _ratio(counts.tp, counts.tp + counts.fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def text_story(text: str) -> Story:
    """One short text as a one-chapter story: blank lines separate paragraphs."""
    paragraphs = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Story(StoryMeta(title="eval"), [Chapter(1, None, [Scene(paragraphs)])], "txt")


def read_examples(path: Path, ruleset: Ruleset) -> list[tuple[int, str, set[str]]]:
    try:
        data = read_input(path, MAX_EVAL_BYTES, what="a labelled .jsonl file")
    except InputFileError as error:
        raise EvalInputError(str(error)) from None
    if len(data) > MAX_EVAL_BYTES:
        raise EvalInputError(f"{path} is larger than {MAX_EVAL_BYTES >> 20} MB; split it into smaller files")
    try:
        lines = data.decode("utf-8-sig").splitlines()  # a byte-order mark is dropped, as in .env and rules files
    except UnicodeDecodeError:
        raise EvalInputError(f"{path} is not UTF-8 text; save it as UTF-8 JSON lines") from None
    examples = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvalInputError(f"{path}:{number} is not valid JSON ({error.msg})") from None
        except RecursionError:
            raise EvalInputError(f"{path}:{number} nests too deeply; each line is one flat JSON object") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise EvalInputError(f'{path}:{number} needs an object like {{"text": "...", "labels": ["death"]}}')
        unknown_keys = sorted(set(item) - {"text", "labels"})
        if unknown_keys:
            raise EvalInputError(
                f"{path}:{number} has the unknown key {unknown_keys[0][:40]!r}; a line has only `text` and `labels`"
            )
        if "labels" not in item:
            raise EvalInputError(f'{path}:{number} has no `labels`; write "labels": [] for a text without warnings')
        if any("\ud800" <= char <= "\udfff" for char in item["text"]):
            raise EvalInputError(f"{path}:{number}: the text has a lone surrogate escape (like \\ud800), not real text")
        labels = item["labels"]
        if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
            raise EvalInputError(f"{path}:{number}: `labels` must be a list of warning ids")
        unknown = [label for label in labels if label not in ruleset.taxonomy]
        if unknown:
            raise EvalInputError(
                f"{path}:{number}: unknown warning id {clip(unknown[0], 40)!r}; "
                f"the ids are {', '.join(ruleset.taxonomy.ids)}"
            )
        examples.append((number, item["text"], set(labels)))
    if not examples:
        raise EvalInputError(f"{path} has no examples; write one JSON object per line")
    return examples


def evaluate(examples: list[tuple[int, str, set[str]]], ruleset: Ruleset, *, tier: str = CONFIDENT) -> Evaluation:
    result = Evaluation()
    no_declarations = Declared()
    for number, text, labels in examples:
        predicted = scan(text_story(text), ruleset, declared=no_declarations).detected_ids(tier)
        result.texts += 1
        if not labels:
            result.warning_free += 1
            if predicted:
                result.warning_free_flagged.append(number)
        for category in labels | predicted:
            counts = result.per_category.setdefault(category, Counts())
            if category in labels and category in predicted:
                counts.tp += 1
            elif category in predicted:
                counts.fp += 1
            else:
                counts.fn += 1
    return result


def markdown_table(result: Evaluation, ruleset: Ruleset) -> str:
    data = result.to_json()
    rows = [
        "| category | precision | recall | F1 | support |",
        "|---|---:|---:|---:|---:|",
    ]
    for category in [c for c in ruleset.taxonomy.ids if c in data["per_category"]]:
        s = data["per_category"][category]
        rows.append(f"| `{category}` | {s['p']:.2f} | {s['r']:.2f} | {s['f1']:.2f} | {s['support']} |")
    for name in ("micro", "macro"):
        s = data[name]
        rows.append(f"| **{name}** | {s['p']:.2f} | {s['r']:.2f} | **{s['f1']:.2f}** | |")
    flagged = ", ".join(str(n) for n in result.warning_free_flagged) or "none"
    rows += [
        "",
        f"{result.texts} texts, {result.warning_free} without warnings; "
        f"warning-free texts that got a warning: {flagged}.",
    ]
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    parser = OneLineParser(
        prog="dogear eval", description="Precision and recall of the warning rules on a labelled set."
    )
    parser.add_argument("file", type=input_path, help="labelled texts, one JSON object per line")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--tier", choices=CHOICES, default=CONFIDENT, help="which detections count (default: confident)"
    )
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(
            f"dogear: eval: {error}; usage: dogear eval FILE.jsonl [--json] [--tier {'|'.join(CHOICES)}]",
            file=sys.stderr,
        )
        return 2
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)
    ruleset = default_ruleset()
    try:
        examples = read_examples(args.file, ruleset)
    except EvalInputError as error:
        print(f"dogear: {error}", file=sys.stderr)
        return 2
    result = evaluate(examples, ruleset, tier=args.tier)
    if args.json:
        print(json.dumps({"tier": args.tier} | result.to_json(), indent=2))
    else:
        print(markdown_table(result, ruleset))
    return 0
