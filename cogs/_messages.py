"""Plain message payloads from the core, turned into discord.py ``send`` arguments.

Renderers under ``bot/`` return data (``{"content": ..., "embeds": [...]}``) and never import
discord; this is the one place that makes discord.py objects of them. Mentions are always
off, whatever the payload says. (The leading underscore keeps extension discovery away.)
"""

from __future__ import annotations

from typing import Any

import discord


def send_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    """A payload as keyword arguments for ``send``/``followup.send``."""
    return {
        "content": data.get("content") or None,
        "embeds": [discord.Embed.from_dict(embed) for embed in data.get("embeds", [])],
        "allowed_mentions": discord.AllowedMentions.none(),
    }
