"""Shapes from the s32 probe that misread: FanFicFare's HTML output (its title heading read as a
chapter 1 holding the story's metadata, "Warnings:" too), a summary of several paragraphs under
"Summary:" (all but the first read as a chapter 1 of their own), a title page's word count line
("Approx. 3,000 words", a chapter of its own), and a sentence saying what the work or an episode
holds that names a warning among things Dogear has no id for (declared nothing)."""

from __future__ import annotations

from bot.warnings.declared import map_texts
from tests.story.builders import read_text as read


def ids(declared: list[str]) -> list[str]:
    return sorted(map_texts(declared).ids)


# -- FanFicFare's HTML: <h3><a>Title</a> by <a class="authorlink">Author</a></h3> over <b>Label:</b> lines


FANFICFARE_HTML = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Salt Wives by hollowmere</title></head>
<body>
<h3><a href="https://archiveofourown.org/works/77">Salt Wives</a> by <a class="authorlink"
 href="https://archiveofourown.org/users/hollowmere/pseuds/hollowmere">hollowmere</a></h3>
<div>
<b>Category:</b> F/F<br />
<b>Rating:</b> Mature<br />
<b>Warnings:</b> Major Character Death<br />
<b>Status:</b> Completed<br />
<b>Packaged:</b> 2024-03-01 10:00:00<br />
<b>Summary:</b> <p>Three widows keep a lighthouse on a rock with no name.</p><br />
</div>
<a name="section00001"><h2>1. The Rock</h2></a>
<div><p>The supply boat came once a month, if the sea let it.</p></div>
<a name="section00002"><h2>2. The Lamp</h2></a>
<div><p>Orla trimmed the wick and did not look at the water.</p></div>
</body></html>
"""


def test_fanficfare_html_title_page_is_the_storys_header_not_a_chapter() -> None:
    story = read(FANFICFARE_HTML, "salt_wives.html")
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Salt Wives", "hollowmere", "Mature")
    assert ids(story.meta.declared_warnings) == ["death"]
    assert story.meta.summary == "Three widows keep a lighthouse on a rock with no name."
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Rock", ["The supply boat came once a month, if the sea let it."]),
        ("The Lamp", ["Orla trimmed the wick and did not look at the water."]),
    ]


def test_a_heading_that_merely_says_by_is_still_a_heading() -> None:
    """Guard: only FanFicFare's two links with "by" between them are a title page's heading."""
    page = (
        "<html><body><h1>Stand By Me</h1><h2>Chapter 1</h2><p>The pier was empty.</p>"
        "<h2>Chapter 2</h2><p>The tide came in.</p></body></html>"
    )
    story = read(page, "stand.html")
    assert story.meta.title == "Stand By Me"
    assert [chapter.paragraphs for chapter in story.chapters] == [["The pier was empty."], ["The tide came in."]]


# -- a summary of several paragraphs


LONG_SUMMARY = """The Glass Cartographer
by Ysolde Marr

Summary:
Bren draws maps of places that do not exist yet, and then they do.

When the Guild asks for a map of a city that burned, she refuses; her sister does not.

A story about sisters, ink and a city that should have stayed ash.

Chapter 1: Ink

The ink was made of soot and it never quite dried.

Chapter 2: Ash

