"""``/warnings story``: one story's warnings as admins read them, with Confirm/Dismiss for each possible one."""

from __future__ import annotations

from collections.abc import Sequence

from bot.text import escape_markdown
from bot.warnings import reviews
from cogs.warnings.review import DecisionPage, Item, decision_page, evidence_lines
from cogs.warnings.texts import named

HIDDEN_PER_LINE = 10


def story_overview_page(overview: reviews.StoryOverview, page: int) -> DecisionPage:
    """``/warnings story``: what members see, what admins hid, then every possible warning, paged."""
    labels = overview.labels
    changed = ", ".join(
        f"{'added' if action == 'add' else 'removed'} {named(labels.get(wid, wid), wid)}"
        for action, wid in overview.changed
    )
    head = f"**{escape_markdown(overview.title)}**" + (f": {changed}." if changed else "")
    lines = []
    if overview.warnings:
        lines.append("Warnings members see (strongest first):")
        lines += [
            f"⚠️ **{escape_markdown(w.label)}** (`{w.id}`{', ' * bool(w.source_note)}{w.source_note})"
            for w in overview.warnings
        ]
    else:
        lines.append("No warnings.")
    hidden = overview.hidden
    lines += [
        "Hidden by an admin: "
        + ", ".join(named(labels.get(wid, wid), wid) for wid in hidden[start : start + HIDDEN_PER_LINE])
        for start in range(0, len(hidden), HIDDEN_PER_LINE)
    ]
    blocks: list[tuple[Sequence[str], Item | None]] = [([line], None) for line in lines]
    if overview.possible:
        blocks.append((["**Possible warnings** (some evidence, too little to show members; they see these only "
                        "if you confirm):"], None))  # fmt: skip
    for item in overview.possible:
        line = f"❔ {named(item.label, item.id)} in chapter {item.chapter}, score {item.score:g}"
        blocks.append(([line, *evidence_lines(item.evidence)], (item.story_id, item.chapter, item.id, item.label)))
    return decision_page(head, blocks, page, f"/warnings story story:{overview.story_id} page:{{page}}")
