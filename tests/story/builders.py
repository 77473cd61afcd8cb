"""Builders for story files in every supported format, shaped like the real thing.

AO3 markup follows otwcode/otwarchive app/views/downloads/ (_download_preface,
_download_chapter, show, _download_afterword); EPUBs are assembled as calibre does for
AO3 (preface and chapters in separate XHTML files) and as a plain generic book.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts


@dataclass
class Ao3Chapter:
    title: str  # as AO3 prints it: "Chapter 1: The Ford" or "Chapter 2"
    paragraphs: list[str]
    summary: str | None = None
    notes: str | None = None
    end_notes: str | None = None
    scene_break_after: set[int] = field(default_factory=set)  # paragraph indexes followed by <hr />


@dataclass
class Ao3Work:
    title: str = "The Ford"
    author: str = "riverwriter"
    rating: str = "Mature"
    archive_warnings: list[str] = field(default_factory=lambda: ["Major Character Death"])
    category: str = "F/M"
    fandoms: list[str] = field(default_factory=lambda: ["Original Work"])
    relationships: list[str] = field(default_factory=lambda: ["Ada/Bram"])
    characters: list[str] = field(default_factory=lambda: ["Ada", "Bram"])
    additional_tags: list[str] = field(default_factory=lambda: ["Angst", "Implied/Referenced Self-Harm"])
    summary: str | None = "Two travellers and one river. TW: drowning"
    notes: str | None = "Thanks to my beta!"
    end_notes: str | None = "Comments are loved."
    chapters: list[Ao3Chapter] = field(default_factory=list)


def _tags(name: str, values: list[str], singular: str, plural: str) -> str:
    if not values:
        return ""
    label = singular if len(values) == 1 else plural
    links = ", ".join(
        f'<a rel="tag" href="https://archiveofourown.org/tags/{escape(v)}">{escape(v)}</a>' for v in values
    )
    return f'<dt class="{name} tags">{label}:</dt>\n<dd class="{name} tags">{links}</dd>\n'


def _userstuff(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))


def _chapter_text(chapter: Ao3Chapter) -> str:
    out = []
    for index, paragraph in enumerate(chapter.paragraphs):
        out.append(f"<p>{escape(paragraph)}</p>")
        if index in chapter.scene_break_after:
            out.append("<hr />")
    return "\n".join(out)


def ao3_preface(work: Ao3Work) -> str:
    dl = (
        _tags("rating", [work.rating], "Rating", "Ratings")
        + _tags("warning", work.archive_warnings, "Archive Warning", "Archive Warnings")
        + _tags("category", [work.category], "Category", "Categories")
        + _tags("fandom", work.fandoms, "Fandom", "Fandoms")
        + _tags("relationship", work.relationships, "Relationship", "Relationships")
        + _tags("character", work.characters, "Character", "Characters")
        + _tags("freeform", work.additional_tags, "Additional Tags", "Additional Tags")
        + "<dt>Language:</dt>\n<dd>English</dd>\n"
        + "<dt>Stats:</dt>\n<dd>Published: 2024-01-01 Words: 1,234 Chapters: 2/2</dd>\n"
    )
    summary = (
        f'<p>Summary</p>\n<blockquote class="userstuff">{_userstuff(work.summary)}</blockquote>' if work.summary else ""
    )
    notes = ""
    if work.notes or work.end_notes:
        notes = "<p>Notes</p>\n"
        if work.notes:
            notes += f'<blockquote class="userstuff">{_userstuff(work.notes)}</blockquote>\n'
        if work.end_notes:
            notes += '<div class="endnote-link">See the end of the work for more <a href="#endnotes">notes</a></div>\n'
    return f"""<div id="preface">
  <h2 class="toc-heading">Preface</h2>
  <p class="message">
    <b>{escape(work.title)}</b><br/>
    Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/1">https://archiveofourown.org/works/1</a>.
  </p>
  <div class="meta">
    <dl class="tags">
{dl}    </dl>
    <h1>{escape(work.title)}</h1>
    <div class="byline">by <a rel="author" href="https://archiveofourown.org/users/{escape(work.author)}">{escape(work.author)}</a></div>
    {summary}
    {notes}
  </div>
