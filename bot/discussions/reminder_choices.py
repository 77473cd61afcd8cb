"""``/prefs reminders``: whether reminders name a member, and whether they get a private DM copy."""

from __future__ import annotations

from datetime import datetime

from bot.db import Database
from bot.discussions import prefs_store
from bot.discussions.prefs_store import ReminderPrefs
from bot.errors import UserError


async def choose_reminders(
    db: Database, guild_id: int, user_id: int, *, dm: bool | None, off: bool | None, now: datetime
) -> tuple[bool | None, ReminderPrefs]:
    """(whether anything changed, the member's choices now): True saved, False asked for what was already
    so (answered "unchanged", not "Saved."), None when no option was given and the choices are only read."""
    if dm is None and off is None:
        return None, await prefs_store.get_reminder_prefs(db, guild_id, user_id)
    if dm and off:  # both saved, the DM copies waited unseen behind "off": ask which was meant
        raise UserError(
            "`dm:true` and `off:true` ask for opposite things: reminders off send no DM copies. "
            "Choose one (nothing was changed)."
        )
    before = await prefs_store.get_reminder_prefs(db, guild_id, user_id)
    # dm:true after DMs refused a copy is a change even so: it forgets the refusal and tries again.
    if dm in (None, before.dm) and off in (None, before.off) and not (dm and before.dm_failed):
        return False, before
    return True, await prefs_store.set_reminder_prefs(db, guild_id, user_id, dm=dm, off=off, now=now)


def describe_reminder_prefs(changed: bool | None, prefs: ReminderPrefs) -> str:
    head = "Saved. " if changed else "Unchanged: you had chosen that already. " if changed is False else ""
    if prefs.off:
        kept = " Your DM copies come back when you turn reminders on again." if prefs.dm else ""
        return (
            f"{head}Reminders are **off** for you in this server: they never name you, and you get no DM copies."
            f"{kept} Turn them back on with `/prefs reminders off:false`."
        )
    named = "Reminders name you when you are behind on the chapter."
    if not prefs.dm:
        copies = "No DM copies (`/prefs reminders dm:true` sends you one for stories you have started)."
    elif prefs.dm_failed:
        copies = (
            "DM copies are on, but your DMs refused the last one, so I stopped trying. "
            "Open DMs from server members, then run `/prefs reminders dm:true` again."
        )
    else:
        copies = "You also get a private DM copy of reminders for stories you have started."
    return f"{head}{named} {copies}"
