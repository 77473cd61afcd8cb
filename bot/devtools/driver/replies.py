"""What the bot produced, as the member sees it (``Reply``), and finding components on a message."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bot.devtools.double.models import InteractionRecord, Message
from bot.devtools.driver.errors import DriverError


@dataclass
class Reply:
    """A message the bot produced (or a modal it opened), as the member sees it.

    ``content``, ``embeds`` (dicts), ``ephemeral``, ``components`` (buttons/selects, flattened),
    ``attachments`` (with ``.filename`` and ``.data``), ``id``, and ``text``: content plus every
    embed's and text component's visible text, for simple ``in`` assertions.
    """

    message: Message | None = None
    modal: dict[str, Any] | None = None
    interaction: InteractionRecord | None = None

    @property
    def id(self) -> int:
        assert self.message is not None, "a modal has no message id"
        return self.message.id

    @property
    def content(self) -> str:
        return self.message.content if self.message else ""

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return self.message.embeds if self.message else []

    @property
    def ephemeral(self) -> bool:
        return bool(self.message and self.message.ephemeral)

    @property
    def channel_id(self) -> int:
        assert self.message is not None
        return self.message.channel_id

    @property
    def attachments(self) -> list[Any]:
        return self.message.attachments if self.message else []

    @property
    def components(self) -> list[dict[str, Any]]:
        """Interactive components (buttons type 2, selects types 3/5-8, text inputs), flattened."""
        source = self.modal.get("components", []) if self.modal else (self.message.components if self.message else [])
        return [c for c in walk_components(source) if c.get("type") in (2, 3, 4, 5, 6, 7, 8)]

    @property
    def buttons(self) -> list[dict[str, Any]]:
        return [c for c in self.components if c.get("type") == 2]

    @property
    def labels(self) -> list[str]:
        return [str(c.get("label")) for c in self.buttons]

    @property
    def text(self) -> str:
        parts: list[str] = [self.content] if self.content else []
        for embed in self.embeds:
            for key in ("title", "description"):
                if embed.get(key):
                    parts.append(str(embed[key]))
            if (author := embed.get("author")) and author.get("name"):
                parts.append(author["name"])
            for fld in embed.get("fields") or []:
                parts.append(f"{fld.get('name', '')}\n{fld.get('value', '')}")
            if (footer := embed.get("footer")) and footer.get("text"):
                parts.append(footer["text"])
        source = self.message.components if self.message else []
        parts += [c["content"] for c in walk_components(source) if c.get("type") == 10 and c.get("content")]
        if self.modal:
            parts.append(str(self.modal.get("title", "")))
        return "\n".join(parts)

    @property
    def edits(self) -> int:
        return len(self.message.history) if self.message else 0

    def __repr__(self) -> str:
        if self.modal:
            return f"<Reply modal {self.modal.get('custom_id')!r} {self.modal.get('title')!r}>"
        flag = " ephemeral" if self.ephemeral else ""
        return f"<Reply{flag} {self.text[:80]!r}>"


def walk_components(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        yield item
        if isinstance(item.get("components"), list):
            yield from walk_components(item["components"])
        for key in ("component", "accessory"):
            if isinstance(item.get(key), dict):
                yield from walk_components([item[key]])


def _message(target: Reply | Message) -> Message:
    message = target.message if isinstance(target, Reply) else target
    if message is None:
        raise DriverError(f"{target!r} has no message to click on")
    if message.deleted:
        raise DriverError("that message was deleted")
    return message


def _find_component(components: list[dict[str, Any]], key: str, *, types: tuple[int, ...]) -> dict[str, Any]:
    found = [c for c in walk_components(components) if c.get("type") in types]
    for component in found:
        if component.get("custom_id") == key:
            return component
    for component in found:
        if component.get("label") == key:
            return component
    available = [c.get("label") or c.get("custom_id") for c in found]
    raise DriverError(f"no component {key!r} on that message; it has {available}")