Her sister's map was finished by morning.
"""


def test_every_paragraph_of_a_summary_over_the_first_chapter_is_the_summary() -> None:
    story = read(LONG_SUMMARY)
    assert story.meta.summary is not None
    assert story.meta.summary.startswith("Bren draws maps")
    assert "A story about sisters" in story.meta.summary
    assert [chapter.title for chapter in story.chapters] == ["Ink", "Ash"]
    assert story.chapters[0].paragraphs == ["The ink was made of soot and it never quite dried."]


def test_a_summary_field_with_its_value_on_the_line_takes_the_paragraphs_after_it_too() -> None:
    text = LONG_SUMMARY.replace("Summary:\nBren", "Summary: Bren")
    story = read(text)
    assert "A story about sisters" in (story.meta.summary or "")
    assert [chapter.title for chapter in story.chapters] == ["Ink", "Ash"]


def test_a_one_shot_with_a_summary_and_no_headings_keeps_its_text() -> None:
    """Guard: with no chapter heading after them, the paragraphs under a summary are the story."""
    text = (
        "Low Water\nby Ysolde Marr\n\nSummary: A heron and a girl.\n\n"
        "The heron stood in the shallows all morning.\n\nThe girl watched it from the bridge.\n"
    )
    story = read(text)
    assert story.meta.summary == "A heron and a girl."
    assert story.chapters[0].paragraphs == [
        "The heron stood in the shallows all morning.",
        "The girl watched it from the bridge.",
    ]


def test_a_summarys_paragraphs_end_at_the_next_field_which_is_read() -> None:
    """The summary's paragraphs run up to the header's next field; that field is read as one."""
    text = LONG_SUMMARY.replace(
        "A story about sisters, ink and a city that should have stayed ash.",
        "Warnings: character death, fire",
    )
    story = read(text)
    assert "character death" not in (story.meta.summary or "")
    assert ids(story.meta.declared_warnings) == ["death"]
    assert [chapter.title for chapter in story.chapters] == ["Ink", "Ash"]


# -- a word count alone on the title page


def test_a_word_count_line_on_the_title_page_is_no_chapter() -> None:
    text = (
        "THE SALT ROAD\r\n\r\nby Perrin Vale\r\n\r\nApprox. 4,200 words\r\n\r\n"
        "CHAPTER ONE\r\n\r\nThe carts left at dawn.\r\n\r\nCHAPTER TWO\r\n\r\nThe goat went missing.\r\n"
    )
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The carts left at dawn."],
        ["The goat went missing."],
    ]
    assert "Approx. 4,200 words" in story.meta.notes


def test_a_sentence_about_words_stays_story_text() -> None:
    """Guard: a count inside a sentence is prose."""
    text = "Ink\nby Perrin Vale\n\nChapter 1\n\nShe wrote 3,000 words that night.\n\nChapter 2\n\nThen she slept.\n"
    story = read(text)
    assert story.chapters[0].paragraphs == ["She wrote 3,000 words that night."]


# -- what the work or an episode holds, among things Dogear has no id for


def test_a_works_sentence_naming_a_warning_among_unknown_things_declares_it() -> None:
    text = (
        "Quiet Rooms\nby Lee Hart\n\nThis story contains self-harm, infertility and a house fire.\n\n"
        "Chapter 1\n\nShe sat with her hands in her lap.\n\nChapter 2\n\nThe house burned down.\n"
    )
    story = read(text)
    assert ids(story.meta.declared_warnings) == ["self-harm"]
    assert len(story.chapters) == 2


def test_an_episodes_sentence_declares_for_that_episode() -> None:
    text = (
        "Ember Street\nby Jo Park\n\nEpisode 1 - Sparks\n\nThe kettle screamed and nobody came.\n\n"
        "Episode 2 - Smoke\n\n⚠ This episode contains descriptions of a panic attack and a house fire.\n\n"
        "Mina smelled the smoke first.\n\nEpisode 3 - Ash\n\nThe street was quiet after.\n"
    )
    story = read(text)
    assert [ids(chapter.declared_warnings) for chapter in story.chapters] == [[], ["mental-illness"], []]
    assert story.chapters[1].paragraphs == ["Mina smelled the smoke first."]


def test_a_works_sentence_naming_no_warning_declares_nothing() -> None:
    """Guard: one known warning at least, as for a labelled list."""
    text = (
        "Paris\nby Lee Hart\n\nThis story contains a lot of walking around Paris, and cheese.\n\n"
        "Chapter 1\n\nThe bakery opened at six.\n\nChapter 2\n\nThe cheese shop at nine.\n"
    )
    story = read(text)
    assert story.meta.declared_warnings == []


# -- a journal post's fic header (LiveJournal, Dreamwidth) under the journal's own lines


JOURNAL_POST = """<html><head><title>saltmarsh: [fic] The Tide Clock</title></head><body>
<div id="header"><h1 id="title">salt and marsh</h1><h2 id="subtitle">a fic journal</h2></div>
<div class="entry"><h3 class="entry-title">[fic] The Tide Clock (Original, R)</h3>
<span class="datetime">Mar. 2nd, 2021 at 9:14 pm</span>
<div class="entry-content">
{header}
<p>The clock in the harbour master's office ran on the tide, not the sun.</p>
<p>When it stopped, Wenna knew before anyone that the sea had gone wrong.</p>
</div></div></body></html>
"""
BOLD_HEADER = (
    "<b>Title:</b> The Tide Clock<br><b>Author:</b> saltmarsh<br><b>Rating:</b> R<br>"
    "<b>Warnings:</b> self-harm, major character death<br><br>"
)
TABLE_HEADER = (
    '<table border="1"><tr><td><b>Title</b></td><td>The Tide Clock</td></tr>'
    "<tr><td><b>Author</b></td><td>saltmarsh</td></tr><tr><td><b>Rating</b></td><td>R</td></tr>"
    "<tr><td><b>Warnings</b></td><td>self-harm, major character death</td></tr></table>"
)
POST_TEXT = [
    "The clock in the harbour master's office ran on the tide, not the sun.",
    "When it stopped, Wenna knew before anyone that the sea had gone wrong.",
]


def test_a_journal_posts_fic_header_is_the_storys_header() -> None:
    story = read(JOURNAL_POST.format(header=BOLD_HEADER), "tide.html")
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Tide Clock", "saltmarsh", "R")
    assert ids(story.meta.declared_warnings) == ["death", "self-harm"]
    assert [chapter.paragraphs for chapter in story.chapters] == [POST_TEXT]


def test_a_header_table_with_bare_labels_is_the_storys_header() -> None:
    story = read(JOURNAL_POST.format(header=TABLE_HEADER), "tide.html")
    assert (story.meta.title, story.meta.author) == ("The Tide Clock", "saltmarsh")
    assert ids(story.meta.declared_warnings) == ["death", "self-harm"]
    assert [chapter.paragraphs for chapter in story.chapters] == [POST_TEXT]


def test_a_table_of_other_things_is_read_as_before() -> None:
    """Guard: a table whose first cells are no field labels stays a table of the story's."""
    page = (
        "<html><body><h1>Ledger</h1><p>Mira read the ledger aloud to her brother.</p>"
        "<table><tr><td>Herring</td><td>4 barrels</td></tr><tr><td>Salt</td><td>2 sacks</td></tr></table>"
        "<p>It was not enough for winter.</p></body></html>"
    )
    story = read(page, "ledger.html")
    assert story.chapters[0].paragraphs == [
        "Mira read the ledger aloud to her brother.",
        "Herring | 4 barrels\nSalt | 2 sacks",
        "It was not enough for winter.",
    ]


