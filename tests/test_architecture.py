"""The rules the layout depends on (issue 11), read from the source with ``ast``, nothing imported.

* The core has no Discord: no module under ``bot/`` imports ``discord``, except the Discord
  layer itself (``bot/client.py``, ``bot/cli.py``) and the local Discord double (``bot/devtools``).
* No import cycles among the modules of ``bot/`` and ``cogs/``, counting the imports a module
  runs when it is loaded (top-level statements; ``if TYPE_CHECKING:`` blocks run nothing).
* Cogs stay thin: no module under ``cogs/`` imports a store (``store``, ``*_store``, the server
  store ``bot.guilds``) or the database (``bot.db``), not even for a type hint: a cog reaches the
  data through one service call.
* No module keeps a database's state at import time (a weak dictionary keyed by the database or
  its connection): it lives on the ``Database`` built in ``main()`` (``Database.kept``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "cogs")
DISCORD_LAYER = {"bot.client", "bot.cli"}
DISCORD_LAYER_PACKAGES = ("bot.devtools",)
# Modules only services may use: the plain SQL of each feature, and the database itself.
STORE_MODULES = {"bot.db", "bot.guilds"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


MODULES = modules()


def _tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))


def _absolute(name: str, node: ast.ImportFrom) -> str:
    """The module an ``from ... import`` names, relative imports resolved."""
    if not node.level:
        return node.module or ""
    package = name.split(".") if MODULES[name].name == "__init__.py" else name.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imported_names(name: str, nodes: list[ast.stmt] | None = None) -> Iterator[str]:
    """Every module the statements import (``from p import m`` counts ``p.m`` when m is a module)."""
    for node in nodes if nodes is not None else ast.walk(_tree(name)):  # type: ignore[union-attr]
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(name, node)
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                yield submodule if submodule in MODULES else target


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def load_time_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The import statements a module runs when loaded: top level, inside try/if, not TYPE_CHECKING."""
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                yield from load_time_statements(node.body)
            yield from load_time_statements(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(handler.body for handler in node.handlers)):
                yield from load_time_statements(block)


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        statements = list(load_time_statements(_tree(name).body))
        graph[name] = {target for target in imported_names(name, statements) if target in MODULES and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[frozenset[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))
    return found


def _core(name: str) -> bool:
    if not name.startswith("bot") or name in DISCORD_LAYER:
        return False
    return not any(name == package or name.startswith(package + ".") for package in DISCORD_LAYER_PACKAGES)


@pytest.mark.parametrize("name", sorted(name for name in MODULES if _core(name)))
def test_the_core_does_not_import_discord(name: str) -> None:
    offending = sorted(
        target for target in imported_names(name) if target == "discord" or target.startswith("discord.")
    )
    assert not offending, f"{MODULES[name].relative_to(ROOT)} imports {', '.join(offending)}"


def test_the_checks_see_the_discord_layer() -> None:
    """The rule is not vacuous: the Discord layer and the cogs do import discord, and the graph has edges."""
    assert "discord" in set(imported_names("bot.client"))
    assert "discord" in set(imported_names("cogs.stories"))
    assert "bot.story.service" in import_graph()["cogs.stories"]


def is_store(target: str) -> bool:
    """A store module (``bot.story.store``, ``bot.progress.prefs_store``, ``bot.guilds``) or the database."""
    last = target.rpartition(".")[2]
    return target in STORE_MODULES or (target.startswith("bot.") and (last == "store" or last.endswith("_store")))


@pytest.mark.parametrize("name", sorted(name for name in MODULES if name.startswith("cogs")))
def test_cogs_reach_data_only_through_services(name: str) -> None:
    offending = sorted({target for target in imported_names(name) if is_store(target)})
    assert not offending, f"{MODULES[name].relative_to(ROOT)} imports {', '.join(offending)}: call a service instead"


def test_the_store_rule_sees_stores() -> None:
    """Not vacuous: the services do import stores and the database, in every form the rule reads."""
    assert is_store("bot.story.store") and is_store("bot.progress.prefs_store") and is_store("bot.guilds")
    assert not is_store("bot.story.service") and not is_store("bot.story.storefront")
    assert {"bot.story.store", "bot.db"} <= set(imported_names("bot.story.service"))
    assert "bot.guilds" in set(imported_names("bot.discussions.planning"))


def test_no_import_cycles_among_bot_and_cogs() -> None:
    found = [sorted(component) for component in cycles(import_graph())]
    assert not found, f"import cycles: {found}"


def test_cycle_detection_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [frozenset({"a", "b", "c"})]


def test_warnings_rules_and_matcher_do_not_import_each_other() -> None:
    graph = {name: set(imported_names(name)) & set(MODULES) for name in MODULES}  # any import, even in a function
    assert not (
        "bot.warnings.matcher" in graph["bot.warnings.rules"] and "bot.warnings.rules" in graph["bot.warnings.matcher"]
    )


# docs/architecture.md is the map a newcomer reads first: every module is on it, and what it names exists.
MAP = ROOT / "docs" / "architecture.md"
# Described on the map as a whole (the local Discord double and its driver), not module by module.
MAPPED_AS_A_WHOLE = ("bot/devtools/",)
_NAMED_PATH = re.compile(r"`((?:bot|cogs)/[\w/.]+?)(?::\w+)?`")


def on_the_map(path: str, text: str) -> bool:
    """Named by its path (``bot/clock.py``), or by its name in backticks on a line naming its folder."""
    if path in text or path.startswith(MAPPED_AS_A_WHOLE):
        return True
    folder, _, stem = path.removesuffix(".py").rpartition("/")
    return any(f"`{folder}/`" in line and f"`{stem}`" in line for line in text.splitlines())


def modules_off_the_map(text: str) -> list[str]:
    paths = (path.relative_to(ROOT).as_posix() for path in MODULES.values() if path.name != "__init__.py")
    return sorted(path for path in paths if not on_the_map(path, text))


def test_every_module_is_on_the_architecture_map() -> None:
    missing = modules_off_the_map(MAP.read_text(encoding="utf-8"))
    assert missing == [], f"docs/architecture.md does not name {missing}"


def test_the_map_check_finds_a_module_left_off() -> None:
    text = "| stories | `bot/story/` (`importer`, `model`) | `cogs/stories.py` |\n`bot/clock.py`: time."
    assert on_the_map("bot/story/model.py", text) and on_the_map("bot/clock.py", text)
    assert not on_the_map("bot/story/preload.py", text)
    assert not on_the_map("bot/discussions/model.py", text), "a name counts only on its own folder's line"


def test_every_path_the_map_names_exists() -> None:
    named = set(_NAMED_PATH.findall(MAP.read_text(encoding="utf-8")))
    assert len(named) > 20
    gone = sorted(path for path in named if "NNNN" not in path and not (ROOT / path).exists())
    assert gone == [], f"docs/architecture.md names what is not there: {gone}"


# What holds a database's state: the database itself, or its connection.
_DATABASE_KEYS = re.compile(r"\b(Database|Connection)\b")


def module_state_by_database(tree: ast.Module) -> list[str]:
    """The module-level weak dictionaries keyed by a database or its connection (or whose key is not
    said): state of one database kept at import time, shared by every database in the process."""
    found = []
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if not isinstance(value, ast.Call) or "WeakKeyDictionary" not in ast.unparse(value.func):
            continue
        annotation = node.annotation if isinstance(node, ast.AnnAssign) else None
        if annotation is None or _DATABASE_KEYS.search(ast.unparse(annotation)):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets  # type: ignore[union-attr]
            found.extend(ast.unparse(target) for target in targets)
    return found


def test_no_module_keeps_a_databases_state_at_import_time() -> None:
    """A database's state (the posts stopped unrecorded, the warnings' rulesets per server) lives on the
    ``Database`` built in ``main()`` (``Database.kept``), not in a module's dictionary keyed by it."""
    found = {name: held for name in MODULES if (held := module_state_by_database(_tree(name)))}
    assert found == {}, f"module-level state keyed by a database: {found}"


def test_the_state_check_finds_a_dictionary_keyed_by_a_connection() -> None:
    keyed = "_STOPS: WeakKeyDictionary[aiosqlite.Connection, set[int]] = WeakKeyDictionary()\n"
    pure = "_compiled: weakref.WeakKeyDictionary[Ruleset, Matcher] = weakref.WeakKeyDictionary()\n"
    assert module_state_by_database(ast.parse(keyed)) == ["_STOPS"]
    assert module_state_by_database(ast.parse("_x = weakref.WeakKeyDictionary()\n")) == ["_x"]
    assert module_state_by_database(ast.parse(pure)) == []
