"""Work split with a forked copy of the process (bot.warnings.forked), and the matcher using it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.warnings import forked
from bot.warnings import matcher as matcher_module
from bot.warnings.matcher import Matcher, matcher_for
from bot.warnings.rules import default_ruleset
from tests.conftest import REPO_ROOT
from tests.warnings.test_matcher import chapter_of_fragments

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the fork is used on Linux only")


def tagged(items: Sequence[int]) -> list[tuple[int, int]]:
    """Each item with the process that handled it."""
    return [(item, os.getpid()) for item in items]


def test_the_copy_does_the_second_half_and_the_results_keep_their_order() -> None:
    results = forked.in_two_processes(tagged, list(range(9)))
    assert [item for item, _ in results] == list(range(9))
    mine = {pid for item, pid in results if item < 4}
    theirs = {pid for item, pid in results if item >= 4}
    assert mine == {os.getpid()}
    assert len(theirs) == 1 and theirs != mine


def test_a_copy_that_fails_leaves_its_half_to_the_parent() -> None:
    parent = os.getpid()

    def fails_in_the_copy(items: Sequence[int]) -> list[tuple[int, int]]:
        if os.getpid() != parent:
            raise RuntimeError("the copy breaks")
        return tagged(items)

    results = forked.in_two_processes(fails_in_the_copy, list(range(6)))
    assert results == [(item, parent) for item in range(6)]


def test_a_fork_only_when_safe_and_worth_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    big = forked.FORK_MIN_BYTES
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)  # a worker: its one thread
    assert forked.fork_pays(big, 10, 2)
    assert not forked.fork_pays(big - 1, 10, 2)  # too little text to pay for a fork
    assert not forked.fork_pays(big, 1, 2)  # nothing to split
    assert not forked.fork_pays(big, 10, 1)  # one CPU: the copy would only wait its turn
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)
    assert not forked.fork_pays(big, 10, 2)  # another thread could hold a lock the copy needs


def test_forked_set_reading_finds_what_one_process_finds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    datas = [text.encode("utf-8") for text in chapter_of_fragments(300, seed=11)]
    serial = matcher._set_matches(datas)
    calls: list[int] = []
    split = forked.in_two_processes

    def spy(work, items):  # type: ignore[no-untyped-def]
        calls.append(len(items))
        return split(work, items)

    monkeypatch.setattr(forked, "FORK_MIN_BYTES", 0)
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)  # as in a worker (the suite may have others)
    monkeypatch.setattr(matcher_module, "available_cpus", lambda: 2)
    monkeypatch.setattr(matcher_module, "in_two_processes", spy)
    monkeypatch.setattr(matcher_module, "SHORT_PARAGRAPHS_PER_BLOCK", 10**6)  # these paragraphs are long
    assert matcher._set_matches(datas) == serial
    assert calls == []  # long paragraphs: threads share the work, no copy is forked
    monkeypatch.setattr(matcher_module, "SHORT_PARAGRAPHS_PER_BLOCK", 0)
    assert matcher._set_matches(datas) == serial
    assert calls == [matcher.sets]
    assert sum(map(len, serial)) > len(datas)  # the text is not one where nothing is found


def test_the_copy_dies_with_a_worker_killed_mid_scan(tmp_path: Path) -> None:
    """SIGKILL the process whose copy is still reading (a worker past its time limit): the copy
    must not live on."""
    pid_file = tmp_path / "copy.pid"
    script = textwrap.dedent(
        f"""
        import os, time
        from bot.warnings.forked import in_two_processes
        parent = os.getpid()

        def work(items):
            if os.getpid() != parent:
                with open({str(pid_file)!r}, "w") as out:
                    out.write(str(os.getpid()))
            time.sleep(60)
            return list(items)

        in_two_processes(work, [1, 2])
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], cwd=REPO_ROOT)
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text()):
            assert time.monotonic() < deadline, "the copy never started"
            time.sleep(0.05)
        copy = int(pid_file.read_text())
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _alive(copy):
            assert time.monotonic() < deadline, "the copy outlived its parent"
            time.sleep(0.05)
    finally:
        if process.poll() is None:
            process.kill()


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting for init to reap it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"