def test_a_post_whose_prose_comes_before_a_fields_line_keeps_it() -> None:
    """Guard: a line of fields after prose is the story's text, and the prose stays."""
    page = (
        "<html><body><h1>The Tide Clock</h1><p>The clock in the harbour master's office ran on the tide, "
        "not the sun, and nobody in Porthwenn had ever seen it stop.</p>"
        "<p>Title: The Tide Clock<br>Author: saltmarsh</p><p>She read the brass plate twice.</p></body></html>"
    )
    story = read(page, "tide.html")
    assert story.chapters[0].paragraphs[0].startswith("The clock in the harbour master's office")


# -- a word processor's title page: the author's name alone, an empty paragraph, then a note


LIBREOFFICE = """<html><head><meta name="generator" content="LibreOffice 7.6"/>
<meta name="author" content="Signe Dahl"/><title></title></head><body>
<p class="title-western" align="center">Frost Fair</p>
<p align="center">Signe Dahl</p>
<p><br/></p>
<p><i>Note: part two has a brief fall through the ice. CW: drowning, injury.</i></p>
<h1 class="western">Part One</h1>
<p>The river froze in December and the fair came out onto it.</p>
<h1 class="western">Part Two</h1>
<p>The ice by the bridge was thinner than anyone knew.</p>
</body></html>
"""


def test_a_documents_name_line_and_note_before_the_first_heading_are_its_header() -> None:
    story = read(LIBREOFFICE, "frost.html")
    assert (story.meta.title, story.meta.author) == ("Frost Fair", "Signe Dahl")
    assert story.meta.declared_warnings == ["CW: drowning, injury"]
    assert [chapter.title for chapter in story.chapters] == ["Part One", "Part Two"]
    assert story.chapters[0].paragraphs == ["The river froze in December and the fair came out onto it."]


# -- a text written in a forum's BBCode


