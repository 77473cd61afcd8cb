"""The payloads members send: a slash command's ``data`` checked against the synced commands, files, modal input."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from bot.devtools.double.models import Channel, Guild, Member, Role, User
from bot.devtools.double.state import DoubleState
from bot.devtools.driver.errors import CommandNotVisible, DriverError

FileLike = Path | bytes | tuple[str, bytes]

OPTION_TYPES = {
    3: "string",
    4: "integer",
    5: "boolean",
    6: "user",
    7: "channel",
    8: "role",
    9: "mentionable",
    10: "number",
    11: "attachment",
}


def build_command_data(
    state: DoubleState,
    guild: Guild,
    command: str,
    member: Member,
    channel: Channel,
    file: FileLike | None,
    options: dict[str, Any],
    *,
    autocomplete: tuple[str, str] | None,
) -> dict[str, Any]:
    """The ``data`` of an INTERACTION_CREATE, built from the commands the bot synced."""
    path = command.strip().lstrip("/").split()
    if not path:
        raise DriverError("empty command name")
    visible = state.visible_commands(guild.id)
    top = next((c for c in visible if c["name"] == path[0]), None)
    if top is None:
        raise DriverError(f"no slash command /{path[0]}; the bot synced: {sorted(c['name'] for c in visible)}")
    required = top.get("default_member_permissions")
    if required is not None and not state.command_permission_override(guild.id, top["name"]):
        have = state.perms(channel, member.user.id)
        if int(required) & ~have:
            raise CommandNotVisible(
                f"Discord hides /{path[0]} from {member.user.username} (needs permissions {required});"
                " use club.override_command_permissions() to test the bot's own check"
            )
    node = top
    chain: list[dict[str, Any]] = []
    for part in path[1:]:
        subs = [o for o in node.get("options") or [] if o["type"] in (1, 2)]
        found = next((o for o in subs if o["name"] == part), None)
        if found is None:
            raise DriverError(f"/{' '.join(path)}: no subcommand {part!r}; there are {[o['name'] for o in subs]}")
        chain.append(found)
        node = found
    if any(o["type"] in (1, 2) for o in node.get("options") or []):
        names = [o["name"] for o in node["options"]]
        raise DriverError(f"/{' '.join(path)} is a group; pick one of {names}")
    schema = {o["name"]: o for o in node.get("options") or []}
    values = dict(options)
    if file is not None:
        attachment_options = [n for n, o in schema.items() if o["type"] == 11]
        if "file" in schema:
            values["file"] = file
        elif len(attachment_options) == 1:
            values[attachment_options[0]] = file
        else:
            raise DriverError(
                f"/{' '.join(path)} has attachment options {attachment_options}; name one instead of file="
            )
    resolved: dict[str, dict[str, Any]] = {}
    leaf: list[dict[str, Any]] = []
    for name, value in values.items():
        if name not in schema:
            raise DriverError(f"/{' '.join(path)} has no option {name!r}; its options are {sorted(schema)}")
        leaf.append({"type": schema[name]["type"], "name": name, "value": None, "_raw": value})
    if autocomplete is not None:
        focus, typed = autocomplete
        if focus not in schema:
            raise DriverError(f"/{' '.join(path)} has no option {focus!r}; its options are {sorted(schema)}")
        if not schema[focus].get("autocomplete"):
            raise DriverError(f"option {focus!r} of /{' '.join(path)} has no autocomplete")
        leaf = [o for o in leaf if o["name"] != focus]
        leaf.append({"type": schema[focus]["type"], "name": focus, "value": typed, "focused": True})
    else:
        missing = [n for n, o in schema.items() if o.get("required") and n not in values]
        if missing:
            raise DriverError(f"/{' '.join(path)} needs {missing}")
    for option in leaf:
        if "_raw" in option:
            raw = option.pop("_raw")
            option["value"] = convert_option(
                state, guild, member, schema[option["name"]], raw, channel, resolved, lenient=autocomplete is not None
            )
    # Discord sends options in the order of the command's definition.
    order = list(schema)
    leaf.sort(key=lambda o: order.index(o["name"]))
    options_tree: list[dict[str, Any]] = leaf
    for sub in reversed(chain):
        options_tree = [{"type": sub["type"], "name": sub["name"], "options": options_tree}]
    data: dict[str, Any] = {"id": top["id"], "name": top["name"], "type": 1}
    if options_tree:
        data["options"] = options_tree
    if top.get("guild_id"):
        data["guild_id"] = top["guild_id"]
    if resolved:
        data["resolved"] = resolved
    return data


def convert_option(
    state: DoubleState,
    guild: Guild,
    invoker: Member,
    schema: dict[str, Any],
    raw: Any,
    channel: Channel,
    resolved: dict[str, dict[str, Any]],
    *,
    lenient: bool,
) -> Any:
    kind = schema["type"]
    name = schema["name"]

    def fail(why: str) -> DriverError:
        return DriverError(f"option {name!r} ({OPTION_TYPES.get(kind, kind)}): {why}")

    if kind in (3, 4, 10):
        if kind == 3:
            if not isinstance(raw, str):
                raise fail(f"expected a string, got {raw!r}")
            value: Any = raw
            if not lenient:
                if len(raw) > 6000:
                    raise fail("Discord caps string options at 6000 characters")
                if "min_length" in schema and len(raw) < schema["min_length"]:
                    raise fail(f"shorter than min_length {schema['min_length']}")
                if "max_length" in schema and len(raw) > schema["max_length"]:
                    raise fail(f"longer than max_length {schema['max_length']}")
        elif kind == 4:
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise fail(f"expected an integer, got {raw!r}")
            value = raw
        else:
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise fail(f"expected a number, got {raw!r}")
            value = float(raw)
        if not lenient and kind != 3:
            if "min_value" in schema and value < schema["min_value"]:
                raise fail(f"below min_value {schema['min_value']} (Discord would not send it)")
            if "max_value" in schema and value > schema["max_value"]:
                raise fail(f"above max_value {schema['max_value']} (Discord would not send it)")
        if schema.get("choices") and not lenient:
            by_value = {c["value"]: c["value"] for c in schema["choices"]}
            by_name = {c["name"]: c["value"] for c in schema["choices"]}
            if value in by_value:
                return by_value[value]
            if value in by_name:
                return by_name[value]
            raise fail(f"{value!r} is not one of the choices {list(by_value)}")
        return value
    if kind == 5:
        if not isinstance(raw, bool):
            raise fail(f"expected True/False, got {raw!r}")
        return raw
    if kind in (6, 9) and isinstance(raw, Member | User):
        member = raw if isinstance(raw, Member) else guild.members.get(raw.id)
        user = raw.user if isinstance(raw, Member) else raw
        resolved.setdefault("users", {})[str(user.id)] = user.to_dict()
        if member is not None:
            data = member.to_dict(permissions=state.perms(channel, user.id))
            data.pop("user")
            resolved.setdefault("members", {})[str(user.id)] = data
        return str(user.id)
    if kind in (8, 9) and isinstance(raw, Role):
        resolved.setdefault("roles", {})[str(raw.id)] = raw.to_dict()
        return str(raw.id)
    if kind == 7:
        target = raw if isinstance(raw, Channel) else state.channels.get(int(raw))
        if target is None:
            raise fail(f"unknown channel {raw!r}")
        allowed = schema.get("channel_types")
        if allowed and target.type not in allowed:
            raise fail(f"#{target.name} has type {target.type}; the option accepts {allowed}")
        data = {
            "id": str(target.id),
            "name": target.name,
            "type": target.type,
            "permissions": str(state.perms(target, invoker.user.id)),
            "parent_id": str(target.parent_id) if target.parent_id else None,
            "flags": 0,
        }
        if target.is_thread:  # Discord's resolved thread is the thread's object plus permissions
            data = {**target.to_dict(), **data}
        resolved.setdefault("channels", {})[str(target.id)] = data
        return str(target.id)
    if kind == 11:
        filename, payload = file_parts(raw)
        ctype = mimetypes.guess_type(filename)[0]
        attachment = state.store_attachment(channel.id, filename, payload, ctype)
        data = attachment.to_dict()
        data["ephemeral"] = True
        resolved.setdefault("attachments", {})[str(attachment.id)] = data
        return str(attachment.id)
    raise fail(f"cannot pass {raw!r}")


def file_parts(raw: Any) -> tuple[str, bytes]:
    if isinstance(raw, Path):
        return raw.name, raw.read_bytes()
    if isinstance(raw, bytes | bytearray):
        return "upload.txt", bytes(raw)
    if isinstance(raw, tuple) and len(raw) == 2:
        name, data = raw
        return str(name), data.encode() if isinstance(data, str) else bytes(data)
    raise DriverError(f"a file is a Path, bytes or (name, bytes), not {type(raw).__name__}")


def modal_submission(modal: dict[str, Any], values: dict[str, Any]) -> list[dict[str, Any]]:
    """Mirror the modal's layout with the member's input, as Discord submits it.

    ``values`` are keyed by an input's custom_id or by its label; an input left out keeps its
    pre-filled value (as when the member submits without editing it).
    """
    remaining = dict(values)

    def take(component: dict[str, Any], label: str | None, default: Any) -> Any:
        for key in (component.get("custom_id"), component.get("label"), label):
            if key is not None and key in remaining:
                return remaining.pop(key)
        return default

    def fill(component: dict[str, Any], label: str | None = None) -> dict[str, Any] | None:
        kind = component.get("type")
        if kind == 1:
            inner = [x for x in (fill(c) for c in component.get("components") or []) if x is not None]
            return {"type": 1, "components": inner}
        if kind == 18:
            out = {"type": 18, "component": fill(component["component"], component.get("label"))}
            if "id" in component:
                out["id"] = component["id"]
            return out
        if kind == 4:
            custom_id = component["custom_id"]
            value = str(take(component, label, component.get("value") or ""))
            name = component.get("label") or label or custom_id
            if component.get("required", True) and not value:
                raise DriverError(f"text input {name!r} is required")
            low, high = component.get("min_length", 0), component.get("max_length", 4000)
            if value and not low <= len(value) <= high:
                raise DriverError(f"text input {name!r} takes {low}..{high} characters, got {len(value)}")
            return {"type": 4, "custom_id": custom_id, "value": value, "id": component.get("id", 0)}
        if kind in (3, 5, 6, 7, 8):
            chosen = take(component, label, [])
            return {
                "type": kind,
                "custom_id": component["custom_id"],
                "values": list(chosen),
                "id": component.get("id", 0),
            }
        if kind == 10:
            return {"type": 10, "id": component.get("id", 0)}
        return None

    components = [x for x in (fill(c) for c in modal.get("components") or []) if x is not None]
    if remaining:
        raise DriverError(f"the modal has no inputs {sorted(remaining)}")
    return components
