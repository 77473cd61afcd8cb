"""Round 10 (session 41) of the club's slips: the pieces the e2e tests in tests/e2e/test_club41.py rest on."""

from __future__ import annotations

from bot.warnings import service as warnings_service
from bot.warnings.store import CustomRule


def test_no_typed_value_of_the_old_menu_shape_passes_for_a_pick() -> None:
    """Four check digits let a value typed by hand through one time in 65,536: of the 65,536 ways
    to end "3:abcdef12" with four hex digits, one was taken for a pick (and answered "the rule you
    picked was removed since"). Now none is, and the menu's own value still is."""
    passed = [f"{n:04x}" for n in range(16**4) if warnings_service._menu_pick(f"3:abcdef12{n:04x}") is not None]
    assert passed == []
    rule = CustomRule(3, "death", "phrase", "the lamp went out")
    value = warnings_service.rule_value(rule)
    picked = warnings_service._menu_pick(value)
    assert picked is not None and int(picked["id"]) == 3 and len(value) <= 100
    assert warnings_service._menu_pick(value[:-1] + ("0" if value[-1] != "0" else "1")) is None