BBCODE = """[center][size=150][b]Lantern Road[/b][/size]
by Aoife Brennan[/center]

[spoiler=Content Warnings]self-harm, a house fire[/spoiler]

[b]Chapter 1[/b]

The lanterns on the road were lit by hand every evening.

[b]Chapter 2[/b]

Someone had [i]left one burning[/i] in the hayloft.
"""


def test_a_bbcode_text_is_read_as_the_text_it_shows() -> None:
    story = read(BBCODE)
    assert (story.meta.title, story.meta.author) == ("Lantern Road", "Aoife Brennan")
    assert ids(story.meta.declared_warnings) == ["self-harm"]
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The lanterns on the road were lit by hand every evening."],
        ["Someone had left one burning in the hayloft."],
    ]


def test_brackets_without_bbcode_closing_tags_stay_text() -> None:
    """Guard: "[b]" with no closing BBCode tag anywhere is the story's own bracket."""
    text = "Notes\nby Aoife Brennan\n\nChapter 1\n\nShe labelled the jars [a], [b] and [c].\n\nChapter 2\n\nThen [b] broke.\n"
    story = read(text)
    assert story.chapters[0].paragraphs == ["She labelled the jars [a], [b] and [c]."]


# -- a warning hidden in a Markdown comment


def test_a_markdown_comment_holding_a_warning_declares_it_unposted() -> None:
    text = (
        "# Undertow\n\n*by selkie_song*\n\n<!-- CW: self-harm (chapter 2), kept here so it spoils nothing -->\n\n"
        "## Chapter 1\n\nThe seal skin was in the attic.\n\n## Chapter 2\n\nShe pressed the shell into her wrist.\n"
    )
    story = read(text, "undertow.md")
    assert "self-harm" in ids(story.meta.declared_warnings)
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The seal skin was in the attic."],
        ["She pressed the shell into her wrist."],
    ]


def test_a_markdown_comment_of_draft_notes_still_goes() -> None:
    """Guard: a comment that declares nothing is the author's note to themselves, as before."""
    text = "# Undertow\n\n## Chapter 1\n\n<!-- TODO: cut this scene? -->\n\nThe seal skin was in the attic.\n"
    story = read(text, "undertow.md")
    assert story.chapters[0].paragraphs == ["The seal skin was in the attic."]
    assert story.meta.declared_warnings == []


# -- reading sites copied as text: Quotev, Inkitt, Tapas, Webnovel


def test_a_sites_menu_and_the_readers_comments_are_no_story() -> None:
    text = (
        "Quotev\nSearch\nSign Up Log In\n\nGlass Bells\nby wrenfeather\n\nPart 1: The Tower\n\n"
        "The bells were made of glass and nobody rang them.\n\nPart 2: The Rope\n\nMira rang them anyway.\n\n"
        "Continue reading\nPrevious Part\nNext Part\n\nComments (12)\nlunar.fox I cried\nwrenfeather thank you!!\n"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("Glass Bells", "wrenfeather")
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The bells were made of glass and nobody rang them."],
        ["Mira rang them anyway."],
    ]


def test_a_title_and_by_line_over_a_rights_line_and_a_summary_block() -> None:
    text = (
        "Inkitt\nDiscover\nWriters\nLog In\n\nThe Salt Well\nBy Ana Ferreira\nAll Rights Reserved ©\n\n"
        "Summary\nA well that gives back whatever falls in it.\n\nRating: 4.8 (120 reviews)\n\n"
        "Chapter 1: Coins\n\nTomas dropped a coin in the well and got two back.\n\nContinue Reading\nNext Chapter\n\n"
        "Further Recommendations\n\nPriya: Loved it!!\n"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("The Salt Well", "Ana Ferreira")
    assert story.meta.summary == "A well that gives back whatever falls in it."
    assert story.meta.rating is None
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["Tomas dropped a coin in the well and got two back."]
    ]


def test_an_episodes_buttons_and_foot_are_no_story() -> None:
    text = (
        "Ember Street\nby Jo Park\n\nEpisode 3 - Ash\n\nThe street was quiet after the fire.\n\n"
        "Ep. 3\nLike\nSubscribe\nShare\n\nNext episode\nEp. 4 - Cinders\nComments 58\n"
    )
    story = read(text)
    assert story.chapters[0].paragraphs == ["The street was quiet after the fire."]


