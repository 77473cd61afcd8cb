"""The double enforces Discord's rules, and the real discord.py client copes with it.

Most tests here call discord.py directly on the running bot (``club.run``): they check the
double itself, so they must not depend on any particular cog.
"""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from typing import Any

import aiohttp
import discord
import pytest

from bot.devtools.double import permissions as P
from bot.devtools.driver import (
    DEFAULT_TIME_SCALE,
    SETTLE_TIMEOUT,
    Club,
    CommandNotVisible,
    DriverError,
    InteractionFailed,
)


async def send(club: Club, channel: Any, *args: Any, **kwargs: Any) -> discord.Message:
    """Send through the bot's own discord.py client."""

    async def go() -> discord.Message:
        target = club.bot.get_channel(channel.id)
        assert target is not None, f"the bot does not know #{channel.name}"
        return await target.send(*args, **kwargs)

    return await club.run(go)


def raw_headers(club: Club) -> dict[str, str]:
    return {"Authorization": f"Bot {club.state.token}"}


# ---------------------------------------------------------------------------------------------- 50035


async def test_content_over_2000_characters_is_rejected_with_50035(club: Club) -> None:
    await send(club, club.text_channel, "x" * 2000)
    with club.expect_errors(400, 50035), pytest.raises(discord.HTTPException) as caught:
        await send(club, club.text_channel, "x" * 2001)
    assert caught.value.code == 50035
    assert "Must be 2000 or fewer in length" in str(caught.value)
    assert [len(m.content) for m in club.messages(club.text_channel)] == [2000]


@pytest.mark.parametrize(
    ("embed", "complaint"),
    [
        (discord.Embed(title="t" * 257), "256 or fewer"),
        (discord.Embed(description="d" * 4097), "4096 or fewer"),
        (
            discord.Embed(title="t" * 256, description="d" * 4096)
            .add_field(name="n" * 256, value="v" * 1024)
            .add_field(name="n", value="v" * 1000),
            "exceeds maximum size",
        ),
        (discord.Embed().set_footer(text="f" * 2049), "2048 or fewer"),
    ],
    ids=["title", "description", "total", "footer"],
)
async def test_embed_over_its_limits_is_rejected_with_50035(club: Club, embed: discord.Embed, complaint: str) -> None:
    with club.expect_errors(400, 50035), pytest.raises(discord.HTTPException) as caught:
        await send(club, club.text_channel, embed=embed)
    assert caught.value.code == 50035
    assert complaint in str(caught.value)
    assert club.messages(club.text_channel) == []


async def test_too_many_embed_fields_and_empty_messages(club: Club) -> None:
    embed = discord.Embed(title="fields")
    for i in range(26):
        embed.add_field(name=f"n{i}", value="v")
    with club.expect_errors(400, 50035), pytest.raises(discord.HTTPException):
        await send(club, club.text_channel, embed=embed)
    with club.expect_errors(400, 50006), pytest.raises(discord.HTTPException) as caught:
        await send(club, club.text_channel, "   ")
    assert caught.value.code == 50006


# ---------------------------------------------------------------------------------------------- 50013


async def test_channel_overwrite_denying_send_gives_50013(club: Club) -> None:
    with club.expect_errors(403, 50013), pytest.raises(discord.Forbidden) as caught:
        await send(club, club.locked_channel, "hello")
    assert caught.value.code == 50013
    assert club.messages(club.locked_channel) == []


async def test_missing_embed_links_and_attach_files_give_50013(club: Club) -> None:
    await club.set_overwrite(club.general_channel, club.bot_role, deny=P.EMBED_LINKS | P.ATTACH_FILES)
    await send(club, club.general_channel, "plain text still works")
    with club.expect_errors(403, 50013):
        with pytest.raises(discord.Forbidden):
            await send(club, club.general_channel, embed=discord.Embed(title="no embeds here"))
        with pytest.raises(discord.Forbidden):
            await send(club, club.general_channel, file=discord.File(__file__))
    assert [m.content for m in club.messages(club.general_channel)] == ["plain text still works"]


