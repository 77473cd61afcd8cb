"""The weak-sign tests' shared invariants (rule key ``needs``, :mod:`bot.warnings.support`).

Each session's weak-sign file (test_link55, test_link56) checks the same two things on generated
lines, with its own new rules turned off for the "before" scan: support never removes a warning or
lowers a tier, and where no category the new rules lean on is confident, a scan is exactly what it
was without them. The helpers here hold those checks once, and :func:`invariant_tests` the two
hypothesis tests a file binds to its own words and rules.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import CONFIDENT, ScanReport, scan
from bot.warnings.model import Ruleset
from bot.warnings.rules import default_ruleset


def story(*scenes: list[str]) -> Story:
    """One chapter of the given scenes (each a list of paragraphs)."""
    return Story(StoryMeta("t"), [Chapter(1, None, [Scene(list(scene)) for scene in scenes])], "txt")


def without(rule_ids: Collection[str]) -> Ruleset:
    """The default ruleset with ``rule_ids`` (``category/id``) turned off."""
    return default_ruleset().extended(disabled_rules=list(rule_ids))


def scan_of(text_story: Story, ruleset: Ruleset | None = None) -> ScanReport:
    return scan(text_story, ruleset or default_ruleset(), declared=Declared())


def assert_support_never_removes(text_story: Story, new: Collection[str]) -> None:
    """With the ``new`` weak rules on, every warning found without them is still found, at its tier or higher."""
    now, before = scan_of(text_story), scan_of(text_story, without(new))
    assert now.detected_ids(CONFIDENT) >= before.detected_ids(CONFIDENT)
    assert now.detected_ids("both") >= before.detected_ids("both")


def assert_as_before_without_supporter(text_story: Story, new: Collection[str], supporters: Collection[str]) -> None:
    """Where no category in ``supporters`` is confident without the ``new`` rules, the scan's record
    is exactly the scan without them (a weak sign alone changes nothing)."""
    before = scan_of(text_story, without(new))
    if before.detected_ids(CONFIDENT) & set(supporters):
        return  # support may add here; assert_support_never_removes covers it
    assert scan_of(text_story).to_record() == before.to_record()


def invariant_tests(
    words: Sequence[str], new: Collection[str], supporters: Collection[str]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """The two invariants as hypothesis tests over lines of ``words`` (harm words, the new weak signs'
    words and ordinary ones), for a test file to bind to its own names so pytest collects them."""
    line = st.lists(st.sampled_from(list(words)), min_size=3, max_size=18).map(lambda picked: " ".join(picked) + ".")

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(line, min_size=1, max_size=5), st.lists(line, max_size=3))
    def never_removes(first: list[str], second: list[str]) -> None:
        assert_support_never_removes(story(first, second) if second else story(first), new)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(line, min_size=1, max_size=5))
    def as_before(lines: list[str]) -> None:
        assert_as_before_without_supporter(story(lines), new, supporters)

    return never_removes, as_before
