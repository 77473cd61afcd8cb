"""Author's notes where sites put them: Royal Road's note boxes on a saved chapter page, and the
preface of an AO3 download made with the site's interface in another language. A note is the
chapter's or the work's note (its "CW: ..." declared), never story text, never lost.
"""

from __future__ import annotations

from bot.story.importer import import_story

LIMIT = 8 * 1024 * 1024
PROSE = [
    "The river was higher than Tamsin had ever seen it, brown and fast, carrying branches down.",
    "She stood at the edge of the ford for a long time, counting the stones above the water.",
    "When the light began to fail she took off her boots and stepped in.",
]


def _note_box(*lines: str) -> str:
    return (
        '<div class="portlet solid author-note-portlet"><div class="portlet-title"><div class="caption">'
        '<i class="fa fa-sticky-note"></i><span class="caption-subject bold uppercase">A note from Mara Quill</span>'
        '</div></div><div class="portlet-body author-note">'
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</div></div>"
    )


def royal_road_page(before: str, after: str) -> bytes:
    text = "".join(f"<p>{line}</p>" for line in PROSE)
    return (
        "<!DOCTYPE html><html><head><title>Chapter 3: The Ford | The Salt Road | Royal Road</title></head>"
        '<body><nav class="navbar">Home Browse Forums</nav><div class="fic-header">'
        '<h2 class="font-white">The Salt Road</h2><h1 class="font-white">Chapter 3: The Ford</h1>'
        '<h3 class="font-white"><span class="small">by </span><a href="/profile/1">Mara Quill</a></h3></div>'
        '<div class="portlet light t-center-3"><div class="row nav-buttons"><a class="btn">Next Chapter</a></div>'
        f'{before}<div class="chapter-inner chapter-content">{text}</div>{after}</div>'
        '<div class="comments-container"><p>Great chapter, thanks!</p></div></body></html>'
    ).encode()


def test_royal_road_note_boxes_on_a_saved_page_are_the_chapter_notes() -> None:
    page = royal_road_page(
        _note_box("CW for this chapter: self-harm.", "Thanks for the kind comments!"),
        _note_box("Patreon is five chapters ahead."),
    )
    story = import_story(page, "chapter.html", max_bytes=LIMIT)
    (chapter,) = story.chapters
    assert chapter.paragraphs == PROSE
    assert chapter.notes == [
        "CW for this chapter: self-harm.\nThanks for the kind comments!",
        "Patreon is five chapters ahead.",
    ]
    assert chapter.declared_warnings == ["CW for this chapter: self-harm"]
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Mara Quill")
