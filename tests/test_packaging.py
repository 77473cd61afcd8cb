"""What the installed product needs: shipped files reachable as package resources, the command's help and version."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from bot.cli import SUBCOMMANDS, TOOLS, main
from bot.db import load_migrations
from bot.paths import shipped
from tests.conftest import REPO_ROOT


@pytest.mark.parametrize(
    "parts", [("warnings", "taxonomy.json"), ("warnings", "rules.json"), ("warnings", "declared.json")]
)
def test_shipped_data_is_a_package_resource(parts: tuple[str, ...]) -> None:
    resource = shipped(*parts)
    assert resource.is_file()
    assert json.loads(resource.read_text(encoding="utf-8"))


def test_the_sample_story_ships() -> None:
    assert "Gull Point" in shipped("sample_story.md").read_text(encoding="utf-8")


def test_migrations_are_read_as_resources() -> None:
    assert [m.version for m in load_migrations()] == list(range(1, len(load_migrations()) + 1))


def test_every_file_the_code_reads_is_declared_as_package_data() -> None:
    """The build copies only what pyproject.toml lists; a new shipped file must be listed there too."""
    declared = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["bot"]
    for path in ("data/warnings/taxonomy.json", "data/warnings/rules.json", "data/warnings/declared.json"):
        assert path in declared
    assert "data/sample_story.md" in declared
    assert "migrations/*.sql" in declared
    assert (REPO_ROOT / "bot" / "data").resolve() == (REPO_ROOT / "data").resolve()


def test_help_lists_every_subcommand_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = {name.split()[0] for name, _ in SUBCOMMANDS}
    assert set(TOOLS) | {"run", "sync", "backup"} == listed
    for name, line in SUBCOMMANDS:
        assert f"{name}  " in out and line in out
        assert "\n" not in line


def test_version_is_the_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"dogear {version('dogear')}"


def test_unknown_command_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "dogear --help" in err


def test_the_dogear_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("dogear")
    assert script.exists(), "pip install did not create the dogear command"
    result = subprocess.run([str(script), "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("dogear ")


def test_every_dependency_has_a_one_line_reason() -> None:
    text = (REPO_ROOT / "pyproject.toml").read_text()
    block = text[text.index("dependencies = [") : text.index("]", text.index("dependencies = ["))]
    lines = [line.strip() for line in block.splitlines()[1:] if line.strip()]
    for index, line in enumerate(lines):
        if line.startswith('"'):
            assert lines[index - 1].startswith("#"), f"{line} has no one-line reason above it"
    assert "EbookLib" not in text
