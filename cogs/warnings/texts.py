"""What ``/warnings`` answers look like: rules, test results and the category list."""

from __future__ import annotations

import discord

from bot.limits import EMBED_DESCRIPTION_BUDGET
from bot.text import escape_markdown, page_lines, plural
from bot.warnings import service
from bot.warnings.engine import ScanReport


def code(text: str) -> str:
    """Inline code shows an admin's pattern as typed; only a backtick could break out of it."""
    return "`" + text.replace("`", "ˋ") + "`"


# What /warnings test says when the rules find too little for members to be warned.
NOTHING_FOUND = "This server's rules find nothing in that text that members would be warned of."


def named(label: str, warning_id: str) -> str:
    """A warning category as an admin reads it: its label, then the id to type in commands."""
    return f"**{escape_markdown(label)}** (`{warning_id}`)"


def describe_rule(rule: service.CustomRule) -> str:
    return f"#{rule.id} [{rule.category}] {rule.kind}: {code(rule.pattern)}"


def describe_report(report: ScanReport, page: int = 1) -> str:
    """``/warnings test``: what the rules find in the text, paged; the next page needs the same text again."""
    if not report.warnings and not report.possible:
        return NOTHING_FOUND
    lines = ["**What this server's rules detect in that text:**"] if report.warnings else []
    for warning in report.warnings:
        lines.append(f"⚠️ **{escape_markdown(warning.label)}** (`{warning.id}`, score {warning.score:g})")
        lines += [f"  › paragraph {e.paragraph}: {escape_markdown(e.text)}" for e in warning.evidence]
    if report.possible:
        lines.append("**Possible** (some evidence, too little to show members; they would not see these):")
    for warning in report.possible:
        lines.append(f"❔ {escape_markdown(warning.label)} (`{warning.id}`, score {warning.score:g})")
        lines += [f"  › paragraph {e.paragraph}: {escape_markdown(e.text)}" for e in warning.evidence]
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


def rules_list_text(overview: service.RulesOverview, page: int = 1) -> str:
    head = f"**Server rules** ({len(overview.custom)} of {service.MAX_CUSTOM_RULES}):"
    lines = [f"• {describe_rule(rule)}" for rule in overview.custom] or ["• none yet"]
    if overview.off_categories or overview.off_rules:
        lines.append("**Switched off:**")
        lines += [f"• category `{name}`" for name in sorted(overview.off_categories)]
        lines += [f"• default rule `{name}`" for name in sorted(overview.off_rules)]
    lines.append(f"The {overview.default_rules:,} default rules apply unless switched off.")
    return page_lines(head, lines, page, "/warnings rules list page:{page}")
