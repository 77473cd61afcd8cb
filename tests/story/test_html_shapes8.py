"""Forum pages (SpaceBattles, Sufficient Velocity: XenForo) and pages with boxes readers open by a
title: a box titled as a note or warnings is the chapter's note, any other keeps its title over its
text, and the thread's author is the author of the story."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.test_html_shapes7 import _post

LIMIT = 1 << 20


def _import(page: str, name: str = "story.html") -> Story:
    return import_story(page.encode(), name, max_bytes=LIMIT)


def _spoiler(title: str, body: str) -> str:
    """XenForo 2's spoiler box, as a saved SpaceBattles page holds it."""
    return (
        '<div class="bbCodeSpoiler"><button type="button" class="button bbCodeSpoiler-button">'
        f'<span class="button-text"><span>Spoiler: <span class="bbCodeSpoiler-button-title">{title}</span>'
        '</span></span></button><div class="bbCodeSpoiler-content"><div class="bbCodeBlock bbCodeBlock--spoiler">'
        f'<div class="bbCodeBlock-content">{body}</div></div></div></div>'
    )


def _thread(*posts: str, header: str = "") -> str:
    return f"""<html><head><title>Hunter | SpaceBattles</title></head><body>{header}
    <div class="p-title"><h1 class="p-title-value">Hunter</h1></div>{"".join(posts)}</body></html>"""


def test_a_spoiler_box_titled_as_a_note_or_warnings_is_the_chapters_note_and_others_keep_their_title() -> None:
    first = (
        _spoiler("Author's Note", "Thanks for all the likes!<br />\n<br />\nBeta'd by Kel.")
        + "Jaune ran.<br />\n<br />\nHe fell.<br />\n<br />\n"
        + _spoiler("The Letter", "Dear Jaune,<br />\n<br />\nCome home.")
        + "He wept."
    )
    second = (
        _spoiler("TW", "Blood, self-harm")
        + "The forest was quiet.<br />\n<br />\nNight fell.<br />\n<br />\n"
        + _spoiler("Warnings for the next chapter", "suicide")
    )
    third = "Morning came."
    story = _import(
        _thread(_post(1, "Chapter 1: Aura", first), _post(2, "Chapter 2: Forest", second), _post(3, "Chapter 3", third))
    )
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["Jaune ran.", "He fell.", "The Letter", "Dear Jaune,", "Come home.", "He wept."],
        ["The forest was quiet.", "Night fell."],
        ["Morning came."],
    ]
    assert story.chapters[0].notes == ["Thanks for all the likes!\nBeta'd by Kel."]
    assert story.chapters[1].notes == ["TW: Blood, self-harm", "Warnings for the next chapter: suicide"]
    assert story.chapters[1].declared_warnings == ["TW: Blood, self-harm"]
    assert story.chapters[2].declared_warnings == ["Warnings for the next chapter: suicide"]


def test_fanficfares_spoiler_legend_and_a_details_box_are_read_the_same_way() -> None:
    page = """<html><body><h1>Tidewater</h1><h2>Chapter 1</h2>
    <fieldset class="bbCodeSpoiler bbCodeSpoilerContainer"><legend>Spoiler: A/N</legend>
      <div class="bbCodeSpoiler-content"><p>Short one today.</p></div></fieldset>
    <p>The tide came in.</p>
    <details><summary>Content Warnings</summary><p>drowning</p></details>
    <p>Jonah counted the waves.</p>
    <details><summary>Jonah's list</summary><p>One. Two.</p></details></body></html>"""
    story = _import(page)
    assert story.chapters[0].paragraphs == [
        "The tide came in.",
        "Jonah counted the waves.",
        "Jonah's list",
        "One. Two.",
    ]
    assert story.chapters[0].notes == ["Short one today.", "Content Warnings: drowning"]


def test_the_author_of_a_forum_thread_is_its_threadmarked_poster_or_its_thread_starter() -> None:
    reader = _thread(_post(1, "Chapter 1", "Jaune ran."), _post(2, "Chapter 2", "He fell."))
    assert _import(reader).meta.author == "Ryuugi"
    header = """<div class="p-description"><ul class="listInline"><li>
      <i class="fa--xf far fa-user" title="Thread starter"></i><span class="u-srOnly">Thread starter</span>
      <a href="/members/kel.2/" class="username u-concealed">Kel Arden</a></li></ul></div>"""
    plain = _thread("<div class='bbWrapper'>Chapter 1<br />\n<br />\nJaune ran.</div>", header=header)
    story = _import(plain)
    assert story.meta.author == "Kel Arden"
    assert story.chapters[0].paragraphs == ["Jaune ran."]
    old = """<p id="pageDescription" class="muted">Discussion in '<a href="/forums/1/">Creative Writing</a>'
      started by <a href="/members/mara.3/" class="username">Mara Quill</a>, Jan 1, 2015.</p>"""
    assert _import(_thread("<div class='messageText'>Jaune ran.</div>", header=old)).meta.author == "Mara Quill"
