"""``/warnings story``: one story's warnings as admins read them, with Confirm/Dismiss for each possible one.

Its possible warnings page like ``/warnings review``'s list, by key (chapter and warning within the
story), with the same buttons: deciding one rewrites the page in place, and Next never skips the
item that moved up.
"""

from __future__ import annotations

from bot.text import escape_markdown, plural
from bot.warnings import reviews
from cogs.warnings.review import DecisionPage, keyed_text, paging_buttons
from cogs.warnings.texts import evidence_lines, named

HIDDEN_PER_LINE = 10
POSSIBLE_HEAD = "**Possible warnings** (some evidence, too little to show members; they see these only if you confirm):"


def story_overview_page(overview: reviews.StoryOverview) -> DecisionPage:
    """``/warnings story``: on the story's first page what members see and what admins hid, then on
    every page the possible warnings from the page's place in the list, each with its buttons."""
    labels = overview.labels
    changed = ", ".join(
        f"{'added' if action == 'add' else 'removed'} {named(labels.get(wid, wid), wid)}"
        for action, wid in overview.changed
    )
    already = ", ".join(
        f"{named(labels.get(wid, wid), wid)} was already {'added' if action == 'add' else 'removed'}"
        for action, wid in overview.already
    )
    shown = ", ".join(
        f"{named(labels.get(wid, wid), wid)} is already shown on every chapter, so nothing was added"
        for wid in overview.shown
    )
    said = "; ".join(part for part in (changed, already, shown) if part)
    head = f"**{escape_markdown(overview.title)}**" + (f": {said}." if said else "")
    lead = summary_lines(overview) if overview.from_start else []
    if overview.total:
        lead.append(POSSIBLE_HEAD)
    blocks = [
        [
            f"❔ {named(item.label, item.id)} in chapter {item.chapter}, score {item.score:g}",
            *evidence_lines(item.evidence),
        ]
        for item in overview.possible[: reviews.PER_PAGE]
    ]
    text, count = keyed_text(head, lead, blocks, overview.start, overview.total)
    if not overview.total:
        return DecisionPage(text, [], [])
    on_page = overview.possible[:count]
    start_key = overview.start_key
    first = start_key if overview.from_start else overview.key_of(on_page[0])
    last = overview.key_of(on_page[-1]) if on_page else start_key
    nav = paging_buttons(first, last, not overview.from_start, overview.start + count < overview.total)
    items = [(item.story_id, item.chapter, item.id, item.label, overview.moved) for item in on_page]
    return DecisionPage(text, items, list(range(overview.start + 1, overview.start + count + 1)), nav)


def summary_lines(overview: reviews.StoryOverview) -> list[str]:
    """What members see (strongest first) and what admins hid: the top of the story's first page."""
    labels = overview.labels
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
    if overview.reported:
        # Listed there as reports, with the members' notes: deciding one there closes them too.
        lines.append(f"Reported by members: {plural(overview.reported, 'warning')} waiting in `/warnings review`.")
    return lines