async def test_a_channel_the_bot_cannot_see_gives_missing_access(club: Club) -> None:
    with club.expect_errors(403, 50001), pytest.raises(discord.Forbidden) as caught:
        await club.run(club.bot.http.send_message(club.hidden_channel.id, params=_params("hi")))
    assert caught.value.code == 50001


def _params(content: str) -> Any:
    from discord.http import handle_message_parameters

    return handle_message_parameters(content=content)


async def test_threads_need_their_permissions(club: Club) -> None:
    async def go() -> None:
        channel = club.bot.get_channel(club.locked_channel.id)
        await channel.create_thread(name="Not allowed", type=discord.ChannelType.public_thread)

    with club.expect_errors(403, 50013), pytest.raises(discord.Forbidden):
        await club.run(go)
    assert club.threads == []


async def test_scheduled_events_need_create_events(club: Club) -> None:
    await club.set_role_permissions(club.bot_role, P.BOT_INVITE & ~P.CREATE_EVENTS)

    async def go() -> None:
        guild = club.bot.get_guild(club.guild.id)
        start = club.clock.now() + timedelta(days=1)
        await guild.create_scheduled_event(
            name="Chapter 1 discussion",
            start_time=start,
            end_time=start + timedelta(hours=1),
            entity_type=discord.EntityType.external,
            location="#discussions",
            privacy_level=discord.PrivacyLevel.guild_only,
        )

    with club.expect_errors(403, 50013), pytest.raises(discord.Forbidden):
        await club.run(go)
    assert club.events == []


# ---------------------------------------------------------------------------------------------- 429


async def test_sixth_message_in_the_window_gets_429_with_discords_headers(club: Club) -> None:
    url = f"{club.double.api_base}/channels/{club.general_channel.id}/messages"
    club.state.rate_rules.time_scale = 1.0  # this channel's bucket is new: Discord's real 5 per 5 s
    try:
        answers: list[tuple[int, Any, dict[str, Any]]] = []
        with club.expect_errors(429) as hits:
            async with aiohttp.ClientSession(headers=raw_headers(club)) as session:
                for i in range(6):
                    async with session.post(url, json={"content": f"message {i}"}) as response:
                        answers.append((response.status, response.headers, await response.json()))
    finally:
        club.state.rate_rules.time_scale = DEFAULT_TIME_SCALE
    statuses = [status for status, _, _ in answers]
    assert statuses == [200] * 5 + [429]
    for i, (_, headers, _) in enumerate(answers[:5]):
        assert headers["X-RateLimit-Limit"] == "5"
        assert headers["X-RateLimit-Remaining"] == str(4 - i)
        assert float(headers["X-RateLimit-Reset-After"]) <= 5.0
        assert float(headers["X-RateLimit-Reset"]) > time.time()
        assert headers["X-RateLimit-Bucket"]
        assert headers["Content-Type"] == "application/json"
    _, headers, body = answers[5]
    assert headers["X-RateLimit-Remaining"] == "0"
    assert int(headers["Retry-After"]) == 5
    assert 4.0 < float(headers["X-RateLimit-Reset-After"]) <= 5.0
    assert headers["X-RateLimit-Bucket"] == answers[0][1]["X-RateLimit-Bucket"]
    assert set(body) == {"message", "retry_after", "global"}
    assert body["global"] is False and 4.0 < body["retry_after"] <= 5.0
    assert len(hits) == 1 and not hits[0].retried
    assert len(club.messages(club.general_channel)) == 5


async def test_discordpy_paces_itself_from_the_headers_without_hitting_429(club: Club) -> None:
    # Time-scaled window (the shared runtime's): the same protocol as Discord's 5 per 5 s, 20x faster.
    window = club.state.rate_rules.scaled_window
    started = time.monotonic()

    async def go() -> None:
        channel = club.bot.get_channel(club.general_channel.id)
        for i in range(11):
            await channel.send(f"part {i}")

    await club.run(go)
    elapsed = time.monotonic() - started
    posted = club.messages(club.general_channel)
    assert [m.content for m in posted] == [f"part {i}" for i in range(11)]
    assert club.rate_limited == []  # the X-RateLimit headers alone made discord.py wait
    assert elapsed >= 2 * window * 0.9
    times = [m.message.created_at for m in posted if m.message]
    assert all(later - earlier >= window * 0.9 for earlier, later in zip(times, times[5:], strict=False))


