"""Small loose ends of session 40: what ``/config show`` shows of the discussion prompts."""

from __future__ import annotations

from bot.guilds import GuildSettings
from bot.text import unescape_markdown
from cogs.config import PROMPT_PREVIEW_CHARS, describe


def _prompt_lines(shown: str) -> list[str]:
    return [line.removeprefix("  • ") for line in shown.split("Discussion prompts:\n", 1)[1].splitlines()]


def test_config_show_shows_each_prompt_as_typed_never_as_half_open_markup() -> None:
    """The prompts were shown raw and clipped: a cut inside a spoiler left its bars half-open (the rest of
    the answer hidden or struck through), and a short one's ``**`` or ``||`` rendered instead of showing."""
    spoiler = "Did you guess? ||" + "the butler " * 12 + "did it||"
    prompts = [spoiler, "Was **Rue** right? ||She lied||", "~~Strike~~ `code` _it_ <@123> @everyone"]
    shown = describe(GuildSettings(guild_id=1, discussion_prompts=prompts))
    lines = _prompt_lines(shown)
    assert len(lines) == 3
    for line, typed in zip(lines, prompts, strict=True):
        assert len(line) <= PROMPT_PREVIEW_CHARS * 2  # escaped, but still a preview
        assert "||" not in line and "**" not in line and "~~" not in line, line
        read = unescape_markdown(line).strip("“”").removesuffix("…").replace("@\u200b", "@")
        assert typed.startswith(read), (read, typed)
    assert unescape_markdown(lines[1]) == f"“{prompts[1]}”"  # a short one whole
    assert "<@123>" not in shown and "@everyone" not in shown
