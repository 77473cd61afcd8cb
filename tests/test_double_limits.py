"""The double refuses components and forms Discord would refuse (bot/devtools/double/limits.py).

Each case is one field past Discord's limit; the same payload within the limit passes, so a
check that refuses too much fails here as well.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.devtools.double.limits import check_message, check_modal


def button(**fields: Any) -> dict[str, Any]:
    return {"type": 2, "style": 1, "label": "Read", "custom_id": "b", **fields}


def select(**fields: Any) -> dict[str, Any]:
    options = [{"label": "One", "value": "1"}]
    return {"type": 3, "custom_id": "s", "options": options, **fields}


def option(**fields: Any) -> dict[str, Any]:
    return {"label": "One", "value": "1", **fields}


def rows(*rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"content": "x", "components": [{"type": 1, "components": row} for row in rows]}


def text_input(**fields: Any) -> dict[str, Any]:
    return {"type": 4, "custom_id": "t", "style": 1, "label": "Title", **fields}


def modal(*inputs: dict[str, Any], **fields: Any) -> dict[str, Any]:
    components = [{"type": 1, "components": [item]} for item in inputs]
    return {"title": "Add the book", "custom_id": "m", "components": components, **fields}


def field_errors(payload: dict[str, Any]) -> str:
    return check_message(payload).summary()


@pytest.mark.parametrize(
    ("within", "past", "where"),
    [
        (rows([button(custom_id="c" * 100)]), rows([button(custom_id="c" * 101)]), "custom_id"),
        (rows([button(label="l" * 80)]), rows([button(label="l" * 81)]), "label"),
        (rows([button(custom_id=f"b{i}") for i in range(5)]), rows([button(custom_id=f"b{i}") for i in range(6)]), "0.components"),
        (rows(*[[button(custom_id=f"b{i}")] for i in range(5)]), rows(*[[button(custom_id=f"b{i}")] for i in range(6)]), "components"),
        (rows([select(placeholder="p" * 150)]), rows([select(placeholder="p" * 151)]), "placeholder"),
        (rows([select(options=[option(value=str(i)) for i in range(25)])]), rows([select(options=[option(value=str(i)) for i in range(26)])]), "options"),
        (rows([select(options=[option(label="l" * 100)])]), rows([select(options=[option(label="l" * 101)])]), "options.0.label"),
        (rows([select(options=[option(value="v" * 100)])]), rows([select(options=[option(value="v" * 101)])]), "options.0.value"),
        (rows([select(options=[option(description="d" * 100)])]), rows([select(options=[option(description="d" * 101)])]), "options.0.description"),
        (rows([select(max_values=1)]), rows([select(max_values=26)]), "max_values"),
        (rows([select()]), rows([select(options=[])]), "options"),
        (rows([select()]), rows([select(options=[option(label="")])]), "options.0.label"),
        (rows([select()], [button()]), rows([select(), button()]), "0.components"),
    ],
)  # fmt: skip
def test_a_message_past_discords_component_limits_is_refused(
    within: dict[str, Any], past: dict[str, Any], where: str
) -> None:
    assert field_errors(within) == ""
    assert where in field_errors(past)


@pytest.mark.parametrize(
    ("within", "past", "where"),
    [
        (modal(text_input(), title="t" * 45), modal(text_input(), title="t" * 46), "title"),
        (modal(text_input(), custom_id="m" * 100), modal(text_input(), custom_id="m" * 101), "custom_id"),
        (modal(text_input(label="l" * 45)), modal(text_input(label="l" * 46)), "label"),
        (modal(text_input(placeholder="p" * 100)), modal(text_input(placeholder="p" * 101)), "placeholder"),
        (modal(text_input(value="v" * 4000)), modal(text_input(value="v" * 4001)), "value"),
        (modal(text_input(max_length=4000)), modal(text_input(max_length=4001)), "max_length"),
        (modal(text_input(custom_id="c" * 100)), modal(text_input(custom_id="c" * 101)), "custom_id"),
        (modal(*[text_input(custom_id=f"t{i}") for i in range(5)]), modal(*[text_input(custom_id=f"t{i}") for i in range(6)]), "components"),
    ],
)  # fmt: skip
def test_a_modal_past_discords_limits_is_refused(within: dict[str, Any], past: dict[str, Any], where: str) -> None:
    assert check_modal(within).summary() == ""
    assert where in check_modal(past).summary()


def test_a_label_around_a_modal_input_is_held_to_45_characters() -> None:
    def labelled(label: str) -> dict[str, Any]:
        inner = {"type": 4, "custom_id": "t", "style": 1}
        return {"title": "Form", "custom_id": "m", "components": [{"type": 18, "label": label, "component": inner}]}

    assert check_modal(labelled("l" * 45)).summary() == ""
    assert "label" in check_modal(labelled("l" * 46)).summary()