async def test_discordpy_retries_a_429_and_the_message_arrives(club: Club) -> None:
    club.inject_rate_limit(club.text_channel, times=2)
    await send(club, club.text_channel, "after two retries")
    assert [m.content for m in club.messages(club.text_channel)] == ["after two retries"]
    assert len(club.rate_limited) == 2
    assert all(hit.retried for hit in club.rate_limited)
    assert "429" in str(club.rate_limited[0])


# ---------------------------------------------------------------------------------------------- interactions


async def test_an_unanswered_interaction_fails_after_three_seconds(club: Club) -> None:
    async def post_stale_button() -> Any:
        components = [{"type": 1, "components": [{"type": 2, "style": 1, "label": "Stale", "custom_id": "stale:1"}]}]
        return club.state.create_message(
            club.text_channel, club.bot_user, {"content": "old", "components": components}, []
        )

    message = await club.run(post_stale_button)
    started = time.monotonic()
    with pytest.raises(InteractionFailed) as caught:
        await club.click(message, "Stale", member=club.member)
    assert 2.9 < time.monotonic() - started < SETTLE_TIMEOUT  # failed at the deadline, not at the driver's limit
    record = caught.value.record
    assert record in club.double.failed_interactions
    assert "not answered within 3 s" in (record.failed or "")
    assert any("failed" in problem for problem in club.problems())
    # A late answer is refused the way Discord refuses it.
    with club.expect_errors(404, 10062), pytest.raises(discord.NotFound):
        await club.run(club.bot.http.request(_callback_route(record), json={"type": 4, "data": {"content": "late"}}))
    club.forgive(record)


def _callback_route(record: Any) -> Any:
    from discord.http import Route

    return Route("POST", "/interactions/{i}/{t}/callback", i=record.id, t=record.token)


async def test_interaction_payload_carries_what_discordpy_needs(club: Club) -> None:
    await club.slash("help", member=club.moderator, channel=club.general_channel)
    record = club.state.interactions[max(r.id for r in club._interactions)]
    payload = record.payload
    for key in (
        "attachment_size_limit", "id", "application_id", "type", "token", "version", "data", "guild_id",
        "channel", "channel_id", "member", "app_permissions", "locale", "entitlements",
        "authorizing_integration_owners", "context",
    ):  # fmt: skip
        assert key in payload, key
    permissions = int(payload["member"]["permissions"])
    assert permissions & P.MANAGE_MESSAGES and permissions & P.MANAGE_EVENTS and not permissions & P.MANAGE_GUILD
    assert int(payload["app_permissions"]) & P.SEND_MESSAGES
    assert payload["channel"]["id"] == str(club.general_channel.id)
    assert payload["data"]["id"] == next(
        c["id"] for c in club.state.visible_commands(club.guild.id) if c["name"] == "help"
    )


async def test_followups_after_the_token_expired_fail(club: Club) -> None:
    replies = await club.slash("help", member=club.member)
    record = replies[0].interaction
    assert record is not None
    await club.clock.advance(timedelta(minutes=16))
    with club.expect_errors(401, 50027), pytest.raises(discord.HTTPException):
        await club.run(
            club.bot.http.request(_webhook_route(club, record), json={"content": "too late"}, params={"wait": 1})
        )


def _webhook_route(club: Club, record: Any) -> Any:
    from discord.http import Route

    return Route("POST", "/webhooks/{a}/{t}", a=club.state.app_id, t=record.token)


async def test_options_are_checked_against_the_synced_schema(club: Club) -> None:
    with pytest.raises(DriverError, match="no option 'timzone'"):
        await club.slash("config set", timzone="Europe/Paris")
    with pytest.raises(DriverError, match="is a group"):
        await club.slash("config")
    with pytest.raises(DriverError, match="no slash command /nope"):
        await club.slash("nope")
    with pytest.raises(DriverError, match="not one of the choices"):
        await club.slash("config clear", setting="everything")
    with pytest.raises(DriverError, match="expected a string"):
        await club.slash("config set", timezone=3)


