"""What ``/warnings`` answers look like: rules, test results, the category list, a category's removal and
the review list's items."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord

from bot.limits import EMBED_DESCRIPTION_BUDGET
from bot.text import and_list, escape_clipped, escape_markdown, escaped_line, page_lines, plural, spell_controls
from bot.warnings import reviews, service
from bot.warnings.category_removal import CategoryRemoval
from bot.warnings.engine import ScanReport


def code(text: str) -> str:
    """Inline code shows an admin's pattern as stored; a backtick would break out of it, and a hidden
    control would turn the line around (:func:`bot.text.spell_controls`)."""
    return "`" + spell_controls(text).replace("`", "ˋ") + "`"


NOTE_PREVIEW_CHARS = 200
TITLE_CHARS = 90  # a story's title in a review line: escaped within a fixed width, so five items fit a page
# Why a possible warning waits for a decision, in the words /warnings story heads its list with.
POSSIBLE_WHY = "possible: some evidence, too little to show members"

# What /warnings test says when the rules find too little for members to be warned.
NOTHING_FOUND = "This server's rules find nothing in that text that members would be warned of."


def named(label: str, warning_id: str) -> str:
    """A warning category as an admin reads it: its label, then the id to type in commands."""
    return f"**{escape_markdown(label)}** (`{warning_id}`)"


def decided_text(decided: reviews.Decided, action: str, label: str, warning_id: str, shown: int) -> str:
    """A Confirm (``c``) or Dismiss press answered: what it did, on the chapter as numbered now (a
    ``/story update`` may have moved chapter ``shown`` since the button was made), and the reports it closed."""
    reports = f" Closed {plural(decided.closed, 'open report')}." if decided.closed else ""
    moved = f" (chapter {shown} when this was shown: `/story update` moved it)" if decided.chapter != shown else ""
    what = f"{named(label, warning_id)} for chapter {decided.chapter}{moved}"
    if decided.already:  # a second press, or another admin's: nothing changed but what it closed
        done = "confirmed" if action == "c" else "dismissed"
        return f"{named(label, warning_id)} was already {done} for chapter {decided.chapter}{moved}.{reports}"
    if action == "c":
        return f"Confirmed {what}: everyone sees it there now.{reports}"
    return f"Dismissed {what}: it will not be offered again.{reports}"


SETTLED_MARKS = {"confirmed": "✅ Confirmed", "dismissed": "✖️ Dismissed"}


def settled_post(content: str, status: str, by: int | None) -> str:
    """A report's post in the moderation channel with the decision under it (its buttons come off),
    so moderators see which reports are settled and by whom (named with mentions off)."""
    lines = [line for line in content.splitlines() if not line.startswith(tuple(SETTLED_MARKS.values()))]
    who = f" by <@{by}>" if by else ""
    return "\n".join([*lines, f"{SETTLED_MARKS[status]}{who}."])


def already_settled_text(report: reviews.Report) -> str:
    """A press on a report's post that an admin decided elsewhere: nothing changes, and it says where to."""
    who = f" by <@{report.resolved_by}>" if report.resolved_by else ""
    return (
        f"Report #{report.id} was already {report.status}{who}, so nothing changed. "
        "To change what members see for that chapter, use `/warnings story`."
    )


def describe_rule(rule: service.CustomRule) -> str:
    return f"#{rule.id} [{rule.category}] {rule.kind}: {code(rule.pattern)}"


def describe_report(report: ScanReport, page: int = 1) -> str:
    """``/warnings test``: what the rules find in the text, paged; the next page needs the same text again."""
    if not report.warnings and not report.possible:
        return NOTHING_FOUND
    lines = ["**What this server's rules detect in that text:**"] if report.warnings else []
    for warning in report.warnings:
        lines.append(f"⚠️ **{escape_markdown(warning.label)}** (`{warning.id}`, score {warning.score:g})")
        lines += [f"  › paragraph {e.paragraph}: {escaped_line(e.text)}" for e in warning.evidence]
    if report.possible:
        lines.append("**Possible** (some evidence, too little to show members; they would not see these):")
    for warning in report.possible:
        lines.append(f"❔ {escape_markdown(warning.label)} (`{warning.id}`, score {warning.score:g})")
        lines += [f"  › paragraph {e.paragraph}: {escaped_line(e.text)}" for e in warning.evidence]
    if not report.warnings:
        lines.insert(0, NOTHING_FOUND)
    return page_lines("", lines, page, "/warnings test page:{page}` with the same `text:")