def test_webnovels_asks_under_each_chapter_are_no_story() -> None:
    text = (
        "Chapter 1: The Test\n\nLin stepped onto the platform.\n\nCreation is hard, cheer me up!\n\n"
        "Your gift is the motivation for my creation. Give me more motivation!\n\nLike it ? Add to library!\n\n"
        "Report chapter\n\nChapter 2: The Elder\n\nThe elder frowned.\n\nCreation is hard, cheer me up!\nPower Stone\n"
    )
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["Lin stepped onto the platform."],
        ["The elder frowned."],
    ]


def test_words_of_a_sites_chrome_in_the_story_stay() -> None:
    """Guard: a line that says "comments" in a sentence, a poem's repeated "Home", and a last
    chapter's text after a chapter heading stay the story's."""
    text = (
        "Home\nby Jo Park\n\nChapter 1\n\nShe read the comments and closed the laptop.\n\nHome\nHome\nHome\n\n"
        "Chapter 2\n\nThe comments were kind, in the end.\n"
    )
    story = read(text)
    assert story.chapters[0].paragraphs == ["She read the comments and closed the laptop.", "Home\nHome\nHome"]
    assert story.chapters[1].paragraphs == ["The comments were kind, in the end."]


# -- blog posts: Ghost's article in its <main>, its excerpt and author; tag lists


GHOST = """<html><head><title>Salt Honey</title><meta name="generator" content="Ghost 5.80"></head><body>
<header class="gh-head"><a class="gh-head-logo" href="/">Hive Notes</a><nav><a href="/">Home</a></nav></header>
<main id="gh-main" class="gh-main">
<article class="gh-article post">
  <header class="gh-article-header">
    <a class="gh-article-tag" href="/tag/fiction/">Fiction</a>
    <h1 class="gh-article-title">Salt Honey</h1>
    <p class="gh-article-excerpt">A widow keeps her husband's bees through the first winter alone.</p>
    <div class="gh-article-meta"><h4 class="gh-article-author-name"><a href="/author/ines/">Ines Vale</a></h4>
    <time datetime="2024-01-02">Jan 2, 2024</time><span>3 min read</span></div>
  </header>
  <section class="gh-content">
    <p>CW: death of a spouse.</p>
    <p>Nobody had told the bees, so Ines put on his veil and went to tell them.</p>
    <p>They hummed at her the way they had hummed at him.</p>
  </section>
</article>
<section class="gh-container"><h2>Read more</h2><div class="gh-feed">
<article class="gh-card post"><a href="/wax/"><h3 class="gh-card-title">Wax</h3><p>A candle story.</p></a></article>
</div></section>
</main></body></html>
"""


def test_a_ghost_post_is_its_article_with_its_title_excerpt_and_author() -> None:
    story = read(GHOST, "salt_honey.html")
    assert (story.meta.title, story.meta.author) == ("Salt Honey", "Ines Vale")
    assert story.meta.summary == "A widow keeps her husband's bees through the first winter alone."
    assert ids(story.meta.declared_warnings) == ["death"]
    [chapter] = story.chapters
    assert chapter.paragraphs == [
        "Nobody had told the bees, so Ines put on his veil and went to tell them.",
        "They hummed at her the way they had hummed at him.",
    ]


def test_a_journal_posts_tag_list_is_read_as_tags_not_text() -> None:
    page = JOURNAL_POST.format(header=BOLD_HEADER).replace(
        "</div></div></body>",
        '</div><div class="tag"><span>Tags:</span><ul><li><a rel="tag" href="https://saltmarsh.example/tag/fic">'
        'fic</a>, </li><li><a rel="tag" href="https://saltmarsh.example/tag/self-harm">self-harm</a></li></ul></div>'
        "</div></body>",
    )
    story = read(page, "tide.html")
    assert story.meta.additional_tags == ["fic", "self-harm"]
    assert [chapter.paragraphs for chapter in story.chapters] == [POST_TEXT]


def test_a_link_to_a_tag_inside_a_sentence_stays() -> None:
    """Guard: a tag link in the story's sentence is its text; only a list of them goes."""
    page = (
        "<html><body><h1>Salt</h1><p>She wrote about it on her blog under "
        '<a href="/tag/grief/">grief</a>, which nobody read.</p><p>Then she stopped.</p></body></html>'
    )
    story = read(page, "salt.html")
    assert story.chapters[0].paragraphs == [
        "She wrote about it on her blog under grief, which nobody read.",
        "Then she stopped.",
    ]