async def test_admin_commands_are_hidden_and_the_bots_own_check_refuses_when_opened(club: Club) -> None:
    with pytest.raises(CommandNotVisible):
        await club.slash("config set", member=club.member, timezone="Europe/Paris")
    club.override_command_permissions("config")  # a server admin opens /config to everyone
    replies = await club.slash("config set", member=club.member, timezone="Europe/Paris")
    assert replies[0].ephemeral
    assert "Manage Server" in replies[0].text


async def test_default_member_permissions_hide_a_command_until_an_admin_opens_it(club: Club) -> None:
    command = next(c for c in club.state.visible_commands(club.guild.id) if c["name"] == "help")
    command["default_member_permissions"] = str(P.MANAGE_GUILD)
    try:
        with pytest.raises(CommandNotVisible):
            await club.slash("help", member=club.member)
        assert await club.slash("help", member=club.admin)
        club.override_command_permissions("help")
        assert await club.slash("help", member=club.member)
    finally:
        command["default_member_permissions"] = None


# ---------------------------------------------------------------------------------------------- DMs


async def test_dms_reach_open_members_and_closed_dms_give_50007(club: Club) -> None:
    async def dm(member: Any, text: str) -> None:
        user = await club.bot.fetch_user(member.user.id)
        await user.send(text)

    await club.run(dm(club.member, "Your discussion opens tomorrow."))
    assert [m.content for m in club.dms(club.member)] == ["Your discussion opens tomorrow."]
    with club.expect_errors(403, 50007), pytest.raises(discord.Forbidden) as caught:
        await club.run(dm(club.closed_dm_member, "hello?"))
    assert caught.value.code == 50007
    assert club.dms(club.closed_dm_member) == []


# ---------------------------------------------------------------------------------------------- gateway


async def test_the_bot_resumes_after_a_dropped_connection(club: Club) -> None:
    gateway = club.double.gateway
    identifies, resumes = gateway.identifies, gateway.resumes
    await club.drop_connection()
    assert gateway.resumes == resumes + 1
    assert gateway.identifies == identifies  # resumed, not a new session
    replies = await club.slash("help", member=club.member)
    assert "Dogear" in replies[0].text


async def test_events_sent_while_disconnected_are_replayed_on_resume(club: Club) -> None:
    resumes = club.double.gateway.resumes

    async def drop() -> bool:
        await club.double.gateway.drop()
        return all(s.connection is None for s in club.double.gateway.sessions.values() if not s.closed)

    assert await club.run(drop)  # the interaction below is queued while the bot is away
    replies = await club.slash("help", member=club.member)
    assert "Dogear" in replies[0].text
    assert club.double.gateway.resumes == resumes + 1


async def test_gateway_speaks_zlib_stream_and_answers_heartbeats(club: Club) -> None:
    gateway = club.double.gateway
    assert gateway.compressed >= 1  # discord.py asked for compress=zlib-stream and got it
    assert gateway.heartbeats >= 1
    assert club.bot.latency < 1.0


async def test_guild_and_channel_events_reach_the_bot(club: Club) -> None:
    other = await club.add_guild("Second Club")
    assert club.bot.get_guild(other.guild.id) is not None
    await club.delete_channel(club.general_channel)
    assert club.bot.get_channel(club.general_channel.id) is None

    async def open_thread() -> int:
        channel = club.bot.get_channel(club.text_channel.id)
        thread = await channel.create_thread(name="Short-lived", type=discord.ChannelType.private_thread)
        return thread.id

    thread_id = await club.run(open_thread)
    assert club.bot.get_channel(thread_id) is not None  # THREAD_CREATE reached the bot's cache
    await club.delete_channel(thread_id)
    assert club.bot.get_channel(thread_id) is None and club.threads == []
    await other.remove_guild()
    assert club.bot.get_guild(other.guild.id) is None


# ---------------------------------------------------------------------------------------------- REST models


