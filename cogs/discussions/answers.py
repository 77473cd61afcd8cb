"""What ``/discussion schedule`` and ``/discussion plan`` answer: the text of a planned result.

Apart from :mod:`.cog` so the commands stay a list of checks and one call each (split when the cog
reached the 300 lines the shape tests allow); what the bot lacks in the channel is added by the
command, which has the interaction (:func:`.where.bot_lacks_there`).
"""

from __future__ import annotations

from bot.discussions.planning import Planned, Scheduled
from bot.discussions.remind import describe_offset
from bot.text import escape_markdown, plural, when_line


def schedule_answer(done: Scheduled) -> str:
    """One scheduled discussion: where and when, its reminders (and those already past), its event."""
    reminders = ", ".join(describe_offset(o) for o in done.remind) + " before" if done.remind else "none"
    if done.late:
        late = ", ".join(describe_offset(o) for o in done.late)
        past = "is past already, so it is" if len(done.late) == 1 else "are past already, so they are"
        reminders += f" ({late} before {past} not posted)"
    return (
        f"Discussion **#{done.id}** of **{escape_markdown(done.title)}**, chapter {done.chapter}, is scheduled for "
        f"{when_line(done.due)} in <#{done.channel_id}>.\n"
        + (f"{done.time_note}\n" if done.time_note else "")
        + (f"{done.same_minute}\n" if done.same_minute else "")
        + (done.reminder_note or f"Reminders: {reminders}.")
        + ("\nA scheduled event was created." if done.event_created else "")
    )


def plan_answer(done: Planned) -> str:
    """What was planned; one discussion (a plan from the last chapter) is not a range "#5-#5"."""
    head = (
        f"Planned {plural(len(done.ids), 'discussion')} of **{escape_markdown(done.title)}**, "
        f"{done.cadence.describe()}, in <#{done.channel_id}>: "
    )
    if len(done.ids) == 1:
        body = f"chapter {done.chapters[0]} on {when_line(done.times[0])}. Id #{done.ids[0]}; see `/discussion list`."
    else:
        body = (
            f"chapter {done.chapters[0]} on {when_line(done.times[0])} to chapter {done.chapters[-1]} on "
            f"{when_line(done.times[-1])}. Ids #{done.ids[0]}-#{done.ids[-1]}; see `/discussion list`."
        )
    return (
        head
        + body
        + (f"\n{done.time_note}" if done.time_note else "")
        + (f"\n{done.same_minute}" if done.same_minute else "")
        + (f"\n{done.reminder_note}" if done.reminder_note else "")
    )
