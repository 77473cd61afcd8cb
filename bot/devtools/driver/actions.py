"""Acting as members: slash commands, autocomplete, buttons, selects and modals, and waiting for the answer."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import Any

from bot.devtools.double import permissions as P
from bot.devtools.double.models import Channel, InteractionRecord, Member, Message
from bot.devtools.driver.base import ClubBase
from bot.devtools.driver.commands import FileLike, build_command_data, modal_submission
from bot.devtools.driver.errors import DriverError, InteractionFailed
from bot.devtools.driver.replies import Reply, _find_component, _message
from bot.devtools.driver.timing import QUIET, SETTLE_TIMEOUT


class MemberActions(ClubBase):
    """What a member does in a Club: each action waits until the bot finished answering it."""

    # -- acting as members
    async def slash(
        self,
        command: str,
        *,
        member: Member | None = None,
        channel: Channel | int | None = None,
        file: FileLike | None = None,
        options: Mapping[str, Any] | None = None,
        **more_options: Any,
    ) -> list[Reply]:
        """Run ``/command`` (e.g. ``"story add"``, ``"warnings rules add"``) and return the bot's replies.

        Options are checked against the synced command (unknown names, missing required ones,
        wrong types and choices fail the test). ``file`` fills the attachment option. Members:
        ``club.admin`` by default. Waits until the bot finished (answered, deferred answers
        followed up, no command task running, REST quiet); raises :class:`InteractionFailed` if
        the bot missed the 3-second deadline or never followed up a deferral.

        An option whose name collides with ``member``, ``channel`` or ``options`` goes in the
        ``options`` dict: ``club.slash("excerpt post", member=club.admin, options={"channel": ch})``.
        """
        member = member or self.admin
        channel_model = self.channel(channel or self.text_channel)
        merged = {**(options or {}), **more_options}
        record = await self.runtime.run(self._slash(command, member, channel_model, file, merged))
        return await self._settle(record)

    async def _slash(
        self, command: str, member: Member, channel: Channel, file: FileLike | None, options: dict[str, Any]
    ) -> InteractionRecord:
        data = build_command_data(self.state, self.guild, command, member, channel, file, options, autocomplete=None)
        return self._dispatch(2, member, channel, data)

    async def autocomplete(
        self,
        command: str,
        option: str,
        typed: str,
        *,
        member: Member | None = None,
        channel: Channel | int | None = None,
        options: Mapping[str, Any] | None = None,
        **more_options: Any,
    ) -> list[dict[str, Any]]:
        """What the bot suggests while ``member`` types ``typed`` into ``option``: a list of choice dicts.

        Other options already filled in go as keywords or, on a name collision, in ``options``.
        """
        member = member or self.admin
        channel_model = self.channel(channel or self.text_channel)
        other_options = {**(options or {}), **more_options}

        async def go() -> InteractionRecord:
            data = build_command_data(
                self.state,
                self.guild,
                command,
                member,
                channel_model,
                None,
                other_options,
                autocomplete=(option, typed),
            )
            return self._dispatch(4, member, channel_model, data)

        record = await self.runtime.run(go())
        await self._settle(record)
        return list(record.choices or [])

    async def click(
        self, target: Reply | Message, custom_id_or_label: str, *, member: Member | None = None
    ) -> list[Reply]:
        """Press a button (by custom_id or label) on a reply or message; returns the bot's replies."""
        message = _message(target)
        button = _find_component(message.components, custom_id_or_label, types=(2,))
        if button.get("disabled"):
            raise DriverError(f"button {custom_id_or_label!r} is disabled")
        if button.get("style") == 5:
            raise DriverError(f"button {custom_id_or_label!r} is a link; Discord opens it, the bot is not told")
        data = {"custom_id": button["custom_id"], "component_type": 2}
        return await self._component(message, data, member)

    async def select(
        self, target: Reply | Message, custom_id: str, values: list[str], *, member: Member | None = None
    ) -> list[Reply]:
        """Choose ``values`` in a select menu; returns the bot's replies."""
        message = _message(target)
        menu = _find_component(message.components, custom_id, types=(3, 5, 6, 7, 8))
        if menu.get("type") == 3:
            allowed = {o["value"] for o in menu.get("options", [])}
            unknown = [v for v in values if v not in allowed]
            if unknown:
                raise DriverError(f"{unknown} are not options of {custom_id!r}: {sorted(allowed)}")
        low, high = menu.get("min_values", 1), menu.get("max_values", 1)
        if not low <= len(values) <= high:
            raise DriverError(f"{custom_id!r} takes {low}..{high} values, got {len(values)}")
        data = {"custom_id": menu["custom_id"], "component_type": menu["type"], "values": values}
        return await self._component(message, data, member)

    async def forge_press(
        self,
        custom_id: str,
        *,
        member: Member | None = None,
        channel: Channel | int | None = None,
        component_type: int = 2,
        values: list[str] | None = None,
    ) -> list[Reply]:
        """What a modified client can send: a press of any ``custom_id``, by any member.

        The bot's own message carrying that one component is put in ``channel`` without the
        double's checks (as if the bot had posted it, or an admin's button were in a channel the
        member sees), so discord.py routes the press to the bot's handler as it would a real
        one. ``component_type`` 3 with ``values`` is a select. Returns the bot's replies.
        """
        member = member or self.member
        channel_model = self.channel(channel or self.text_channel)
        component: dict[str, Any] = {"type": component_type, "custom_id": custom_id}
        if component_type == 2:
            component.update(style=1, label="Forged")
        else:
            component["options"] = [{"label": value[:100], "value": value} for value in values or []]
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if component_type != 2:
            data["values"] = list(values or [])

        async def forge() -> Message:
            rows = [{"type": 1, "components": [component]}]
            return self.state.create_message(channel_model, self.bot_user, {"content": "…", "components": rows}, [])

        message = await self.run(forge)
        return await self._component(message, data, member)

    async def forge_form(
        self,
        custom_id: str,
        values: Mapping[str, str],
        *,
        member: Member | None = None,
        channel: Channel | int | None = None,
    ) -> list[Reply]:
        """What a modified client can send: a form ``custom_id`` the bot never opened, submitted.

        ``values`` are the text inputs by custom id, each on a row of its own as Discord submits them.
        """
        member = member or self.member
        channel_model = self.channel(channel or self.text_channel)
        rows = [{"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in values.items()]
        data = {"custom_id": custom_id, "components": rows}

        async def go() -> InteractionRecord:
            return self._dispatch(5, member, channel_model, data)

        record = await self.runtime.run(go())
        return await self._settle(record)

    async def _component(self, message: Message, data: dict[str, Any], member: Member | None) -> list[Reply]:
        member = member or self.admin
        owner = message.interaction_user
        if message.ephemeral and owner is not None and owner.id != member.user.id:
            raise DriverError(f"only {owner.username} sees that ephemeral message; Discord shows it to nobody else")
        channel = self.state.channels[message.channel_id]

        async def go() -> InteractionRecord:
            return self._dispatch(3, member, channel, data, message=message)

        record = await self.runtime.run(go())
        return await self._settle(record)

    async def submit_modal(
        self, target: Reply | list[Reply], values: Mapping[str, str], *, member: Member | None = None
    ) -> list[Reply]:
        """Fill the modal the bot opened (``values`` by text input custom_id) and submit it."""
        reply = target[0] if isinstance(target, list) else target
        if not reply.modal or reply.interaction is None:
            raise DriverError(f"{reply!r} is not a modal")
        modal = reply.modal
        member = member or self.admin
        components = modal_submission(modal, dict(values))
        data = {"custom_id": modal["custom_id"], "components": components}
        origin = reply.interaction
        channel = self.state.channels[origin.channel_id]
        message = self.state.messages.get(origin.component_message_id or 0)

        async def go() -> InteractionRecord:
            return self._dispatch(5, member, channel, data, message=message)

        record = await self.runtime.run(go())
        return await self._settle(record)

    def _dispatch(
        self, kind: int, member: Member, channel: Channel, data: dict[str, Any], message: Message | None = None
    ) -> InteractionRecord:
        if member.guild_id != self.guild.id:
            raise DriverError(f"{member.user.username} is not a member of {self.guild.name}")
        if channel.deleted:
            raise DriverError(f"#{channel.name} was deleted")
        if channel.is_thread and channel.archived:
            raise DriverError(f"#{channel.name} is archived: Discord runs no app commands there")
        allowed = self.state.perms(channel, member.user.id)
        if not allowed & P.VIEW_CHANNEL or (kind in (2, 4) and not allowed & P.USE_APPLICATION_COMMANDS):
            raise DriverError(f"{member.user.username} cannot use commands in #{channel.name}")
        record = self.state.new_interaction(
            type=kind, guild=self.guild, channel=channel, user=member.user, data=data, message=message
        )
        self._interactions.append(record)
        self.double.dispatch_interaction(record)
        return record

    async def _settle(self, record: InteractionRecord) -> list[Reply]:
        await self.runtime.run(self._wait_settled(record))
        if record.failed:
            raise InteractionFailed(record)
        return self.replies(record)

    async def _wait_settled(self, record: InteractionRecord) -> None:
        state = self.state
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while True:
            await asyncio.sleep(0.005)
            now = time.monotonic()
            if record.failed:
                return
            idle = self.runtime.busy() == 0 and now - state.last_activity >= QUIET
            if record.answered and idle:
                original = state.messages.get(record.original_message_id or 0)
                if record.response_type == 5 and original is not None and original.loading:
                    record.failed = "deferred, and never followed up or edited (the member sees 'thinking...' forever)"
                return
            if now > deadline:
                raise DriverError(f"{record.describe()} did not settle within {SETTLE_TIMEOUT:g} s")

    def replies(self, record: InteractionRecord) -> list[Reply]:
        """What the interaction produced: its answer, followups and updated messages, in order."""
        if record.modal is not None:
            return [Reply(modal=record.modal, interaction=record)]
        return [
            Reply(message=self.state.messages[mid], interaction=record)
            for mid in record.message_ids
            if not self.state.messages[mid].deleted
        ]