async def test_nonce_with_enforce_nonce_sends_once(club: Club) -> None:
    first = await send(club, club.text_channel, "only once", nonce=424242)
    second = await send(club, club.text_channel, "only once", nonce=424242)
    assert first.id == second.id
    assert len(club.messages(club.text_channel)) == 1


async def test_uploads_are_served_back_for_attachment_read(club: Club) -> None:
    import io

    message = await send(club, club.text_channel, file=discord.File(io.BytesIO(b"chapter one\n"), "ch1.txt"))
    assert await club.run(message.attachments[0].read()) == b"chapter one\n"
    assert club.messages(club.text_channel)[0].attachments[0].filename == "ch1.txt"


async def test_message_edit_delete_fetch_and_history(club: Club) -> None:
    posted = [await send(club, club.text_channel, f"m{i}") for i in range(4)]

    async def go() -> list[str]:
        channel = club.bot.get_channel(club.text_channel.id)
        await posted[0].edit(content="m0 edited")
        await posted[1].delete()
        fetched = await channel.fetch_message(posted[2].id)
        assert fetched.content == "m2"
        newest_first = [m.content async for m in channel.history(limit=10)]
        after = [m.content async for m in channel.history(after=posted[0], oldest_first=True)]
        return [*newest_first, "|", *after]

    assert await club.run(go) == ["m3", "m2", "m0 edited", "|", "m2", "m3"]
    assert club.messages(club.text_channel)[0].edits == 1
    with club.expect_errors(404, 10008), pytest.raises(discord.NotFound):
        await club.run(club.bot.get_channel(club.text_channel.id).fetch_message(posted[1].id))


async def test_threads_private_threads_members_and_forum_posts(club: Club) -> None:
    async def go() -> tuple[Any, Any, Any]:
        channel = club.bot.get_channel(club.text_channel.id)
        starter = await channel.send("Chapter 1 is up")
        public = await starter.create_thread(name="Chapter 1", auto_archive_duration=1440)
        await public.send("Spoilers inside")
        private = await channel.create_thread(name="Caught up: chapter 1", type=discord.ChannelType.private_thread)
        await private.add_user(discord.Object(club.member.user.id))
        forum = club.bot.get_channel(club.forum_channel.id)
        post = await forum.create_thread(name="Chapter 1 discussion", content="What did you think?")
        return starter, public, (private, post)

    starter, public, (private, post) = await club.run(go)
    assert public.id == starter.id  # Discord gives a message's thread the message's id
    assert [t.name for t in club.threads] == ["Chapter 1", "Caught up: chapter 1", "Chapter 1 discussion"]
    assert club.member.user.id in club.channel(private.id).member_ids
    assert club.channel(private.id).type == 12
    assert [m.content for m in club.messages(public.id)] == ["Spoilers inside"]
    assert [m.content for m in club.messages(post.thread.id)] == ["What did you think?"]

    async def bad() -> None:
        channel = club.bot.get_channel(club.text_channel.id)
        await channel.create_thread(name="x" * 101, type=discord.ChannelType.private_thread)

    with club.expect_errors(400, 50035), pytest.raises(discord.HTTPException):
        await club.run(bad)


async def test_scheduled_events_create_edit_delete(club: Club) -> None:
    start = club.clock.now() + timedelta(days=2)

    async def go() -> None:
        guild = club.bot.get_guild(club.guild.id)
        event = await guild.create_scheduled_event(
            name="Chapter 2 discussion",
            description="Bring snacks",
            start_time=start,
            end_time=start + timedelta(hours=1),
            entity_type=discord.EntityType.external,
            location="#discussions",
            privacy_level=discord.PrivacyLevel.guild_only,
        )
        await event.edit(name="Chapter 2 discussion (moved)")
        listed = await guild.fetch_scheduled_events()
        assert [e.name for e in listed] == ["Chapter 2 discussion (moved)"]
        second = await guild.create_scheduled_event(
            name="Chapter 3",
            start_time=start + timedelta(days=7),
            end_time=start + timedelta(days=7, hours=1),
            entity_type=discord.EntityType.external,
            location="#discussions",
            privacy_level=discord.PrivacyLevel.guild_only,
        )
        await second.delete()

    await club.run(go)
    assert [e.name for e in club.events] == ["Chapter 2 discussion (moved)"]
    assert club.events[0].description == "Bring snacks"

    async def in_the_past() -> None:
        guild = club.bot.get_guild(club.guild.id)
        then = club.clock.now() - timedelta(hours=1)
        await guild.create_scheduled_event(
            name="Too late",
            start_time=then,
            end_time=then + timedelta(hours=2),
            entity_type=discord.EntityType.external,
            location="here",
            privacy_level=discord.PrivacyLevel.guild_only,
        )

    with club.expect_errors(400, 50035), pytest.raises(discord.HTTPException, match="past"):
        await club.run(in_the_past)


