"""What ``/story add`` and ``/story info`` answer: plain text built from the service's records, kept
apart from the cog so the cog holds options, permissions and calls (and each text can be tested alone)."""

from __future__ import annotations

from bot.story.books import reads_elsewhere_line
from bot.story.chapters import chapter_ranges, unread_chapters
from bot.story.front_pages import shown_notes
from bot.story.model import source_note, story_id_note
from bot.story.render import declared_list, every_warning_in, members_see, none_shown, warning_list
from bot.story.service import AddedStory, StoryDetails
from bot.text import clip_lines, escape_clipped, escape_markdown, escaped_line, page_lines, plural, visible_line

INFO_WARNINGS_CHARS = 1000  # the warnings line of /story info, whole entries only
CHAPTER_WARNINGS_CHARS = 300  # a chapter's own warnings on its /story info line, whole entries only
LAST_UPDATE_MARKS = {"changed": " · changed by the last update", "new": " · new in the last update"}


def import_summary(added: AddedStory) -> str:
    """What the admin sees after an import: the story and its warnings, with evidence."""
    report = added.report
    lines = [
        f"Added **{escape_markdown(added.title)}** {story_id_note(added.story_id)}: "
        f"{plural(added.chapters, 'chapter')}, {plural(added.words, 'word')}."
    ]
    if report.unwarned:
        lines.append("⚠️ The author chose not to use archive warnings: treat this story as unwarned, not as safe.")
    unread = [chapter.number for chapter in report.chapters if not chapter.english]
    if unread:
        lines.append(
            f"⚠️ Not in English, so not read for warnings: {unread_chapters(unread, added.story_id)}. Members are told so;"
            " what the rules found there is listed as possible."
        )
    info_marks = f"`/story info story:{added.story_id}` marks each"
    if report.warnings:
        lines.append("**Warnings** (strongest first):")
        for warning in report.warnings:
            # Past a few runs, where each chapter is: /story info marks every chapter's own warnings,
            # and one the author declared for the whole story every chapter shows.
            story_wide = warning.source in ("declared", "both") and not warning.declared_chapters
            all_in = "the author declares it for every chapter" if story_wide else info_marks
            where = chapter_ranges(warning.chapters, all_in=all_in) or "the author's declaration"
            lines.append(f"• **{escape_markdown(warning.label)}** ({source_note(warning.source)}; chapters: {where})")
            for evidence in warning.evidence[:2]:
                lines.append(f"  ↳ ch. {evidence.chapter} ¶{evidence.paragraph}: ||{escaped_line(evidence.text)}||")
    else:
        lines.append("No warnings declared or detected.")
    if report.possible:  # below the threshold: members do not see these unless an admin confirms
        lines.append(f"**Possible** (confirm or dismiss in `/warnings story story:{added.story_id}`):")
        for warning in report.possible:
            where = chapter_ranges(warning.chapters, all_in=f"`/warnings story story:{added.story_id}` lists each")
            lines.append(f"• {escape_markdown(warning.label)} (chapters: {where})")
            for evidence in warning.evidence[:1]:
                lines.append(f"  ↳ ch. {evidence.chapter} ¶{evidence.paragraph}: ||{escaped_line(evidence.text)}||")
    if report.declared_unmapped:
        unmapped = declared_list(report.declared_unmapped, INFO_WARNINGS_CHARS)
        lines.append(f"Declared by the author, not matched to a warning: {unmapped}")
    return clip_lines(lines, rest=every_warning_in(added.story_id))


def story_info_text(details: StoryDetails, page: int) -> str:
    """``/story info``: the details, then the chapter list, paged so a story of 2,000 chapters shows them all."""
    record, warnings = details.record, details.warnings
    lines = [f"**{escape_markdown(record.title)}** {story_id_note(record.id)}"]  # tidied as stored and as read
    if record.author:
        lines.append(f"by {escape_markdown(record.author)}")
    if record.rating:
        lines.append(f"Rating: {escaped_line(record.rating)}")
    if record.summary:
        lines.append(f"> {escape_clipped(visible_line(record.summary), 600)}")  # no override turns a line around
    for label, text in shown_notes(record.meta.get("notes", [])):  # not chapters: the book does not number them
        lines.append(f"{label}: *{escape_clipped(visible_line(text), 300)}*")
    words = f", {plural(record.words, 'word')}" if record.has_text else ""  # a book read elsewhere has no text to count
    lines.append(f"{plural(record.chapter_count, 'chapter')}{words}. Added <t:{int(record.added_at)}:R>.")
    if not record.has_text:
        lines.append(reads_elsewhere_line())
    shown = members_see(warnings)
    if shown:
        lines.append(f"⚠️ Warnings: {warning_list(shown, INFO_WARNINGS_CHARS)}")
    else:
        lines.append(f"Warnings: {none_shown(details.unreviewed)}")
    if record.declared_warnings:  # a book's are the ones its admin typed: no author declared them
        whose = "Author's own warnings" if record.has_text else "Warnings the admin gave"
        lines.append(f"{whose}: {declared_list(record.declared_warnings, INFO_WARNINGS_CHARS)}")
    every = members_see(details.every)
    if every and details.chapters:  # the chapter lines mark only what a chapter shows besides these
        lines.append(f"Every chapter: ⚠️ {warning_list(every, INFO_WARNINGS_CHARS)}")
    for chapter in details.chapters:
        title = f": {escape_clipped(chapter.title, 200)}" if chapter.title else ""
        length = f" · {plural(chapter.words, 'word')}" if record.has_text else ""
        unread = " · not read for warnings (not in English)" if chapter.number in details.not_english else ""
        own = details.own.get(chapter.number)
        marked = f" · ⚠️ {warning_list(own, CHAPTER_WARNINGS_CHARS)}" if own else ""
        update = LAST_UPDATE_MARKS.get(chapter.last_update or "", "")
        lines.append(f"`{chapter.number:>3}` Chapter {chapter.number}{title}{length}{marked}{unread}{update}")
    return page_lines(lines[0], lines[1:], page, f"/story info story:{record.id} page:{{page}}")
