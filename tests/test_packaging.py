"""What the installed product needs: shipped files reachable as package resources, the command's help and version."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
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
    # A checkout links bot/data to data/; an unpacked sdist holds copies of the shipped files.
    for path in (part for part in declared if part.startswith("data/")):
        assert (REPO_ROOT / "bot" / path).read_bytes() == (REPO_ROOT / path).read_bytes(), path


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


# ------------------------------------------------------------------------------------ the sdist and the wheel
# What the build may say that is no fault of the configuration: PYTHONDONTWRITEBYTECODE turns off
# byte-compiling, which setuptools mentions.
HARMLESS_BUILD_LINES = ("byte-compiling is disabled",)
# A warning line of setuptools or distutils ("WARNING Package ...", "warning: no files found
# matching ...", "SetuptoolsDeprecationWarning: ..."), or the "!!" a warning's box opens with; not
# a file name such as bot/warnings/engine.py.
BUILD_WARNING = re.compile(r"(?i:\bwarning\b)|Warning:|^\s*!!\s*$")


def source_files() -> list[str]:
    """The checkout's files as git has them (tracked, and new ones not ignored); empty outside git."""
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        return []
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    return sorted(name for name in listed.split("\0") if name and os.path.lexists(REPO_ROOT / name))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str], str]:
    """The sdist's files, the wheel's, and what the build printed: built as .ci/check-installed
    does (the sdist, then the wheel from it), from a copy of the checkout's source files."""
    files = source_files()
    if not files:
        pytest.skip("needs a git checkout: the sdist is compared with the files git tracks")
    pytest.importorskip("build")
    root = tmp_path_factory.mktemp("build")
    source = root / "source"
    for name in files:
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (REPO_ROOT / name).is_symlink():  # bot/data -> ../data, as in the checkout
            target.symlink_to(os.readlink(REPO_ROOT / name))
        else:
            shutil.copy2(REPO_ROOT / name, target)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(root / "dist"), str(source)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    (sdist,) = (root / "dist").glob("*.tar.gz")
    (wheel,) = (root / "dist").glob("*.whl")
    with tarfile.open(sdist) as archive:
        in_sdist = [member.name.split("/", 1)[1] for member in archive.getmembers() if member.isfile()]
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = archive.namelist()
    return in_sdist, in_wheel, output


def test_the_sdist_holds_what_its_tests_need(built: tuple[list[str], list[str], str]) -> None:
    """The sdist held tests/test_*.py only (setuptools' default): unpacked, the tests failed to
    import their conftest, their subfolders, bench/ and data/. It is the source: every file git
    tracks, the tests' folders and conftest files named first."""
    in_sdist, _, _ = built
    tracked = [name for name in source_files() if not (REPO_ROOT / name).is_symlink()]
    test_files = [name for name in tracked if name.startswith("tests/")]
    folders = sorted({name.rsplit("/", 1)[0] for name in test_files if name.endswith(".py")})  # packages, not data
    for folder in folders:
        assert f"{folder}/__init__.py" in in_sdist, f"the sdist lacks the tests folder {folder}"
    for conftest in (name for name in test_files if name.endswith("/conftest.py")):
        assert conftest in in_sdist, f"the sdist lacks {conftest}"
    missing = sorted(set(tracked) - set(in_sdist))
    assert missing == [], f"the sdist lacks {len(missing)} of the source's files: {missing[:20]}"
    assert not [name for name in in_sdist if name.endswith((".sqlite3", ".pyc"))]


def test_the_wheel_holds_the_bot_and_its_data_but_no_tests(built: tuple[list[str], list[str], str]) -> None:
    _, in_wheel, _ = built
    assert not [name for name in in_wheel if name.split("/")[0] in ("tests", "bench", "docs", "data")]
    declared = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["bot"]
    shipped_files = [f"bot/{path}" for path in declared if "*" not in path]
    shipped_files += [f"bot/migrations/{m.name}" for m in sorted((REPO_ROOT / "bot" / "migrations").glob("*.sql"))]
    for name in shipped_files:
        assert name in in_wheel, f"the wheel lacks {name}"
    modules = [p.relative_to(REPO_ROOT).as_posix() for d in ("bot", "cogs") for p in (REPO_ROOT / d).rglob("*.py")]
    assert sorted(set(modules) - set(in_wheel)) == []


def test_the_build_prints_no_warning(built: tuple[list[str], list[str], str]) -> None:
    """setuptools warned "Package 'bot.data' is absent from the `packages` configuration" at
    every wheel build: bot/data holds no Python but looks importable, and the data files in it
    were taken as the manifest's. The wheel's data is the list in pyproject.toml, nothing else."""
    _, _, output = built
    warnings = [
        line
        for line in output.splitlines()
        if BUILD_WARNING.search(line) and not any(ok in line for ok in HARMLESS_BUILD_LINES)
    ]
    assert warnings == [], "\n".join(warnings)