def category_line(item: service.CategoryOverview) -> str:
    category = item.category
    notes = []
    if category.custom:
        notes.append("added by this server")
    if item.detection_off:
        notes.append("**detection off**")
    if item.default_rules_off:
        notes.append(f"{plural(item.default_rules_off, 'default rule')} off")
    if item.server_rules:
        notes.append(f"+{plural(item.server_rules, 'server rule')}")
    ao3 = f" · AO3: {category.ao3_warning}" if category.ao3_warning else ""
    extra = f" · {', '.join(notes)}" if notes else ""
    description = f" — {escape_markdown(category.description)}" if category.description else ""
    return f"`{category.id}` **{escape_markdown(category.label)}**{description}{ao3}{extra}"


def category_embed(overview: list[service.CategoryOverview], page: int = 1) -> discord.Embed:
    """One page of the list in one embed: a server with hundreds of categories pages, and each page
    names the command for the next, so no category is left out of every page."""
    lines = [category_line(item) for item in overview]
    description = page_lines("", lines, page, "/warnings categories page:{page}", EMBED_DESCRIPTION_BUDGET)
    return discord.Embed(title="Warning categories", description=description)


def added_text(rule: service.CustomRule, label: str, rescanned: str, *, switched_off: bool) -> str:
    """``/warnings rules add``: the rule added and the re-scan; a word when its category is switched off."""
    category = named(label, rule.category)
    said = f"Added rule #{rule.id}, a {rule.kind}, for {category}: {code(rule.pattern)}.\n{rescanned}."
    if switched_off:
        said += (
            f"\nThe category {category} is switched off here, so this rule finds nothing until "
            f"`/warnings rules enable target:{rule.category}`."
        )
    return said


def removed_text(removed: service.RemovedRule, rescanned: str) -> str:
    """``/warnings rules remove``: the rule removed, what became of its category, and the re-scan."""
    rule = removed.rule
    category = named(removed.label, rule.category)
    said = f"Removed rule #{rule.id}, a {rule.kind}, for {category}: {code(rule.pattern)}."
    if removed.category_removed:
        said += f" It was the category's last rule, and nothing else used it, so the category `{rule.category}` is gone too."
    elif removed.category_kept:
        said += (
            f" The category has no rules now; it stays while stories, reviews, reports or members' avoided "
            f"warnings refer to it, and counts toward the {service.MAX_CUSTOM_CATEGORIES} categories a server may add "
            f"(`/warnings rules remove-category category:{rule.category}` removes it with them)."
        )
    return f"{said}\n{rescanned}."


def cost_lines(cost: service.RulesCost | None) -> list[str]:
    """What ``/warnings rules list`` says of the cost of the server's rules (nothing before it is known)."""
    if cost is None:
        return []
    at_budget = f"at the budget, a long story takes about {service.SLOWER_AT_BUDGET} to scan as without them"
    if not cost.over_budget:
        return [f"These rules cost {cost.of_budget:.0%} of their budget ({at_budget})."]
    costliest = f" The costliest is #{cost.heaviest.removeprefix('custom:')}." if cost.heaviest else ""
    return [
        f"**Over budget:** these rules cost more than their budget ({at_budget}). They are still used, but no "
        f"rule can be added until some are simpler or removed.{costliest}"
    ]


def rules_list_text(overview: service.RulesOverview, page: int = 1) -> str:
    # What the rules cost heads every page: an admin reading page 1 of 60 must see "over budget".
    head = "\n".join(
        [*cost_lines(overview.cost), f"**Server rules** ({len(overview.custom)} of {service.MAX_CUSTOM_RULES}):"]
    )
    lines = [f"• {describe_rule(rule)}" for rule in overview.custom] or ["• none yet"]
    if overview.off_categories or overview.off_rules:
        lines.append("**Switched off:**")
        lines += [f"• category `{name}`" for name in sorted(overview.off_categories)]
        lines += [f"• default rule `{name}`" for name in sorted(overview.off_rules)]
    lines.append(f"The {overview.default_rules:,} default rules apply unless switched off.")
    return page_lines(head, lines, page, "/warnings rules list page:{page}")


