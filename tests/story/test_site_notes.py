"""Author's notes where sites put them: Royal Road's note boxes on a saved chapter page, and the
preface of an AO3 download made with the site's interface in another language. A note is the
chapter's or the work's note (its "CW: ..." declared), never story text, never lost.
"""

from __future__ import annotations

import pytest

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


def _links(values: list[str]) -> str:
    return ", ".join(f'<a href="https://archiveofourown.org/tags/{value}">{value}</a>' for value in values)


def ao3_download(labels: dict[str, str], preface: str, *, byline_word: str = "von") -> bytes:
    """An AO3 download as the site writes it with its interface in another language."""
    tags = "".join(
        f"<dt>{labels[field]}:</dt><dd>{_links(values)}</dd>"
        for field, values in (
            ("rating", ["Mature"]),
            ("warnings", ["Graphic Depictions Of Violence", "Major Character Death"]),
            ("category", ["F/F"]),
            ("fandom", ["Original Work"]),
            ("relationships", ["Lena/Mara"]),
            ("characters", ["Lena", "Mara"]),
            ("tags", ["Self-Harm", "Angst"]),
        )
    )
    return (
        "<!DOCTYPE html><html><head><title>Der lange Weg - annaschmidt [Archive of Our Own]</title></head><body>"
        '<div id="preface"><p class="message"><b>Der lange Weg</b><br/>Archive of Our Own</p><div class="meta">'
        f'<dl class="tags">{tags}<dt>{labels["language"]}:</dt><dd>Deutsch</dd>'
        f"<dt>{labels['stats']}:</dt><dd>2024-01-02 1200</dd></dl><h1>Der lange Weg</h1>"
        f'<div class="byline">{byline_word} <a rel="author" href="https://archiveofourown.org/users/annaschmidt">'
        f"annaschmidt</a></div>{preface}</div></div>"
        '<div id="chapters" class="userstuff"><div class="userstuff"><p>Es war ein kalter Morgen.</p>'
        "<p>Der Nebel lag noch über den Feldern.</p></div></div>"
        f'<div id="afterword"><div class="meta"><div id="endnotes"><p>{labels["end"]}</p>'
        '<blockquote class="userstuff"><p>Fortsetzung folgt.</p></blockquote></div></div></div></body></html>'
    ).encode()


GERMAN = {
    "rating": "Einstufung",
    "warnings": "Archivwarnungen",
    "category": "Kategorie",
    "fandom": "Fandom",
    "relationships": "Beziehungen",
    "characters": "Figuren",
    "tags": "Zusätzliche Tags",
    "language": "Sprache",
    "stats": "Statistik",
    "end": "Endnotizen",
}
# Labels in a language Dogear has no words for: read by where they stand alone.
UNKNOWN = {key: f"Etikett{index}" for index, key in enumerate(GERMAN)}


def _preface(summary_label: str, notes_label: str) -> str:
    return (
        f'<p>{summary_label}</p><blockquote class="userstuff"><p>Lena geht jeden Morgen zum Bahnhof.</p></blockquote>'
        f'<p>{notes_label}</p><blockquote class="userstuff"><p>TW: self-harm. Passt auf euch auf.</p></blockquote>'
    )


@pytest.mark.parametrize(
    ("labels", "summary_label", "notes_label"),
    [(GERMAN, "Zusammenfassung", "Anmerkungen"), (UNKNOWN, "Ringkasan", "Catatan")],
)
def test_an_ao3_download_in_another_language_keeps_its_preface(
    labels: dict[str, str], summary_label: str, notes_label: str
) -> None:
    story = import_story(ao3_download(labels, _preface(summary_label, notes_label)), "weg.html", max_bytes=LIMIT)
    meta = story.meta
    assert (meta.title, meta.author, meta.rating) == ("Der lange Weg", "annaschmidt", "Mature")
    assert meta.archive_warnings == ["Graphic Depictions Of Violence", "Major Character Death"]
    assert (meta.fandoms, meta.relationships) == (["Original Work"], ["Lena/Mara"])
    assert (meta.characters, meta.additional_tags) == (["Lena", "Mara"], ["Self-Harm", "Angst"])
    assert meta.summary == "Lena geht jeden Morgen zum Bahnhof."
    assert meta.notes == ["TW: self-harm. Passt auf euch auf.", "Fortsetzung folgt."]
    assert meta.declared_warnings == ["TW: self-harm"]
    assert story.chapters[0].paragraphs == ["Es war ein kalter Morgen.", "Der Nebel lag noch über den Feldern."]


def test_a_lone_unlabelled_preface_note_before_an_end_note_link_is_the_notes() -> None:
    preface = (
        '<p>Catatan</p><blockquote class="userstuff"><p>CW: grief.</p></blockquote>'
        '<div class="endnote-link">Lihat akhir karya untuk <a href="#endnotes">catatan</a></div>'
    )
    story = import_story(ao3_download(UNKNOWN, preface), "weg.html", max_bytes=LIMIT)
    assert (story.meta.summary, story.meta.notes) == (None, ["CW: grief.", "Fortsetzung folgt."])
    assert story.meta.declared_warnings == ["CW: grief"]