async def test_unimplemented_routes_are_loud(club: Club) -> None:
    with club.expect_errors(404) as hits:
        async with (
            aiohttp.ClientSession(headers=raw_headers(club)) as session,
            session.get(f"{club.double.api_base}/voice/regions") as response,
        ):
            assert response.status == 404
    assert "does not implement GET /api/v10/voice/regions" in (hits[0].error or "")


async def test_wrong_token_is_401(club: Club) -> None:
    with club.expect_errors(401):
        async with (
            aiohttp.ClientSession(headers={"Authorization": "Bot nope"}) as session,
            session.get(f"{club.double.api_base}/users/@me") as response,
        ):
            assert response.status == 401


async def test_mentions_in_messages_are_recorded_as_pings_only_when_allowed(club: Club) -> None:
    await send(club, club.text_channel, "@everyone the club meets today")  # client default: AllowedMentions.none()
    await send(
        club,
        club.text_channel,
        f"{club.club_role.mention()} discussion is open",
        allowed_mentions=discord.AllowedMentions(roles=[discord.Object(club.club_role.id)]),
    )
    first, second = club.messages(club.text_channel)
    assert not first.message.pinged_everyone and not first.message.pinged_roles
    assert second.message.pinged_roles == {club.club_role.id}


async def test_time_moves_for_bot_and_double_together(club: Club) -> None:
    before = club.clock.now()
    offset = club.state.time_offset
    await club.clock.advance(timedelta(hours=1))
    assert club.clock.now() - before == timedelta(hours=1)
    assert club.state.time_offset - offset == 3600
    await asyncio.sleep(0)


# ---------------------------------------------------------------------------------------------- components