# -- a by-line under an episode's heading


def test_a_by_line_under_the_first_heading_is_the_author_and_the_warning_under_it_declares() -> None:
    text = (
        "Ashfall Academy\n\nEpisode 14 - Smoke\n\nby Ren Takeda\n\n"
        "⚠ This episode contains descriptions of a panic attack.\n\nThe alarm went off in alchemy again.\n"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("Ashfall Academy", "Ren Takeda")
    assert ids(story.chapters[0].declared_warnings) == ["mental-illness"]
    assert story.chapters[0].paragraphs == ["The alarm went off in alchemy again."]


def test_a_sentence_opening_with_by_under_a_heading_stays_text() -> None:
    """Guard: "By morning ..." is the chapter's first sentence, not a by-line."""
    text = "Snow\nby Ren Takeda\n\nChapter 1\n\nBy morning the snow had stopped.\n\nChapter 2\n\nIt melted.\n"
    story = read(text)
    assert story.chapters[0].paragraphs == ["By morning the snow had stopped."]
    text = "Chapter 1\n\nBy morning the snow had stopped.\n\nChapter 2\n\nIt melted.\n"
    assert read(text).chapters[0].paragraphs == ["By morning the snow had stopped."]


# -- chapter numbers between ornaments, a number in Japanese brackets over its title

MOTH = "The moths came back in June, thick as snow around the porch light, and Pia counted them."


def test_lone_numbers_between_ornaments_head_chapters() -> None:
    text = "Moth Season\nby Aurelie Fenn\n\n" + "".join(f"~ {n} ~\n\n{MOTH}\n\n" for n in (1, 2, 3))
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [[MOTH]] * 3


def test_numbers_between_dashes_stay_text() -> None:
    """Guard: "- 2 -" is a printed page's number; a text with no other marks stays one chapter (and the
    numbers, counting up, are its page furniture, no story text: test_reader_gaps40)."""
    text = "Moth Season\nby Aurelie Fenn\n\n" + "".join(f"- {n} -\n\n{MOTH}\n\n" for n in (1, 2, 3))
    story = read(text)
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == [MOTH] * 3


def test_a_japanese_chapter_number_in_brackets_over_its_title() -> None:
    text = (
        "月の裏側\n作者：白河ゆき\n\n【注意】\n・流血表現あり\n\n【第一話】はじまりの夜\n\nその夜、月は裏返しに昇った。\n\n"
        "【第二話】灯台\n\n灯台の光が三度瞬いて、消えた。\n"
    )
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == ["はじまりの夜", "灯台"]
    assert story.chapters[1].paragraphs == ["灯台の光が三度瞬いて、消えた。"]
    assert "blood-gore" in ids(story.meta.declared_warnings)


def test_posts_of_a_thread_in_one_main_are_read_together() -> None:
    """Guard: a <main> of long <article>s (a thread's posts, each a chapter) is not cut to the longest."""
    first = " ".join(["The forge had been cold for three winters when Bren came back."] * 12)
    second = " ".join(["The first blade cracked in the quench, and the second bent."] * 4)
    page = (
        f"<html><body><main><article><h2>Chapter 1</h2><p>{first}</p></article>"
        f"<article><h2>Chapter 2</h2><p>{second}</p></article></main></body></html>"
    )
    story = read(page, "forge.html")
    assert [chapter.paragraphs for chapter in story.chapters] == [[first], [second]]


def test_a_story_pages_genres_counts_and_likes_over_its_text_are_no_story() -> None:
    text = (
        "Glass Bells (an original story)\nby wrenfeather\nFantasy, Romance · 12 parts · 4.2K reads\n♥ 318\n\n"
        "Part 3: The Rope\n\nMira rang them anyway.\n"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("Glass Bells (an original story)", "wrenfeather")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("Part 3: The Rope", ["Mira rang them anyway."])
    ]


def test_a_line_of_genres_without_counts_stays() -> None:
    """Guard: a line of words between dots with no counts is the story's."""
    text = "Bells\nby wrenfeather\n\nChapter 1\n\nRain · wind · the bells again.\n\nChapter 2\n\nMira slept.\n"
    assert read(text).chapters[0].paragraphs == ["Rain · wind · the bells again."]