</div>"""


def ao3_chapter(chapter: Ao3Chapter, position: int) -> str:
    meta = f'<div class="meta group">\n  <h2 class="heading">{escape(chapter.title)}</h2>\n'
    if chapter.summary:
        meta += (
            f'  <p>Chapter Summary</p>\n  <blockquote class="userstuff">{_userstuff(chapter.summary)}</blockquote>\n'
        )
    if chapter.notes or chapter.end_notes:
        meta += "  <p>Chapter Notes</p>\n"
        if chapter.notes:
            meta += f'  <blockquote class="userstuff">{_userstuff(chapter.notes)}</blockquote>\n'
        if chapter.end_notes:
            meta += f'  <div class="endnote-link">See the end of the chapter for <a href="#endnotes{position}">notes</a></div>\n'
    meta += "</div>\n"
    body = (
        f'<!--chapter content-->\n<div class="userstuff">\n{_chapter_text(chapter)}\n</div>\n<!--/chapter content-->\n'
    )
    end = ""
    if chapter.end_notes:
        end = (
            f'<div class="meta" id="endnotes{position}">\n  <p>Chapter End Notes</p>\n'
            f'  <blockquote class="userstuff">{_userstuff(chapter.end_notes)}</blockquote>\n</div>\n'
        )
    return meta + body + end


def ao3_afterword(work: Ao3Work) -> str:
    inner = ""
    if work.end_notes:
        inner = (
            '<div class="meta">\n<div id="endnotes">\n<p>End Notes</p>\n'
            f'<blockquote class="userstuff">{_userstuff(work.end_notes)}</blockquote>\n</div>\n</div>\n'
        )
    return (
        f'<div id="afterword">\n<h2 class="toc-heading">Afterword</h2>\n{inner}'
        '<p class="message">Please <a href="https://archiveofourown.org/works/1/comments/new">drop by the archive and comment</a> to let the creator know if you enjoyed their work!</p>\n</div>'
    )


def ao3_html(work: Ao3Work, *, extra_head: str = "") -> str:
    if len(work.chapters) > 1:
        chapters = "\n".join(ao3_chapter(ch, i + 1) for i, ch in enumerate(work.chapters))
    else:
        chapters = f'<div class="userstuff">\n{_chapter_text(work.chapters[0])}\n</div>'
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>{escape(work.title)} - {escape(work.author)} - {escape(work.fandoms[0])}</title>
<link rel="stylesheet" type="text/css" href="style.css">
{extra_head}
</head>
<body>
{ao3_preface(work)}
<div id="chapters" class="userstuff">
{chapters}
</div>
{ao3_afterword(work)}
</body>
</html>
"""


def two_chapter_work() -> Ao3Work:
    return Ao3Work(
        chapters=[
            Ao3Chapter(
                "Chapter 1: The Ford",
                ["Ada reached the river at dusk.", "The water was high and brown.", "Morning came grey."],
                summary="They arrive.",
                notes="This chapter is short.",
                end_notes="More soon!",
                scene_break_after={1},
            ),
            Ao3Chapter("Chapter 2", ["Bram went in first.", "He did not come back up."]),
        ]
    )