def rescanned_text(rescanned: service.Rescanned) -> str:
    """After a rule change: how many stories were scanned again (and how many ran past their budget)."""
    if not rescanned.done and not rescanned.over_budget:
        return "No stories to re-scan yet: the rules apply to each story added from now on"
    said = f"Re-scanned {plural(rescanned.done, 'story', 'stories', zero='no stories')}"
    if rescanned.over_budget:
        said += (
            f" ({plural(rescanned.over_budget, 'story', 'stories')} took too long and will be "
            "scanned again when next read)"
        )
    return said


# A category's rules named by number in the question (a pattern may be 500 characters: the message
# must stay within Discord's limit whatever they hold); past this many, counted with a pointer.
NAMED_RULES = 10


def goes_with(removal: CategoryRemoval) -> list[str]:
    """What goes with a custom category, one line each (nothing left out: many rules are counted)."""
    uses = removal.uses
    lines = []
    if uses.rules:
        count = plural(len(uses.rules), "rule")
        if len(uses.rules) <= NAMED_RULES:
            lines.append(f"its {count}: " + and_list([f"#{rule.id}" for rule in uses.rules]))
        else:
            lines.append(f"its {count} (`/warnings rules list` shows them)")
    if uses.overrides:
        lines.append(
            f"its warning added or hidden with `/warnings story` on {plural(uses.overrides, 'story', 'stories')}"
        )
    if uses.confirmed:
        lines.append(f"its warning confirmed on {plural(uses.confirmed, 'chapter')}")
    if uses.dismissed:
        lines.append(f"its possible warning dismissed on {plural(uses.dismissed, 'chapter')}")
    if uses.open_reports and uses.closed_reports:
        total = plural(uses.open_reports + uses.closed_reports, "member report")
        lines.append(f"{total} of it ({uses.open_reports:,} still open)")
    elif uses.open_reports or uses.closed_reports:
        kind = "open member report" if uses.open_reports else "decided member report"
        lines.append(f"{plural(uses.open_reports or uses.closed_reports, kind)} of it")
    if uses.avoiding:
        lines.append(f"its place among the avoided warnings of {plural(uses.avoiding, 'member')}")
    if uses.switched_off:
        lines.append("its switch-off (`/warnings rules disable`)")
    return lines


def removal_question(removal: CategoryRemoval) -> str:
    """What an admin is asked before a custom category goes (with its Remove / Cancel buttons)."""
    category = named(removal.label, removal.category_id)
    lines = goes_with(removal)
    if not lines:
        return f"Remove the category {category}? Nothing refers to it any more."
    return "\n".join(
        [
            f"Remove the category {category}? With it go:",
            *(f"• {line}" for line in lines),
            "Stories are scanned again without it. This cannot be undone.",
        ]
    )


def category_removed_text(removal: CategoryRemoval, rescanned: str) -> str:
    """The question's message once the category is gone: what went and the re-scan."""
    category = named(removal.label, removal.category_id)
    lines = goes_with(removal)
    went = ["With it went:", *(f"• {line}" for line in lines)] if lines else []
    return "\n".join([f"Removed the category {category}.", *went, f"{rescanned}."])


def evidence_lines(evidence: Sequence[Any], limit: int = 2) -> list[str]:
    return [f"  ↳ ¶{item.paragraph}: ||{escaped_line(item.text)}||" for item in evidence[:limit]]


def item_lines(number: int, item: reviews.ReviewItem) -> list[str]:
    """One item of ``/warnings review``: what waits, where, why, with the members' notes and the evidence."""
    why = f"reported by {plural(item.reports, 'member')}" if item.reports else POSSIBLE_WHY
    lines = [
        f"{number}. {named(item.label, item.warning_id)} in chapter {item.chapter} of "
        f"**{escape_clipped(item.story_title, TITLE_CHARS)}**: {why}"
    ]
    lines += [f"  › “{escape_clipped(note, NOTE_PREVIEW_CHARS)}”" for note in item.notes[:2]]
    return lines + evidence_lines(item.evidence)
