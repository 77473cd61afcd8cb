"""A permission Dogear lacks, said to the person in front of it: an admin (Manage Server or Administrator)
is told what to give Dogear's role and where; a member is told to ask an admin, with the names to pass on."""

from __future__ import annotations

from discord import app_commands

from bot.client import describe_error
from bot.text import missing_permissions_answer


def test_an_admin_is_told_what_to_give_and_where() -> None:
    said = missing_permissions_answer(["Send Messages", "Create Polls"], "<#5>", admin=True, role="Dogear *bot*")
    assert said == (
        "Give Dogear's role (**Dogear \\*bot\\***) Send Messages and Create Polls in <#5> "
        "(Edit Channel → Permissions), then try again."
    )
    assert "ask an admin" not in said.casefold()


def test_a_member_is_told_to_ask_an_admin_for_the_named_permissions() -> None:
    said = missing_permissions_answer(["Send Messages"], "<#5>", admin=False, role="Dogear")
    assert said == "Ask an admin to give Dogear Send Messages in <#5>."


def test_a_missing_bot_permission_on_a_command_is_said_to_whoever_asked() -> None:
    error = app_commands.BotMissingPermissions(["send_messages", "embed_links"])
    admin = describe_error(error, admin=True)
    assert admin is not None and "Give Dogear's role Send Messages and Embed Links in this channel" in admin, admin
    assert "Ask an admin" not in admin
    member = describe_error(error)
    assert member is not None and "Ask an admin to give Dogear Send Messages and Embed Links" in member, member


def test_text_kept_for_whoever_reads_it_later_says_who_gives_what_where() -> None:
    said = missing_permissions_answer(["Send Messages"], "#club", admin=None, then="")
    assert said == "An admin gives Dogear's role Send Messages in #club (Edit Channel → Permissions)."