# -- EPUB -----------------------------------------------------------------------------

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def xhtml(body: str, title: str = "doc") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{escape(title)}</title></head>
<body>{body}</body>
</html>"""


def epub_bytes(
    documents: list[tuple[str, str]],
    *,
    title: str | None = "A Book",
    author: str | None = "A. Writer",
    description: str | None = None,
    extra_members: list[tuple[str, bytes]] | None = None,
    nav_points: list[tuple[str, str]] | None = None,
    extra_metadata: str = "",
) -> bytes:
    """A valid EPUB 3 zip: mimetype first and stored, container, OPF, spine in order.

    ``nav_points`` (label, href) make the nav's table of contents; by default it lists "One".
    ``extra_metadata`` is OPF markup added to the metadata as it is (more creators, metas)."""
    manifest = "\n".join(
        f'<item id="d{i}" href="{name}" media-type="application/xhtml+xml"/>' for i, (name, _) in enumerate(documents)
    )
    manifest += '\n<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    spine = "\n".join(f'<itemref idref="d{i}"/>' for i in range(len(documents)))
    meta = ""
    if title:
        meta += f"<dc:title>{escape(title)}</dc:title>"
    if author:
        meta += f"<dc:creator>{escape(author)}</dc:creator>"
    if description:
        meta += f"<dc:description>{escape(description)}</dc:description>"
    meta += extra_metadata
    opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf"><dc:identifier id="id">x</dc:identifier>{meta}<dc:language>en</dc:language></metadata>
  <manifest>{manifest}</manifest>
  <spine>{spine}</spine>
</package>"""
    points = nav_points or [("One", "c1.xhtml")]
    entries = "".join(f'<li><a href="{escape(href)}">{escape(label)}</a></li>' for label, href in points)
    nav = xhtml(f'<nav epub:type="toc"><ol>{entries}</ol></nav>', "Contents")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("OEBPS/nav.xhtml", nav, compress_type=zipfile.ZIP_DEFLATED)
        for name, body in documents:
            archive.writestr(f"OEBPS/{name}", body, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in extra_members or []:
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def ao3_epub(work: Ao3Work) -> bytes:
    """AO3's EPUB: calibre's split of the download HTML, one file per part."""
    docs = [("preface.xhtml", xhtml(ao3_preface(work), work.title))]
    for i, chapter in enumerate(work.chapters):
        docs.append(
            (
                f"chapter{i + 1}.xhtml",
                xhtml(f'<div id="chapters" class="userstuff">{ao3_chapter(chapter, i + 1)}</div>'),
            )
        )
    docs.append(("afterword.xhtml", xhtml(ao3_afterword(work))))
    return epub_bytes(docs, title=work.title, author=work.author)


def generic_epub() -> bytes:
    return epub_bytes(
        [
            ("title.xhtml", xhtml("<h1>Salt Roads</h1><p>by Mara Fen</p>")),
            (
                "c1.xhtml",
                xhtml(
                    "<h1>Chapter One: Harbour</h1><p>The gulls came first.</p><p>Then the boats.</p><hr/><p>At night the harbour slept.</p>"
                ),
            ),
            ("c2.xhtml", xhtml("<h2>Chapter Two</h2><p>Mara counted the sails.</p><p>There were nine.</p>")),
        ],
        title="Salt Roads",
        author="Mara Fen",
        description="<p>A sea story.</p>",
    )


def story_text(story: Story) -> str:
    """Everything a member would be posted: chapter titles and paragraphs."""
    parts: list[str] = []
    for chapter in story.chapters:
        parts.append(chapter.title or "")
        parts.extend(paragraph for scene in chapter.scenes for paragraph in scene.paragraphs)
    return "\n".join(parts)


def gutenberg_bytes(body: str, title: str, author: str) -> bytes:
    """``body`` in Project Gutenberg's wrapper, as its plain-text files have it: the header's
    fields, the start line, the book, the end line."""
    upper = title.upper()
    return (
        f"The Project Gutenberg eBook of {title}\n\nTitle: {title}\n\nAuthor: {author}\n\n"
        f"*** START OF THE PROJECT GUTENBERG EBOOK {upper} ***\n\n\n\n{body}\n\n"
        f"*** END OF THE PROJECT GUTENBERG EBOOK {upper} ***\n"
    ).encode()


def read_text(text: str, name: str = "story.txt") -> Story:
    """A story file's text imported as a member's upload of it is (a 1 MiB limit)."""
    return import_story(text.encode(), name, max_bytes=1 << 20)


ROOT = Path(__file__).resolve().parents[2]
_TIMED_IMPORT = """
import json, sys, time
from bot.story.importer import import_story
from tests.story.test_hostile_shapes37 import MAX_BYTES
data = open(sys.argv[1], "rb").read()
start = time.process_time()
story = import_story(data, sys.argv[1].rsplit("/", 1)[-1], max_bytes=MAX_BYTES)
cpu = time.process_time() - start
print(json.dumps({"cpu": cpu, "paragraphs": [p for chapter in story.chapters for p in chapter.paragraphs]}))
"""


def timed_import(data: bytes, folder: Path, name: str = "page.html") -> tuple[float, list[str]]:
    """The CPU seconds of importing ``data`` (saved as ``name`` in ``folder``) in a child process, and the
    story's paragraphs. A child, as a worker reads an upload: late in a full test run, the test process's
    own CPU time for the same import grew up to five times."""
    page = folder / name
    page.write_bytes(data)
    child = subprocess.run(
        [sys.executable, "-c", _TIMED_IMPORT, str(page)],
        cwd=ROOT,
        timeout=120,
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(child.stdout)
    return found["cpu"], found["paragraphs"]


def paragraphs(story: Story) -> list[str]:
    """Every paragraph of the story, chapter after chapter: where a test looks for text lost or kept."""
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


def declared_ids(texts: list[str]) -> set[str]:
    """The warning ids an author's declarations map to."""
    return set(map_texts(texts).ids)
