"""``MAX_POST_MESSAGES``: a whole number in range, or one clear line naming the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings


def test_max_post_messages_defaults_to_100_and_takes_a_number(tmp_path: Path) -> None:
    assert load_settings({}, root=tmp_path).max_post_messages == 100
    assert load_settings({"MAX_POST_MESSAGES": " 250 "}, root=tmp_path).max_post_messages == 250


@pytest.mark.parametrize("raw", ["0", "1001", "ten", "-5", "1e3"])
def test_a_bad_max_post_messages_is_one_line_naming_the_setting(tmp_path: Path, raw: str) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings({"MAX_POST_MESSAGES": raw}, root=tmp_path)
    message = str(refused.value)
    assert message.startswith("MAX_POST_MESSAGES ") and "from 1 to 1000" in message and "\n" not in message