async def post_probe_panel(club: Club, seen: dict[str, Any]) -> discord.Message:
    """A message with a discord.py View (built on the bot's loop), to exercise every callback type."""

    class Feedback(discord.ui.Modal, title="Your thoughts"):
        thoughts: discord.ui.TextInput[Any] = discord.ui.TextInput(label="Thoughts", max_length=200)

        async def on_submit(self, interaction: discord.Interaction) -> None:
            seen["modal"] = self.thoughts.value
            await interaction.response.send_message(f"Thanks: {self.thoughts.value}", ephemeral=True)

    class Panel(discord.ui.View):
        @discord.ui.button(label="Update", custom_id="probe:update")
        async def update(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
            await interaction.response.edit_message(content="Updated in place")  # type 7

        @discord.ui.button(label="Later", custom_id="probe:later")
        async def later(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
            await interaction.response.defer()  # type 6
            await interaction.edit_original_response(content="Edited after a deferred update")

        @discord.ui.button(label="Think", custom_id="probe:think")
        async def think(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)  # type 5
            await interaction.followup.send("Done thinking", ephemeral=True)

        @discord.ui.button(label="Ask", custom_id="probe:ask")
        async def ask(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
            await interaction.response.send_modal(Feedback())  # type 9

        @discord.ui.button(label="Flash", custom_id="probe:flash")
        async def flash(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
            await interaction.response.send_message("Now you see me", ephemeral=True)
            original = await interaction.original_response()  # GET .../messages/@original
            seen["flash"] = original.content
            extra = await interaction.followup.send("Second thought", ephemeral=True, wait=True)
            await interaction.followup.edit_message(extra.id, content="Second thought, edited")
            await interaction.delete_original_response()  # DELETE .../messages/@original

        @discord.ui.select(custom_id="probe:pick", options=[discord.SelectOption(label=x) for x in ("one", "two")])
        async def pick(self, interaction: discord.Interaction, select: discord.ui.Select[Any]) -> None:
            seen["select"] = select.values
            await interaction.response.send_message(f"Picked {select.values[0]}", ephemeral=True)

    async def go() -> discord.Message:
        return await club.bot.get_channel(club.text_channel.id).send("Panel", view=Panel(timeout=None))

    return await club.run(go)


async def test_buttons_deferrals_selects_and_modals_round_trip(club: Club) -> None:
    seen: dict[str, Any] = {}
    await post_probe_panel(club, seen)
    panel = club.messages(club.text_channel)[0]
    assert panel.labels == ["Update", "Later", "Think", "Ask", "Flash"]

    updated = await club.click(panel, "Update", member=club.member)
    assert [r.id for r in updated] == [panel.id] and updated[0].content == "Updated in place"
    edited = await club.click(panel, "probe:later", member=club.member)
    assert edited[0].id == panel.id and edited[0].content == "Edited after a deferred update"
    thought = await club.click(panel, "Think", member=club.member)
    assert [(r.content, r.ephemeral) for r in thought] == [("Done thinking", True)]
    picked = await club.select(panel, "probe:pick", ["two"], member=club.member)
    assert picked[0].content == "Picked two" and seen["select"] == ["two"]

    form = await club.click(panel, "Ask", member=club.member)
    assert form[0].modal is not None and form[0].modal["title"] == "Your thoughts"
    thanks = await club.submit_modal(form, {"Thoughts": "Loved the storm chapter"}, member=club.member)
    assert thanks[0].content == "Thanks: Loved the storm chapter" and thanks[0].ephemeral
    assert seen["modal"] == "Loved the storm chapter"
    with pytest.raises(DriverError, match=r"takes 0\.\.200"):
        await club.submit_modal(form, {"Thoughts": "x" * 201}, member=club.member)
    with pytest.raises(DriverError, match="no component 'Nope'"):
        await club.click(panel, "Nope")
    flashed = await club.click(panel, "Flash", member=club.member)
    assert [r.content for r in flashed] == ["Second thought, edited"]  # the original was deleted
    assert seen["flash"] == "Now you see me"
    assert [r.response_type for r in club._interactions] == [7, 6, 5, 4, 9, 4, 4]


async def test_autocomplete_returns_the_bots_choices(club: Club) -> None:
    choices = await club.autocomplete("config set", "timezone", "Europe/Ber", member=club.admin)
    assert {"name": "Europe/Berlin", "value": "Europe/Berlin"} in choices
    assert len(choices) <= 25
    with pytest.raises(DriverError, match="has no autocomplete"):
        await club.autocomplete("config set", "club_channel", "x")


async def test_the_bot_sees_channel_overwrites_in_its_permission_checks(club: Club) -> None:
    replies = await club.slash("config set", member=club.admin, club_channel=club.locked_channel)
    assert "missing: Send Messages" in replies[0].text
    replies = await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    assert "missing" not in replies[0].text


async def test_slash_payloads_nest_groups_and_resolve_attachments(club: Club) -> None:
    from bot.devtools.driver import build_command_data

    scope = club.guild.id
    club.state.commands[scope] = [
        {
            "id": "1", "name": "warnings", "type": 1, "description": "d", "guild_id": str(scope),
            "options": [
                {"type": 2, "name": "rules", "description": "d", "options": [
                    {"type": 1, "name": "add", "description": "d", "options": [
                        {"type": 3, "name": "pattern", "description": "d", "required": True},
                        {"type": 11, "name": "file", "description": "d"},
                        {"type": 6, "name": "who", "description": "d"},
                    ]},
                ]},
            ],
        }
    ]  # fmt: skip
    try:
        data = build_command_data(
            club.state, club.guild, "warnings rules add", club.admin, club.text_channel,
            ("rules.txt", b"grief\n"), {"pattern": "lost", "who": club.member}, autocomplete=None,
        )  # fmt: skip
    finally:
        del club.state.commands[scope]
    group = data["options"][0]
    assert (group["type"], group["name"]) == (2, "rules")
    sub = group["options"][0]
    assert (sub["type"], sub["name"]) == (1, "add")
    values = {o["name"]: o["value"] for o in sub["options"]}
    assert values["pattern"] == "lost"
    attachment = data["resolved"]["attachments"][values["file"]]
    assert attachment["filename"] == "rules.txt" and attachment["size"] == 6
    assert str(club.member.user.id) in data["resolved"]["members"]
    async with aiohttp.ClientSession() as session, session.get(attachment["url"]) as response:
        assert await response.read() == b"grief\n"


async def test_options_named_like_driver_arguments_go_in_the_options_dict(club: Club) -> None:
    replies = await club.slash(
        "config set", member=club.admin, channel=club.general_channel, options={"club_channel": club.text_channel}
    )
    assert club.text_channel.mention() in replies[0].text
    with pytest.raises(DriverError, match="no option 'member'"):
        await club.slash("config show", options={"member": club.member})


async def test_members_cannot_run_commands_where_discord_would_not_let_them(club: Club) -> None:
    with pytest.raises(DriverError, match="cannot use commands in #staff-only"):
        await club.slash("help", member=club.member, channel=club.hidden_channel)
    assert await club.slash("help", member=club.owner, channel=club.hidden_channel)


async def test_a_callback_waiting_for_the_member_does_not_hold_up_the_driver(club: Club) -> None:
    outcome: dict[str, Any] = {}

    class Confirm(discord.ui.View):
        @discord.ui.button(label="Yes", custom_id="probe:yes")
        async def yes(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
            await interaction.response.edit_message(content="Confirmed", view=None)
            self.stop()

    class Start(discord.ui.View):
        @discord.ui.button(label="Start", custom_id="probe:start")
        async def start(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
            confirm = Confirm(timeout=60)
            await interaction.response.send_message("Sure?", view=confirm, ephemeral=True)
            outcome["timed_out"] = await confirm.wait()  # parked until the member answers
            await interaction.followup.send("Done", ephemeral=True)

        @discord.ui.button(label="Type", custom_id="probe:type")
        async def type_(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
            await interaction.response.send_message("Say something", ephemeral=True)
            message = await club.bot.wait_for("message", timeout=60)
            outcome["said"] = message.content

    async def go() -> None:
        await club.bot.get_channel(club.text_channel.id).send("Probe", view=Start(timeout=None))

    await club.run(go)
    panel = club.messages(club.text_channel)[0]
    sure = await club.click(panel, "Start", member=club.member)
    assert [r.content for r in sure] == ["Sure?"]
    await club.click(panel, "Type", member=club.member)
    assert outcome == {}  # both clicks returned while their callbacks were still parked, waiting for the member
    done = await club.click(sure[0], "Yes", member=club.member)
    assert [r.content for r in done] == ["Confirmed"]
    await club.wait_for(lambda: "timed_out" in outcome, "the parked callback to finish")
    assert outcome["timed_out"] is False


async def test_an_interaction_answered_twice_gets_40060(club: Club) -> None:
    [answer] = await club.slash("help", member=club.member)
    record = answer.interaction
    assert record is not None
    with club.expect_errors(400, 40060), pytest.raises(discord.HTTPException):
        await club.run(club.bot.http.request(_callback_route(record), json={"type": 4, "data": {"content": "again"}}))


async def test_an_ephemeral_message_is_pressed_only_by_the_member_it_was_shown_to(club: Club) -> None:
    async def post_ephemeral_button() -> Any:
        components = [{"type": 1, "components": [{"type": 2, "style": 1, "label": "Mine", "custom_id": "mine:1"}]}]
        record = club.state.new_interaction(
            type=2, guild=club.guild, channel=club.text_channel, user=club.member.user, data={"name": "x"}
        )
        payload = {"content": "only for you", "components": components, "flags": 64}
        return club.state.create_message(club.text_channel, club.bot_user, payload, [], interaction=record)

    message = await club.run(post_ephemeral_button)
    with pytest.raises(DriverError, match=f"only {club.member.user.username} sees that ephemeral message"):
        await club.click(message, "Mine", member=club.other_member)
