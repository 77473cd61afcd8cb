"""Plain-text stories: metadata, author's notes and declared warnings from the top of the file.

Pasted stories carry their metadata as loose lines ("Title:", "Rating:", "TW for
miscarriage", "A/N: ...") or as no label at all: a chatty note to readers, then a
one-line summary, then the story. What is metadata or a note must never be posted as
story text, and what is story text must never be dropped, so every rule here errs on the
side of "this is story text" unless the signs are clear.
"""

from __future__ import annotations

import copy
import itertools
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Container, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import PurePath

from bot.story.atoms import LiteralHint
from bot.story.back_matter import drop_back_matter
from bot.story.errors import StoryFormatError
from bot.story.footnotes import pair_footnotes
from bot.story.gutenberg import TITLE_PAGE_LINES, drop_front_matter, opening_transcriber_note, spells_title, unwrap
from bot.story.limits import (
    DEFAULT_MAX_CHAPTERS,
    MAX_DECLARATIONS,
    MAX_IMAGE_ALT_CHARS,
    MAX_NOTE_SENTENCES,
    MAX_STORY_MID_DECLARATIONS,
    MAX_STORY_NOTE_SENTENCES,
    MAX_TITLE_CHARS,
    check_chapters,
)
from bot.story.model import Chapter, Story, StoryMeta
from bot.story.structure import (
    MONTHS,
    NOTE_LABELS_ALONE,
    Heading,
    Item,
    Para,
    SceneBreak,
    _looks_like_title,
    assemble,
    date_entry,
    match_heading,
    normalise,
)
from bot.story.warning_pointers import field_points_to_end, points_to_end, without_pointer_aside
from bot.story.webpage import blog_chatter, without_form_suffix
from bot.story.words import count_words
from bot.text import clip
from bot.warnings.declared import (
    HANGUL_CHARS,
    MARKED_LINE_CHARS,
    UNSPACED_CHARS,
    declaration_cues,
    labelled_list,
    lists_declared,
    lists_warnings,
    maps_any,
    marked_list,
    marker_only,
    marker_positions,
)
from bot.warnings.language import MIN_ENGLISH_SHARE, english_share

# Labels authors put on metadata lines, mapped to the StoryMeta field they fill.
_KEYS: dict[str, str] = {
    "title": "title",
    "story title": "title",
    "story": "title",  # FanFiction Downloader's and FicSave's "Story: Weathertop" over "Author: ..."
    "author": "author",
    "authors": "author",
    "writer": "author",
    "written by": "author",
    "rating": "rating",
    "rated": "rating",
    "content rating": "rating",  # Fimfiction's title page: "Content rating: Teen"
    "age rating": "rating",
    "archive warning": "archive_warnings",
    "archive warnings": "archive_warnings",
    "fandom": "fandoms",
    "fandoms": "fandoms",
    "relationship": "relationships",
    "relationships": "relationships",
    "pairing": "relationships",
    "pairings": "relationships",
    "character": "characters",
    "characters": "characters",
    "additional tags": "additional_tags",
    "additional tag": "additional_tags",
    "tags": "additional_tags",
    "freeform": "additional_tags",
    "freeforms": "additional_tags",
    "summary": "summary",
    "description": "summary",
    "blurb": "summary",
    "note": "notes",
    "notes": "notes",
    "story notes": "notes",  # eFiction's label over the notes of the whole story
    "author's note": "notes",
    "author's notes": "notes",
    "authors note": "notes",
    "authors notes": "notes",
    "author note": "notes",
    "author notes": "notes",
    "a/n": "notes",
    "an": "notes",
    "disclaimer": "notes",
    "dedication": "notes",  # "Dedication: for Ros", "Prompt: a theft at the fair": the author's, never story text
    "dedicated to": "notes",
    "prompt": "notes",
    "prompts": "notes",
    "warning": "declared",
    "warnings": "declared",
    "content warning": "declared",
    "content warnings": "declared",
    "trigger warning": "declared",
    "trigger warnings": "declared",
    "tw": "declared",
    "cw": "declared",
    "tw/cw": "declared",
    "cw/tw": "declared",
    "t/w": "declared",
    "c/w": "declared",
    "tws": "declared",
    "cws": "declared",
    # Known labels with nothing to keep; they are still metadata, not story text.
    "category": "",
    "categories": "",
    "language": "",
    "words": "",
    "word count": "",
    "wordcount": "",  # Dreamwidth's and LiveJournal's fic headers: "Wordcount: 1,050"
    "wc": "",  # Tumblr's "wc: 640", a phone writer's "wc: 1.2k"
    "chapters": "",
    "series": "",
    "status": "",
    "published": "",
    "updated": "",
    "beta": "",
    "beta reader": "",
    "started": "",
    "completed": "",
    "finished": "",
    "posted": "",
    "date": "",
    "genre": "",
    "genres": "",
    "cover": "",
    "cover art": "",
    "stats": "",
    "translator": "",
    "translated by": "",
    "editor": "",
    "edited by": "",
    "proofreader": "",
    "pov": "",
    "setting": "",  # "Setting: a seaside village, 1950s" in a header of fields
    "timeline": "",
    # A Notion page's properties, as its export writes them under the title: "Created: March 3, 2026
    # 4:12 PM", "Last edited time: ...": the title page's notes, never story text (they were its first chapter)
    "created": "notes",
    "created time": "notes",
    "date created": "notes",
    "last edited": "notes",
    "last edited time": "notes",
    "last modified": "notes",
}
# The same labels as other languages write them ("Автор:", "作者：", "Auteur :"), before a
# first chapter heading that bot.story.structure reads in those languages. They need a colon:
# a dash after a word in another language is as likely to be text.
_WORLD_KEYS: dict[str, str] = {
    **dict.fromkeys(
        (
            "название",
            "заглавие",
            "назва",
            "titel",
            "titre",
            "título",
            "titulo",
            "titolo",
            "tytuł",
            "název",
            "názov",
            "cím",
            "başlık",
            "pavadinimas",
            "nosaukums",
            "pealkiri",
            "otsikko",
            "judul",
            "tiêu đề",
            "标题",
            "標題",
            "题名",
            "題名",
            "书名",
            "書名",
            "タイトル",
            "作品名",
            "제목",
        ),
        "title",
    ),
    **dict.fromkeys(
        (
            "автор",
            "авторы",
            "авторка",
            "autor",
            "autorin",
            "autora",
            "autores",
            "auteur",
            "auteure",
            "autrice",
            "autore",
            "autorka",
            "författare",
            "forfatter",
            "szerző",
            "yazar",
            "autorius",
            "autors",
            "autori",
            "kirjoittaja",
            "penulis",
            "tác giả",
            "作者",
            "著者",
            "作家",
            "作",
            "著",
            "文",
            "笔者",
            "筆者",
            "저자",
            "작가",
            "글",
            "글쓴이",
            "지은이",
        ),
        "author",
    ),
    **dict.fromkeys(
        (
            "описание",
            "аннотация",
            "краткое содержание",
            "опис",
            "анотація",
            "zusammenfassung",
            "inhaltsangabe",
            "klappentext",
            "résumé",
            "resumen",
            "resumo",
            "sinopsis",
            "sinopse",
            "riassunto",
            "trama",
            "streszczenie",
            "opis",
            "shrnutí",
            "anotace",
            "özet",
            "santrauka",
            "kopsavilkums",
            "samenvatting",
            "sammanfattning",
            "简介",
            "簡介",
            "内容简介",
            "摘要",
            "梗概",
            "文案",
            "あらすじ",
            "概要",
            "줄거리",
            "описание",  # Ficbook's
            "introduzione",  # EFP's
            "sinopsis",
            "giới thiệu",
            "văn án",
            "작품 소개",
            "소개",
        ),
        "summary",
    ),
    **dict.fromkeys(
        (
            "предупреждения",
            "предупреждение",
            "попередження",
            "warnungen",
            "warnung",
            "inhaltswarnung",
            "inhaltswarnungen",
            "triggerwarnung",
            "triggerwarnungen",
            "avertissement",
            "avertissements",
            "advertencia",
            "advertencias",
            "aviso",
            "avisos",
            "avvertenza",
            "avvertenze",
            "ostrzeżenie",
            "ostrzeżenia",
            "varování",
            "upozornění",
            "uyarı",
            "uyarılar",
            "įspėjimai",
            "brīdinājumi",
            "waarschuwing",
            "waarschuwingen",
            "varning",
            "varningar",
            "警告",
            "内容警告",
            "注意事項",
            "경고",
        ),
        "declared",
    ),
    **dict.fromkeys(
        ("рейтинг", "classificação", "clasificación", "classificazione", "評級", "分级", "レーティング"), "rating"
    ),
    **dict.fromkeys(("фандом", "фандомы", "фэндом", "фэндомы", "原作", "作品"), "fandoms"),
    **dict.fromkeys(
        ("пейринг", "пейринги", "пэйринг", "пэйринги", "пэйринг и персонажи", "pareja", "parejas", "配对", "cp"),
        "relationships",
    ),
    **dict.fromkeys(
        ("персонажи", "personajes", "personnages", "personaggi", "personagens", "postacie", "角色", "登場人物"),
        "characters",
    ),
    **dict.fromkeys(("метки", "теги", "etiquetas", "标签", "タグ", "태그"), "additional_tags"),
    **dict.fromkeys(
        (
            "примечание",
            "примечания",
            "примечание автора",
            "примечания автора",
            "от автора",
            "anmerkung",
            "anmerkungen",
            "remarque",
            "remarques",
            "nota",
            "notas",
            "nota del autor",
            "nota de autor",
            "uwaga",
            "uwagi",
            "poznámka",
            "poznámky",
            "notlar",
            "作者的话",
            "作者有话说",
            "作者有话要说",
            "备注",
            "посвящение",
            "後書き",
            "前書き",
        ),
        "notes",
    ),
    **dict.fromkeys(
        (
            "жанр",
            "жанры",
            "размер",
            "статус",
            "направленность",
            "бета",
            "беты",
            "гамма",
            "кол-во частей",
            "публикация на других ресурсах",
            "язык",
            "sprache",
            "langue",
            "idioma",
            "lingua",
            "język",
            "género",
            "gênero",
            "genere",
            "gatunek",
            "类型",
            "類型",
            "ジャンル",
            "장르",
            "字数",
            "文字数",
        ),
        "",
    ),
}
_KEYS.update({key: target for key, target in _WORLD_KEYS.items() if key not in _KEYS})
# A run of spaces is read from its first space only: "(?<![ \t])" before "[ \t]*" after a part that may
# end in a space (a key, a name). Tried from each space of it, a line of "x", a million spaces and "y"
# was read once per character the part may hold (3 s for a megabyte). The match found is the same: a
# shortest part never ends in a space the run after it could take. A field's run before its separator
# is taken whole ("*+"), the dash's space looked back at, so the run is not given back a space at a time.
_RUN_START = r"(?<![ \t])"
_FIELD = re.compile(
    r"^[ \t]*[*_]{0,2}(?P<key>[^\W\d_](?:[^\W\d_]|['’ /]){0,24}?)[*_]{0,2}(?<![ \t])[ \t]*+"
    r"(?:\([^()\n]{1,40}\)[ \t]*)?"  # an aside after the key: "Warnings (highlight to read):"
    r"(?P<sep>::?|：|(?<=[ \t])[-–—])[*_]{0,2}[ \t]*(?P<value>.*)$"
)
# Short labels that need a colon; "An - " or "Tags - " in prose are too likely to be text.
_COLON_ONLY = {
    "created",
    "an",
    "wc",
    "a/n",
    "tags",
    "note",
    "words",
    "status",
    "beta",
    "rated",
    "started",
    "completed",
    "finished",
    "posted",
    "date",
    "genre",
    "cover",
    "editor",
}
_ENGLISH_NOTE_LABELS = (
    r"a/n|a\.n\.|author['’]?s['’]? ?notes?|authors? notes?|note from the author|an|notes?"  # ’: a word processor's
    r"|(?:end|ending|closing|final|opening|beginning|chapter|chapter end|story) notes?|author['’]?s['’]? ?afterword"
    # a fan translation's notes: the translator's or the editor's, never the story's
    r"|t/n|tl ?notes?|tln|translator['’]?s['’]? ?notes?|translation notes?|e/n|editor['’]?s['’]? ?notes?"
)
# What a title page calls the work, after a fandom's or a site's name of up to three words, which may
# hold marks ("a Haikyuu!! fic", "a Witcher one-shot", "a wattpad story").
_STORY_KINDS = (
    "story|fic|fanfic|fanfiction|novel|novella|one-?shot|book|poem|drabble|ficlet|romance|fantasy|mystery|thriller"
    "|tale|fable|fairy[ \t]+tale|memoir|serial|web[ \t]?serial|poems|stories|tales|play|comedy|tragedy|drama"
)
# How a title page goes on after what the work is: "A Novel in Two Books", "A Romance in Three Parts",
# "A play in three scenes".
_KIND_PARTS = (  # (or in anything it counts: "A Novel in Four Seasons", "a story in five letters")
    r"(?:[ \t]+in[ \t]+(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|[1-9]\d?)[ \t]+"
    r"(?:books?|parts?|volumes?|acts?|scenes?|[^\W\d]{3,20}s))?"
)
# Where a book stands in its series, under its title: "Book One of the Ember Trilogy", "Volume 2 in the Saltmarsh Series".
_SERIES_LINE = (
    r"(?:book|volume|part|vol\.)[ \t]+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|[ivx]{1,4})"
    r"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?\S.{0,60}?(?:trilogy|duology|series|saga|cycle|quartet|chronicles?)"
)
_HASHTAGS = re.compile(r"#[^\W\d_][^\s#]{0,60}(?:[ \t]+#[^\W\d_][^\s#]{0,60}){0,30}")
# A run of spaces after a word is taken whole ("++"): only a word, never a space, can follow it, and
# given back a space at a time, "by", a million spaces and "Mara" tried every word after each.
_FANDOM_WORDS = r"(?:[^\s,;.?]+[ \t]++){0,3}?"
# A draft's mark under its title: "Draft 3 — do not share", "second draft", "DRAFT v2 (unedited)".
_DRAFT_LINE = re.compile(
    r"(?:(?:first|second|third|final|rough|working|\d{1,2}(?:st|nd|rd|th)?)[ \t]+)?draft(?:[ \t]+v?\d{1,3}(?:\.\d{1,3})?)?"
    r"(?:[ \t]*[—–\-:,(][ \t]*[^\n]{0,40})?",
    re.IGNORECASE,
)
# "a Witcher fic" alone under the title: what the work is, a note of the title page, no story text.
_KIND_LINE = re.compile(
    rf"^[ \t]*(?:an?[ \t]+{_FANDOM_WORDS}(?:{_STORY_KINDS}){_KIND_PARTS}|{_SERIES_LINE})[ \t.]*$", re.IGNORECASE
)
# "by Mara Quill", "written by R. Okonkwo", "a wattpad story by @moonlitpages", "a Haikyuu!! fic by kestrel".
_BY_LINE = re.compile(
    rf"^[ \t]*(?:(?:an?[ \t]++)?{_FANDOM_WORDS}(?:{_STORY_KINDS}){_KIND_PARTS}[ \t]++)?"
    rf"(?:(?:written|words|text|story|writing)[ \t]+)?by[ \t:]+(?P<author>\S.{{0,80}}?){_RUN_START}[ \t]*$",
    re.IGNORECASE,
)
# The same line in the languages bot.story.ordinals reads ("von Anna Schmidt", "par Camille
# Moreau", "escrito por Lucía Vega", "Írta: Kovács Anna"). These words also start prose ("Von
# diesem Tag an", "Par une nuit"), so what follows them must read as a name (_name_like).
_WORLD_BY_WORDS = (
    "geschrieben von|von|geschreven door|door|skriven av|skrevet av|skrevet af|av|af|eftir"
    "|écrit par|écrite par|par|escrito por|escrita por|por|scritto da|scritta da|scris de|scrisă de|di|da|de"
    "|napisane przez|napisana przez|przez|autorstwa|napsal|napsala|napísal|napísala|napisao|napisala|od"
    "|írta|kirjoittanut|kirjutanud|parašė|yazan|γραμμένο από|από|του|της|написано|написала|написал"
    "|författare|forfatter|auteur|autore|autora|autorka|autorin|autor|szerző|yazar|autors|autorius|автор|авторка"
    "|ditulis oleh|oleh|bởi|viết bởi"
)
_WORLD_BY_LINE = re.compile(
    rf"^[ \t]*(?:{_WORLD_BY_WORDS})(?:[ \t]*:[ \t]*|[ \t]+)(?P<author>\S.{{0,80}}?){_RUN_START}[ \t]*$",
    re.IGNORECASE,
)
# The same line as Chinese, Japanese and Korean write it: a label and the name ("作者：玛拉",
# "作：山田花子", "文/玛拉", "글: 김하늘", the colon forms also being fields, see _WORLD_KEYS), or
# the name and then "written" ("夏目漱石 著", "김하늘 지음"), set apart by a space.
_CJK_SPACE = "[ \t\u3000]"
_CJK_BY_LINE = re.compile(
    rf"^{_CJK_SPACE}*(?:(?:作者|著者|作|著|文|笔者|筆者|작가|글|글쓴이|지은이|저자){_CJK_SPACE}*[:：/／]{_CJK_SPACE}*"
    rf"(?P<author>\S.{{0,40}}?)|(?P<named>\S.{{0,40}}?)(?<!{_CJK_SPACE}){_CJK_SPACE}+(?:著|作|지음|씀))"
    rf"(?<!{_CJK_SPACE}){_CJK_SPACE}*$"
)
# What no name holds: a sentence's stops and commas, quotation marks and brackets of speech.
_NOT_IN_CJK_NAMES = frozenset('。，、！？；：「」『』“”"（）()!?,;')
_CJK_STOPS = ("。", "，", "、", "；", "：")  # a line ending so is a sentence, never a title
# Lower-case words inside a name: "Ana de la Cruz", "Ludwig van Beethoven", "Marie zu Salm".
_NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "dela",
        "la",
        "le",
        "les",
        "du",
        "des",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "zu",
        "af",
        "av",
        "y",
        "e",
        "i",
        "et",
        "und",
    ]
)
# "TW for miscarriage", "CW: grief", "tw// blood", "C/W - gore", "Trigger warnings: ...". The
# text after the label starts and ends on a non-space, so a long run of spaces is read once.
_ENGLISH_LABELS = (
    r"(?:TW|CW|T/W|C/W)s?(?:[ \t]*/[ \t]*(?:TW|CW)s?)?|(?:trigger|content|chapter)[ \t]warnings?(?:\(s\))?"
    # "Additional Warnings: blood" under AO3's "Creator Chose Not To Use Archive Warnings"
    r"|(?:additional|other|extra|minor|specific|further|general|overall)[ \t]+(?:content[ \t]+|trigger[ \t]+)?warnings?"
    r"|warnings?(?:\(s\))?|heads[ \t-]+up|dead[ \t]+dove(?:[ \t]*[:\-–—]?[ \t]*do[ \t]+not[ \t]+eat)?"
    # a broadcaster's words for the same notice: "Content advisory: ...", "Reader discretion is advised: ..."
    r"|content[ \t]+advisor(?:y|ies)|(?:viewer|reader)[ \t]+discretion(?:[ \t]+is)?(?:[ \t]+(?:strongly[ \t]+)?advised)?"
)
# A label that is also an ordinary notice ("Spoilers: the butler did it"): a declaration only over
# warnings, "(spoilers: character death)" in a summary.
_ENGLISH_GENERIC_LABELS = r"spoilers?(?:[ \t]+alert)?"
# The body ends at a sentence's end or an aside, Chinese and Japanese ones too ("。", "！", "（"); a
# short aside in brackets inside a list goes on with it ("CW: self-harm (brief), blood").
# (Runs of characters matched by a class, an aside between them: an alternation tried at each character
# cost a third more on paragraphs that open like declarations.)
_BODY_RUN = r"[^.!?。！？\n()（）\[\]\s](?:[^.!?。！？\n()（）\[\]]*[^.!?。！？\n()（）\[\]\s])?"
_BODY_ASIDE = r"\([^()\n]{0,40}\)"
_DECLARED_BODY = rf"[ \t]*{_BODY_RUN}(?:[ \t]*{_BODY_ASIDE}(?:[ \t]*{_BODY_RUN})?)*"
# Where a label or phrase may start and end: at a word's edge, or anywhere in a script written without
# spaces ("本章预警：死亡": the label 预警 follows 本章 with no space between).
_STARTS = rf"(?:(?<![\w/])|(?=[{UNSPACED_CHARS}]))"
_ENDS = rf"(?:\b|(?<=[{UNSPACED_CHARS}{HANGUL_CHARS}]))"  # Korean writes endings onto a word: "이번 화에는"
# Japanese frames a label with reference marks, lenticular brackets or stars: "※注意※ 死ネタ", "【注意】流血", "＊注意＊".
_SEPARATOR = r"[ \t]*(?:[:：\-–—※】＊》]|//?)"
# A label in a frame of its own ("【注意】", "＊注意＊", "《注意》") heads a notice: no sentence opens so.
_FRAMED_LABEL = re.compile(r"^[【＊《※][^\s:：】＊》※]{1,12}[】＊》※]")
GENERIC_LABEL_CHARS = 24  # how far back a generic label looks for the sentence it starts


@cache
def _declaration() -> re.Pattern[str]:
    """A declaration, in English or in a language of declared.json ("CW für dieses Kapitel: Tod",
    "Avertissement : mort d'un personnage"). A label that is also an ordinary notice ("Aviso:",
    "Avertissement :") is caught as ``generic``: :func:`_is_declaration` holds it to more."""
    cues = declaration_cues()
    labels = rf"(?:{_ENGLISH_LABELS}|{cues.labels}|(?P<generic>{_ENGLISH_GENERIC_LABELS}|{cues.generic_labels}))"
    connectors = rf"for|{cues.connectors}"
    return re.compile(
        # (an aside may stand between the label and its colon: "Warnings (in order of appearance): ...")
        rf"{_STARTS}(?:[【＊《]?{labels}(?:[ \t]+(?:{connectors}){_ENDS}|(?:[ \t]*\([^()\n]{{1,30}}\))?{_SEPARATOR})"
        rf"|(?P<bare>(?:TW|CW|T/W|C/W)s?)[ \t]+){_DECLARED_BODY}",
        re.IGNORECASE,
    )


# A rights notice line: "All rights reserved", "© 2021 Mara Quill", "Copyright Mara Quill".
# A line that is only a web address, or one labelled as the story's source or link.
_SOURCE_ADDRESS = re.compile(r"^(?:(?:source|link|url|original)\s*:\s*)?(?:https?://|www\.)\S+$", re.IGNORECASE)
_RIGHTS = re.compile(
    r"^(?:©|\(c\)[ \t]*\d{4}|copyright[ \t]+(?:©[ \t]*)?(?:\d{4}|by\b))"
    r"|all rights reserved[ \t.!,]*(?:(?:©|\(c\)|copyright\b)[^\n]{0,80})?$"  # "all rights reserved © 2022 mara"
    r"|(?:todos los derechos reservados|tous droits réservés|alle rechte vorbehalten|todos os direitos reservados"
    r"|tutti i diritti riservati|wszelkie prawa zastrzeżone|все права защищены)[ \t.!]*$"
    # a copyright page's "ISBN: 978-1-23456-789-0"; its runs of spaces taken whole (possessive): every space
    # can also be the number's, and "isbn" over 2,000 spaces took 27 s tried every way
    r"|^isbn(?:[ \t-]*+1[03])?[ \t]*+:?[ \t]*+(?:97[89])?[\d -]{9,}[\dx]$",
    re.IGNORECASE,
)
# An edition line under a book's title: "Smashwords Edition", "Kindle Edition, 2015", "Published by
# Mara Quill at Smashwords", Project Gutenberg's early "THE MILLENNIUM FULCRUM EDITION 3.0" (Alice,
# #11). Read only once the title or author is known: "First Edition" may title a story.
_EDITION = re.compile(
    r"^(?:(?:smashwords|kindle|nook|kobo|ebook|e-book|digital|electronic|paperback|hardcover|print|first|second"
    r"|third|revised)[ \t]+edition\b|published[ \t]+by[ \t].{1,80}?[ \t]at[ \t]+smashwords\b"
    r"|(?:the[ \t]+)?millennium[ \t]+fulcrum[ \t]+edition\b)",
    re.IGNORECASE,
)
# A store's licence notes and a copyright page's boilerplate ("This ebook is licensed for your personal
# enjoyment only", "No part of this book may be reproduced", "This is a work of fiction. Names, ..."):
# said of the book, never a sentence of its story.
_LICENCE = re.compile(
    r"\blicen[cs]e[ \t]+(?:notes?|statement)\b|\blicensed[ \t]+for[ \t]+your[ \t]+personal[ \t]+enjoyment\b"
    r"|\bmay[ \t]+not[ \t]+be[ \t]+re-?sold\b|\bcopyrighted[ \t]+property[ \t]+of\b"
    r"|\bno[ \t]+part[ \t]+of[ \t]+this[ \t]+(?:book|publication|e-?book|work)[ \t]+may\b"
    r"|\bthis[ \t]+(?:is[ \t]+a|book[ \t]+is[ \t]+a|story[ \t]+is[ \t]+a|novel[ \t]+is[ \t]+a)[ \t]+work[ \t]+of[ \t]+fiction\b",
    re.IGNORECASE,
)
LICENCE_CHARS = 1500
HEADER_BLOCK_LINES = 12
HEADER_LINE_CHARS = 120
_NOTE_MARKERS = re.compile(
    r"\b(?:my first|this (?:story|fic|fanfic|one-?shot|chapter)|fan ?fic(?:tion)?s?|reviews?|reviewing|r ?& ?r"
    r"|enjoy|disclaimer|(?:don['’]?t|do not|doesn['’]?t) own|out of character|ooc|hope (?:you|u|ya|y['’]?all)"
    r"|thanks? (?:you )?(?:so much )?(?:for|4) (?:reading|the reviews|your)|lol|lmao|please (?:review|comment)"
    r"|comments?|kudos|beta(?:ed)?|one-?shot|(?:hey|hi|hello) (?:every(?:one|body)|guys|all|peeps|readers)"
    r"|readers?|updates?|updating|episodes?|next chapter|author|wats up|what['’]?s up|cookies?"
    r"|patreon|ko-?fi|(?:my|our) (?:patrons|supporters))\b",  # a serial's thanks to those paying for it
    re.IGNORECASE,
)
NOTE_SCORE = 3
SUMMARY_CHARS = 1200
NOTE_SCAN_CHARS = 20_000


def note_score(text: str) -> int:
    """How many distinct signs of an author talking to readers a paragraph carries.

    Read in its first NOTE_SCAN_CHARS characters: a note says what it is early, and a
    megabyte-long paragraph must not cost a scan of all of it.
    """
    return len({match.group(0).lower() for match in _NOTE_MARKERS.finditer(text, 0, NOTE_SCAN_CHARS)})


# The bracket and the stars or underscores a line opens with: "(A/N:", "**A/N:**", "[*A/N:*".
_EMPHASIS_RUN = re.compile(r"[ \t]*([(\[]?)([*_]*)")
_CLOSING_BRACKET = {"(": ")", "[": "]"}


@cache
def _note_label() -> re.Pattern[str]:
    """An author's note's label: "A/N:", "Author's note -", and the labels of declared.json's
    languages ("Anmerkung der Autorin:", "Note de l'auteur :", "N/A:"). Those need a colon: a word
    like "Nota" or "Notiz" followed by a dash may start a sentence of the story."""
    cues = declaration_cues()
    # The marks before a label are taken whole ("*+"): no label opens with one, and given back one at
    # a time, a line of a million "*_" tried every label at each (2 s a megabyte, and growing).
    world = rf"|[*_(\[※【]*+(?:{cues.note_labels})(?:[*_)\]]*[ \t]*[:：]|[ \t]*[※】])" if cues.note_labels else ""
    # A label alone on a paragraph's first line, the note under it ("まえがき" over its text).
    alone = "|".join(part for part in (_NOTE_LABELS_ALONE, cues.note_labels) if part)
    return re.compile(
        rf"^[ \t]*(?:[*_(\[]*+(?:{_ENGLISH_NOTE_LABELS}){_NOTE_PLACE}[*_)\]]*[ \t]*(?::|-|–|—){world}"
        # (between ornaments too: "~*~ A/N ~*~", "★ Author's Note ★")
        rf"|[*_(\[【~=★☆♡♥✧✦•· \t]*+(?:{alone})[*_)\]】~=★☆♡♥✧✦•· \t]*\n(?=[ \t]*\S))",
        re.IGNORECASE,
    )


# Where a note stands, after its label: "Author's note before the chapter:", "A/N (end of chapter):".
_NOTE_PLACE = (
    r"(?:[ \t]+\(?(?:(?:before|after|for)[ \t]+(?:the|this)|(?:at[ \t]+)?(?:the[ \t]+)?(?:start|beginning|end)[ \t]+of"
    r"(?:[ \t]+(?:the|this))?)[ \t]+(?:chapter|story|part|fic)\)?)?"
)
_NOTE_LABELS_ALONE = NOTE_LABELS_ALONE  # "Author's Note" on a line of its own over the note


def is_labelled_note(text: str) -> bool:
    return _note_label().match(text) is not None


def strip_note_label(text: str) -> str:
    """The note without its label, and without the emphasis or brackets the label was set in:
    "**A/N:** thanks", "*A/N: thanks*" and "(A/N: thanks)" are the note "thanks", not "** thanks",
    "thanks*" or "thanks)"."""
    match = _note_label().match(text)
    if match is None:
        return text.strip()
    bracket, opening = _EMPHASIS_RUN.match(text).groups()
    rest = text[match.end() :].strip()
    closing = _CLOSING_BRACKET.get(bracket)
    if closing and rest.endswith(closing) and rest.count(closing) > rest.count(bracket):
        rest = rest[:-1].rstrip()
    if opening and rest.startswith(opening):
        rest = rest[len(opening) :]
    elif opening and rest.endswith(opening):
        rest = rest[: -len(opening)]
    return rest.strip()


def trim_ornaments(text: str) -> str:
    """A line without the symbols and emphasis around it: "⚠️ TW: blood ⚠️" reads "TW: blood".

    Authors frame metadata lines with emoji, stars and sparkles; they are no part of what the
    line says, and a label check or a declared warning must not trip over them.
    """
    run = _ornament_run()
    start = run.match(text).end()  # type: ignore[union-attr]
    if start == len(text):
        return ""
    if not _is_ornament(text[-1]):
        return text[start:]
    trimmed = text[start : len(text) - run.match(text[start:][::-1]).end()]  # type: ignore[union-attr]
    tail = text[start + len(trimmed) :]
    if trimmed.endswith((":", "：")) and any(unicodedata.category(char) == "So" and char != "⚠" for char in tail):
        # "TW: 🔪 🩸": the pictographs are what the label names, no frame; a frame's closing half goes
        # ("✨ Warnings: 🩸 ✨" reads "Warnings: 🩸")
        return trimmed + tail.rstrip(text[:start] + " \t\ufe0f")
    return trimmed


_ORNAMENT_CHARS = "*_~ \t※"
_ORNAMENT_CATEGORIES = frozenset(("So", "Sm", "Sk", "Mn", "Cf", "Zs"))


@cache
def _ornament_run() -> re.Pattern[str]:
    """A run of ornaments (:func:`_is_ornament`), read at C speed: a character at a time, a line of
    a million "|" or "*_" took a second for each of the five readers that trim it. The class is
    built once from the same character database (a quarter of a second, at the workers' warm-up)."""
    ranges: list[list[int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) in _ORNAMENT_CATEGORIES:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    spans = "".join(
        re.escape(chr(first)) + (f"-{re.escape(chr(last))}" if last > first else "") for first, last in ranges
    )
    return re.compile(f"[{re.escape(_ORNAMENT_CHARS)}{spans}]*")


def _is_ornament(char: str) -> bool:
    return char in _ORNAMENT_CHARS or unicodedata.category(char) in _ORNAMENT_CATEGORIES


def declaration_line(line: str) -> bool:
    """Whether a whole line is a declaration ("tw// blood", "⚠️ CW: gore ⚠️", "※死ネタ注意"), not prose."""
    trimmed = trim_ornaments(_unbracketed(trim_ornaments(line)))  # "[CW: self-harm - highlight to read]"
    match = _declaration().match(trimmed)
    if match is not None and (
        (match.group("generic") is None and match.group("bare") is None) or _is_declaration(match)
    ):
        return True
    return marked_list(trimmed)


# A notice's label as Japanese frames it on a line of its own: "※注意※", "【注意】", "＊注意＊", "《注意書き》".
_LABEL_FRAME = "【】《》〈〉［］[]＊*■□◆◇●○★☆―-=＝~〜:：※ \t\u3000"
_LIST_ITEM = re.compile(r"^[ \t\u3000]*(?:[-*+•・･◦▪‣＊※][ \t\u3000]*|\d{1,2}[.)．][ \t]+)")
NOTICE_ITEMS = 20  # a label over more lines than this is over a page of the story
NOTICE_LINE_CHARS = 80


@cache
def _bare_label() -> re.Pattern[str]:
    """A warnings label alone, or naming its chapter: "Warnings", "Content warnings for this chapter"."""
    cues = declaration_cues()
    labels = "|".join(
        part for part in (_ENGLISH_LABELS, _ENGLISH_GENERIC_LABELS, cues.labels, cues.generic_labels) if part
    )
    chapter = rf"(?:[ \t]+(?:for|in)[ \t]+(?:the[ \t]+)?(?:{_THIS_CHAPTER}|{_NEXT_CHAPTER}))?"
    return re.compile(rf"(?:{labels}){chapter}(?:{_LABEL_PLACE.pattern})?", re.IGNORECASE)


def bare_label(text: str) -> bool:
    """Whether ``text`` is a warnings label alone ("Warnings", "Content warnings for this chapter")."""
    return _bare_label().fullmatch(text) is not None


# What a label may say after it, where the list stands and how loud: "CWs below:", "TRIGGER WARNING!".
_LABEL_PLACE = re.compile(
    r"(?:[ \t]+(?:below|ahead|under[ \t]+the[ \t]+cut))?[ \t]*!+|[ \t]+(?:below|ahead|under[ \t]+the[ \t]+cut)$",
    re.IGNORECASE,
)


def notice_list(text: str) -> str | None:
    """A paragraph that is a warnings label on a line of its own over a list, as one declaration
    ("【注意】" over "・死ネタ" and "・捏造過多" reads "注意: 死ネタ, 捏造過多"; "Warnings:" over "- blood");
    None for any other paragraph. Pixiv and Narou authors open a chapter so: the paragraph is
    the chapter's note, and the warnings it names are declared (the rest, "キャラ崩壊", only noted)."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not 2 <= len(lines) <= NOTICE_ITEMS + 1:
        return None
    head = trim_ornaments(lines[0]).strip(_LABEL_FRAME)
    if not head or _bare_label().fullmatch(head) is None:
        return None
    # (an emoji for a bullet, "🩸 blood", is an ornament: trimmed as one)
    items = [trim_ornaments(_LIST_ITEM.sub("", line)).strip().rstrip(",;、，；") for line in lines[1:]]
    if any(not item or len(item) > NOTICE_LINE_CHARS or any(mark in item for mark in '"“”「」『』') for item in items):
        return None
    if _LABEL_PLACE.search(head) and not maps_any(", ".join(items)):
        return None  # "Heads up!" over "- the sky" / "- the sea": a poem's, a label only over warnings
    return f"{_LABEL_PLACE.sub('', head)}: " + ", ".join(items)  # "CWs below:" declares as "CWs:"


@cache
def _notice() -> re.Pattern[str] | None:
    notices = declaration_cues().notices
    # A notice may stand in a frame of its own: "【慎入】", "［注意避雷］".
    return (
        re.compile(rf"([【《〈［\[])?(?:{notices})(?(1)[】》〉］\]])[。！!．.…]*", re.IGNORECASE) if notices else None
    )


def reader_notice(text: str) -> bool:
    """Whether a paragraph is notices to readers, a line each ("地雷注意", "苦手な方はブラウザバック推奨",
    the notices of declared.json's languages), with declarations among them: a note, never story
    text (a story's "足元に注意" or a line in quotes is not one)."""
    notice = _notice()
    lines = [trim_ornaments(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if (
        notice is None
        or not lines
        or not any(len(line) <= NOTICE_LINE_CHARS and notice.fullmatch(line) for line in lines)
    ):
        return False
    return all(
        (len(line) <= NOTICE_LINE_CHARS and notice.fullmatch(line)) or declaration_line(line) or reference_marked(line)
        for line in lines
    )


def extract_declarations(text: str) -> tuple[list[str], str, str]:
    """Warnings declared inline ("TW for miscarriage", "死ネタあり。"), the text before them, and after.

    The text before the first declaration is what the author meant as summary; anything
    after it is an aside ("Permission to end me: granted.") and belongs with the notes.
    """
    labelled = (
        [match.span() for match in _declaration().finditer(text) if _is_declaration(match)]
        if _declaration_hint().may_match(text)
        else []
    )
    found = sorted(labelled + _marked_spans(text, labelled))
    if not found:
        return [], text.strip(), ""
    declared = [trim_ornaments(text[start:end]) for start, end in found]
    before = text[: found[0][0]].strip()
    after = text[found[-1][1] :].strip()
    if before.endswith(_ASIDE_OPENS) and after.startswith(_ASIDE_CLOSES):  # "... home. (TW: death)"
        before, after = before[:-1].rstrip(), after[1:]
    return declared, before, after.lstrip(".!;,。！；， \t").strip()


_ASIDE_OPENS = tuple("([（【")  # the brackets around a declaration go with it
_ASIDE_CLOSES = tuple(")]）】")


# A sentence or line of a text, for declarations without a label ("流血表現あり。", "#死ネタ #流血"):
# each is read whole, so a sentence of the story using the same words is never cut into one.
_SEGMENT = re.compile(r"[^\n。！？.!?]+")
_UP_TO_BOUNDARY = re.compile(r".*[\n。！？.!?]", re.DOTALL)


def _marked_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the sentences and lines that declare with markers instead of a label stand
    (see :func:`bot.warnings.declared.marked_list`), but for those inside a labelled declaration.

    Only a sentence holding a marker is read, found from the marker back to the sentence's start
    (no further than a declaration is long): a note of a hundred thousand sentences costs no more
    than a look for markers in it."""
    spans: list[tuple[int, int]] = []
    reach = 0
    for position in marker_positions(text):
        if position < reach:
            continue
        window = max(0, position - MARKED_LINE_CHARS)
        head = _UP_TO_BOUNDARY.match(text, window, position)
        start = head.end() if head else window
        segment = _SEGMENT.match(text, start)
        if segment is None:
            continue
        reach = segment.end()
        if head is None and window > 0:  # the sentence starts further back: too long to be one
            continue
        begin, end = segment.span()
        if not any(begin < stop and taken_start < end for taken_start, stop in taken) and marked_list(segment.group()):
            spans.append((begin, end))
    return spans


# A note's sentences: "CW for this chapter: self-harm. Next chapter: TW suicide." holds two.
_NOTE_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*|\n+")
# "Next chapter: TW suicide", "CW for the next chapter", "heads up for the upcoming chapter": the
# author warns of the chapter after the one the note is under (end notes often do).
# The same in the languages of declared.json: "CW für das nächste Kapitel", "dans ce chapitre".
# A web serial's or webtoon site's "episode" (Tapas, Webtoon Canvas) is its chapter.
# "in the next one" is the next chapter too ("tw for self harm in the next one"), as "in this one" is this.
_NEXT_CHAPTER = (
    r"(?:next|upcoming|following|coming)\s+(?:chapter|part|update|instal+ment|episode)"
    r"|(?<=the )(?:next|upcoming|following)\s+one\b"
)
_THIS_CHAPTER = r"(?:this|today'?s)\s+(?:chapter|part|update|instal+ment|episode)"
# A farewell naming the next chapter ("see you in the next one!", "until the next chapter", "stay tuned for
# the next part") says nothing of what it holds: a warning after it is read as if the farewell were not there.
_FAREWELL = re.compile(
    r"\b(?:(?:see|catch)\s+(?:you|ya|y'?all|u)(?:\s+(?:all|guys|again|later|soon))?\s+(?:in|at|for|with|on)"
    r"|(?:until|till|'?til)|stay\s+tuned\s+for)\s+the\s+(?:next|upcoming|following)\b",
    re.IGNORECASE,
)


@cache
def _chapter_phrase_hint() -> LiteralHint:
    """A quick no for a note naming neither chapter: the phrases' search took 35 µs a sentence."""
    return LiteralHint(_chapter_phrases())


@cache
def _declaration_hint() -> LiteralHint:
    """A quick no for text holding no declaration label (every declaration's match holds one)."""
    return LiteralHint([_declaration()])


@cache
def _chapter_phrases() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The phrases naming the next chapter and this one, in English and the languages of declared.json."""
    cues = declaration_cues()
    return (
        re.compile(rf"(?:\b|(?=[{UNSPACED_CHARS}]))(?:{_NEXT_CHAPTER}|{cues.next_chapter}){_ENDS}", re.IGNORECASE),
        re.compile(rf"(?:\b|(?=[{UNSPACED_CHARS}]))(?:{_THIS_CHAPTER}|{cues.this_chapter}){_ENDS}", re.IGNORECASE),
    )


def declare_chapter_warnings(story: Story) -> Story:
    """Each chapter's own declared warnings, from its notes and summary, whatever the format (and the
    story's, from its title: "Small Fires (TW: self-harm)").

    "CW for this chapter: self-harm" in chapter 2's notes is the author's warning for chapter 2:
    that chapter carries it, the others do not (the story's own tags and notes stay story-wide).
    "CW for the next chapter: suicide" in its end notes warns of chapter 3, and chapter 3 carries
    it. Under the last chapter it warns of a chapter not posted yet, so it lands on no chapter (the
    note stays the last chapter's note; `/story update` with that chapter reads it again and places
    it there): the last chapter holds none of it. A warning in a sentence of its own after one that names
    the next chapter is for either (see :func:`_note_sentences`), so both carry it.
    The note itself stays a note, never story text. Returned for chaining.

    Each chapter's warnings are gathered once, in order: a note of hundreds of thousands of
    declarations is read in one pass. The sentences read are capped per note and for the story
    (MAX_NOTE_SENTENCES, MAX_STORY_NOTE_SENTENCES in bot/story/limits.py); past them notes stay notes, unread.
    """
    chapters = story.chapters
    named = ChaptersByNumber(chapters)
    gathered = [dict.fromkeys(chapter.declared_warnings) for chapter in chapters]
    story_wide: dict[str, None] = {}
    read: dict[str, tuple[tuple[int, list[str]] | None, list[str], bool]] = {}  # each sentence said again: once
    budget = MAX_STORY_NOTE_SENTENCES  # sentences left to read, over every note of the story
    declared, title = title_declarations(story.meta.title)  # "Small Fires (TW: self-harm)"
    if declared and title:
        story.meta.title = title
        story_wide.update(dict.fromkeys(declared))
    for index, chapter in enumerate(chapters):
        if chapter.title:  # "The Fall (TW: suicide)": the title keeps its words, the chapter the warning
            declared, chapter.title = title_declarations(without_pointer_aside(chapter.title))
            gathered[index].update(dict.fromkeys(declared))
        following = index + 1 if index + 1 < len(chapters) else None  # nothing follows the last chapter
        for note in dict.fromkeys(chapter.notes):  # a note said again declares nothing more: read once
            for sentence, targets in _note_sentences(notice_list(note) or note, index, following):
                if budget == 0:
                    break  # 2,500 notes of 199 different sentences each took 4.9 s
                budget -= 1
                if _SAYS_NOTHING.fullmatch(sentence):
                    continue  # ". . . ." split a note into a million sentences of a stop each (4 s)
                numbered, warnings, story_scope = read.get(sentence) or read.setdefault(
                    sentence, _sentence_declarations(sentence)
                )
                if numbered is not None and (at := named.index(numbered[0])) is not None:
                    gathered[at].update(dict.fromkeys(numbered[1]))  # "chapter 4 contains ..."
                    continue
                if story_scope:
                    story_wide.update(dict.fromkeys(warnings))  # "Content warning for the whole story: ..."
                    continue
                for warning in warnings:
                    for target in targets:
                        gathered[target].setdefault(warning)
    for chapter, warnings in zip(chapters, gathered, strict=True):
        chapter.declared_warnings = list(warnings)
    story.meta.declared_warnings.extend(
        warning for warning in story_wide if warning not in story.meta.declared_warnings
    )
    return story


# A sentence of ASCII stops, brackets and spaces only: no declaration, nothing to read.
_SAYS_NOTHING = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]*")


def _sentence_declarations(sentence: str) -> tuple[tuple[int, list[str]] | None, list[str], bool]:
    """What a note's sentence declares: for a chapter it names by number ("chapter 4 contains ..."),
    else its warnings, and whether it says they are for the whole story."""
    numbered = numbered_chapter_holds(sentence)
    warnings = (
        extract_declarations(sentence)[0]
        or _chapter_holds(sentence)
        or _there_is(sentence)
        or _chapter_holds_in_other_words(sentence)
    )
    story_scope = bool(warnings) and bool(_STORY_SCOPE.search(sentence)) and not this_or_next(sentence)
    return numbered, warnings, story_scope


# A declaration saying it is for the whole story, wherever its note stands: "Content warning for the
# whole story: ...", "CWs for the entire fic", "story-wide TWs", "TW (all chapters): ...". Under the
# first chapter's heading it was that chapter's alone.
_STORY_SCOPE = re.compile(
    r"\b(?:(?:for|in|across|throughout)[ \t]+(?:the[ \t]+|this[ \t]+)?(?:whole|entire|full)[ \t]+"
    r"(?:story|fic|fanfic|work|series|book|thing|serial)"
    r"|(?:for|in|across|throughout)[ \t]+(?:all|every)[ \t]+(?:the[ \t]+)?(?:chapters?|parts?)"
    r"|(?:story|fic|work|series)[ \t]*-?[ \t]*wide)\b",
    re.IGNORECASE,
)


def this_or_next(sentence: str) -> bool:
    """Whether a sentence names this chapter or the next ("for this chapter", "next part")."""
    next_chapter, this_chapter = _chapter_phrases()
    return bool(next_chapter.search(sentence) or this_chapter.search(sentence))


def _lists_only(text: str) -> bool:
    """Whether a paragraph only lists warnings or short items ("drowning, grief, a funeral"), as what
    a label a paragraph over it declares must: a sentence under "Warnings" is the story's."""
    first = text.split("\n", 1)[0]
    return lists_warnings(first) or lists_declared(f"Warnings: {first}", known_needed=False)


# The longest title read for the warnings it declares: what tidy.one_line reads of a title to show it.
TITLE_DECLARATION_CHARS = 4 * MAX_TITLE_CHARS


def title_declarations(title: str) -> tuple[list[str], str | None]:
    """The warnings a chapter's title declares ("The Fall (TW: suicide)", a drabble's "Hospital
    Corners (T, CW: hospital)"), and the title without them (None when nothing else is left).
    Only a list of warnings: "Warning: Thin Ice" stays the title it is. A title longer than
    :data:`TITLE_DECLARATION_CHARS` declares nothing: it is cut to MAX_TITLE_CHARS when shown, and a
    "Title:" line of 4 MB of spaces before its "(TW: suicide)" was read for declarations whole (2.4 s of CPU)."""
    if len(title) > TITLE_DECLARATION_CHARS:
        return [], title
    declared, before, after = extract_declarations(title)
    # (under a TW or CW label, a list with a warning the taxonomy has no id for: "[TW: drowning, suicide]")
    if not declared or not all(
        lists_warnings(item) or (_TW_CW.match(item) and lists_declared(item)) for item in declared
    ):
        return [], title  # "Warning: Thin Ice" is a title
    rest = _DANGLING_ASIDE.sub("", before) or after
    return declared, rest.strip() or None


_TW_CW = re.compile(
    r"[ \t]*(?:tw|cw|t/w|c/w|trigger[ \t]+warnings?|content[ \t]+(?:warnings?|notes?))s?\b", re.IGNORECASE
)
# "Hospital Corners (T," before its CW. Looked for from the start of a run of spaces only, taken whole:
# from each space of a run, the run was read to its end (a title of 20,000 spaces before its "(TW: ...)"
# took 1.6 s). The same match: the one from a run's start is the leftmost.
_DANGLING_ASIDE = re.compile(r"(?<![ \t])[ \t]*+[(\[](?:[^()\[\]]{0,20},)?[ \t]*$")


# What a sentence says a chapter or a work holds: "(will) contain", "has", "deals with" ... and what, up to its end.
# "Next chapter: major character death" says the same with a colon.
_HOLDING = (
    r"(?:[ \t]+(?:will[ \t]+)?(?:contains?|has|have|includes?|features?|deals?[ \t]+with|discusses|explores"
    r"|mentions?|touches[ \t]+on|gets?[ \t]+into|is[ \t]+about)(?::(?=[ \t]))?|[ \t]*[:–—])[ \t]+(?P<what>[^.!?\n]{1,200})"
)
_HOLDS = re.compile(rf"\b(?:the[ \t]+)?(?:{_NEXT_CHAPTER}|{_THIS_CHAPTER}){_HOLDING}", re.IGNORECASE)
# A note's sentence that names the chapter by what it holds: "NSFW chapter!", "Smut chapter ahead".
_NAMED_CHAPTER = re.compile(
    r"\W*(?:(?:an?|the|another)[ \t]+)?(?P<what>[^.!?\n]{1,60}?)[ \t]+chapter(?:[ \t]+(?:ahead|incoming|warning))?[ \t!.~]*",
    re.IGNORECASE,
)


# A sentence naming a chapter by its number: "chapter 2 contains self-harm", "ch. 4 has a suicide attempt".
_NUMBERED_HOLDS = re.compile(
    rf"\b(?:the[ \t]+)?(?:chapter|ch\.?|part)[ \t]*(?P<number>\d{{1,4}})(?!\d){_HOLDING}", re.IGNORECASE
)


_NUMBERED = r"(?:the[ \t]+)?(?:chapter|ch\.?|part)[ \t]*(?P<number>\d{1,4})(?!\d)"
# The same said the other way round: "the violence is in chapter 2", "the self-harm happens in ch 3",
# "chapter 3 is where the self-harm is". What it names must be warnings: "the best bit is in chapter 2"
# is no declaration. Each part of a sentence between commas is tried ("heads up, the violence is in
# chapter 2"), less a word joining it on ("so", "but", "also").
_IN_NUMBERED = re.compile(
    r"[ \t]*(?:(?:so|but|and|also|btw|fyi|just[ \t]+so[ \t]+you[ \t]+know)[ \t]+)?(?P<what>[^.!?\n,;:()]{1,80}?)"
    # (or with no verb, a note's list: "mentions of suicide in ch 3")
    r"(?:[ \t]+(?:is|are|happens?|comes?[ \t]+(?:up|in)|shows?[ \t]+up|starts?|kicks?[ \t]+in))?"
    rf"[ \t]+(?:(?:only|all|mostly|mainly)[ \t]+)?in[ \t]+{_NUMBERED}[ \t!.~]*",
    re.IGNORECASE,
)
_NUMBERED_IS_WHERE = re.compile(
    rf"[ \t]*{_NUMBERED}[ \t]+is[ \t]+where[ \t]+(?P<what>[^.!?\n,;:()]{{1,80}}?)"
    r"(?:[ \t]+(?:is|are|happens?|comes?[ \t]+in|starts?|gets?[ \t]+(?:heavy|dark|bad|rough|intense)))?[ \t!.~]*",
    re.IGNORECASE,
)
# A declaration closing on the chapter it is for: "TW for burns in chapter 2", "CW: suicide (ch. 3)".
# (From the start of a run of spaces only, as _IN_THIS_CHAPTER: a note over the story of 40,000 spaces took 18 s.)
_ENDS_IN_NUMBERED = re.compile(
    rf"(?<![ \t])(?:[ \t]+(?:in|for)[ \t]+|[ \t]*\([ \t]*){_NUMBERED}[ \t!.~)]*$", re.IGNORECASE
)
_DIALOGUE_MARKS = frozenset('"“”„«»「」')


class ChaptersByNumber:
    """Which chapter an author's "chapter 4" names: the one its heading numbers 4 when the headings
    number chapters once each (a "Prologue" before "Chapter 1" makes "Chapter 4" the fifth), else the
    fourth; ``None`` when there is no such chapter. Read once for a story's notes."""

    def __init__(self, chapters: list[Chapter]) -> None:
        self._count = len(chapters)
        numbers = [chapter.heading_number for chapter in chapters]
        given = [number for number in numbers if number is not None]
        self._at = (
            {number: index for index, number in enumerate(numbers) if number is not None}
            if given and len(set(given)) == len(given)
            else None
        )

    def index(self, number: int) -> int | None:
        if self._at is not None:
            return self._at.get(number)
        return number - 1 if 0 < number <= self._count else None


def numbered_chapter_holds(sentence: str) -> tuple[int, list[str]] | None:
    """The chapter a sentence names by its number and the warnings it says that chapter holds
    ("Heads up, chapter 2 contains self-harm and blood", "ch 3 has the self-harm stuff"), or where a
    warning is ("the violence is in chapter 2", "chapter 3 is where the self-harm is"); None when it
    names none or no warning. A sentence with dialogue in it ("Chapter 2 has the violence," she said)
    is a story's, never the author's word on a chapter."""
    if len(sentence) > DECLARATION_PARAGRAPH_CHARS or not _DIALOGUE_MARKS.isdisjoint(sentence):
        return None
    bare = _ASIDE.sub("", sentence)  # "(not graphic)"
    found = _NUMBERED_HOLDS.search(bare)
    held = _held(found)
    if found is not None and held:
        return int(found.group("number")), held
    for part in re.split(r"[,;:–—]", bare):
        where = _IN_NUMBERED.fullmatch(part) or _NUMBERED_IS_WHERE.fullmatch(part)
        if where is not None and (lists_warnings(what := where.group("what")) or lists_declared(what)):
            return int(where.group("number")), [part.strip().rstrip("!.~ ")]
    return None


def _chapter_holds(sentence: str) -> list[str]:
    """A note's sentence saying what a chapter holds, "next chapter contains major character death",
    as its declaration, when what it names are warnings; no label over it, so only in a note."""
    if len(sentence) > DECLARATION_PARAGRAPH_CHARS:
        return []
    named = _NAMED_CHAPTER.fullmatch(sentence.strip())
    if named is not None and lists_warnings(named.group("what")):
        return [named.group("what").strip()]  # "NSFW chapter!", "smut chapter ahead"
    return _held(_HOLDS.search(sentence))


# A chapter note's "heads up this one gets heavy, there's a fight and some blood": what there is.
_THERE_IS = re.compile(
    r"\bthere(?:['’]s|[ \t]+is|[ \t]+are|[ \t]+will[ \t]+be|['’]ll[ \t]+be)[ \t]+(?:(?:some|also|a[ \t]+bit[ \t]+of)[ \t]+)?"
    r"(?P<what>[^.!?\n:;]{1,120})",
    re.IGNORECASE,
)


def _there_is(sentence: str) -> list[str]:
    """What a chapter note's sentence says there is in the chapter, when it names warnings and nothing
    else ("there's a fight and some blood"); asked only of an author's note, never of story text."""
    if len(sentence) > DECLARATION_PARAGRAPH_CHARS or not _DIALOGUE_MARKS.isdisjoint(sentence):
        return []
    found = _THERE_IS.search(sentence)
    if found is None:
        return []
    what = found.group("what").strip().rstrip("!~ ")
    return [what] if lists_warnings(what) or lists_declared(f"Warnings: {what}") else []


_HOLDING_VERB = re.compile(r"[ \t]*[^\W\d_]{2,20}[ \t]+")  # the verb after the chapter: "contiene", "enthält"


def _chapter_holds_in_other_words(sentence: str) -> list[str]:
    """What a note's sentence in another language says this chapter or the next holds ("Nota: este
    capítulo contiene autolesiones.", "Dieses Kapitel enthält Gewalt."): the words for the chapter
    (declared.json's), one word for the verb, then warnings and nothing else."""
    if len(sentence) > DECLARATION_PARAGRAPH_CHARS or not _DIALOGUE_MARKS.isdisjoint(sentence):
        return []
    next_chapter, this_chapter = _chapter_phrases()
    found = this_chapter.search(sentence) or next_chapter.search(sentence)
    if found is None:
        return []
    verb = _HOLDING_VERB.match(sentence, found.end())
    if verb is None:
        return []
    what = sentence[verb.end() :].strip().rstrip("!.~ ")
    return [what] if what and lists_declared(f"Warnings: {what}") else []


def _note_sentences(note: str, this: int, following: int | None) -> Iterator[tuple[str, tuple[int, ...]]]:
    """Each sentence of a chapter's note, with the chapters (indexes) its warnings are for.

    A sentence naming the next chapter ("CW for the next chapter: suicide") or this one is for
    that chapter. A sentence naming neither, after one naming the next chapter, is for both:
    in an end note ("The next chapter is a heavy one. TW: suicide") it warns of the next chapter,
    but in a note before the text ("Sorry for the wait, the next chapter will be quicker. CW:
    self-harm") of this one, and the note does not say which it is. With no next chapter
    (``following`` None: the last one), a sentence naming it is for no chapter. A farewell naming it
    ("Thanks for reading, see you in the next one!") changes nothing: the warning after it is this one's.

    Only the first MAX_NOTE_SENTENCES are read (see bot/story/limits.py): a note declares near its start.
    """
    sentences = _NOTE_SENTENCE.split(note, maxsplit=MAX_NOTE_SENTENCES)[:MAX_NOTE_SENTENCES]  # the rest unread
    if not _chapter_phrase_hint().may_match(note):  # names neither chapter (most notes): each is for this one
        yield from ((sentence, (this,)) for sentence in sentences)
        return
    next_chapter, this_chapter = _chapter_phrases()
    targets: tuple[int, ...] = (this,)
    for sentence in sentences:
        if next_chapter.search(sentence) and _FAREWELL.search(sentence) and not _declaration_hint().may_match(sentence):
            yield sentence, targets  # "See you in the next one!": a farewell, no word of what the chapter holds
        elif next_chapter.search(sentence):
            yield sentence, () if following is None else (following,)
            targets = (this,) if following is None else (this, following)
        elif this_chapter.search(sentence):
            yield sentence, (this,)
            targets = (this,)
        else:
            yield sentence, targets


# A paragraph that is nothing but declarations is short; a longer one is story text, read no further.
DECLARATION_PARAGRAPH_CHARS = 600
# An aside in a declaration: "TW: self-harm (mentioned)", "CW: blood [brief]".
_FIRST_LETTER = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum has them
_MARKED_SCRIPT = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")  # CJK, kana, Hangul, full width
_ASIDE = re.compile(r"\([^()\n]{0,80}\)|\[[^\[\]\n]{0,80}\]")
_BARE_WARNING = re.compile(r"warnings?\b", re.IGNORECASE)
# "in this one", "for this chapter" closing a bare "tw self harm": where the warnings are, not one of them.
# (Looked for from the start of a run of spaces only: from each of its spaces, a run was read again.)
_IN_THIS_CHAPTER = re.compile(
    r"(?<![ \t])[ \t]+(?:in|for|throughout)[ \t]+(?:this|today'?s)[ \t]+(?:one|chapter|part|update|instal+ment)[ \t]*$",
    re.IGNORECASE,
)
_PLURAL_WARNINGS = re.compile(r"warnings\b", re.IGNORECASE)
# A paragraph is asked twice or more (a chapter's opening, its middle, its end), and a file may say
# one a hundred thousand times ("TW: blood" over and over): each answer is kept for the next ask.
DECLARATIONS_CACHED = 4096


@lru_cache(maxsize=DECLARATIONS_CACHED)
def declaration_paragraph(text: str) -> bool:
    """Whether a whole paragraph is the author's declaration, set in the story with no "A/N:" over it.

    Authors very often open a chapter with "CW for this chapter: self-harm." or "TW: blood, death"
    alone, or end it with "CW for the next chapter: suicide": posted as the chapter, that warns
    nobody. Each line must be declarations and nothing else (stops, an aside in brackets, the words
    for this or the next chapter), each beyond doubt (see :func:`_sure_declaration`). A sentence
    of the story that mentions a warning, or "Warning: the stairs are steep", stays story text.
    """
    if len(text) > DECLARATION_PARAGRAPH_CHARS:
        return False
    lines = [trim_ornaments(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    found = False
    for line in lines:  # a line to readers beside the list ("please take care of yourselves <3") says no more
        if _declarations_only(line):
            found = True
        elif not reader_aside(line):
            return False
    return found


# What an author says to readers around a warning, no story and no warning: "Stay safe!", "Hi
# everyone! Quick CW: ... Enjoy!", "please take care of yourselves <3".
_READER_ASIDE = re.compile(
    r"(?:(?:hi|hey|hello|heya)(?:[ \t]+(?:everyone|everybody|all|guys|friends|y'?all|lovelies|folks|loves))?"
    r"|(?:please[ \t]+)?(?:stay|be|read)[ \t]+safe(?:ly)?(?:[ \t]+(?:everyone|guys|friends|y'?all|loves))?"
    r"|(?:please[ \t]+)?(?:take[ \t]+care|look[ \t]+after[ \t]+yourselves?|mind[ \t]+yourselves?)"
    r"(?:[ \t]+of[ \t]+(?:yourselves?|you))?(?:[ \t]+(?:everyone|guys|friends|y'?all|loves))?"
    r"|enjoy(?:[ \t]+(?:the[ \t]+chapter|reading))?|happy[ \t]+reading|love[ \t]+(?:you|ya|u)(?:[ \t]+(?:all|guys))?"
    r"|thank(?:s|[ \t]+you)(?:[ \t]+(?:for[ \t]+reading|so[ \t]+much|all))?|sorry|quick|(?:just[ \t]+)?(?:a[ \t]+)?heads[ \t]+up"
    r"|be[ \t]+gentle|ily|xoxo|xx|(?:read|proceed)[ \t]+(?:at[ \t]+your[ \t]+own[ \t]+risk|with[ \t]+caution)"
    # "so skip it if you need to", "feel free to skip that one": after the chapter a warning names
    r"|(?:so[ \t]+)?(?:(?:feel[ \t]+free[ \t]+to|you[ \t]+can|you[ \t]+may)[ \t]+)?"
    r"skip[ \t]+(?:it|that[ \t]+one|this[ \t]+one|ahead)(?:[ \t]+if[ \t]+you[ \t]+(?:need|want|have)[ \t]+to)?)"
    r"[ \t]*(?:[!.~,]+|<3+|♥|❤️?|:\)|\s)*",
    re.IGNORECASE,
)


def reader_aside(text: str) -> bool:
    """Whether ``text`` only greets, thanks or looks after readers (see :data:`_READER_ASIDE`)."""
    text = text.strip().strip("*_~ \t")
    return 0 < len(text) <= 80 and _READER_ASIDE.fullmatch(text) is not None


def _declarations_only(line: str) -> bool:
    """Whether a line holds declarations and, around them, no words but this chapter or the next."""
    if not _may_be_declarations(line):
        return False
    found = [match for match in _declaration().finditer(line) if _is_declaration(match)]
    if not all(_sure_declaration(match) for match in found):
        return False
    labelled = [match.span() for match in found]
    spans = sorted(labelled + _marked_spans(line, labelled))
    if not spans:
        return False
    bounds = [0, *itertools.chain.from_iterable(spans), len(line)]
    residue = " ".join(line[start:end] for start, end in zip(bounds[::2], bounds[1::2], strict=True))
    next_chapter, this_chapter = _chapter_phrases()
    residue = this_chapter.sub(" ", next_chapter.sub(" ", _ASIDE.sub(" ", residue)))
    # "流血表現があります。ご注意ください。": a sentence of a marker alone says no more than the declaration.
    return all(
        not any(char.isalnum() for char in segment) or marker_only(segment) or reader_aside(segment)
        for segment in _SEGMENT.findall(residue)
    )


def _may_be_declarations(line: str) -> bool:
    """A quick no for a line of prose, before :func:`_declarations_only` reads all of it.

    Every letter of a line of declarations is in a declaration, an aside in brackets or the
    words for this chapter or the next (the rest of the line may hold no letter), so its first
    letter starts one of those: one try of each there decides a line of the story, where reading
    the whole line against every language's labels took 40 µs a line (a chapter's opening
    paragraphs are checked in every story). A line in a script with markers after the warning
    ("死ネタあり") is read whole.
    """
    if _MARKED_SCRIPT.search(line):
        return True
    first = _FIRST_LETTER.search(line)
    if first is None:
        return False
    start = first.start()
    if "(" in line[:start] or "[" in line[:start]:
        return True
    next_chapter, this_chapter = _chapter_phrases()
    patterns = (_declaration(), next_chapter, this_chapter)
    if any(pattern.match(line, start) for pattern in patterns):
        return True
    moved = start
    for _ in range(3):  # past a greeting: "Hi everyone! Quick CW: ..."
        aside = _READER_ASIDE.match(line, moved)
        after = _FIRST_LETTER.search(line, aside.end()) if aside is not None and aside.end() > moved else None
        if after is None:
            break
        moved = after.start()
    return moved != start and any(pattern.match(line, moved) for pattern in patterns)


def _sure_declaration(match: re.Match[str]) -> bool:
    """A declaration no story sentence reads as: a TW, CW or content-warning label (in any language
    of declared.json), or a label that is also an ordinary word ("Warning:", "Avertissement :")
    over a list of warnings the taxonomy knows ("Warning: blood and gore", not "Warning: the
    stairs are steep" or "Warning: death was near", see :func:`lists_warnings`), unless a frame
    of its own sets it apart ("【注意】死ネタ、捏造過多": the notice also names what is no warning)."""
    if _FRAMED_LABEL.match(match.group(0)):
        return True  # "【注意】死ネタ、捏造過多": a notice, whatever else it names
    if match.group("generic") is not None:
        return lists_warnings(match.group(0))
    if _BARE_WARNING.match(match.group(0)):
        # "Warnings: drowning, death of a parent": authors list what the taxonomy has no id for; under
        # "Warnings:" a list of such alone ("Warnings: drowning, hospitals") is one too, "Warning: high voltage" no list.
        text = match.group(0)
        return lists_warnings(text) or lists_declared(text, known_needed=not _PLURAL_WARNINGS.match(text))
    return True


def _is_declaration(match: re.Match[str]) -> bool:
    """'Warning: blood' declares; 'without warning - she ran' is prose.

    A label that is also an ordinary notice in its language ("Aviso: el capítulo llega tarde",
    "Avertissement : les personnages sont à J. K. Rowling") declares only where it starts a
    sentence and a warning the taxonomy knows follows it ("Aviso: muerte, violencia").
    """
    text = match.group(0)
    if _negated(match):
        return False
    head = text.split(None, 1)[0].lower()
    if match.group("bare") is not None:
        # "TW suicide", "cw self-harm and blood": only TW and CW go without a colon, and only before
        # a list of warnings the taxonomy knows ("tw spoilers ahead" is not one). The chapter it is
        # for may follow the list ("tw self harm in this one", as "tw for self harm in this one").
        # (or a list with a warning Dogear has no id for beside one it has: "tw grief, death of a grandparent")
        if len(text) > 160:
            return False
        listed = _IN_THIS_CHAPTER.sub("", text)
        return lists_warnings(listed) or lists_declared(listed)
    if match.group("generic") is not None:
        before = match.string[max(0, match.start() - GENERIC_LABEL_CHARS) : match.start()]
        starts = trim_ornaments(before).endswith(tuple(".!?:;([（\n。！？：；")) or not trim_ornaments(before)
        return starts and len(text) <= 160 and maps_any(text)
    if head.startswith(("tw", "cw", "t/w", "c/w")):
        return True
    return len(text) <= 160


# "No warnings for this chapter beyond the tags", "no other TWs for this one": a label an absence stands
# before declares nothing. Read as a declaration, "warnings for this chapter beyond the tags" was
# shown to admins as the author's words Dogear could not place.
# German too: "Keine Triggerwarnungen für dieses Kapitel", "keine weiteren Warnungen".
_NEGATION = re.compile(
    r"(?<![\w'’])(?:no|zero|without|not[ \t]+any|keine|keinerlei|ohne)[ \t]+"
    r"(?:(?:other|further|more|additional|extra|new|specific|real|major|big|serious|heavy"
    r"|weiteren|anderen|besonderen|echten|gro(?:ß|ss)en)[ \t]+)?$",
    re.IGNORECASE,
)
NEGATION_CHARS = 24  # how far back a label looks for the word that negates it


def _negated(match: re.Match[str]) -> bool:
    """A declaration's label right after a word for none ("No warnings for this chapter ...")."""
    before = match.string[max(0, match.start() - NEGATION_CHARS) : match.start()]
    return bool(before) and _NEGATION.search(before) is not None


@dataclass(slots=True)
class _Meta:
    title: str | None = None
    values: dict[str, list[str]] = field(default_factory=dict)
    declared: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summary: str | None = None
    chapter_count: int | None = None  # what a "Chapters: 3" line declares; confirms a chapter list
    warnings_at_end: bool = False  # "Warnings: see end notes" (:mod:`bot.story.warning_pointers`)
    # What each list field (tags, fandoms ...) already holds, to keep each once: asked of the list, a
    # front matter of 140,000 tags compared each with all before it (minutes).
    listed: dict[str, set[str]] = field(default_factory=dict)

    def add(self, key: str, raw_line: str, value: str) -> None:
        target = _KEYS[key]
        segments = [] if target in _PROSE_FIELDS else strung_fields(raw_line)
        if len(segments) > 1:
            for segment in segments:
                parsed = parse_field(segment)
                if parsed is not None:
                    self.add(parsed[0], segment, parsed[1])
            return
        value = value.strip().strip("*_").strip()
        if key == "chapters":
            self.chapter_count = _leading_number(value)
        if not target:
            return
        if target == "declared" and value and (_notice_field(key, value) or field_points_to_end(value)):
            self.notes.append(trim_ornaments(raw_line.strip()))  # "Aviso: ...", "Warnings: see end notes"
            self.warnings_at_end = self.warnings_at_end or field_points_to_end(value)
        elif target == "declared":
            if value:
                # "🌸 cw: gore" (a bullet) declares "cw: gore"; "Warnings (highlight to read): gore", "Warnings: gore"
                self.declared.append(_KEY_ASIDE.sub("", trim_ornaments(raw_line.strip()), count=1))
        elif target == "notes":
            if value:
                self.notes.append(f"{_NAMED_NOTES[key]}: {value}" if key in _NAMED_NOTES else value)
        elif target == "summary":
            self.summary = f"{self.summary}\n{value}".strip() if self.summary else value
        elif target == "title":
            self.title = value or self.title
        elif target in ("archive_warnings", "fandoms", "relationships", "characters", "additional_tags"):
            listed = self.values.setdefault(target, [])
            seen = self.listed.get(target)
            if seen is None:
                seen = self.listed[target] = set(listed)
            for part in (part.strip() for part in value.split(",")):
                if part and part not in seen:
                    seen.add(part)
                    listed.append(part)
        elif target == "rating" and _STARS.fullmatch(value):
            return  # a reader's stars for the book ("★★★★", calibre's jacket, "4/5"), no content rating
        elif value:
            self.values[target] = [value]

    def extend_last(self, key: str, line: str) -> None:
        target = _KEYS[key]
        if target == "summary" and self.summary is not None:
            self.summary = f"{self.summary}\n{line.strip()}".strip()
        elif target == "notes" and self.notes:
            self.notes[-1] = f"{self.notes[-1]}\n{line.strip()}"
        elif target == "declared" and self.declared:
            self.declared[-1] = f"{self.declared[-1]} {line.strip()}"
        elif target == "title" and self.title:
            self.title = f"{self.title} {line.strip()}"


_KEY_ASIDE = re.compile(r"(?<=[^\W\d_])[ \t]+\([^()\n]{1,40}\)(?=[*_]{0,2}[ \t]*::?)")  # "Warnings (spoilers!):"
# (with the count of readers' reviews a reading site adds: Inkitt's "4.6 (34 reviews)")
_STARS = re.compile(
    r"(?:[★☆✩✪✫✬✭✮✯⭐*½ \t]+|\d(?:[.,]\d{1,2})?[ \t]*(?:/[ \t]*(?:5|10)|stars?|out of (?:5|10|five|ten))?)"
    r"(?:[ \t]*\([ \t]*\d[\d,.]*k?[ \t]+(?:reviews?|ratings?|votes?)[ \t]*\))?",
    re.IGNORECASE,
)


def _notice_field(key: str, value: str) -> bool:
    """ "Aviso: Los personajes pertenecen a Rumiko Takahashi" is a notice, not a warning: a label
    that is also an ordinary notice in its language declares only when a warning word follows."""
    return re.fullmatch(declaration_cues().generic_labels, key, re.IGNORECASE) is not None and not maps_any(value)


def _leading_number(text: str) -> int | None:
    """The count a "Chapters: 3" or "Chapters: 2/5" value starts with (2 posted of 5)."""
    match = re.match(r"[ \t]*(\d{1,6})", text)
    return int(match.group(1)) if match else None


# FanFiction.net's stats line: "Rated: Fiction T - English - Romance/Angst - Harry P., Hermione G. -
# Chapters: 3 - Words: 12,345 - ... - id: 123". Read as a whole, never as a "Rated:" field.
_FFN_STATS = re.compile(
    r"^[ \t]*Rated:[ \t]*(?:Fiction[ \t]+)?(?P<rating>K\+?|T|MA?)[ \t]+-[ \t]+(?P<rest>\S.*)$", re.IGNORECASE
)
_FFN_PART_SPLIT = re.compile(r"[ \t]+-[ \t]+")
_FFN_KEYED = re.compile(
    r"^(?P<key>chapters|words|reviews|favs|follows|updated|published|status|id)[ \t]*:[ \t]*(?P<value>.*)$",
    re.IGNORECASE,
)
_FFN_GENRES = frozenset(
    {
        "adventure",
        "angst",
        "crime",
        "drama",
        "family",
        "fantasy",
        "friendship",
        "general",
        "horror",
        "humor",
        "hurt/comfort",
        "mystery",
        "parody",
        "poetry",
        "romance",
        "sci-fi",
        "spiritual",
        "supernatural",
        "suspense",
        "tragedy",
        "western",
    }
)
_FFN_PAIRING = re.compile(r"\[([^\[\]]{1,400})\]")
FFN_STATS_CHARS = 2000


def ffn_stats(line: str, meta: _Meta | None = None) -> bool:
    """Whether ``line`` is a FanFiction.net stats line; read into ``meta`` when one is given.

    The line is taken only when it has FanFiction.net's shape (a rating, then " - " parts with
    at least one of its "Words:" / "Chapters:" counts). Kept: the rating, genres as tags, the
    characters and pairings, the chapter count; the language and the other counts are not.
    """
    if "\n" in line or len(line) > FFN_STATS_CHARS:
        return False
    match = _FFN_STATS.match(line)
    if match is None:
        return False
    parts = [part.strip() for part in _FFN_PART_SPLIT.split(match.group("rest").strip())]
    keyed = [_FFN_KEYED.match(part) for part in parts]
    first_keyed = next((index for index, found in enumerate(keyed) if found), None)
    if first_keyed is None:
        return False
    if meta is None:
        return True
    meta.values["rating"] = [match.group("rating").upper()]
    for part in parts[1:first_keyed]:  # parts[0] is the language
        genres = _ffn_genres(part)
        if genres:
            meta.values.setdefault("additional_tags", []).extend(genres)
        else:
            _ffn_characters(part, meta)
    for found in keyed[first_keyed:]:
        if found and found.group("key").lower() == "chapters":
            meta.chapter_count = _leading_number(found.group("value"))
    return True


def _ffn_genres(part: str) -> list[str]:
    """ "Romance/Hurt/Comfort" as its genres, or [] when the part is not a genre list."""
    pieces = part.split("/")
    genres: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index].strip()
        if piece.lower() == "hurt" and index + 1 < len(pieces) and pieces[index + 1].strip().lower() == "comfort":
            piece = "Hurt/Comfort"
            index += 1
        if piece.lower() not in _FFN_GENRES:
            return []
        genres.append(piece)
        index += 1
    return genres


def _ffn_characters(part: str, meta: _Meta) -> None:
    """ "[Harry P., Ginny W.] Ron W." names three characters and one pairing."""
    characters = meta.values.setdefault("characters", [])
    for group in _FFN_PAIRING.findall(part):
        names = [name.strip() for name in group.split(",") if name.strip()]
        if len(names) >= 2:
            meta.values.setdefault("relationships", []).append("/".join(names))
        characters.extend(names)
    rest = _FFN_PAIRING.sub(",", part)
    characters.extend(name.strip() for name in rest.split(",") if name.strip())
    if not characters:
        del meta.values["characters"]


# Notes that say what they are: /story info shows "Dedication: For my father.", never a bare line.
_NAMED_NOTES = {
    "dedication": "Dedication",
    "dedicated to": "Dedicated to",
    "prompt": "Prompt",
    "prompts": "Prompts",
    **{key: key.capitalize() for key in ("created", "created time", "date created", "last edited", "last edited time")},
    "last modified": "Last modified",
}
_PROSE_FIELDS = frozenset(["summary", "notes"])  # a field whose value is sentences: a "Note:" in it is its own
# Where a line strings one field after another: "Rating: T | Warnings: death", "Rating: T. CW: grief",
# "Pairing: Bucky x Reader • Word count: 2.3k", "Fandom: Haikyuu!! - Rating: T".
# A run of spaces is tried from its first space only ("(?<![ \t])"): tried from each, a run was read
# again from each of its spaces (10 s for a line of 20,000 spaces).
_FIELD_SEPARATOR = re.compile(r"(?:(?<![ \t])[ \t]+)?[|•·][ \t]*|(?<![ \t])[ \t]+[/~\-–—][ \t]+|(?<=[.;,])[ \t]+")
STRUNG_FIELDS = 12  # fields on one line at most; past them the rest stays in the last
# What is read after a separator for a field's key: the key, a run of spaces and its separator, well within.
# The whole rest of the line, taken after each separator, cost a line of "a. a. a. ..." its length squared.
FIELD_HEAD_CHARS = 200
_FIELD_MARK = re.compile(r"[:：\-–—]")  # a head without one holds no field: not sliced or parsed


def strung_fields(line: str) -> list[str]:
    """A metadata line cut into its fields, each "Key: value": a field starts only where a known
    label follows a separator, so "Title: Love - Hate" or "Rating: T. Mostly fluff." stays one.
    Tumblr and Google Docs headers string them so ("Pairing: Bucky x Reader | Warnings: angst,
    death"): read as one field, "Rating: T. CW: grief" was a rating and its warnings were lost.
    A summary or a note takes the rest of the line whatever follows."""
    starts = [0]
    mark = -1  # where the next colon or dash stands, found once for all the separators before it
    for match in _FIELD_SEPARATOR.finditer(line):
        if len(starts) >= STRUNG_FIELDS:
            break
        after = match.end()
        if mark < after:
            found = _FIELD_MARK.search(line, after)
            mark = found.start() if found else len(line) + FIELD_HEAD_CHARS
        if mark >= after + FIELD_HEAD_CHARS:
            continue
        parsed = parse_field(line[after : after + FIELD_HEAD_CHARS])
        if parsed is not None and match.end() > starts[-1]:
            starts.append(match.end())
            if _KEYS[parsed[0]] in _PROSE_FIELDS:
                break
    if len(starts) == 1:
        return [line]
    ends = [*starts[1:], len(line)]
    # Each field but the last ends at its separator: "Rating: T. " is "Rating: T".
    return [line[start:end].rstrip(" \t|•·/~-–—.;,") for start, end in zip(starts[:-1], ends, strict=False)] + [
        line[starts[-1] :]
    ]


def parse_field(line: str) -> tuple[str, str] | None:
    """A "Key: value" line's known key and its value, or None. An emoji set before the key as a bullet
    ("🌸 rating: M", a phone writer's header) is no part of it, and Obsidian's inline field "Author::
    Fen Harrow" is the same field (read before, the author was ": Fen Harrow")."""
    if line[:1] not in _FIELD_OPENS:
        line = line[_ornament_run().match(line).end() :]  # type: ignore[union-attr]
    match = _FIELD.match(line)
    if not match:
        return None
    key = re.sub(r"\s+", " ", match.group("key").strip().lower().replace("’", "'"))
    if key not in _KEYS:
        return None
    if (key in _COLON_ONLY or key in _WORLD_KEYS) and match.group("sep") not in (":", "::", "："):
        return None
    return key, match.group("value")


_FIELD_OPENS = frozenset(" \t*_")  # what _FIELD itself reads before a key


def _field_paragraph(text: str, meta: _Meta) -> str | None:
    """Read a paragraph of "Key: value" lines into ``meta``; returns the last key, or None."""
    lines = _label_over_value(text.split("\n"))
    first = parse_field(lines[0])
    if first is None or _warning_over_verse(first, lines):
        return None
    key = None
    for line in lines:
        parsed = parse_field(line)
        if parsed:
            key = parsed[0]
            meta.add(key, line, parsed[1])
        elif site_chrome(line):
            continue  # the blog's links among the fields ("masterlist | ao3 | ko-fi"): no warning's words
        elif declaration_line(line):
            declared, _, after = extract_declarations(line)
            meta.declared.extend(declared)
            if after:
                meta.notes.append(after)
        elif holds := work_holds(line):
            meta.declared.extend(holds)  # "This fic contains depictions of self-harm, please take care."
        elif (
            key is not None
            and _KEYS[key] in _CONTINUED_FIELDS
            and not (_KEYS[key] == "declared" and _OTHER_FIELD.match(line))
        ):
            meta.extend_last(key, line)
        elif key is not None and line.strip():
            meta.notes.append(line.strip())  # under "Rating: Mature", a line no field goes on with: kept
    return key


def _warning_over_verse(first: tuple[str, str], lines: list[str]) -> bool:
    """A "Warning:" line naming no warning over lines that go on with it and are no fields, a poem's
    ("Warning: the sea is cold," / "and the ledger is long,"): verse, not the header's warnings."""
    return (
        len(lines) > 1
        and _KEYS[first[0]] == "declared"
        and not maps_any(first[1])
        and not lists_declared(lines[0], known_needed=False)
        and all(parse_field(line) is None and not declaration_line(line) for line in lines[1:])
    )


_CONTINUED_FIELDS = frozenset(["summary", "notes", "declared", "title"])  # a field whose value may run on a line
# A field of its own under a list of warnings, one Dogear has no key for (a Notion page's "Created:
# March 3, 2024", "Last edited time: ..."): no more of the warnings, which it was read as.
_OTHER_FIELD = re.compile(r"[ \t]*[A-Z][\w'’ /&-]{0,30}:[ \t]+\S")
# What a title page says the work holds, in a sentence: "This fic contains depictions of self-harm".
# An author's note may open on its readers, addressed: "Dear reader, this book deals with grief".
_ADDRESS = (
    r"(?:(?:(?:my[ \t]+)?dear(?:est)?|hi|hello|hey)[ \t]+(?:lovely[ \t]+)?(?:readers?|friends|all|everyone)"
    r"|readers?|friends),[ \t]*"
)
_WORK_HOLDS = re.compile(
    rf"^\W*(?:{_ADDRESS})?(?:this|the)[ \t]+(?:fic|fanfic|story|work|book|series|one-?shot|novel){_HOLDING}",
    re.IGNORECASE,
)


def work_holds(line: str) -> list[str]:
    """A title page's sentence saying what the work holds, when what it names are warnings."""
    found = _WORK_HOLDS.match(line) if len(line) <= DECLARATION_PARAGRAPH_CHARS else None
    return _held(found)


# What leads up to the list in such a sentence ("some heavy stuff, including self-harm") and the
# chat after it ("some smut in it lol", "a lot of blood, so be careful"): neither is a warning.
_HELD_LEAD = re.compile(
    r"^(?:.{0,120}?\b(?:including|incl\.|such[ \t]+as|e\.g\.,?|namely)|[^,]{0,120},[ \t]*(?:like|mostly|mainly|especially))[ \t]+",
    re.IGNORECASE,
)
_HELD_TAIL = re.compile(
    r"(?:[ \t]+(?:in[ \t]+(?:it|this[ \t]+one|this[ \t]+chapter|there)|here|(?:so[ \t]+)?(?:be[ \t]+careful|beware)"
    r"|fair[ \t]+warning|lol|lmao|haha+|hehe+|oops|xd|ngl|tbh|:\)|;\)|<3+))+[ \t!.~]*$",
    re.IGNORECASE,
)


def _held(found: re.Match[str] | None) -> list[str]:
    """The words of a sentence saying what a work or a chapter holds, up to what it names ("This fic
    contains depictions of self-harm", not its ", please take care"), when those are warnings."""
    if found is None:
        return []
    pieces = [_HELD_TAIL.sub("", piece) for piece in _HELD_LEAD.sub("", found.group("what"), count=1).split(",")]
    while len(pieces) > 1 and (not pieces[-1].strip() or reader_aside(pieces[-1])):
        pieces.pop()
    what = ",".join(pieces)
    # Such a sentence says it lists what the work holds: one warning known among things Dogear has
    # no id for ("miscarriage, infertility, and grief") declares it, as a labelled list does; read
    # as known warnings only, the whole sentence declared nothing.
    if not (lists_warnings(what) or lists_declared(what)):
        return []
    return [found.group(0)[: found.start("what") - found.start(0)].strip() + " " + what.strip()]


def _label_over_value(lines: list[str]) -> list[str]:
    """The lines with a label alone on its line joined to the value on the next ("Rating:" over
    "    Mature"), as AO3's tags read when its page is copied: each value was lost."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        parsed = parse_field(line) if line.rstrip().endswith((":", "：")) else None
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if parsed is not None and not parsed[1].strip() and following.strip() and parse_field(following) is None:
            out.append(f"{line.rstrip()} {following.strip()}")
            index += 2
            continue
        out.append(line)
        index += 1
    return out


# Another's part in the work after the author's name: "Kurosaki Ren (translated by moonlit_tl)".
_CREDIT_AFTER = re.compile(
    r"[ \t]*[(\[](?:translated|trans\.|tl|edited|illustrated|art)[ \t]*(?:by|:)?[ \t]*[^()\[\]\n]{1,60}[)\]][ \t]*$",
    re.IGNORECASE,
)


def by_line_author(line: str) -> str | None:
    """The author a "by" line names, or None when the line reads as prose ("By the time ...").

    A byline in another language ("von Anna Schmidt") is read too, held to a name's shape:
    its words start with a capital, bar the particles of names ("de la Cruz").
    """
    match = _BY_LINE.match(line)
    if match is not None:
        author = _CREDIT_AFTER.sub("", trim_ornaments(match.group("author"))).lstrip("@").strip()
        return author if _author_like(author) else None
    match = _WORLD_BY_LINE.match(trim_ornaments(line))
    if match is not None:
        author = trim_ornaments(match.group("author"))
        # one plain word is a name only after a "by" in lower case ("von Nachtfalter"): "Von Herzen" is a dedication
        lowered = line.lstrip()[:1].islower() and len(author.split()) == 1 and author[:1].isupper()
        return author.lstrip("@") if _author_like(author) and (_name_like(author) or lowered) else None
    return _cjk_by_line_author(line)


def _cjk_by_line_author(line: str) -> str | None:
    """The author of "作者：玛拉", "文/玛拉", "夏目漱石 著" or "김하늘 지음"; None for a line of prose.

    Those scripts have no capitals to tell a name by, so the name is held to a few words
    without a sentence's stops, commas or quotation marks.
    """
    match = _CJK_BY_LINE.match(trim_ornaments(line))
    if match is None:
        return None
    author = trim_ornaments(match.group("author") or match.group("named")).lstrip("@").strip()
    if not author or len(author.split()) > 4 or any(char in _NOT_IN_CJK_NAMES for char in author):
        return None
    return author


# A site's user name alone on its line, "@ember_and_oak": under a title, its writer.
_AT_HANDLE = re.compile(r"[ \t]*@([A-Za-z0-9_.]{2,30})[ \t]*")


def _names_author(line: str) -> bool:
    """Whether a line gives the author: a "by" line or an author field ("Author: Mara", "作者：玛拉")."""
    if by_line_author(line) is not None or _AT_HANDLE.fullmatch(line):
        return True
    field = parse_field(line)
    return field is not None and _KEYS[field[0]] == "author"


FIELD_BLOCK_FIELDS = 2  # "Key: value" lines that make a paragraph a header's block of fields


def _field_block(text: str) -> bool:
    """Whether a paragraph is a header's block of fields ("pairing: none, gen" / "wc: 1.2k" /
    "warnings: grief"), opening on one: a line over it is the title it heads, in whatever case
    (a Tumblr post's "the lighthouse keeper's wife"), as over a by-line. One field alone may be
    a story's own line ("Note: the door was locked"); two are a header."""
    lines = text.split("\n")
    if parse_field(lines[0]) is None:
        return False
    return sum(parse_field(line) is not None for line in lines) >= FIELD_BLOCK_FIELDS


def _name_like(name: str) -> bool:
    """A person's name or a handle: "Anna Schmidt", "Ana de la Cruz", "@moonlit_pages", "MoonlitPages".

    One plain word is not enough: "Von Herzen" and "De Profundis" are a dedication and a title.
    """
    words = name.split()
    if len(words) == 1:
        word = words[0]
        return not word.isalpha() or any(char.isupper() for char in word[1:])
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words)


def _author_like(name: str) -> bool:
    """A name or a handle: a few words, no sentence punctuation, capitalised unless a single word."""
    words = name.split()
    if not words or len(words) > 6 or len(name) > 60 or any(mark in name for mark in ',;!?"“”'):
        return False
    if name.endswith(".") and len(words[-1]) > 2:  # "Mara Q." is a name; "the village slept." is not
        return False
    return len(words) == 1 or words[0][:1].isupper()


_BRACKETS = re.compile(r"^[ \t]*[(\[]([^()\[\]\n]{1,200})[)\]][ \t]*$")  # a line in brackets, what it holds


def _line_kind(line: str) -> str | None:
    """What a header line holds: a "Key: value" field, a declaration, a "by" line, or None."""
    if ffn_stats(line):
        return "stats"  # FanFiction.net's "Rated: Fiction T - English - ... - Words: 4,812 - ..."
    if parse_field(line):
        return "field"
    if declaration_line(line) or declaration_line(_BRACKETS.sub(r"\1", line)):  # "[TW: self-harm]" under the by-line
        return "declared"
    if by_line_author(line) or _AT_HANDLE.fullmatch(line):
        return "by"  # (or the writer's handle alone under the title, "@ember_and_oak", as Wattpad's app copies it)
    if len(line) <= NOTICE_LINE_CHARS and (
        _INSERT_KEY.fullmatch(line) or _HEED_TAGS.fullmatch(line) or _X_READER.fullmatch(line)
    ):
        return "kind"  # a reader-insert's "y/n = your name" or "(ben x reader)", "Please mind the tags!"
    return None


def _header_block(text: str, meta: _Meta, *, over_heading: bool = False) -> bool:
    """Read a block of metadata lines ("The Lantern Keeper" / "by Mara Quill" / "tw// blood").

    Authors often put the title, the "by" line and the warnings on consecutive lines. The
    block is read only when every line is one of those (a title only as its first line): a
    single line of anything else and the whole block stays story text, but for a one-line blurb
    closing a title page straight over a heading (``over_heading``), the story's summary.
    """
    if _readers_key(text):
        return False  # a reader-insert's key alone, "y/n = your name" / "l/n = last name": one note
    lines = text.split("\n")
    # (FanFiction.net's stats line, under the title and by-line as its page sets them, runs longer)
    if not 2 <= len(lines) <= HEADER_BLOCK_LINES or any(
        len(line) > HEADER_LINE_CHARS and not ffn_stats(line) for line in lines
    ):
        return False
    kinds = [_line_kind(line) for line in lines]
    if (
        kinds[0] is None
        and meta.title is None
        and _title_like(
            trim_ornaments(lines[0]),
            # (or over fields alone: Tumblr's "the biscuit tin" / "pairing: ..." / "wc: 1.4k" / "warnings: ...")
            bylined=any(_names_author(line) for line in lines[1:]) or kinds[1:].count("field") >= FIELD_BLOCK_FIELDS,
        )
    ):
        kinds[0] = "title"  # over a block naming its author ("Автор: ..." a few fields down, as Ficbook sets it)
    if kinds[0] is None and meta.title is None and _title_and_author(lines[0]) is not None:
        kinds[0] = "titled"  # "The Ninth Lighthouse — by pell_mell" over "||tw: drowning||"
    if kinds[0] in ("title", "titled"):  # under the title, what it is: "A Novel", "a Witcher fic", "Translated by ..."
        kinds = [
            kind
            or (
                "kind"
                if _KIND_LINE.match(bare := trim_ornaments(line)) or _CREDIT.match(bare) or _DRAFT_LINE.fullmatch(bare)
                else None
            )
            for line, kind in zip(lines, kinds, strict=True)
        ]
    if (
        kinds[0] == "title"
        and len(lines) >= 3
        and kinds[-1] is None
        and None not in kinds[1:-1]
        and "author" not in meta.values
        and _author_like(name := lines[-1].strip())
        and _name_like(name)
    ):
        kinds[-1] = (
            "name"  # a title page's name under its title and what it is: "A Novel in Four Seasons" / "Mireille Okafor"
        )
    if (
        kinds[0] == "title"
        and len(lines) >= 3
        and kinds[-1] == "by"
        and kinds[1:-1].count(None) == 1
        and meta.summary is None
        and _blurb_line(lines[kinds.index(None)])
    ):
        # "The Winter Ledger" / "A story about grief." / "by Tamsin Greaves": in any tense, since the story
        # never opens over its author's name ("When her brother vanished, Ines followed him.")
        kinds[kinds.index(None)] = "summary"
    if (
        over_heading
        and (kinds[0] == "titled" or (kinds[0] == "title" and "by" in kinds[1:-1]))
        and kinds[-1] is None
        and None not in kinds[1:-1]
        and meta.summary is None
        and _blurb_line(lines[-1])
    ):
        kinds[-1] = "summary"  # "Low Water" / "by marrowbird" / "A keeper's daughter waits." (a by-line named)
    if None in kinds:
        return False
    for line, kind in zip(lines, kinds, strict=True):
        _read_header_line(line, kind, meta)
    return True


def _blurb_line(line: str) -> bool:
    """A one-line blurb a title page closes with: a sentence or two of a summary's length
    (:func:`_summary_like`), no field and no declaration (those have readers of their own)."""
    return _summary_like(line.strip()) and parse_field(line) is None and not declaration_line(line)


def _read_header_line(line: str, kind: str | None, meta: _Meta) -> None:
    if kind == "title":
        meta.title = without_form_suffix(line.strip())  # "Hollow Bones | a Witcher one-shot" over its by-line
    elif kind == "field":
        key, value = parse_field(line) or ("", "")
        meta.add(key, line, value)
    elif kind == "declared":
        declared, _, after = extract_declarations(line)
        meta.declared.extend(declared)
        if after:
            meta.notes.append(after)
    elif kind == "by" and "author" not in meta.values:
        handle = _AT_HANDLE.fullmatch(line)
        meta.values["author"] = [by_line_author(line) or (handle.group(1) if handle else "")]
    elif kind == "kind":
        meta.notes.append(line.strip())
    elif kind == "stats":
        ffn_stats(line, meta)
    elif kind == "name":
        meta.values["author"] = [line.strip()]
    elif kind == "titled":
        meta.title, author = _title_and_author(line) or (line.strip(), "")
        meta.values.setdefault("author", [author])
    elif kind == "summary":
        meta.summary = line.strip()


def _rights_notice(text: str) -> bool:
    """A rights notice ("All rights reserved", "don't copy my story") at the top is not the story."""
    lines = text.split("\n")
    return (
        len(lines) <= 6
        and all(len(line) <= HEADER_LINE_CHARS for line in lines)
        and any(_RIGHTS.search(trim_ornaments(line)) for line in lines)
    )


def _title_over_rights(text: str, meta: _Meta) -> str:
    """A rights notice's block read for the title and by-line over it ("The Bone Orchard" / "By
    Dariela Montes" / "All Rights Reserved ©", as Inkitt and Wattpad set a story's page): the title
    and author are the story's, the rest the note. Noted whole, the story had neither."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if meta.title is not None or len(lines) < 3 or _RIGHTS.search(trim_ornaments(lines[0])):
        return text
    author = by_line_author(lines[1])
    if author is None or "author" in meta.values:
        return text
    meta.title = lines[0]
    meta.values["author"] = [author]
    return "\n".join(lines[2:])


def book_notice(text: str) -> bool:
    """A store's edition line or a licence or copyright page's boilerplate, wherever it stands
    (:func:`_licence_notice` for what the text's top holds)."""
    first = trim_ornaments(text.split("\n", 1)[0]).strip()
    return len(text) <= LICENCE_CHARS and (bool(_LICENCE.search(text)) or _EDITION.match(first) is not None)


def _licence_notice(text: str, meta: _Meta) -> bool:
    """A store's edition line or licence notes above the story ("Smashwords Edition", "License
    Notes", "This ebook is licensed for your personal enjoyment only ..."), its copyright page's
    "No part of this book may be reproduced": the book's apparatus, read as the first chapter."""
    if len(text) > LICENCE_CHARS:
        return False
    first = trim_ornaments(text.split("\n", 1)[0]).strip()
    return bool(_LICENCE.search(text)) or (_consumed_any(meta) and _EDITION.match(first) is not None)


def _join_split_by_lines(items: list[Item]) -> list[Item]:
    """A title page's "by" on a line of its own over the author's name ("by" / "J. R. Ashby") as
    the one "by" line it is: the name was read as the first line of the story. Only near the top,
    past a title heading too (a single-file book's ``<h1>``)."""
    joined: list[Item] = []
    position = 0
    while position < len(items):
        item = items[position]
        if position >= _TITLE_PAGE_ITEMS:
            joined.extend(items[position:])
            break
        following = items[position + 1] if position + 1 < len(items) else None
        lines = item.text.strip().split("\n") if isinstance(item, Para) else []
        if (  # "BY" over the name in one block, as a centred title page sets them
            len(lines) == 2
            and _LONE_BY.fullmatch(lines[0].strip())
            and by_line_author(f"by {lines[1].strip()}") is not None
        ):
            joined.append(Para(f"by {lines[1].strip()}", item.gap))
            position += 1
            continue
        if (
            isinstance(item, Para)
            and _LONE_BY.fullmatch(item.text.strip())
            and isinstance(following, Para)
            and "\n" not in following.text.strip()
            and by_line_author(f"by {following.text.strip()}") is not None
        ):
            joined.append(Para(f"by {following.text.strip()}", item.gap))
            position += 2
            continue
        joined.append(item)
        position += 1
    return joined


_TITLE_PAGE_ITEMS = 40  # a title page's lines are among a file's first items
# "by", "written by", "a novella by", "an original story by", "a Witcher fic by": over the name a line down
_LONE_BY = re.compile(
    rf"(?:(?:written|words|story|text)[ \t]+|an?[ \t]+{_FANDOM_WORDS}(?:{_STORY_KINDS}){_KIND_PARTS}[ \t]+)?by:?",
    re.IGNORECASE,
)


# What a title page adds to a name the header gives: a name in brackets, another spelling after a slash.
_NAME_ASIDE = re.compile(r"\([^()]{1,40}\)|/[^\s/]{1,40}")


def _over_name_over_story(items: list[Item], index: int) -> bool:
    """Whether the paragraph at ``index`` is a name alone over the first heading (:func:`_name_over_story`)."""
    item = items[index] if index < len(items) else None
    return isinstance(item, Para) and _name_over_story(item.text, _past_blank(items, index + 1))


_WORK_TAGS = ("rating", "archive_warnings", "fandoms", "relationships", "characters", "additional_tags")


def _tagged(meta: _Meta) -> bool:
    """Whether the header read a work's tags (a rating, its fandoms, ...), as an AO3 page opens."""
    return any(key in meta.values for key in _WORK_TAGS)


def _site_handle(name: str) -> bool:
    """A reading site's user name, told from a name or a word by its marks: "inkwell_and_ash",
    "@moth", "quill.writes", "ash92"."""
    return _HANDLE.fullmatch(name) is not None and (name.startswith("@") or any(c in name for c in "_.0123456789"))


def _title_over_name(text: str) -> tuple[str, str] | None:
    """The title and the author of a paragraph of two lines, a title over a name with no "by" ("The
    Ford" / "riverwriter"), as an AO3 work copied from the browser shows them under its tags; None
    for any other paragraph."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) != 2 or not _title_like(trim_ornaments(lines[0]), bylined=True):
        return None
    name = lines[1]
    if not _author_like(name) or not (_name_like(name) or (" " not in name and len(name) >= 3)):
        return None
    return lines[0], name


def _name_over_story(text: str, following: Item | None) -> bool:
    """A person's name alone between the title and the first chapter's heading: "THE SALT WIFE" /
    "Kestrel Ames" / "Prologue", as a book's title page sets it, or its contents ("Contents" / "I. The
    Keeper"). A dedication ("For Mum") is none."""
    name = text.strip()
    words = name.split()
    if isinstance(following, Heading) and _HANDLE.fullmatch(name) and name.casefold() not in _NOT_HANDLES:
        return True  # a site's user name, "flourandfig" (Wattpad's title page copied)
    contents = isinstance(following, Para) and contents_label(following.text)
    return (
        (isinstance(following, Heading) or _warnings_under(following) or contents)
        and "\n" not in name
        and 2 <= len(words) <= 4
        and _name_like(name)
        and _author_like(name)
        and not any(char.isdigit() for char in name)
        and not is_dedication_line(name)
        and name.casefold().split()[0] not in _NOT_NAME_STARTS
    )


def _sign_over_warnings(item: SceneBreak, following: Item | None) -> bool:
    """Whether a break is a warning sign alone ("⚠️", read as a divider of marks) over a declaration:
    a callout's icon set apart from its text, no divider between the header and the story."""
    sign = item.raw.strip()
    return (
        bool(sign)
        and not sign.strip(_WARNING_SIGNS)
        and isinstance(following, Para)
        and declaration_line(following.text)
    )


def _past_blank(items: list[Item], index: int) -> Item | None:
    """The item at ``index``, or the one after it where it is a word processor's empty paragraph
    (a blank break with no mark of its own, spacing a title page's lines)."""
    item = items[index] if index < len(items) else None
    if isinstance(item, SceneBreak) and not item.raw and index + 1 < len(items):
        return items[index + 1]
    return item


def _warnings_under(following: Item | None) -> bool:
    """Whether the paragraph under a title page's name declares warnings ("Content warnings: alcoholism"),
    as a word processor's title page sets them before chapter one: the page goes on, the story has not
    begun (read as its first paragraph, the name made a chapter of its own, which took the warnings)."""
    return isinstance(following, Para) and declaration_line(following.text.split("\n")[0])


_HANDLE = re.compile(r"@?[a-z][a-z0-9_.]{3,30}")  # a user name in lower case, one word
_NOT_HANDLES = frozenset(
    ["prologue", "epilogue", "contents", "dedication", "epigraph", "foreword", "interlude", "preface"]
)
# Words a dedication or a title opens with, in English and as by-lines elsewhere ("Von Herzen", "De Madrid a Moscú").
_NOT_NAME_STARTS = frozenset(
    [
        "for",
        "to",
        "in",
        "the",
        "a",
        "an",
        "with",
        "part",
        "book",
        "volume",
        "von",
        "de",
        "par",
        "di",
        "da",
        "du",
        "del",
        "van",
        "la",
        "le",
        "les",
        "des",
        "der",
        "die",
        "das",
        "el",
        "los",
        "las",
        "al",
    ]
)


def _title_over_chapters(items: list[Item], index: int) -> bool:
    """ "# The Understudy" first, over "# Chapter One", "# Chapter Two: The Wings" at the same level
    (Google Docs writes every heading so): the first names no chapter, every other does."""
    if index != 0 or not isinstance(first := items[0], Heading):
        return False
    others = [item for item in items[1:] if isinstance(item, Heading) and item.level == first.level]
    return bool(others) and not _names_a_chapter(first) and all(_names_a_chapter(item) for item in others)


_TITLE_PAGE_LINES = 3


def _title_over_byline(items: list[Item], index: int) -> bool:
    """ "# The Quiet Year" first, over only its by-line or its author's name ("by Tom Ellery", "Tom
    Ellery") and then "# Spring", "# Summer" at the same level (Pandoc's plain text, a Markdown file
    whose headings are all one level): the title page. As a chapter, the first was the name alone,
    or with the by-line read as the author it had no text and the file was refused."""
    if index != 0 or not isinstance(first := items[0], Heading):
        return False
    following = next(
        (at for at in range(1, len(items)) if isinstance(items[at], Heading) and items[at].level <= first.level), None
    )
    if following is None or not 1 <= following - 1 <= _TITLE_PAGE_LINES:
        return False
    lines = [item.text.strip() if isinstance(item, Para) else "" for item in items[1:following]]
    return all(
        line and "\n" not in line and (by_line_author(line) is not None or (_author_like(line) and _name_like(line)))
        for line in lines
    )


def _first_over_chapter(items: list[Item], index: int) -> bool:
    """The file's first line, straight over its first chapter's heading: marked off as a title as
    well as a by-line marks one, so it need not be in Title Case. Most languages write titles in
    sentence case ("Снег у реки", "La casa del río") and many scripts have no case at all
    ("河边的雪"), and such a title stayed a chapter of one line before "Глава 1"."""
    following = items[index + 1] if index == 0 and len(items) > 1 else None
    return isinstance(following, Heading) and _names_a_chapter(following)


def _names_a_chapter(heading: Heading) -> bool:
    found = match_heading(heading.raw.lstrip("#").strip(), markdown=False)
    return found is not None and found.kind in ("chapter", "named", "part")


def _blurb_over_first_chapter(items: list[Item], index: int) -> bool:
    """Whether ``items[index]`` is a one-line blurb in a paragraph of its own, straight over the first
    chapter's heading, as a text's title page closes ("The Cartographer's Daughter" / "A girl inherits
    a map of a city that does not exist." / "Chapter 1"): read as a chapter 1 of its own, every chapter
    number after it was one too high. A line of dialogue or an aside in brackets opens a story, a
    dedication or an epigraph has readers of its own: none is a blurb."""
    item = items[index] if index < len(items) else None
    following = items[index + 1] if index + 1 < len(items) else None
    over_by_line = (
        isinstance(following, Para)
        and "\n" not in following.text.strip()
        and by_line_author(following.text) is not None
        and index + 2 < len(items)
    )
    if over_by_line:
        following = items[index + 2]  # the by-line between: "A story about grief." / "by Tamsin Greaves"
    if not isinstance(item, Para) or not isinstance(following, Heading):
        return False
    if following.kind == "markdown" and not _names_a_chapter(following):
        return False  # (a Markdown heading may label a note: "## Author's Note"; a text's headings are chapters')
    text = item.text.strip()
    return (
        len(text) <= BLURB_LINE_CHARS
        and len(_SENTENCE_END.split(text)) <= 2  # a paragraph of three sentences opens a prologue
        and text[:1] not in _DIALOGUE_MARKS
        and text[:1] not in "([{<"  # "[The stairs were steep.]": an aside of the story
        and not is_dedication_line(text)  # "For my grandmother, who kept the tide tables." is a dedication
        and not _is_epigraph([text])
        and ":" not in " ".join(text.split(None, 3)[:3])  # "Let op: de trap is steil.": a label's sentence
        # (over its author's name, or over the prologue, which opens the story itself: no opening of it)
        and (over_by_line or _opens_prologue(following) or _logline_english(text))
        and _blurb_line(text)
    )


def _opens_prologue(heading: Heading) -> bool:
    """Whether a heading is the story's prologue ("Prologue", "Prologue: The Will"): the line over it is
    no opening of the story, whatever its tense ("She inherited an orchard. The orchard inherited her.")."""
    return heading.kind == "named" and (heading.title or "").casefold().startswith("prologue")


# A narrative past tense: a story's opening line tells what happened ("The parcel arrived on a Tuesday",
# "Stay safe, the radio said"), a logline what happens ("A girl inherits a map ...").
_PAST_TENSE = re.compile(
    r"\b(?:[a-z]{2,}ed|was|were|had|said|did|went|came|saw|took|made|knew|thought|told|found|gave|got|felt|left"
    r"|kept|began|ran|stood|sat|heard|brought|held|lay|met|spoke|wrote|fell|grew|drew|threw|woke|rose|broke|chose"
    r"|drove|flew|forgot|hid|hung|led|lost|meant|rang|sang|sank|slept|spent|stole|struck|swore|taught|tore|won)\b",
    re.IGNORECASE,
)


# A verb in the present a logline tells its story by, whatever it says happened before: an auxiliary or
# modal ("is", "must", "has to"), or a third-person verb after "he", "she", "it", "they" or a name
# ("Kara returns", "she finds"; "was", "has" and adverbs in -s, "always", are none).
_PRESENT_VERB = re.compile(
    r"\b(?:is|are|isn't|aren't|must|will|won't|can|can't|cannot|has[ \t]+to|needs?[ \t]+to)\b"
    r"|\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[A-Z][a-z]+)[ \t]+"
    r"(?!(?:was|has|is|always|sometimes|perhaps|towards|afterwards|nevertheless|his|its|this|thus|as|us|less)\b)"
    r"[a-z]{2,}[^s\W]s\b"
)
_LOGLINE_SENTENCE_WORDS = 4  # a sentence of the present in a logline says what happens: "Now the desert wants her."


def _present_tense_english(text: str) -> bool:
    """Whether a line reads as an English logline: English words (:mod:`bot.warnings.language`'s
    measure) and no verb in the narrative past. A story's first line in German, French or Dutch
    ("Von diesem Tag an ging Lena ...") or in the past stays the story's."""
    share, words = english_share([text])
    return words > 0 and share >= MIN_ENGLISH_SHARE and _PAST_TENSE.search(text) is None


def _logline_english(text: str) -> bool:
    """Whether a line reads as an English logline (:func:`_present_tense_english`), or as one that
    tells in the past what led up to the story and in the present what it is: a verb in the present
    ("Years after the war ended, Kara returns home"), or a sentence of its own with no verb in the past
    ("Five years ago, Ines lost her brother. Now the desert wants her too."). A line wholly in the
    narrative past ("The parcel arrived on a Tuesday") opens the story."""
    if _present_tense_english(text):
        return True
    share, words = english_share([text])
    if words == 0 or share < MIN_ENGLISH_SHARE:
        return False
    sentences = _SENTENCE_END.split(text.strip())
    return _PRESENT_VERB.search(text) is not None or any(
        len(sentence.split()) >= _LOGLINE_SENTENCE_WORDS and _PAST_TENSE.search(sentence) is None
        for sentence in sentences
    )


BLURB_LINE_CHARS = 240  # a logline: a sentence or two


def _subtitle_over_byline(text: str, following: Item | None, meta: _Meta) -> bool:
    """A title page's subtitle: a line that reads as a title, right over a by-line naming the author
    the header gave (A Tale of Two Cities' "A STORY OF THE FRENCH REVOLUTION" / "By Charles Dickens")."""
    if not isinstance(following, Para) or "\n" in text.strip() or not _title_like(trim_ornaments(text), bylined=True):
        return False
    author = by_line_author(following.text)
    return author is not None and _repeats_field(following.text, author, meta)


_NAME_LINE_WORDS = 6


def _repeats_fields(text: str, meta: _Meta) -> bool:
    """A title page's lines, each the title or a by-line the fields above already gave ("THE QUAY LAMPS"
    / "By Eliza Thorne" under Project Gutenberg's "Title:" and "Author:" lines): over a contents list
    it was read as the book's blurb."""
    lines = [line for line in text.split("\n") if line.strip()]
    return 0 < len(lines) <= 3 and all(_repeats_field(line, by_line_author(line), meta) for line in lines)


def _repeats_field(text: str, author: str | None, meta: _Meta) -> bool:
    """The title, or a by-line naming the author, the fields above already gave (a book's title page
    under Project Gutenberg's "Title:" and "Author:" lines), said again in any case."""
    known = _first(meta.values.get("author"))
    if author is not None:
        return known is not None and _same_name(author, known)
    if known is not None and len(text.split()) <= _NAME_LINE_WORDS and _same_name(text.strip(), known):
        return True  # the author's name alone under the title (a word processor's title page)
    if meta.title is None:
        return False
    line, title = _field_key(text), _field_key(meta.title)
    if text.isupper():
        line = line.rstrip(".")  # "PRIDE AND PREJUDICE." in capitals is a title page's, not a sentence
    if line == title or line == title.removeprefix("the ") or title == line.removeprefix("the "):
        return True  # (Jekyll and Hyde's page drops the header's "The")
    # A play's title page names its kind before the title the header gives: "THE TRAGEDY OF HAMLET,
    # PRINCE OF DENMARK" under "Title: Hamlet, Prince of Denmark", "THE LIFE OF TIMON OF ATHENS".
    kind = _PLAY_KIND.match(line)
    return kind is not None and line[kind.end() :] == title


# Who else made the book, on its title page: its translator, editor, illustrator; and the edition.
_CREDIT = re.compile(
    r"^(?:(?:translated|done into english|rendered into english|edited|illustrated|annotated|abridged"
    r"|beta['’]?d|betaed|beta[ \t-]?read|proofread|cover[ \t]+(?:art|design)(?:[ \t]+made)?)"  # a fic's helpers
    r"(?:[ \t]+(?:from|out[ \t]+of|into)(?:[ \t]+the)?[ \t]+[^\W\d_]+(?:[ \t]+(?:prose|verse))?)?"
    r"(?:[ \t]+and[ \t]+[a-z]+)?[ \t]+(?:by|with)[ \t]+\S.{0,100}"
    r"|(?:an?[ \t]+)?(?:new[ \t]+)?(?:english[ \t]+)?translation[ \t]+(?:by|from)[ \t]+\S.{0,100}"
    r"|with[ \t]+(?:an?[ \t]+)?(?:introduction|preface|notes|illustrations)[^\n]{0,40}?[ \t]+by[ \t]+\S.{0,100}"
    r"|\[?(?:\d{4}[ \t]+)?(?:first|second|third|revised|new)?[ \t]*edition[ \t]*(?:of[ \t]+\d{4})?\]?)$",
    re.IGNORECASE,
)


def _credit_lines(text: str) -> bool:
    """A title page's lines naming who else made the work (:data:`_CREDIT`), a dedication beside them
    ("Beta'd by junipersky" over "Dedicated to my grandmother"): a fic's header, a chapter 1 before."""
    lines = [line.strip() for line in text.strip().split("\n")]
    credits = [bool(_CREDIT.match(line)) for line in lines]
    return any(credits) and all(credit or is_dedication_line(line) for line, credit in zip(lines, credits, strict=True))


# What a play's title page says it is, under its title: "A COMEDY IN FOUR ACTS", "A Play in Three Acts".
_PLAY_SUBTITLE = re.compile(
    r"an?[ \t]+(?:[a-z-]+[ \t]+){0,2}(?:comedy|tragedy|play|drama|farce|melodrama|tragi-?comedy)[ \t]+in[ \t]+"
    r"(?:one|two|three|four|five|six|seven|[1-9])[ \t]+(?:acts?|scenes?|parts?)(?:[ \t]+and[ \t]+[a-z0-9 \t]{1,30})?\.?$"
)
_PLAY_KIND = re.compile(
    r"(?:the[ \t]+)?(?:(?:most|lamentable|excellent|famous|true|tragical|comical|pleasant|conceited|first|second|third)"
    r"[ \t]+)*(?:part[ \t]+of[ \t]+(?:the[ \t]+)?[a-z]+[ \t]+)?(?:tragedy|comedy|history|life|chronicle|play|tale)"
    r"(?:[ \t]+and[ \t]+(?:death|life|history))?[ \t]+of[ \t]+(?:the[ \t]+)?(?=\S)"
)


def _same_name(written: str, known: str) -> bool:
    """The title page's name is the header's, give or take what one of them adds: Frankenstein's
    (eBook #84) "by Mary Wollstonecraft (Godwin) Shelley" under "Author: Mary Wollstonecraft Shelley",
    War and Peace's (eBook #2600) "By Leo Tolstoy/Tolstoi" under "Author: graf Leo Tolstoy"."""
    words, header = _field_key(_NAME_ASIDE.sub(" ", written)).split(), _field_key(known).split()
    shorter, longer = sorted((words, header), key=len)
    if len(shorter) < 2:
        return words == header
    return any(longer[start : start + len(shorter)] == shorter for start in range(len(longer) - len(shorter) + 1))


def _field_key(text: str) -> str:
    """The line as said in any case and spacing; its punctuation counts ("Rain." opening a story
    called "Rain" is its first sentence, not its title again)."""
    return " ".join(text.casefold().split())


def _title_like(text: str, *, bylined: bool = False) -> bool:
    """A short line that reads as a title.

    Title Case is asked for only when nothing else marks the line: a title right above its
    byline is one in sentence case too, as most languages write titles ("Der lange Weg").
    """
    if "\n" in text or len(text) > 80 or len(text.split()) > 12:
        return False
    if text[:1] in "\"'“‘「『(-*" or text.rstrip().endswith((".", ",", ";", ":")):
        return False
    if text.rstrip().rstrip("”’」』\"'").endswith(_CJK_STOPS):  # "他说：“走吧。”" is a sentence
        return False
    return bylined or _looks_like_title(text)  # over its by-line, "the weight of small things" as AO3 writers title


def _summary_like(text: str) -> bool:
    return "\n" not in text and 20 <= len(text) <= 320 and len(text.split()) >= 5


@dataclass(slots=True)
class Preamble:
    meta: _Meta
    body: list[Item]


# Items a story's header is read from: an AO3 page's tags and notes, a book's title page and front
# matter run to a few hundred; past them is the story (75,000 paragraphs of "TW: blood 17" were each
# read as a header field, with every check the header reader has).
PREAMBLE_ITEMS = 1000


def read_preamble(items: list[Item]) -> Preamble:
    """Split metadata, notes and the title off the top (its first :data:`PREAMBLE_ITEMS` items at
    most); the rest is the story."""
    meta = _Meta()
    items = _join_split_by_lines(items)
    pictures: list[Item] = []  # a frontispiece over or among the title page's lines: the first chapter's
    index = 0
    unlabelled_note = False
    pending_key: str | None = None  # "Summary:" with its text in the next paragraph
    levels = [item.level for item in items if isinstance(item, Heading)]
    last_para = max((i for i, item in enumerate(items) if isinstance(item, Para)), default=-1)
    # Where the first "Warning: <a sentence>" field stood, with what was read before it (see below).
    prose_warning: tuple[int, _Meta] | None = None
    outside_keys = OutsideKeys(items)
    while index < min(len(items), PREAMBLE_ITEMS):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if isinstance(item, SceneBreak):
            if index == 0 or not _consumed_any(meta):
                break
            index += 1
            if isinstance(following, Para) and ffn_stats(following.text):
                continue  # FicHub's introduction: title, by-line, blurb, a rule, then the stats line
            if isinstance(following, Para) and contents_label(following.text):
                continue  # Smashwords: the title page, a rule, then the table of contents
            if not item.raw and isinstance(following, Para) and _front_matter_line(following.text):
                continue  # a word processor's empty paragraph, spacing the title page: "Warnings:" follows
            if _sign_over_warnings(item, following):
                continue  # a warning sign alone over the warnings (Notion's callout: its icon, then its text)
            break  # a divider after the header block: the story starts after it
        if isinstance(item, Heading):
            if (
                item.kind == "markdown"
                and item.level == 1
                and (levels.count(1) == 1 or _title_over_chapters(items, index) or _title_over_byline(items, index))
                and (len(levels) > 1 or (meta.title is None and (index == 0 or _front_matter_only(meta))))
                and front_label(item.title) is None  # "# Dedication" heads a page, it is no title
            ):
                meta.title = meta.title or item.title
                index += 1
                continue
            break
        text = item.text
        if _PICTURE.match(text) and index + 1 < len(items):  # "[Illustration]" over "Great Expectations"
            pictures.append(item)
            index += 1
            continue
        if item.note and not declaration_line(text):  # under a note heading above the first chapter
            meta.notes.append(strip_note_label(text))
            index += 1
            continue
        if ffn_stats(text, meta):
            pending_key = None
            index += 1
            continue
        head, _, rest = text.partition("\n")
        if pending_key is None and rest.strip() and (key := _lone_label(head)) is not None and _consumed_any(meta):
            meta.add(key, f"{key}: {rest}", rest)  # "Summary" over its text in one block (Inkitt's page)
            index += 1
            if _KEYS[key] == "summary":
                index = _rest_of_summary(items, index, meta)
            continue
        if _consumed_any(meta) and index < last_para and (declared := _warnings_over_list(text, following)):
            meta.declared.append(declared)  # "Content warnings" over "drowning, grief" (a word processor's box)
            index += 2
            continue
        lone = _lone_label(text) if pending_key is None and isinstance(following, Para) else None
        if lone is not None and _consumed_any(meta):
            pending_key = lone  # "Summary" on a line of its own, its text under it
            index += 1
            continue
        if pending_key is not None and parse_field(text.split("\n")[0]) is None:
            meta.add(pending_key, f"{pending_key}: {text}", text)
            index += 1
            if _KEYS[pending_key] == "summary":
                index = _rest_of_summary(items, index, meta)
            pending_key = None
            continue
        pending_key = None
        if prose_warning is None and _prose_warning_field(text):
            prose_warning = (index, copy.deepcopy(meta))
        last_key = _field_paragraph(text, meta)
        if last_key is not None:
            parsed = parse_field(text.rsplit("\n", 1)[-1])
            if parsed and not parsed[1].strip() and _KEYS[last_key]:
                pending_key = last_key  # a block of fields ending in "Summary:", its text in the next paragraph
            index += 1
            if pending_key is None and _KEYS[last_key] == "summary":
                index = _rest_of_summary(items, index, meta)
            continue
        if index < last_para and _header_block(text, meta, over_heading=isinstance(following, Heading)):
            index += 1
            continue
        if index < last_para and (_rights_notice(text) or _licence_notice(text, meta)):
            meta.notes.append(_title_over_rights(text, meta))
            index += 1
            continue
        if is_labelled_note(text):
            meta.notes.append(strip_note_label(text))
            index += 1
            continue
        if index < last_para and reference_marked(text) and not declaration_line(text):
            meta.notes.append(text.strip())
            index += 1
            continue
        if (
            isinstance(following, Para)
            and "\n" not in text.strip()
            and _lists_only(following.text.strip())  # "Warnings" over "Nobody heeded them." is the story's
            and (labelled := notice_list(f"{text.strip()}\n{following.text.strip()}")) is not None
        ):
            # "CWs below:" and its list a paragraph apart: the label was story text, the list an epigraph
            declared, _, after = extract_declarations(labelled)
            meta.declared.extend(declared)
            if after or not declared:  # a notice that names no warning we know is still the author's
                meta.notes.append(after or labelled)
            index += 2
            continue
        if (opening := parse_field(head)) is not None and _warning_over_verse(opening, text.split("\n")):
            break  # "Warning: the sea is cold," / "and the ledger is long,": a poem's opening, the story's
        listed = notice_list(text) or _sign_labelled(text)  # "⚠️ self harm" over "⚠️ eating disorder" too
        if listed is not None or declaration_line(text):
            # "【注意】" over "・死ネタ": its list read as one declaration, "注意: 死ネタ, 流血表現"
            declared, _, after = extract_declarations(listed or text)
            meta.declared.extend(declared)
            if after:
                meta.notes.append(after)
            elif not declared:
                meta.notes.append(text.strip())  # a notice that names no warning we know is still the author's
            index += 1
            continue
        if _consumed_any(meta) and index < last_para and _tag_strip(text, meta):
            index += 1  # "🔞 18+ | ⚠️ cw: gore, needles | 🩹 hurt/comfort | ✨ happy ending"
            continue
        if _consumed_any(meta) and index < last_para and _header_sentences(text, meta):
            index += 1  # "This story contains self-harm.", "Rated M for violence.", "chapter 2 has blood."
            continue
        if _consumed_any(meta) and index < last_para and _SOURCE_ADDRESS.match(text.strip()):
            index += 1  # the story's address on its archive, under its title: where the file came from
            continue
        if meta.summary is None and _ffn_blurb(text, _past_divider(items, index + 1)):
            titled = _title_by_author(text) if meta.title is None and "author" not in meta.values else None
            if titled is not None:  # "Snowbound by frostquill" over the stats line, as FanFiction.net heads a story
                meta.title, meta.values["author"] = titled[0], [titled[1]]
            else:
                meta.summary = text.strip()
            index += 1
            continue
        skipped = front_navigation(items, index, meta, outside_keys)
        if skipped:
            listed = [
                _entry_text(line).strip()
                for item in items[index : index + skipped]
                if isinstance(item, Para)
                for line in item.text.split("\n")
                if not contents_label(line)
            ]
            index += skipped
            items = items[:index] + _entries_as_headings(items[index:], listed)
            break  # a table of contents ends the front matter: the story starts after it
        if meta.title is not None and index < last_para and _KIND_LINE.match(trim_ornaments(text)):
            meta.notes.append(text.strip())
            index += 1
            continue
        if index < last_para and not _consumed_any(meta) and _MASTHEAD.fullmatch(text.strip()):
            meta.notes.append(text.strip())  # a newsletter's name and issue over the story it sends
            index += 1
            continue
        if not _consumed_any(meta) and _greeting_over_title(items, index, last_para):
            # a newsletter's "Hi friends! Here is this month's story." over the story's title line: the
            # greeting was the story's first paragraph and its title the second (the file's name the title)
            meta.notes.append(text.strip())
            meta.title = without_form_suffix(items[index + 1].text.strip())  # type: ignore[union-attr]
            index += 2
            continue
        if index < last_para and (greeted := _greeting_declarations(text)):
            meta.declared.extend(greeted)  # "Hi friends! Here's this month's story. Content warning: a fire."
            meta.notes.append(text.strip())
            index += 1
            continue
        if (
            meta.title is not None
            and "author" not in meta.values
            and index < last_para
            and (name := _name_over_date(text))
        ):
            meta.values["author"] = [name]  # a newsletter post's "Rosalind Achebe" over "Apr 12, 2024"
            index += 1
            continue
        if index < last_para and (_POSTED_BY.fullmatch(text.strip()) or (index == 0 and _POST_SUBJECT.match(text))):
            meta.notes.append(text.strip())  # a journal post's subject and "Posted by ... on ..." over its fields
            index += 1
            continue
        if (
            meta.title is not None
            and index < last_para
            and (_STATUS_LINE.fullmatch(bare := trim_ornaments(text.strip())) or _WORD_COUNT_LINE.fullmatch(bare))
        ):  # (between its emoji: "COMPLETED ✔️")
            # Wattpad's "Completed" under the title, a title page's "Approx. 3,000 words": as story
            # text it was a chapter 1 of its own, every chapter number after it one too high.
            meta.notes.append(text.strip())
            index += 1
            continue
        if (
            meta.title is not None
            and "rating" not in meta.values
            and index < last_para
            and _RATING_BADGE.fullmatch(trim_ornaments(text.strip()))
        ):
            # Wattpad's "Mature" badge under the title, AO3's rating copied alone: a chapter 1 of its own before
            meta.values["rating"] = [trim_ornaments(text.strip())]
            index += 1
            continue
        if _consumed_any(meta) and index < last_para and _SPOILER_NOTICE.fullmatch(trim_ornaments(text.strip())):
            meta.notes.append(text.strip())  # "Spoilers for the whole of season 3!" under the title: a chapter 1 before
            index += 1
            continue
        if (
            "author" in meta.values
            and meta.summary is None
            and index < last_para
            and len(text) <= BLURB_CHARS
            and _front_page_line(following)
            and not _repeats_fields(text, meta)  # (a book's title page over its contents: "By Eliza Thorne")
        ):
            meta.summary = text.strip()  # a blurb with no label, over the page's tags or contents
            index += 1
            continue
        if meta.title is not None and index < last_para and _HASHTAGS.fullmatch(text.strip()):
            meta.add("additional tags", text, ", ".join(tag.lstrip("#") for tag in text.split()))
            index += 1  # an Obsidian note's "#wip #fantasy" under its title
            continue
        if (
            index == 0
            and isinstance(following, Para)
            and (is_dedication_line(following.text) or _is_epigraph([following.text]))
            and (named := _title_over_name(text))
            and _name_like(named[1])
        ):
            # a title page's title over the author's name with no "by" ("THE GREEN DARK" / "Anselm Drover"),
            # a dedication or an epigraph under them: all of it was read as the epigraph
            meta.title, meta.values["author"] = named[0], [named[1]]
            index += 1
            continue
        if (
            index == 0
            and meta.title is None
            and "author" not in meta.values
            and (isinstance(following, Heading) or (isinstance(following, Para) and contents_label(following.text)))
            and (named := _title_over_name(text))
            and _name_over_story(named[1], following)
        ):
            # a title over its author's full name, no "by", straight over chapter one or the contents ("The Bone
            # Orchard" / "Dariela Montes", a word processor's first lines): the story's first chapter, untitled
            meta.title, meta.values["author"] = named[0], [named[1]]
            index += 1
            continue
        if meta.title is None and "author" not in meta.values and _tagged(meta) and (named := _title_over_name(text)):
            meta.title, meta.values["author"] = named[0], [named[1]]  # AO3's page copied: "The Ford" / "riverwriter"
            index += 1
            continue
        if (
            meta.title is None
            and "author" not in meta.values
            and index < last_para
            and (named := _title_over_name(text))
            and _site_handle(named[1])
            and _looks_like_title(named[0])
        ):
            # a reading site's story page copied: "The Boy Who Painted Storms" / "inkwell_and_ash" (Quotev's)
            meta.title, meta.values["author"] = named[0], [named[1].lstrip("@")]
            index += 1
            continue
        author = by_line_author(text)
        # (or a by-line alone over the first heading: a page's "by sleepy_wyrm" over its chapter's title)
        if author and (_consumed_any(meta) or isinstance(following, Heading)) and "author" not in meta.values:
            meta.values["author"] = [author]
            index += 1
            continue
        if (
            meta.title is not None
            and "author" not in meta.values
            and _name_over_story(text, _past_blank(items, index + 1))
        ):
            meta.values["author"] = [text.strip().lstrip("@")]  # a title page's name under the title, no "by"
            index += 1
            continue
        if index < last_para and (_repeats_field(text, author, meta) or _repeats_fields(text, meta)):
            index += 1  # a title page under the header's fields: "THE SALT ROAD" / "BY MARA FENWICK"
            continue
        if index < last_para and meta.title is not None and _credit_lines(text):
            meta.notes.append(text.strip())  # a title page's "Translated by Isabel F. Hapgood", "[1867 Edition]"
            index += 1
            continue
        if index < last_para and meta.title is not None and _PLAY_SUBTITLE.match(_field_key(text)):
            meta.notes.append(text.strip())  # under a play's title, what it is: "A COMEDY IN FOUR ACTS"
            index += 1
            continue
        if index < last_para and meta.title is not None and _subtitle_over_byline(text, following, meta):
            meta.notes.append(text.strip())  # "A STORY OF THE FRENCH REVOLUTION" over "By Charles Dickens"
            index += 1
            continue
        # (a title page's lines only: a slice to the last paragraph at every item was quadratic)
        spelled = spells_title(items[index : min(last_para, index + TITLE_PAGE_LINES)], meta.title)
        if spelled:
            index += spelled  # the same title set over several lines: "A CHRISTMAS CAROL" / "IN PROSE" / "BEING" ...
            continue
        if meta.title is None and "author" not in meta.values and (named := _title_dash_by(text)):
            meta.title, meta.values["author"] = named[0], [named[1]]  # "The Ninth Lighthouse — by pell_mell"
            index += 1
            continue
        if (
            meta.title is None
            and "author" not in meta.values
            and isinstance(following, Para)
            and (named := _titled_over_fields(text, following))
        ):
            meta.title, meta.values["author"] = named[0], [named[1]]  # "The Ford by riverwriter" over "Rating: T"
            index += 1
            continue
        bylined = (
            isinstance(following, Para)
            and (
                _names_author(following.text.split("\n")[0])
                or (not _consumed_any(meta) and _field_block(following.text))  # "wc: 1.2k" / "warnings: grief"
            )
        ) or _first_over_chapter(items, index)
        # (the file's first line over its warnings, "windfall" over "tw grief, ...", as a phone's notes title it)
        bylined = bylined or (
            index == 0 and isinstance(following, Para) and declaration_line(following.text.split("\n")[0])
        )
        if (
            meta.title is None
            and _title_like(trim_ornaments(text), bylined=bylined)
            and (
                _title_followed_well(following, index)
                or _over_name_over_story(items, index + 1)
                or (index == 0 and _blurb_over_first_chapter(items, index + 1))
            )
        ):
            meta.title = without_form_suffix(text.strip())  # "the lighthouse keeper's wife | a short fic"
            if index == 0 and "author" not in meta.values and (named := _title_case_by_handle(text)):
                meta.title, meta.values["author"] = named[0], [named[1]]  # "Low Water by marrowbird" alone
            index += 1
            continue
        if (
            not _consumed_any(meta)
            and note_score(text) >= NOTE_SCORE
            and _separated(following)
            and index < last_para  # story text follows
        ):
            meta.notes.append(text)
            unlabelled_note = True
            index += 1
            continue
        if (
            _consumed_any(meta)
            and index < last_para
            and "\n" not in text.strip()
            and len(text) <= DEDICATION_LINE_CHARS
            and is_dedication_line(text)
            and isinstance(following, Para)
            and (declaration_line(following.text) or notice_list(following.text) is not None)
        ):
            # a dedication under the by-line with the warnings under it: the dedication stopped the
            # header there, and the warnings were a chapter 1's story text
            meta.notes.append(front_page_note("Dedication", [text.strip()]))
            index += 1
            continue
        if _consumed_any(meta) and isinstance(following, Heading) and _LONE_BUTTON.fullmatch(text.strip()):
            index += 1  # a post's "Share" button between its header and its first heading: a chapter 1 before
            continue
        if meta.declared and isinstance(following, Heading) and _reader_care(text):
            meta.notes.append(text.strip())  # "please don't read if these topics affect you!!" under the TW
            index += 1
            continue
        if _consumed_any(meta) and index < last_para and _readers_key(text):
            meta.notes.append(text.strip())  # "y/n = your name", "Please mind the tags!": the story's first line before
            index += 1
            continue
        if index < last_para and _pointer_paragraph(text):
            meta.notes.append(text.strip())  # "Warnings are at the end of the story.": a chapter 1 of its own before
            meta.warnings_at_end = True
            index += 1
            continue
        if (
            meta.title is None
            and index < last_para
            and len(text) <= BLURB_CHARS
            and _title_page_ahead(items, index, spoken=_consumed_any(meta))
        ):
            # the author's words before the title page ("Hi everyone! ... Unbetaed, all mistakes are mine."
            # over "The Keeper of Small Things" / "by saltandpepper"): the whole page was a chapter 1
            meta.notes.append(text.strip())
            index += 1
            continue
        if meta.title is not None and meta.summary is None and _blurb_over_first_chapter(items, index):
            meta.summary = text.strip()  # "The Cartographer's Daughter" / "A girl inherits a map ..." / "Chapter 1"
            index += 1
            continue
        if (
            unlabelled_note
            and meta.summary is None
            and _summary_like(text)
            and isinstance(following, Para)
            and len(following.text) > len(text)
        ):
            meta.summary = text
            index += 1
            continue
        break
    body = items[index:]
    if prose_warning is not None and not any(isinstance(item, Para) for item in body):
        # Every paragraph from a "Warning: the stairs were steep ..." on was read as a header field and
        # no story text is left: they are the story, one that opens each paragraph so.
        index, meta = prose_warning
        body = items[index:]
    if body and isinstance(body[0], Heading):
        # FanFiction.net's chapter select sits under the first chapter's heading.
        skipped = front_navigation(body, 1, meta)
        if skipped:
            body = [body[0], *body[1 + skipped :]]
    if pictures and body and isinstance(body[0], Heading):
        body = [body[0], *pictures, *body[1:]]
    elif pictures:
        body = [*pictures, *body]
    return Preamble(meta, body)


# FanFiction.net's way of giving the reasons for a rating: "Rated M for violence, gore and language."
_RATED_FOR = re.compile(
    r"\W*rated[ \t]+(?P<rating>K\+?|T|M|MA|G|PG(?:-13)?|R|NC-17|E|explicit|mature|teen)[ \t]+for[ \t]+(?P<what>[^.!?\n]{1,200})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _HeaderSentences:
    """What a header paragraph of sentences says (:func:`_read_header_sentences`)."""

    declared: list[str]  # the sentences naming warnings, as written
    rating: str | None  # "M" of "Rated M for violence"
    notes: list[str]  # its heading between warning signs, the paragraph when it names a chapter


def _read_header_sentences(text: str) -> _HeaderSentences | None:
    """A header paragraph of sentences that say what the story or one of its chapters holds, with no
    label: "This story contains self-harm, blood and a suicide attempt.", "Rated M for violence, gore,
    and a major character death. Also some language.", "Heads up, chapter 2 contains self-harm." (a
    note: :func:`_note_declarations` places it). None unless every sentence is such a one or a
    reader's aside, and one at least names a warning or a chapter's."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS:
        return None
    heading, text = _signed_heading(text.strip())
    if "\n" in text:
        return None
    sentences = [sentence for sentence in _NOTE_SENTENCE.split(text) if sentence.strip()]
    declared: list[str] = []
    rating: str | None = None
    chapter_note = False
    for sentence in sentences:
        rated = _RATED_FOR.match(sentence)
        if rated is not None and lists_warnings(rated.group("what")):
            rating = rated.group("rating").upper()
            declared.append(sentence.strip().rstrip("."))
        elif holds := work_holds(sentence):
            declared.extend(holds)
        elif numbered_chapter_holds(sentence) or _chapter_holds(sentence):
            chapter_note = True
        elif not (reader_aside(sentence) or _SOFT_SENTENCE.fullmatch(sentence.strip())):
            return None
    if not declared and not chapter_note:
        return None
    notes = [heading] if heading else []
    return _HeaderSentences(declared, rating, [*notes, text.strip()] if chapter_note else notes)


def _header_sentences(text: str, meta: _Meta) -> bool:
    """Read into ``meta`` a header paragraph of sentences (:func:`_read_header_sentences`); False,
    ``meta`` as it was, for any other paragraph."""
    found = _read_header_sentences(text)
    if found is None:
        return False
    if found.rating is not None and "rating" not in meta.values:
        meta.values["rating"] = [found.rating]
    meta.declared.extend(found.declared)
    meta.notes.extend(found.notes)
    return True


def _signed_heading(text: str) -> tuple[str | None, str]:
    """A paragraph's first line set between warning signs over the sentences under it ("⚠️ MATURE
    CONTENT ⚠️" over "this book contains: abuse, self harm"), as a Wattpad title page heads its notice,
    and the rest; (None, the paragraph) when it opens otherwise."""
    head, newline, rest = text.partition("\n")
    if not newline or len(head) > NOTICE_LINE_CHARS or not head.startswith(("⚠", "🚨")):
        return None, text
    if not head.rstrip().endswith(("⚠", "⚠\ufe0f", "🚨")) or not head.strip(_WARNING_SIGNS):
        return None, text
    return head.strip(), rest.strip()


_HASHTAG_SPLIT = re.compile(r"[ \t]+(?=#[^\s#])")
_STRIP_SEPARATOR = re.compile(r"[ \t]+[|•·][ \t]+")
STRIP_PART_WORDS = 5  # a tag of a strip: "hurt/comfort", "happy ending", "18+"


def _tag_strip(text: str, meta: _Meta) -> bool:
    """Read into ``meta`` a header line of short parts between bars or bullets, warnings among them,
    as Tumblr and Wattpad posts open: "🔞 18+ | ⚠️ cw: gore, needles, torture | 🩹 hurt/comfort", or
    Tumblr's tags copied as a line ("#tw death #cw grief #original fiction").
    The declarations are declared, an age rating ("18+") is the story's rating, the other parts are
    kept as its tags. False for any other paragraph (a sentence among the parts, or no
    declaration), which is left as it was."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS or "\n" in text.strip():
        return False
    line = text.strip()
    if line.startswith("#") and line[1:2].strip():  # Tumblr's tags, words and all: "#tw death #cw grief #angst"
        pieces = [piece[1:] for piece in _HASHTAG_SPLIT.split(line)]
    else:
        pieces = _STRIP_SEPARATOR.split(line)
    written = [(part, _age_rating(part)) for part in pieces]
    ratings = [rating for _, rating in written if rating is not None]
    parts = [trim_ornaments(part).strip() for part, rating in written if rating is None]
    if len(written) < 2 or not all(parts):
        return False
    declaring = [part for part in parts if declaration_paragraph(part)]
    others = [part for part in parts if part not in declaring]
    if not declaring or any(len(part.split()) > STRIP_PART_WORDS or _SENTENCE_MARK.search(part) for part in others):
        return False
    for part in declaring:
        meta.declared.extend(extract_declarations(part)[0])
    meta.values.setdefault("additional_tags", []).extend(others)
    if ratings and "rating" not in meta.values:
        meta.values["rating"] = ratings[:1]
    return True


# An age rating as a strip gives it: "🔞 18+", "16+", "R18", "R-18", "🔞" alone. Trimmed as an
# ornament, the "+" went, and "18" was kept as a tag, the story left unrated.
_AGE_RATING = re.compile(r"(?P<age>1[0-9]|2[01])(?P<plus>[ \t]*\+)?|r[ \t]*-?[ \t]*(?P<r>1[5-8])\+?", re.IGNORECASE)
_ADULT_SIGN = "\U0001f51e"  # 🔞, "no one under eighteen"


def _age_rating(part: str) -> str | None:
    """The rating a strip's part is, as readers write it ("18+"); None for any other part. A bare
    number ("18") is one only beside the adult sign: a strip's "12" may be a count of chapters."""
    rest = part[_ornament_run().match(part).end() :].strip()  # type: ignore[union-attr]
    if not rest:
        return "18+" if _ADULT_SIGN in part else None
    found = _AGE_RATING.fullmatch(rest)
    if found is None or (found.group("age") and not found.group("plus") and _ADULT_SIGN not in part):
        return None
    return f"{found.group('age') or found.group('r')}+"


_SENTENCE_MARK = re.compile(r"[.?!](?:\s|$)")


# A content note's closing request, a sentence of its own: "Please read with care.", "Take care of
# yourself while reading.", "Reader discretion is advised." It declares nothing and keeps the note a note.
CARE_SENTENCE = (
    r"(?:please[ \t]+)?(?:read[ \t]+(?:with[ \t]+(?:care|caution)|carefully|safely)"
    r"|take[ \t]+care(?:[ \t]+of[ \t]+(?:yourself|yourselves))?|proceed[ \t]+with[ \t]+caution"
    r"|look[ \t]+after[ \t]+yourself|(?:reader|viewer)[ \t]+discretion[ \t]+(?:is[ \t]+)?advised)"
    r"(?:[ \t]+(?:while|when)[ \t]+reading)?[ \t]*[.!]*"
)


# The asides such a header sentence comes with: "Also some language.", "Chapter 3 is soft, I promise."
_SOFT_SENTENCE = re.compile(
    r"(?:also[ \t]+)?(?:some|a[ \t]+bit[ \t]+of|mild)[ \t]+(?:language|swearing|cursing)[ \t]*[.!]?"
    r"|(?:the[ \t]+)?(?:chapter|ch\.?|part)[ \t]*\d{1,4}[ \t]+is[ \t]+(?:soft|fluff|fluffy|gentle|lighter|safe)\b[^.!?\n]{0,40}[.!]?"
    # a book's content note asking for care: "If these topics are difficult for you, please take care while reading."
    r"|(?:if|when)[ \t][^.!?\n,]{1,80},[ \t]*(?:please[ \t]+)?(?:take[ \t]+care|read[ \t]+(?:with[ \t]+care|carefully|safely)"
    r"|proceed[ \t]+with[ \t]+caution|be[ \t]+gentle[ \t]+with[ \t]+yourself)\b[^.!?\n]{0,40}[.!]?"
    # or standing alone, after the sentence that warns: "Please read with care.", "Reader discretion is advised."
    r"|" + CARE_SENTENCE,
    re.IGNORECASE,
)


def declares_only(text: str) -> bool:
    """Whether a paragraph only says what the work holds: a warnings line ("CW: gore") or sentences
    with no label ("This book contains depictions of miscarriage and grief. If these topics are
    difficult for you, please take care."), as a book's content note before chapter one is."""
    return declaration_line(text) or _read_header_sentences(text) is not None


_PICTURE = re.compile(r"^[ \t]*\[Image(?:: [^\]\n]*)?\][ \t]*$")  # a picture's line (image_line)
# Where a serial stands, under its title: Wattpad's "Completed", "Ongoing".
_STATUS_LINE = re.compile(
    r"(?:completed?|ongoing|in[ \t]+progress|on[ \t]+hiatus|hiatus|abandoned|discontinued|work[ \t]+in[ \t]+progress)"
    r"[ \t]*[.!]?",
    re.IGNORECASE,
)
# A rating alone on its line under a story's title, as a reading site shows it: Wattpad's "Mature" badge,
# AO3's ratings' names. (A one-letter rating, "T", needs its label: a line of its own is too short to tell.)
_RATING_BADGE = re.compile(
    r"mature|explicit|teen[ \t]+and[ \t]+up[ \t]+audiences|general[ \t]+audiences|not[ \t]+rated", re.IGNORECASE
)
# A notice of spoilers for the work a fic follows, a line of its own: "Spoilers for the whole of season 3!",
# "Minor spoilers through book 5.", "SPOILER ALERT for the finale".
_SPOILER_NOTICE = re.compile(
    r"(?:(?:minor|major|mild|heavy|some|light|huge|massive)[ \t]+)?spoilers?(?:[ \t]+alert)?[ \t]*[:!]?[ \t]*"
    r"(?:for|through|thru|up[ \t]+to|until|from|in|of|ahead)\b[^\n.!?]{0,100}[.!]*",
    re.IGNORECASE,
)
# A title page's word count standing alone: "Approx. 3,000 words" (Scrivener's compile), "~12k words", "(2,140 words)".
_WORD_COUNT_LINE = re.compile(
    r"[(\[]?(?:(?:approx(?:imately|\.)?|about|around|roughly|ca\.|~|≈)[ \t]*)?\d[\d,.]*[ \t]?k?\+?[ \t]*words?[)\]]?[.!]?",
    re.IGNORECASE,
)
BLURB_CHARS = 1500  # a story's blurb on its title page is a paragraph or two
# A journal post's subject naming it a fic ("fic: Tidewrack (Sea Wardens, T)", "[fic] The Orchard Keeper")
# and its "Posted by saltmarsh_sings on March 3rd, 2022 at 09:14 pm", over the fic's header fields.
_POST_SUBJECT = re.compile(
    r"^[ \t]*(?:\[(?:fic|fanfic|ficlet|drabble)\]|(?:fic|fanfic|ficlet|drabble)[ \t]*:)[ \t]*\S", re.IGNORECASE
)
# A newsletter's masthead over the story an issue sends: "The Paper Kite — Issue 12", "Issue #4",
# "Vol. 2, No. 7". Its issue's number after a dash or a bar, or alone: "Issue 12" in a sentence is none.
_ISSUE = r"(?:(?:vol\.|volume)[ \t]*\d{1,4},?[ \t]*)?(?:issue|no\.|number)[ \t]*#?[ \t]*\d{1,4}"
# (The words before the mark end at a character that is not a space: ended anywhere, each space of a run before no
# mark was read on to the run's end, 60 times over: a header line of 4 MB of spaces took 2 s here.)
_MASTHEAD = re.compile(rf"(?:[^\n.!?]{{0,59}}?[^\n.!? \t][ \t]++[—–|·:-][ \t]+)?{_ISSUE}", re.IGNORECASE)
# The date a post was sent, under its author's name: "Apr 12, 2024", "12 April 2024", "2024-04-12".
_POST_DATE_LINE = re.compile(
    rf"[ \t]*(?:{MONTHS}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{MONTHS}[ \t]+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[ \t]*[·•|][ \t]*\d{1,3}[ \t]+min(?:ute)?s?[ \t]+read)?[ \t]*",  # "· 6 min read"
    re.IGNORECASE,
)


def _name_over_date(text: str) -> str | None:
    """The author of a post's by-line as a newsletter copies it, a name over the date it was sent."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) != 2 or not _POST_DATE_LINE.fullmatch(lines[1]):
        return None
    return lines[0] if _author_like(lines[0]) and _name_like(lines[0]) else None


_POSTED_BY = re.compile(r"posted[ \t]+by[ \t]+@?[\w.-]{1,40}[ \t]+on[ \t]+\S[^\n]{3,60}", re.IGNORECASE)


def _greeting_declarations(text: str) -> list[str]:
    """What a paragraph of the author's opening words declares: one that greets readers first ("Hi
    friends!", :func:`reader_aside`) and says in a sentence of its own "Content warning: a house
    fire", as a newsletter's issue opens. Its label makes the sentence a declaration; the greeting
    makes the paragraph the author's, not a story's that opens on a warning sign. Dialogue
    ("Hi friends!" she called) is a story's."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS or "\n" in text.strip() or not _DIALOGUE_MARKS.isdisjoint(text):
        return []
    sentences = [sentence for sentence in _NOTE_SENTENCE.split(text.strip()) if sentence.strip()]
    if len(sentences) < 2 or not reader_aside(sentences[0]):
        return []
    return [
        found for sentence in sentences[1:] if declaration_line(sentence) for found in extract_declarations(sentence)[0]
    ]


def _front_page_line(item: Item | None) -> bool:
    """Whether ``item`` is of a title page (tags as hashtags, a contents list, where the serial
    stands, a story page's fields): a paragraph with no label over it is then the blurb, not the story's first."""
    if not isinstance(item, Para):
        return False
    text = item.text.strip()
    return (
        _HASHTAGS.fullmatch(text) is not None
        or contents_label(text)
        or _STATUS_LINE.fullmatch(text) is not None
        or _site_fields(text)
    )


# A story page's fields a site or a downloader lists under the blurb (FicHub's "Status: ongoing" /
# "Words: 12,345" / "Chapters: 3", a listing's "Genre:", "Published:"): the paragraph over them is the blurb.
_SITE_FIELD_KEYS = frozenset(
    ["status", "words", "word count", "chapters", "published", "updated", "genre", "genres", "language", "rating"]
)


def _site_fields(text: str) -> bool:
    """Whether every line of a paragraph is one of a story page's fields (:data:`_SITE_FIELD_KEYS`)."""
    fields = [parse_field(line) for line in text.split("\n") if line.strip()]
    return bool(fields) and all(field is not None and field[0] in _SITE_FIELD_KEYS for field in fields)


SUMMARY_PARAGRAPHS = 6  # a blurb of a few paragraphs, as AO3 and a title page allow


def _rest_of_summary(items: list[Item], index: int, meta: _Meta) -> int:
    """The paragraphs after a summary's first one, up to the first chapter heading or the header's
    last field over it ("Warnings: ..."), are the summary too: a blurb of several paragraphs under
    "Summary:" was cut after its first, the rest read as a chapter 1 of its own, so every chapter
    number after it was one too high.

    Only a short run of plain paragraphs straight over a heading or a field is taken; anything else
    is the story's, as before. Returns the index after the run."""
    end = index
    header_goes_on = False  # the run ends at a field or a declaration: the header goes on after it
    while end < len(items) and end - index < SUMMARY_PARAGRAPHS:
        item = items[end]
        if not isinstance(item, Para) or item.note or len(item.text) > BLURB_CHARS:
            break
        text = item.text.strip()
        if parse_field(text.split("\n", 1)[0]) is not None or declaration_line(text) or is_labelled_note(text):
            # only a field straight over the first heading: a post's "Tags:" after its one chapter's
            # text is no header going on, and that text no summary
            header_goes_on = end + 1 < len(items) and isinstance(items[end + 1], Heading)
            break
        end += 1
    if end == index or end >= len(items) or not (header_goes_on or isinstance(items[end], Heading)):
        return index
    for item in items[index:end]:
        meta.add("summary", f"summary: {item.text}", item.text)  # type: ignore[union-attr]
    return end


def _warnings_over_list(text: str, following: Item | None) -> str | None:
    """A warnings label alone in its paragraph ("Content warnings", no colon) over a paragraph that
    only lists warnings ("drowning, grief, a funeral"), as one declaration: "Content warnings:
    drowning, grief, a funeral". None for any other pair: the list must be warnings."""
    if "\n" in text or len(text) > 30 or not isinstance(following, Para) or "\n" in following.text.strip():
        return None
    label = text.strip().rstrip(":：").strip()
    parsed = parse_field(f"{label}:")
    if parsed is None or _KEYS[parsed[0]] != "declared" or parse_field(label) is not None:
        return None
    listed = following.text.strip()
    if _SENTENCE_MARK.search(listed.rstrip(".")) or not (lists_warnings(listed) or lists_declared(listed)):
        return None
    return f"{label}: {listed}"


def _lone_label(text: str) -> str | None:
    """The key of a summary or notes label alone on its line ("Summary", "Description:"). A short
    field with its value on the line ("Summary: Two friends walk home") is no lone label: read as
    one, the story's first paragraph under it became the summary."""
    if "\n" in text or len(text) > 30:
        return None
    label = text.strip().rstrip(":：")
    if parse_field(label) is not None:
        return None
    parsed = parse_field(f"{label}:")
    return parsed[0] if parsed is not None and _KEYS[parsed[0]] in _PROSE_FIELDS else None


def _prose_warning_field(text: str) -> bool:
    """A paragraph opening with a warning label read as a header field ("Warning: the stairs were
    steep"), where the chapters would read prose: not declarations beyond doubt (see
    :func:`declaration_paragraph`)."""
    field = parse_field(text.split("\n", 1)[0])
    return field is not None and _KEYS[field[0]] == "declared" and not declaration_paragraph(text)


def _front_matter_line(text: str) -> bool:
    """A paragraph that can only be front matter: a field ("Rating: T"), a declaration, a "by" line,
    a labelled note ("Note: the accident in part two is brief. CW: injury")."""
    first = text.split("\n")[0]
    return (
        parse_field(first) is not None
        or declaration_line(first)
        or by_line_author(first) is not None
        or is_labelled_note(first)
    )


_TITLE_BY = re.compile(r"(?P<title>[^\n]{1,80})[ \t]+(?P<by>by\b[ \t:]*\S[^\n]{0,80})", re.IGNORECASE)


# A title and its by-line on one line, a dash or a bar between: "The Ninth Lighthouse — by pell_mell",
# "**Glass Teeth** | by Rowan Kaye". The mark says where the title ends ("Stand by Me" has none).
# The title ends at a character that is not a space (as _MASTHEAD's words: a header line of 4 MB of
# spaces took 2.5 s here, each of the first 80 places read on through the run).
_TITLE_DASH_BY = re.compile(
    r"(?P<title>[^\n]{0,79}?[^ \t\n])[ \t]++[—–|·~-][ \t]+(?P<by>by\b[ \t:]*\S[^\n]{0,80})", re.IGNORECASE
)


def _title_dash_by(line: str) -> tuple[str, str] | None:
    """The title and author of a line "Title — by Author"; None for any other line, or when what
    stands before the dash reads as a sentence or after "by" as no name."""
    found = _TITLE_DASH_BY.fullmatch(trim_ornaments(line.strip()))
    if found is None:
        return None
    title = trim_ornaments(found.group("title"))
    author = by_line_author(found.group("by"))
    if author is None or not title or _SENTENCE_MARK.search(title) or not _title_like(title, bylined=True):
        return None
    return title, trim_ornaments(author)


def _title_and_author(line: str) -> tuple[str, str] | None:
    """A line naming the title and the author: "Title — by Author", "Snowbound by frostquill"."""
    return _title_dash_by(line) or _title_by_author(trim_ornaments(line.strip()))


# Words English sets after "by" in a phrase of its own, "by night", "by heart", "by you": in a title
# ("Lost At Sea by night", "Saved by you") the phrase is the title's end, no handle's by-line. A
# one-word pen name in lower case is a handle only when it is none of these ("by nightjar" is one).
_BY_PHRASE_WORDS_TEXT = """
    day daylight night nightfall midnight dawn daybreak dusk twilight morning evening moonlight moonrise
    starlight sunlight sunset sunrise candlelight firelight lamplight lantern torchlight moonbeam starshine
    heart hand chance design accident default degrees proxy choice force nature blood birth fire water
    sea land air rail sail ship boat train car bus foot post mail name sight ear touch mistake fate luck
    halves inches storm stealth magic
    me you him her us them it myself yourself himself herself ourselves themselves one another anyone
    someone nobody
"""  # the time and light things are done by, the means and manner, and a person named by a pronoun
_BY_PHRASE_WORDS = frozenset(_BY_PHRASE_WORDS_TEXT.split())


def _title_by_author(line: str) -> tuple[str, str] | None:
    """The title and the author of a line naming both ("Snowbound by frostquill", "Stand by Me By:
    Kestrel Ames"), the last "by" taken: a "By:" or a user name after it ("Kidnapped by Pirates" may
    be a summary); None when what follows reads as no name or the title as a sentence."""
    found = _TITLE_BY.fullmatch(line.strip())
    if found is None or _SENTENCE_MARK.search(found.group("title")):
        return None
    author = by_line_author(found.group("by"))
    handle = (
        author is not None
        and " " not in author
        and (author[:1].islower() or any(c in author for c in "_.0123456789"))
        and author.casefold() not in _BY_PHRASE_WORDS
    )
    if author is None or not (handle or found.group("by")[2:].lstrip(" \t").startswith(":")):
        return None
    return found.group("title").strip(), author


def _titled_over_fields(text: str, following: Para) -> tuple[str, str] | None:
    """The title and the author of a first line naming both over the header's fields ("The Biscuit Tin
    by flourandfig" over "Rating: T"): a title of two words at least in Title Case and a handle in
    lower case (:func:`_title_by_author`). "Kidnapped by pirates" and "Stand by me" stay titles."""
    if parse_field(following.text.split("\n")[0]) is None:
        return None
    return _title_case_by_handle(text)


TITLE_BY_HANDLE_CHARS = 80  # a first line naming title and author; a longer one is a sentence


def _title_case_by_handle(text: str) -> tuple[str, str] | None:
    """The title and the author of a short line naming both, "Low Water by marrowbird": a title of two
    words at least in Title Case and a handle in lower case (:func:`_title_by_author`). "Kidnapped by
    pirates" and "Stand by me" stay titles."""
    named = _title_by_author(text) if len(text.strip()) <= TITLE_BY_HANDLE_CHARS else None
    if named is None:
        return None
    title, author = named
    words = title.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper() or not author.islower():
        return None
    return named


def _ffn_blurb(text: str, following: Item | None) -> bool:
    """The paragraph right above a FanFiction.net stats line is the story's summary there."""
    return (
        isinstance(following, Para)
        and "\n" not in text
        and len(text) <= SUMMARY_CHARS
        and parse_field(text) is None
        and ffn_stats(following.text)
    )


def _past_divider(items: list[Item], index: int) -> Item | None:
    """The item at ``index``, or the one after it when it is a divider."""
    if index < len(items) and isinstance(items[index], SceneBreak):
        index += 1
    return items[index] if index < len(items) else None


def _front_matter_only(meta: _Meta) -> bool:
    """Whether all that stands before ``index`` was read as the header's fields or declarations (an
    Obsidian note's properties over its "# Title"), nothing a page set over its heading. An author
    alone is not enough: a web page's reader gives its author so, over the chapter's own heading."""
    return bool(meta.values.keys() - {"author"} or meta.declared) and not meta.notes and meta.summary is None


def _consumed_any(meta: _Meta) -> bool:
    return bool(meta.title or meta.values or meta.declared or meta.notes or meta.summary)


def _title_followed_well(following: Item | None, index: int) -> bool:
    """A short Title Case line is a title when something marks it off from the story."""
    if following is None:
        return False
    if not isinstance(following, Para):
        return True
    first_line = following.text.split("\n")[0]
    if following.gap >= 2 or by_line_author(following.text) or parse_field(first_line) or declaration_line(first_line):
        return True
    if is_labelled_note(first_line) or _greeting_declarations(following.text):  # "Anmerkung der Autorin: ..."
        return True  # a note no field name covers, a greeting that declares
    if _read_header_sentences(following.text) is not None:  # "Chapter 2 contains violence." under it
        return True
    if _KIND_LINE.match(trim_ornaments(first_line)):  # "A novella" under it
        return True
    if _rights_notice(following.text):  # "All rights reserved." under it
        return True
    return index == 0 and len(following.text) > 200


TITLE_PAGE_AHEAD = 4  # paragraphs of an author's opening words a title page may stand under


def _title_page_ahead(items: list[Item], start: int, *, spoken: bool) -> bool:
    """Whether the paragraph at ``start`` and the few after it are the author's words over a title
    page: a title over its by-line ("The Keeper of Small Things" / "by saltandpepper", in one paragraph
    or two) stands within a few paragraphs, only paragraphs before it, one of them at least speaking as
    an author does (:func:`_author_speaks`), or the header read before them (``spoken``). A story's
    opening over a book's cover it quotes is none."""
    speaks = spoken
    for index in range(start, min(start + TITLE_PAGE_AHEAD, len(items) - 1)):
        item, following = items[index], items[index + 1]
        if not isinstance(item, Para):
            return False
        lines = item.text.strip().split("\n")
        if len(lines) == 2 and by_line_author(lines[1]) and _title_like(trim_ornaments(lines[0]), bylined=True):
            return speaks and index > start
        if (
            len(lines) == 1
            and isinstance(following, Para)
            and "\n" not in following.text.strip()
            and by_line_author(following.text)
            and _title_like(trim_ornaments(lines[0]), bylined=True)
        ):
            return speaks and index > start
        speaks = speaks or _author_speaks(item.text) or greets_readers(item.text)
    return False


# An author's greeting to readers opening a paragraph: "Hi friends!", "Hello again, lovely readers.",
# "Dear subscribers,", with the readers it names (``who``). "Dear Mara," opens a letter, a story's.
_GREETING = re.compile(
    r"[ \t*_]*(?:(?:hi|hey|hello|heya|howdy|greetings|good[ \t]+(?:morning|afternoon|evening))(?:[ \t]+(?:again|there))?"
    r"(?:,?[ \t]+(?:my[ \t]+)?(?:(?:dear|lovely)[ \t]+)?(?P<who>everyone|everybody|all|friends|readers|subscribers"
    r"|folks|y'?all|lovelies|loves|guys|pals|peeps))?"
    r"|dear[ \t]+(?P<dear>friends|readers|subscribers|everyone)(?:[ \t]+and[ \t]+\w+)?)[ \t]*(?:[!.,~]+|\n|$)",
    re.IGNORECASE,
)
# A newsletter's words for itself and its readers: "issue 12", "thanks for subscribing", "this month's".
_NEWSLETTER_WORDS = re.compile(
    r"\b(?:issue|newsletter|subscrib\w*|inbox|this[ \t]+(?:month|week)'?s?|mailing[ \t]+list)\b", re.IGNORECASE
)


# A reader-insert story's key to its blanks, "y/n = your name", "(l/n) - last name", "e/c: eye colour",
# and an author's word to heed the tags: lines over the story that say how to read it.
_INSERT_KEY = re.compile(
    r"[ \t*_]*[(\[]?[a-z]{1,2}/[a-z]{1,2}[)\]]?[ \t]*(?:=|:|-|–|—|means|is|stands[ \t]+for)[ \t]*"
    r"(?:your|you'?re|ur)?[ \t]*[\w'’ ]{2,30}?[ \t*_.!]*",
    re.IGNORECASE,
)
_HEED_TAGS = re.compile(
    r"[ \t*_(\[]*(?:please[ \t]+|pls[ \t]+|plz[ \t]+)?(?:mind|read|heed|check)[ \t]+(?:the|my)[ \t]+tags"
    r"(?:[ \t]+(?:please|pls|plz))?[ \t]*[.!]*[ \t]*(?:<3+|♥|❤️?|:\))?[ \t*_)\]]*",
    re.IGNORECASE,
)
READERS_KEY_LINES = 6
DEDICATION_LINE_CHARS = 200
# The author looking after readers under the warnings: "please don't read if these topics affect you!!",
# "your mental health matters more than my story", "read at your own risk, stay safe".
_READER_CARE = re.compile(
    r"\b(?:(?:please|pls|plz)[ \t]+)?(?:don['’]?t|do[ \t]+not)[ \t]+read[ \t]+(?:this[ \t]+|it[ \t]+)?if\b"
    r"|\bmental[ \t]+health\b|\bread[ \t]+(?:at[ \t]+your[ \t]+own[ \t]+risk|with[ \t]+caution|safely)\b"
    r"|\bif[ \t]+(?:any[ \t]+of[ \t]+)?(?:these|this|that|those)[ \t]+(?:topics?|things?|themes?|subjects?)\b"
    r"|\b(?:stay|be)[ \t]+safe\b|\btake[ \t]+care[ \t]+of[ \t]+yoursel(?:f|ves)\b",
    re.IGNORECASE,
)
READER_CARE_CHARS = 300


def _reader_care(text: str) -> bool:
    """A short paragraph of the author's care for readers (:data:`_READER_CARE`), no dialogue in it."""
    return len(text) <= READER_CARE_CHARS and _READER_CARE.search(text) is not None and _DIALOGUE_MARKS.isdisjoint(text)


# What a reader-insert story pairs, under its title: "(y/n x the keeper)", "ben hargreaves x gn!reader".
_X_READER = re.compile(
    r"[ \t*_(\[]*(?:[^\n()\[\]]{1,40}?[ \t]+x[ \t]+(?:\w{1,4}!)?(?:reader|y/n|you)"
    r"|(?:\w{1,4}!)?(?:reader|y/n|you)[ \t]+x[ \t]+[^\n()\[\]]{1,40}?)[ \t*_)\]]*",
    re.IGNORECASE,
)


def _readers_key(text: str) -> bool:
    """A paragraph of lines each keying a reader-insert story's blanks ("y/n = your name") or asking
    readers to heed the tags ("Please mind the tags!"): the author's, never the story's first lines."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return 0 < len(lines) <= READERS_KEY_LINES and all(
        len(line) <= NOTICE_LINE_CHARS and (_INSERT_KEY.fullmatch(line) or _HEED_TAGS.fullmatch(line)) for line in lines
    )


def _pointer_paragraph(text: str) -> bool:
    """A paragraph saying the warnings stand at the story's end (:func:`points_to_end`), with at
    most a reader's aside beside it ("Warnings at the end to avoid spoilers. Stay safe!")."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS or not _DIALOGUE_MARKS.isdisjoint(text):
        return False
    sentences = [sentence for sentence in _NOTE_SENTENCE.split(text.strip()) if sentence.strip()]
    return any(points_to_end(sentence) for sentence in sentences) and all(
        points_to_end(sentence) or reader_aside(sentence) for sentence in sentences
    )


def greets_readers(text: str) -> bool:
    """Whether a paragraph opens as an author greets readers ("Hi friends! Here is this month's
    story."), as a newsletter's issue or a blog post does over the story it brings: a greeting naming
    its readers and ending there, or any greeting in a paragraph with a sign of a note or a newsletter
    (:func:`note_score`, "issue 12", "subscribing"). Dialogue ("Hi friends!" she called), a greeting run
    into a sentence ("Hi friends, the postman thought") and a bare "Hello." opening a tale are a story's."""
    if len(text) > DECLARATION_PARAGRAPH_CHARS or not _DIALOGUE_MARKS.isdisjoint(text):
        return False
    found = _GREETING.match(text)
    if found is None:
        return False
    newsletter = _NEWSLETTER_WORDS.search(text) is not None
    if found.group(0).rstrip().endswith(","):  # run on into a sentence: "Dear readers, this is my last entry"
        return newsletter or note_score(text[found.end() :] if found.group("dear") else text) > 0
    return bool(found.group("who") or found.group("dear")) or newsletter or note_score(text) > 0


def _greeting_over_title(items: list[Item], index: int, last_para: int) -> bool:
    """Whether the paragraph at ``index`` greets readers (:func:`greets_readers`) right over a title
    line (a short line in Title Case, no sentence) with the story under it."""
    if index + 2 > last_para or not isinstance(items[index + 1], Para) or not isinstance(items[index + 2], Para):
        return False
    title = items[index + 1].text  # type: ignore[union-attr]
    return greets_readers(items[index].text) and _title_like(trim_ornaments(title.strip()))  # type: ignore[union-attr]


def _author_speaks(text: str) -> bool:
    """A paragraph with a sign of the author talking to readers: a note's words, a label, a declaration."""
    first = text.strip().split("\n", 1)[0]
    return note_score(text) > 0 or is_labelled_note(text) or parse_field(first) is not None or declaration_line(first)


def _separated(following: Item | None) -> bool:
    return following is None or not isinstance(following, Para) or following.gap >= 2


# --- Navigation a pasted or converted story carries: never story text, never headings ---

# "TABLE OF CONTENTS", "Contents:", "~ Chapters ~" on a line of its own.
_CONTENTS = re.compile(
    r"^(?:table[ \t]+of[ \t]+contents|contents|toc|chapters|chapter[ \t]+list|list[ \t]+of[ \t]+chapters)[ \t]*[:.]?$",
    re.IGNORECASE,
)
# An entry of a chapter list: "1. The Letter", "12) Goodbye".
_ENTRY = re.compile(r"^[ \t]*(?P<num>\d{1,5})[.)][ \t]+(?P<title>\S.*?)[ \t]*$")
# A printed book's entry numbered as its chapters are: "   I.     A Scandal in Bohemia" (eBook #1661).
_ROMAN_ENTRY = re.compile(r"^[ \t]*(?P<num>[IVXLC]{1,8})\.[ \t]+(?P<title>\S.*?)[ \t]*$")
ENTRY_CHARS = 120
# FanFiction.net's chapter navigation: "< Prev 1. The Letter 2. The Burrow Next >".
_PREV = re.compile(r"^(?:<{1,2}|«|‹|←)[ \t]*prev(?:ious)?(?:[ \t]+chapter)?(?!\w)", re.IGNORECASE)
_NEXT = re.compile(r"(?<!\w)next(?:[ \t]+chapter)?[ \t]*(?:>{1,2}|»|›|→)$", re.IGNORECASE)
_INLINE_NUMBER = re.compile(r"(?<!\S)(\d{1,5})\.(?=\s|$)")
NAV_LINE_CHARS = 64_000  # a dropdown of some hundred chapters on one line
# "Chapter 3", "Ch. 3", "3. The Ford": the number a heading or a dropdown entry shows.
_HEADING_NUMBER = re.compile(r"^\W*(?:(?:chapter|chap|ch)\.?[ \t]*)?(\d{1,5})(?!\d)", re.IGNORECASE)


def drop_navigation(items: list[Item]) -> list[Item]:
    """Items without FanFiction.net's Prev/Next lines and a site's reader chrome (:func:`site_chrome`),
    and chapter dropdowns pasted as headings settled.

    A dropdown pasted one entry a line ("Chapter 1 / Chapter 2 / Chapter 3") reads as a run of
    headings with nothing between them; only the heading the text belongs to is kept. Wattpad's
    "You'll also like" after the last chapter lists other writers' stories: it and what follows go.
    """
    last_heading = max((index for index, item in enumerate(items) if isinstance(item, Heading)), default=-1)
    end = next(
        (
            index
            for index, item in enumerate(items)
            if index > last_heading and isinstance(item, Para) and _after_story(item.text)
        ),
        len(items),
    )
    shown = items[:end]
    chrome = [isinstance(item, Para) and (nav_frame(item.text) or site_chrome(item.text)) for item in shown]
    kept = [
        item
        for index, item in enumerate(shown)
        if not chrome[index]
        and not _button_by_chrome(shown, chrome, index)
        and not (isinstance(item, Heading) and _SUPPORT_LINE.fullmatch(item.raw.strip("#*_ \t")))
        and not (isinstance(item, Heading) and arrowed_nav(item.raw))
    ]  # (a serial's tip box set as a heading, Royal Road's <h4>Support "Ember Reach"</h4>, heads no chapter)
    return _settle_heading_runs(kept)


def _button_by_chrome(items: list[Item], chrome: list[bool], index: int) -> bool:
    """A site's button alone ("Report", "Share") next to its chrome, a chapter's links or counts, with
    nothing of the story between: Royal Road's "Report" under "Previous Chapter | Next Chapter". A
    "Share" among the story's paragraphs stays."""
    item = items[index]
    if not isinstance(item, Para) or _LONE_BUTTON.fullmatch(item.text.strip()) is None:
        return False
    before = index > 0 and chrome[index - 1]
    after = index + 1 < len(chrome) and chrome[index + 1]
    last = index + 1 == len(items)
    return before and (after or last or not isinstance(items[index + 1], Para))


# A site's counts copied with the story: Wattpad's "48.2K Reads 2.1K Votes 314 Part Story", Tumblr's
# "1,234 notes", "12 comments • 40 likes".
_COUNT = r"\d[\d,.]*[ \t]*[KkMm]?"
_COUNTED = (
    r"reads?|votes?|parts?(?:[ \t]+story)?|notes?|comments?|likes?|reblogs?|kudos|hits|views|bookmarks|favou?rites"
)
# One count and what it counts, with the mark that parts it from the next ("48.2K Reads · ").
_COUNTED_ITEM = rf"{_COUNT}[ \t]*(?:{_COUNTED})[ \t]*[•·|/]?[ \t]*"
_SITE_COUNTS = re.compile(rf"(?:{_COUNTED_ITEM})+", re.IGNORECASE)
# Two counts or more on a line of their own, even right under a part's title ("1. The Lottery" over
# "1.2K Reads 88 Votes 14 Comments", as Wattpad's parts copy): the heading was lost in one paragraph.
_COUNT_LINE = re.compile(rf"^[ \t]*(?:{_COUNTED_ITEM}){{2,}}$\n?", re.IGNORECASE | re.MULTILINE)
# A story page's header copied over the text: its counts after its genres ("Fantasy, Romance · 12 parts ·
# 4.2K reads", Quotev's) and its likes under a heart ("♥ 318"). Looked for in the text's head only: tried
# at every line, the genres' run cost five times the other patterns.
_HEAD_COUNTED_ITEM = (
    rf"{_COUNT}[ \t]*(?:{_COUNTED}|chapters?|words?)[ \t]*[•·|/]?[ \t]*"  # "· 2 chapters · 2,314 words"
)
_HEAD_LABELS = r"reads?|fans|comments|votes|favou?rites|likes|views|followers|kudos|hits|bookmarks"
_LABEL_COUNT_LINE = rf"[ \t]*+(?:(?:{_HEAD_LABELS})(?:[ \t]*+:?[ \t]*+\d[\d,.]*+[KkMm]?)?|\d[\d,.]*+[KkMm]?[ \t]*+(?:{_HEAD_LABELS}))[ \t]*+"
_HEAD_COUNT_LINE = re.compile(
    # (the genres end on a letter or mark, not in the spaces before the "·": each place in a run of
    # spaces read the rest of the run, a 4 MB line of them took 1.7 s a pass)
    rf"^[ \t]*[^\W\d](?:[^\n·•|]{{0,59}}?[^\n·•| \t])?[ \t]*[·•|][ \t]*(?:{_HEAD_COUNTED_ITEM}){{2,}}$\n?"
    rf"|^[ \t]*[♥❤♡💜💙]\ufe0f?[ \t]*{_COUNT}[ \t]*$\n?"
    # a fiction page's labelled counts, Royal Road's "Followers: 1,204  Pages: 312  Rating: 4.6"
    rf"|^[ \t]*(?:(?:followers|pages|(?:total[ \t]+|average[ \t]+)?views|favou?rites|ratings?|chapters|words|reviews"
    rf"|reads|votes)[ \t]*:[ \t]*{_COUNT}[ \t]*[•·|,]?[ \t]*){{2,}}$\n?",
    re.IGNORECASE | re.MULTILINE,
)
# Quotev's counts under a story's title and by-line, each on its line with its label first, or its
# buttons bare: "Read 12,408" / "Fans 341" / "Comments 57", "Fans" / "Comments" (two lines at least,
# or one counting). Looked for in the file's first two paragraphs only: further on, a "Comments 58"
# under the last chapter is where the readers' comments start (:func:`site_chrome`).
_TITLE_PAGE_COUNTS = re.compile(
    rf"^{_LABEL_COUNT_LINE}(?:\n{_LABEL_COUNT_LINE})++$\n?"
    rf"|^[ \t]*+(?:{_HEAD_LABELS})[ \t]*+:?[ \t]*+\d[\d,.]*+[KkMm]?[ \t]*+$\n?",
    re.IGNORECASE | re.MULTILINE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*+\n")
_HEAD_COUNTED_PART = re.compile(rf"{_COUNT}[ \t]*(?:{_COUNTED}|chapters?|words?)", re.IGNORECASE)
GENRE_LINE_CHARS = 200


def _genres_and_counts(line: str) -> bool:
    """A story page's line of genres and counts set apart by dots or bars, the genres several: "Fantasy ·
    Romance · 3 chapters · 12,408 reads" (Quotev's); two counts at least, each genre a word or three."""
    if len(line) > GENRE_LINE_CHARS:
        return False
    parts = [part.strip() for part in re.split(r"[·•|]", line)]
    counts = [bool(_HEAD_COUNTED_PART.fullmatch(part)) for part in parts]
    return sum(counts) >= 2 and all(
        counted or (part and len(part.split()) <= 3 and not any(c.isdigit() for c in part) and part[:1].isupper())
        for part, counted in zip(parts, counts, strict=True)
    )


# Counts under the site's icons, a part's foot as Wattpad's app copies it: "⭐ 214   💬 37", "👁 1.2K ★ 88".
# (Each run taken whole, "*+": given back a space at a time, "⭐1" and 1,000 spaces took 5 s.)
_ICON_COUNT_LINE = re.compile(
    r"^[ \t]*+(?:[⭐★☆👁💬🗨♥❤♡👍🔖][\ufe0f\u200d👁🗨]*+[ \t]*+\d[\d,.]*+[ \t]*+[KkMm]?[ \t]*+[•·|]?[ \t]*+){2,}$\n?",
    re.MULTILINE,
)
COUNT_HEAD_CHARS = 3000  # a story page's header: its title, by-line, genres and counts


# FanFiction.net's button copied as a line of its own under the story's title: "Follow/Fav". The
# space after the "+" only after one: two runs of spaces side by side split a line of tabs and
# spaces every way there is (60 KB of them took 31 s, 4 MB would take days).
_FOLLOW_LINE = re.compile(
    r"^[ \t]*(?:\+[ \t]*)?follow[ \t]*/[ \t]*fav(?:orite)?[ \t]*$\n?", re.IGNORECASE | re.MULTILINE
)


# A chat app's line over each message, copied with a story posted there a message at a time: Discord's
# "mothlight — Today at 3:14 PM", "mothlight — 03/12/2024 3:14 PM", "mothlight — 3/12/24, 15:14".
_CHAT_HEADER = re.compile(
    r"^[ \t]*+[^\s—]{1,40}(?:[ \t][^\s—]{1,40}){0,3}[ \t]++—[ \t]++(?:(?:today|yesterday)[ \t]+at|\d{1,2}/\d{1,2}/\d{2,4},?)"
    r"[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)


# A chapter-select menu copied as one line, its entries run together and counting from 1: FanFiction.net's
# "Chapter 1: Bree, chapter 2: Weathertop, chapter 3: Rivendell" or "1. Bree 2. Weathertop 3. Rivendell".
# Read as a heading, it titled chapter 1 "Bree, chapter 2: Weathertop, ..." (or was a chapter of its own).
_SELECT_START = re.compile(
    r"^[ \t]*+(?:chapter|ch\.)?[ \t]*+1[ \t]*+[.:)\-–—][^\n]*+$\n?", re.IGNORECASE | re.MULTILINE
)
_SELECT_ENTRY = re.compile(
    r"(?:^|[ \t,;|·•]++)(?:(?:chapter|ch\.)[ \t]*+)?(\d{1,4})[ \t]*+[.:)\-–—][ \t]++", re.IGNORECASE
)
SELECT_ENTRY_CHARS = 80  # an entry's title in a chapter menu
SELECT_LINE_CHARS = 20_000  # a longer line is read as it is


def _select_line(line: str) -> bool:
    """Whether a line is only a chapter menu's entries run together, numbered 1, 2, 3... (two at least),
    each a short title with no sentence's stop."""
    if len(line) > SELECT_LINE_CHARS:
        return False
    text = line.strip()
    marks = list(_SELECT_ENTRY.finditer(text))
    if (
        len(marks) < 2
        or marks[0].start() != 0
        or [int(mark.group(1)) for mark in marks] != list(range(1, len(marks) + 1))
    ):
        return False
    labelled = sum(bool(re.match(r"[ \t,;|·•]*(?:chapter|ch\.)", mark.group(0), re.IGNORECASE)) for mark in marks)
    if labelled not in (0, len(marks)):
        return False  # "Chapter 1: the storm; 2. the flood" is a sentence's list, not a menu
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    titles = [text[mark.end() : end].strip(" \t,;|·•") for mark, end in zip(marks, ends, strict=True)]
    return all(0 < len(title) <= SELECT_ENTRY_CHARS and not _SENTENCE_MARK.search(title) for title in titles)


def drop_select_lines(text: str) -> str:
    """The text less chapter-select menus copied as one line (:data:`_SELECT_START`)."""
    return _SELECT_START.sub(lambda found: "" if _select_line(found.group(0).rstrip("\n")) else found.group(0), text)


def drop_count_lines(text: str) -> str:
    """The text without lines of a site's counts (:data:`_COUNT_LINE`) or its "Follow/Fav" button:
    left in, FanFiction.net's title, button and "By:" line were one paragraph, none of them read;
    nor a chat app's line over each message (:data:`_CHAT_HEADER`), posted with every paragraph, nor a
    chapter menu copied as one line (:func:`drop_select_lines`)."""
    cut = text.find("\n", COUNT_HEAD_CHARS) + 1 or len(text)  # the head ends at a line's end
    gaps = itertools.islice(_BLANK_LINE.finditer(text, 0, cut), 2)
    top = [gap.start() + 1 for gap in gaps][1:] or [cut]  # the first two paragraphs
    title_page = _TITLE_PAGE_COUNTS.sub("", text[: top[0]])
    if any(mark in title_page for mark in "·•|"):
        title_page = "".join(line for line in title_page.splitlines(keepends=True) if not _genres_and_counts(line))
    head = title_page + text[top[0] : cut]
    head = _HEAD_COUNT_LINE.sub("", head)
    text = head + text[cut:] if len(head) != cut else text
    if " — " in text:
        text = _CHAT_HEADER.sub("", text)
    text = _ICON_COUNT_LINE.sub("", text) if any(icon in text for icon in "⭐★☆👁💬🗨♥❤♡👍🔖") else text
    return drop_select_lines(_FOLLOW_LINE.sub("", _COUNT_LINE.sub("", text)))


# A site's buttons copied as a line of their own: Wattpad's "Vote / Comment / Share", Tumblr's "Reblog Like".
_BUTTON = (  # AO3's "Kudos", Quotev's "Favorite" and "Comments (12)"
    r"vote|comment|comments|share|like|reblog|reply|follow|report|subscribe|kudos|bookmark|favou?rite"
    r"|comments[ \t]*\(\d[\d,]{0,8}\)"
)
_SITE_BUTTONS = re.compile(
    rf"(?:{_BUTTON})(?:[ \t]*[/|•·][ \t]*|[ \t]+)(?:(?:{_BUTTON})(?:[ \t]*[/|•·][ \t]*|[ \t]+|$))+", re.IGNORECASE
)
# Wattpad's reader links: "Continue reading next part", "Add to library"; "You'll also like" heads recommendations.
_SITE_LINKS = re.compile(
    r"(?:continue[ \t]+reading(?:[ \t]+next[ \t]+part)?|continue[ \t]+to[ \t]+next[ \t]+part|read[ \t]+next[ \t]+part"
    r"|keep[ \t]+reading"  # Tumblr's read-more link, copied with the post
    r"|start[ \t]+reading|add[ \t]+to[ \t]+library)[ \t]*[>»›→]*"
    # a reading site's link to itself under the text: "Read more on Quotev", "Read the rest on Wattpad"
    r"|read[ \t]+(?:more|the[ \t]+rest|it|this[ \t]+story)[ \t]+on[ \t]+(?:quotev|wattpad|inkitt|ao3|tumblr|fanfiction\.net)"
    r"[ \t]*[!.>»›→]*"
    r"|[☆★⭐]?\ufe0f?[ \t]*vote"  # Wattpad's star button alone under a part ("Vote", "☆ Vote")
    # Dreamwidth's and LiveJournal's cut, "( Read more... )", and their footer, "7 comments | Leave a comment | Share | Link"
    r"|[(\[][ \t]*read[ \t]+more[ \t.…]*[)\]]"
    r"|(?:\d[\d,]*[ \t]+comments?|no[ \t]+comments|leave[ \t]+a[ \t]+comment|share|link|reply|add[ \t]+to[ \t]+memories"
    r"|track(?:[ \t]+this)?)(?:[ \t]*[|•·][ \t]*(?:\d[\d,]*[ \t]+comments?|no[ \t]+comments|leave[ \t]+a[ \t]+comment|share"
    r"|link|reply|add[ \t]+to[ \t]+memories|track(?:[ \t]+this)?))+",
    re.IGNORECASE,
)
# What a reading site sets after a chapter, copied with it: Wattpad's "You'll also like", Inkitt's
# "Further Recommendations", the readers' comments under their count ("Comments (27)", "12 Comments").
_RECOMMENDED = re.compile(
    r"you(?:'|’)ll[ \t]+also[ \t]+like|you[ \t]+may[ \t]+also[ \t]+like|further[ \t]+recommendations"
    r"|recommended[ \t]+for[ \t]+you|(?:\d[\d,.]*k?[ \t]+)?comments(?:[ \t]*\(\d[\d,.]*k?\)|[ \t]+\d[\d,.]*k?)?",
    re.IGNORECASE,
)
# A web serial's links between chapters, copied as a line: "Previous Chapter | Table of Contents | Next
# Chapter", "« Prev | ToC | Next »", "[Previous] [Index] [Next]", "Next Chapter" alone, a blog's
# "← Part 1 | Masterlist | Part 3 →" (its list of a series' parts).
_NAV_ENTRY = (
    r"[<«‹←\[(]{0,2}[ \t]*(?:(?:previous|prev|next|last|first)(?:[ \t]+(?:chapter|part|page|episode))?"
    # (a hand-made site's "Back to Index", "Back to the fic list")
    r"|(?:back[ \t]+to[ \t]+(?:the[ \t]+)?)?(?:table[ \t]+of[ \t]+contents|toc|index|chapter[ \t]+index|contents|home"
    r"|master[ \t]?list|(?:fic|story|stories|fiction)[ \t]+(?:list|index|page))"  # Royal Road's "Fiction Index"
    r"|back[ \t]+to[ \t]+(?:the[ \t]+)?(?:stories|works|fics|top)"
    r"|(?:part|chapter|episode)[ \t]+\d{1,4}"
    r"|ep\.[ \t]*\d{1,4})"
    r"[ \t]*[>»›→\])]{0,2}"
)
_SERIAL_NAV = re.compile(rf"{_NAV_ENTRY}(?:[ \t]*[|/•·~\-–—][ \t]*{_NAV_ENTRY}|[ \t]+{_NAV_ENTRY})*", re.IGNORECASE)
# (or a "Back to stories" link alone, a fan site's under and over each chapter, "« Back to top")
_LONE_NAV = re.compile(
    r"[<«‹←]{0,2}[ \t]*(?:(?:previous|prev|next)[ \t]+chapter|back[ \t]+to[ \t]+(?:the[ \t]+)?(?:stories|works|fics|top"
    r"|(?:story|fic|chapter)[ \t]+(?:list|index|page)|(?:all|my)[ \t]+(?:stories|works|fics)))[ \t]*[>»›→]{0,2}",
    re.IGNORECASE,
)
# A serial's links to its creator's tip jars, and the box's head over them ("Support \"The Hollow
# Crown\"", "Support sleepy_wyrm"), buttons run together as a saved page gives them ("DonatePatreon").
_TIP = r"(?:donate|patreon|ko-?fi|paypal|buy[ \t]+me[ \t]+a[ \t]+coffee|subscribestar|tip[ \t]+jar)"
_TIP_JARS = re.compile(rf"{_TIP}(?:[ \t]*[|/•·,]?[ \t]*{_TIP})*[ \t]*[!.]?", re.IGNORECASE)
# A blog writer's links to the blog's other pages and their other sites, copied as a line under a post:
# "masterlist | ao3 | ko-fi", "navigation • requests • carrd". Two at least, set apart by bars or bullets.
_BLOG_LINK = (
    rf"(?:master[ \t]?list|ao3|archive[ \t]+of[ \t]+our[ \t]+own|tumblr|wattpad|twitter|instagram|carrd|linktree"
    rf"|discord|navigation|nav|requests?|commissions|taglist|faq|pinned|{_TIP})"
)
_BLOG_LINKS = re.compile(rf"{_BLOG_LINK}(?:[ \t]*[|•·][ \t]*{_BLOG_LINK})+", re.IGNORECASE)
_SUPPORT_LINE = re.compile(
    r"support[ \t]+(?:\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”|@?[\w.-]{1,40})[ \t]*[!.]?", re.IGNORECASE
)
# What Webnovel sets under every chapter, asking for its currency and votes: "Creation is hard, cheer me
# up!", "Your gift is the motivation for my creation. Give me more motivation!", "Like it ? Add to
# library!", "Have some idea about my story? Comment it and let me know.", "Report chapter", "Power Stone".
_CREATOR_ASKS = re.compile(
    r"creation[ \t]+is[ \t]+hard,?[ \t]+cheer[ \t]+me[ \t]+up[ \t]*!*"
    r"|your[ \t]+gift[ \t]+is[ \t]+the[ \t]+motivation[ \t]+for[ \t]+my[ \t]+creation\.?(?:[ \t]+give[ \t]+me[ \t]+more"
    r"[ \t]+motivation[ \t]*!*)?"
    r"|like[ \t]+it[ \t]*\?[ \t]*add[ \t]+to[ \t]+library[ \t]*!*"
    r"|have[ \t]+some[ \t]+idea[ \t]+about[ \t]+my[ \t]+story\?[ \t]*comment[ \t]+it[ \t]+and[ \t]+let[ \t]+me[ \t]+know\.?"
    r"|report[ \t]+chapter|power[ \t]+stones?|vote[ \t]+with[ \t]+power[ \t]+stones?",
    re.IGNORECASE,
)
# Links to the chapters around it run together: Scribble Hub's "PreviousIndexNext".
_RUN_TOGETHER_NAV = re.compile(
    r"(?:previous|prev|index|next|toc|home|chapters|follow|favou?rite|rate|bookmark)"
    r"(?:previous|prev|index|next|toc|home|chapters|follow|favou?rite|rate|bookmark)+",
    re.IGNORECASE,
)  # (Royal Road's buttons under its "Support" box: "FollowFavoriteRate")
_NAV_WORD = re.compile(
    r"previous|prev|next|last|first|contents|toc|index|home|master[ \t]?list|(?:part|chapter)[ \t]+\d|back[ \t]+to",
    re.IGNORECASE,
)


AFTER_STORY_LINES = 4
AFTER_STORY_LINE_CHARS = 40


def _after_story(text: str) -> bool:
    """A paragraph opening what a reading site sets after the story ("You'll also like", "Comments
    (27)"), or a short block of its links with such a line in it ("Next episode" / "Ep. 15 - Ash" /
    "Comments 58", as Tapas's foot copies)."""
    lines = text.strip().split("\n", AFTER_STORY_LINES)
    if _RECOMMENDED.fullmatch(lines[0].strip()):
        return True
    return (
        1 < len(lines) <= AFTER_STORY_LINES
        and all(len(line) <= AFTER_STORY_LINE_CHARS for line in lines)
        and any(_RECOMMENDED.fullmatch(line.strip()) for line in lines)
    )


def site_chrome(text: str) -> bool:
    """A paragraph of a reading site's chrome copied with the story, never its text: counts of reads,
    votes and notes, a line of buttons, the reader's links (see the patterns above). "Vote." or a
    sentence with the same words ("She left a comment and a like") is no such line."""
    if len(text) > 120 or len(text) < 2:
        return False
    line = text.strip()
    if "\n" in line:  # Wattpad's buttons copied a line each: "Vote" / "Comment" / "Share"
        parts = [part.strip() for part in line.split("\n")]
        distinct = len({part.casefold() for part in parts}) >= 2  # "Home" / "Home" / "Home" is a poem's
        if all(_LONE_BUTTON.fullmatch(part) for part in parts):
            return True
        return site_menu(parts) or (distinct and all(_chrome_line(part) for part in parts))
    return _site_chrome().fullmatch(line) is not None or _serial_nav(line)


def _chrome_line(line: str) -> bool:
    """One line of a paragraph of chrome: a button, a chrome line, a serial's link ("Previous Part")."""
    return (
        _LONE_BUTTON.fullmatch(line) is not None
        or _NEWSLETTER_LINE.fullmatch(line) is not None
        or _site_chrome().fullmatch(line) is not None
        or _SERIAL_NAV.fullmatch(line) is not None
    )


# A newsletter's boxes around a post, a line each among others like them: "Subscribe to Rosalind's
# Notebook" over "Leave a comment", "Type your email..." over "Subscribe".
_NEWSLETTER_LINE = re.compile(
    r"subscribe(?:[ \t]+(?:to|now))?(?:[ \t]+[^\n]{1,60})?|leave[ \t]+a[ \t]+comment|restack|type[ \t]+your[ \t]+email[ \t.…]*",
    re.IGNORECASE,
)


# A reading site's menu over the page, copied as lines under the site's name: "Quotev" / "Search" /
# "Sign Up Log In", "Inkitt" / "Discover" / "Writers" / "Log In", "Tapas" / "Comics Novels Community".
_MENU_ENTRY = (
    r"search|sign[ \t]+up|sign[ \t]+in|log[ \t]+in|login|register|discover|browse|community|writers|home|menu"
    r"|library|comics|novels|write|create|forums|explore|genres|rankings|premium|apps|notifications"
    r"|quizzes|stories|polls|quotes|lists"  # Quotev's
)
_MENU_WORDS = re.compile(rf"(?:(?:{_MENU_ENTRY})(?:[ \t]+|$))+", re.IGNORECASE)
_MENU_WORD = re.compile(_MENU_ENTRY, re.IGNORECASE)
MENU_NAME_WORDS = 2


def site_menu(lines: list[str]) -> bool:
    """Whether lines are a site's name over its menu (two lines at least, every line after the name
    menu words only): never a story's, whose lines are sentences."""
    if len(lines) < 2 or not 0 < len(lines[0].split()) <= MENU_NAME_WORDS:
        return False
    if not all(_MENU_WORDS.fullmatch(line) for line in lines[1:]):
        return False
    words = {" ".join(word.casefold().split()) for line in lines[1:] for word in _MENU_WORD.findall(line)}
    return len(words) >= 2  # two menu entries at least: "Home" / "Home" is a poem's


# A newsletter's lines around a story sent by email and saved or copied as text: "View this email in your
# browser" over it, "Unsubscribe | Update your preferences" under it.
_MAIL_LINK = (
    r"unsubscribe|update[ \t]+(?:your[ \t]+)?(?:preferences|subscription)|manage[ \t]+(?:your[ \t]+)?(?:subscription|preferences)"
    r"|forward[ \t]+to[ \t]+a[ \t]+friend|view[ \t]+(?:this[ \t]+(?:email|e-mail|message|post)|it|online)"
    r"(?:[ \t]+in[ \t]+(?:your|a)[ \t]+(?:web[ \t]+)?browser)?"
)
_MAIL_CHROME = re.compile(rf"(?:{_MAIL_LINK})[.!]?(?:[ \t]*[|•·][ \t]*(?:{_MAIL_LINK})[.!]?)*", re.IGNORECASE)
_LONE_BUTTON = re.compile(rf"(?:{_BUTTON})", re.IGNORECASE)


@cache
def _site_chrome() -> re.Pattern[str]:
    """The chrome patterns above as one: a paragraph is tried once, not once a pattern."""
    patterns = (
        *(_SITE_COUNTS, _SITE_BUTTONS, _SITE_LINKS, _TIP_JARS, _SUPPORT_LINE, _RUN_TOGETHER_NAV, _CREATOR_ASKS),
        *(_MAIL_CHROME, _BLOG_LINKS),
    )
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), re.IGNORECASE)


def _serial_nav(line: str) -> bool:
    """Two or more of a serial's chapter links on a line ("Previous Chapter | Next Chapter"), or a
    "Next Chapter" alone; "Contents" or "Index" alone heads a list, and stays for that to read."""
    if _LONE_NAV.fullmatch(line) is not None:
        return True
    if _SERIAL_NAV.fullmatch(line) is None:
        return False
    return len(_NAV_WORD.findall(line)) >= 2


_ARROWS_FIRST = "<«‹←"
_ARROWS_LAST = ">»›→"


def arrowed_nav(line: str) -> bool:
    """A serial's links between parts read as a heading for the "Part 1" in it: "← Part 1 | Masterlist |
    Part 3 →" titled its chapter "Part 1: Masterlist | Part 3". Only with an arrow at an end, as such
    links have: a chapter's own heading "Chapter 1 - Home" is no link line."""
    line = line.strip()
    return (line[:1] in _ARROWS_FIRST or line[-1:] in _ARROWS_LAST) and _serial_nav(line)


def nav_frame(text: str) -> bool:
    """A "< Prev" / "Next >" line, bare or around the chapter list ("1. The Letter 2. The Burrow")."""
    if "\n" in text or len(text) > NAV_LINE_CHARS:
        return False
    line = text.strip()
    prev = _PREV.match(line)
    following = _NEXT.search(line, max(0, len(line) - 40))
    if prev is None and following is None:
        return False
    rest = line[prev.end() if prev else 0 : following.start() if following else len(line)].strip()
    if not rest:
        return True
    numbers = [int(number) for number in _INLINE_NUMBER.findall(rest)]
    return rest.startswith("1.") and numbers == list(range(1, len(numbers) + 1))


def front_navigation(items: list[Item], index: int, meta: _Meta, keys: OutsideKeys | None = None) -> int:
    """How many items from ``index`` are a table of contents or a chapter-select list; 0 when none.
    ``keys``: the items' keys, read once for every call over the same items (a title page's)."""
    item = items[index] if index < len(items) else None
    if not isinstance(item, Para):
        return 0
    if contents_label(item.text):
        return _contents_block(items, index, item.text.split("\n"))
    return _chapter_list(items, index, meta, keys or OutsideKeys(items))


def contents_label(text: str) -> bool:
    """A paragraph opening with a "Table of Contents" line."""
    return _CONTENTS.match(trim_ornaments(text.split("\n", 1)[0]).strip()) is not None


def _contents_block(items: list[Item], index: int, label_lines: list[str]) -> int:
    """A "Table of Contents" label and its entries, up to where the first chapter starts.

    The entries end where the first one comes round again (the chapter itself), at a heading,
    or, for a list numbered 1, 2, 3..., at the first line that is no entry. Anything less
    certain leaves the text as it is.
    """
    entries = label_lines[1:]
    if not all(_entry_line(line) for line in entries):
        return 0
    first = _line_keys(entries[0]) if entries else None
    position = index + 1
    while position < len(items):
        item = items[position]
        if isinstance(item, Heading) and (
            _listed_heading(items, position, first) or _unlisted_entry(items, position, first)
        ):
            first = first or _heading_keys(item)
            position += 1
            continue
        if isinstance(item, Heading) and _scene_list_under(items, position):
            return 0  # a play's acts listed over their scenes: drop_contents_list reads them
        if isinstance(item, Heading) and first is not None and _last_entry(items, position, first):
            return position + 1 - index  # the list's last entry over front matter (see _last_entry)
        if not isinstance(item, Para):
            return position - index  # a heading or divider: the chapter starts
        lines = item.text.split("\n")
        if first is not None and _line_keys(lines[0]) & first:
            return position - index  # the first entry again: its chapter starts here
        if not all(_entry_line(line) for line in lines):
            break
        entries.extend(lines)
        first = first or _line_keys(lines[0])
        position += 1
    counted = [_ENTRY.match(line) for line in entries]
    numbers = [int(match.group("num")) if match else 0 for match in counted]
    if len(entries) >= 2 and numbers == list(range(1, len(entries) + 1)) and position < len(items):
        return position - index
    return 0


# A printed book's contents entry with its page: "The boats come in      1", "Rousseau ..... 16",
# "INDEX   255", and the "PAGE" over the column of numbers; a list of plates' "Europe in 1789
# _To face title page_" or "Frontispiece".
# (an entry ends in a letter or mark, never in the spaces before its page: each position in a run of
# spaces read the rest of the run as the separator, a megabyte of them took seconds)
_PAGED_ENTRY = re.compile(
    r"^[ \t]*\S(?:.*?\S)??(?:[ \t]{2,}|[ \t]*(?:\.[ \t]?){3,}[ \t]*)"
    r"(?:\d{1,4}|[ivxlc]{1,7}|_?(?:to[ \t]+face|facing)[ \t]+(?:title[ \t]+page|p(?:age|\.)[ \t]*\d{1,4})_?|_?frontispiece_?)[ \t]*$",
    re.I,
)
# The same entries with their lines run together: each one's text, its spaces, its page.
_PAGED_RUN = re.compile(
    r"[ \t]*(?:page[ \t]+)?(?P<entry>\S(?:.{0,117}?\S)??)(?:[ \t]{2,}|[ \t]*(?:\.[ \t]?){3,}[ \t]*)(?:\d{1,4}|[ivxlc]{1,7})(?=[ \t]|$)",
    re.I,
)
_PAGE_COLUMN = re.compile(r"^[ \t]*(?:page|pages|pp?\.)[ \t]*$", re.IGNORECASE)
PAGED_ENTRIES_MIN = 3


def _entries_as_headings(body: list[Item], entries: list[str]) -> list[Item]:
    """The body with the contents' entries, each a line of its own further on in the same order over
    text ("Contents" / "Spring" / "Summer" over "Spring" and its text), as its chapters' headings: a
    document's heading styles lost in plain text, the chapters were one. Only where the body marks
    its chapters no other way and every entry (two at least) comes round again so."""
    entries = [entry for entry in entries if entry]
    if len(entries) < 2 or any(isinstance(item, Heading) for item in body):
        return body
    wanted = [entry.casefold() for entry in entries]
    found: list[int] = []
    for position, item in enumerate(body):
        if len(found) < len(wanted) and isinstance(item, Para) and item.text.strip().casefold() == wanted[len(found)]:
            found.append(position)
    if len(found) < len(wanted) or not all(isinstance(_item_at(body, position + 1), Para) for position in found):
        return body
    out = list(body)
    for position, entry in zip(found, entries, strict=True):
        out[position] = Heading(entry, "chapter", 2, entry)
    return out


def _item_at(items: list[Item], position: int) -> Item | None:
    return items[position] if 0 <= position < len(items) else None


def drop_contents_list(items: list[Item]) -> list[Item]:
    """The body less a contents list standing after other front matter (a publisher's list, a title
    page, a preface), which the preamble, stopping at those, never reached.

    A "CONTENTS" line before the first chapter with text, then entries: headings with nothing of
    their own under them ("CHAPTER I." over "FEUDALISM AND THE MONARCHY."), entry lines, or a
    printed book's lines ending in their page numbers. It is taken only when the book bears it out:
    an entry heading stands again further on with its chapter's text, or the lines give their pages.
    Read as headings, its entries made chapters of contents, or a refusal of headings with no text.
    """
    later: _HeadingsWithText | None = None  # read once, at the first label: asked of every list
    taken: list[tuple[int, int]] = []  # the lists' spans, cut out once at the end
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, Heading) and _text_under(items, index) and not _front_prose(item):
            break  # the story has begun: no contents list ahead of it
        if isinstance(item, Para) and (contents_label(item.text) or _PAGED_LIST.match(_first_line(item.text))):
            later = later or _HeadingsWithText(items)
            end = _contents_run(items, index, later)
            if end:
                taken.append((index, end))
                index = end
                continue  # a list of maps or illustrations may follow the contents
        index += 1
    if not taken:
        return items
    kept: list[Item] = []
    start = 0
    for begin, end in taken:
        kept.extend(items[start:begin])
        start = end
    kept.extend(items[start:])
    return kept


class _HeadingsWithText:
    """Where each heading's keys stand last over story text, read once for a whole text: each
    contents list asks whether an entry comes round again further on, and reading the rest of the
    text for each of thousands of "Contents" labels was quadratic (64 KB took 7.6 s)."""

    def __init__(self, items: list[Item]) -> None:
        self.last: dict[str, int] = {}
        for at, item in enumerate(items):
            if isinstance(item, Heading) and _text_under(items, at):
                for key in _heading_keys(item):
                    self.last[key] = at

    def after(self, position: int, keys: set[str]) -> bool:
        """Whether a heading past ``position`` with story text under it has one of ``keys``."""
        return any(self.last.get(key, -1) > position for key in keys)


# A printed book's other lists before its text, each line a page number: "MAPS." over "Map of
# Quiberon      241" (eBook #71688), "LIST OF ILLUSTRATIONS". Taken as the contents list is.
_PAGED_LIST = re.compile(
    r"^(?:list[ \t]+of[ \t]+)?(?:maps|illustrations|plates)(?:[ \t]+and[ \t]+(?:maps|plates|illustrations))?[ \t]*[:.]?$",
    re.IGNORECASE,
)


def _first_line(text: str) -> str:
    return trim_ornaments(text.split("\n", 1)[0]).strip()


# What an author writes before the book, set before its contents as often as after them: Dickens's
# "PREFACE" over A Christmas Carol's "CONTENTS". Read as named headings (kept as chapters, see below).
_FRONT_PROSE = frozenset(["Preface", "Foreword", "Introduction"])


def _front_prose(heading: Heading) -> bool:
    return heading.kind == "named" and heading.title in _FRONT_PROSE


def _contents_run(items: list[Item], index: int, later: _HeadingsWithText) -> int:
    """Where the contents list opened by the label at ``index`` ends, or 0 when it is no list."""
    label = items[index]
    assert isinstance(label, Para)
    lines = [line for line in label.text.split("\n")[1:] if line.strip()]
    if lines and not _contents_paragraph(lines):
        return 0
    entries, paged = len(lines), sum(1 for line in lines if _PAGED_ENTRY.match(line))
    listed: set[str] = set()
    # Under each part listed its chapters count again: War and Peace (eBook #2600) lists "BOOK ONE:
    # 1805" over "CHAPTER I" ... "CHAPTER XXVIII", then "BOOK TWO: 1805" over "CHAPTER I" again.
    parts: set[str] = set()
    in_part: set[str] = set()  # the entries listed since the last part
    position = index + 1
    while position < len(items):
        item = items[position]
        if isinstance(item, Heading):
            keys = _heading_keys(item)
            scenes = _scene_list_under(items, position)
            if keys & (parts if item.kind == "part" else in_part):
                break  # an entry come round again: the book starts here
            if _text_under(items, position) and not scenes:
                if listed and keys and later.after(position, keys):
                    # The list's last entry over the front matter after it (Moby-Dick's "Epilogue" over its
                    # transcriber's notes), named again with its own text at the end: the list ends with it.
                    listed |= keys
                    entries += 1
                    position += 1
                break  # a chapter: the book starts here
            listed |= keys
            if item.kind == "part":
                parts |= keys
                in_part = set()
            else:
                in_part |= keys
            entries += 1 + scenes
            position += 1 if scenes else 0  # a play's act listed over its scenes: they are entries too
        elif isinstance(item, Para):
            lines = [line for line in item.text.split("\n") if line.strip()]
            if front_label(item.text) is not None or not _contents_paragraph(lines):
                break  # ("Dramatis Personæ" heads the page after the contents: no entry of them)
            entries += len(lines)
            paged += sum(1 for line in lines if _PAGED_ENTRY.match(line))
            keys = {key for line in lines for key in _line_keys(line)} - {""}
            listed |= keys
            in_part |= keys
        else:
            break
        position += 1
    if entries < 2 or position == index + 1:
        return 0
    come_round = later.after(position - 1, listed)
    return position if come_round or paged >= PAGED_ENTRIES_MIN else 0


# A play's scene as its contents list names it under its act: "Scene I. Elsinore. A platform before the Castle."
_SCENE_ENTRY = re.compile(r"^[ \t]*scene[ \t]+(?:[ivxlc]{1,7}|\d{1,3})\b\.?(?:[ \t]|$)", re.IGNORECASE)


# Between two scenes listed: a line break, or a space where a Project Gutenberg book's lines, as long
# as a wrapped paragraph's, were joined ("... before the Castle. Scene II. Elsinore. ...").
_SCENE_SPLIT = re.compile(r"[ \t]*\n[ \t]*|(?<=\.)[ \t]+(?=scene[ \t]+(?:[ivxlc]{1,7}|\d{1,3})\b)", re.IGNORECASE)


def _scene_list_under(items: list[Item], position: int) -> int:
    """How many scenes the paragraph under the heading at ``position`` lists, a line each, as a
    play's contents list does under each act; 0 for any other paragraph. (An act's own text opens
    with its "SCENE I." line too: only after a contents label is this asked, and the act named
    again ends the list there.)"""
    following = items[position + 1] if position + 1 < len(items) else None
    if not isinstance(following, Para):
        return 0
    lines = [line for line in _SCENE_SPLIT.split(following.text) if line.strip()]
    if not lines or any(len(line) > ENTRY_CHARS or not _SCENE_ENTRY.match(line) for line in lines):
        return 0
    return len(lines)


def _last_entry(items: list[Item], position: int, first: set[str]) -> bool:
    """Whether the heading at ``position``, after a contents list's entry headings, is its last entry
    standing over the front matter after the list (Moby-Dick's "Epilogue" over its transcriber's
    notes): not the first entry come round, and named again further on over its own text."""
    heading = items[position]
    assert isinstance(heading, Heading)
    keys = _heading_keys(heading)
    return (
        bool(keys)
        and not keys & first
        and isinstance(items[position - 1], Heading)
        and _HeadingsWithText(items).after(position, keys)
    )


def _text_under(items: list[Item], position: int) -> bool:
    """Whether the heading at ``position`` has story text under it, past a scene break opening it
    (the lone "I." under "I. A SCANDAL IN BOHEMIA")."""
    # (indexes, not a slice: a slice copied the rest of the list for every heading of a long run)
    following = next(
        (items[at] for at in range(position + 1, len(items)) if not isinstance(items[at], SceneBreak)), None
    )
    return isinstance(following, Para) and not _contents_paragraph(following.text.split("\n"))


def _contents_paragraph(lines: list[str]) -> bool:
    """Lines of contents entries: each an entry line or a chapter heading's line, or, in a printed
    book's list, mostly lines ending in their pages (an entry wrapped onto two lines has it once)."""
    lines = [line for line in lines if line.strip()]
    if lines and _paged_run(" ".join(lines)) >= 1:
        # The entries' lines joined as prose's are: "Taxation      9 Condition of the People      11",
        # or one entry wrapped over two lines, its page on the second ("... Russia and" / "Austria   236").
        return True
    if not lines or any(len(line) > ENTRY_CHARS for line in lines):
        return False
    paged = [bool(_PAGED_ENTRY.match(line) or _PAGE_COLUMN.match(line)) for line in lines]
    if paged[-1] and 2 * sum(paged) >= len(lines):
        return True
    return all(_entry_line(line) or _heading_entry(line) or date_entry(line) for line in lines)


def _paged_run(text: str) -> int:
    """How many page-numbered entries ``text`` is made of from end to end; 0 when anything else is in it."""
    count, position = 0, 0
    while position < len(text):
        match = _PAGED_RUN.match(text, position)
        if match is None:
            return 0 if text[position:].strip() else count
        count += 1
        position = match.end()
    return count


def _heading_entry(line: str) -> bool:
    """A chapter's heading as listed, its title set off by spaces: "CHAPTER V.     Advice from a Caterpillar"."""
    head = _TITLE_SPACES.split(line.strip(), maxsplit=1)[0]
    return match_heading(line.strip()) is not None or match_heading(head) is not None


_TITLE_SPACES = re.compile(r"[ \t]{2,}")


def _listed_heading(items: list[Item], position: int, first: set[str] | None) -> bool:
    """Whether the heading at ``position`` is an entry of the contents list above it: nothing of
    the story under it, not the first entry come round again, and standing again further on
    with its chapter's text ("Chapter 1" / "Chapter 2" / "About the Author" / "* * *" /
    "Chapter 1"). Read as headings, the entries made chapters of nothing and the file was refused."""
    heading = items[position]
    assert isinstance(heading, Heading)
    keys = _heading_keys(heading)
    if not keys or (first is not None and keys & first):
        return False
    following = items[position + 1] if position + 1 < len(items) else None
    if isinstance(following, Para) and not _entry_paragraph(following):
        return False
    return any(
        isinstance(later, Heading) and _heading_keys(later) & keys and _opens_text(items, at)
        for at, later in enumerate(items[position + 1 :], position + 1)
    )


def _opens_text(items: list[Item], position: int) -> bool:
    """Story text under the heading at ``position``, or, under a part, under its first chapter
    (War and Peace's "BOOK ONE: 1805" over "CHAPTER I" and its text)."""
    if _has_text_under(items, position):
        return True
    heading = items[position]
    following = items[position + 1] if position + 1 < len(items) else None
    return (
        isinstance(heading, Heading)
        and heading.kind == "part"
        and isinstance(following, Heading)
        and _has_text_under(items, position + 1)
    )


def _unlisted_entry(items: list[Item], position: int, first: set[str] | None) -> bool:
    """An entry heading after entries that do come round, whose own chapter the file leaves out (an
    excerpt: Alice's first two chapters under all twelve listed): a heading over the next heading,
    up to the first entry come round again."""
    heading, following = items[position], items[position + 1] if position + 1 < len(items) else None
    assert isinstance(heading, Heading)
    return first is not None and isinstance(following, Heading) and not _heading_keys(heading) & first


def _entry_paragraph(item: Para) -> bool:
    return all(_entry_line(line) for line in item.text.split("\n"))


def _has_text_under(items: list[Item], position: int) -> bool:
    following = items[position + 1] if position + 1 < len(items) else None
    return isinstance(following, Para) and not _entry_paragraph(following)


_CAPITAL_ENTRY = re.compile(r"^[ \t]*[A-Z]{4,}\b[^.]*\.[ \t]*$")


# A list's bullet before a contents entry: "- Prologue", "• Chapter 1: The Moth".
_ENTRY_BULLET = re.compile(r"^[ \t]*+[-–•*·▪◦][ \t]++(?=\S)")
# A page number after an entry's title, past dot leaders or a run of spaces: "The Moth ........ 1".
# (a word processor's tab stop alone sets one off too: Word's "Chapter 1<TAB>The Gate<TAB>7")
_ENTRY_PAGE = re.compile(r"(?<=\S)(?:[ \t]{2,}+|\t|[ \t]*+(?:\.[ \t]?){3,}+[ \t]*+)\d{1,4}[ \t]*$")


def _entry_text(line: str) -> str:
    """A contents entry's own words: no bullet before it, no page after it ("- The Moth ..... 1")."""
    line = _ENTRY_BULLET.sub("", line, count=1)
    return _ENTRY_PAGE.sub("", line, count=1) if len(line) <= ENTRY_CHARS else line


def _entry_line(line: str) -> bool:
    """A line that can be a contents entry: "1. Snowfall", or a short title ("The Station"), after a
    bullet or none ("- Prologue")."""
    line = _entry_text(line)
    if len(line) > ENTRY_CHARS or not line.strip():
        return False
    if _ENTRY.match(line) is not None or _title_like(trim_ornaments(line.strip())):
        return True
    if _CAPITAL_ENTRY.match(line) and _title_like(line.strip()[:-1]):
        return True  # an old book's section in capitals with its stop: "ETYMOLOGY.", "EXTRACTS (Supplied by ...)."
    # "VI.    The Man with the Twisted Lip": its small words longer than Title Case allows
    roman = _ROMAN_ENTRY.match(line)
    return roman is not None and roman.group("title")[:1].isupper() and not roman.group("title").endswith(".")


def _chapter_list(items: list[Item], index: int, meta: _Meta, keys: OutsideKeys) -> int:
    """A chapter-select list ("1. The Letter" / "2. The Burrow" ...) counting up from 1.

    Numbered lines open stories too ("1. Never lie."), so the list is taken only when the
    story bears it out: its titles are the chapters' own, or it lists as many chapters as
    the metadata declares ("Chapters: 3").
    """
    titles: list[str] = []
    position = index
    while position < len(items):
        item = items[position]
        if not isinstance(item, Para):
            break
        lines = item.text.split("\n")
        found = _counted_entries(lines, len(titles) + 1)
        if not found:
            break
        if len(found) < len(lines):
            return 0  # the list runs into text inside one paragraph
        titles.extend(found)
        position += 1
    if len(titles) < 2 or position >= len(items):
        return 0
    if len(titles) == meta.chapter_count:
        return position - index
    if all(keys.outside(_key(title), index, position) for title in titles):
        return position - index
    return 0


def _counted_entries(lines: list[str], number: int) -> list[str]:
    """The titles of the leading lines numbered ``number``, ``number`` + 1, ..."""
    titles: list[str] = []
    for line in lines:
        match = _ENTRY.match(line) if len(line) <= ENTRY_CHARS else None
        if match is None or int(match.group("num")) != number + len(titles):
            break
        titles.append(match.group("title"))
    return titles


class OutsideKeys:
    """What the headings and short lines of ``items`` read as, to match a list's entries against,
    read once: a title page is tried for a chapter list at each of its paragraphs, and reading
    every item each time made a page of numbered pairs quadratic (60 KB took 4 s, 400 KB minutes)."""

    def __init__(self, items: list[Item]) -> None:
        self._items = items
        self._per_item: list[set[str]] | None = None
        self._total: Counter[str] = Counter()

    def outside(self, key: str, start: int, end: int) -> bool:
        """Whether an item outside ``items[start:end]`` reads as ``key``."""
        if self._per_item is None:
            self._per_item = [_item_keys(item) for item in self._items]
            self._total = Counter(key for keys in self._per_item for key in keys)
        inside = sum(key in keys for keys in self._per_item[start:end])
        return self._total[key] > inside


def _item_keys(item: Item) -> set[str]:
    if isinstance(item, Heading):
        return _heading_keys(item)
    if isinstance(item, Para) and len(item.text) <= ENTRY_CHARS and "\n" not in item.text:
        return _line_keys(item.text)
    return set()


def _key(text: str) -> str:
    return " ".join(normalise(trim_ornaments(text.strip())).casefold().split())


def _line_keys(line: str) -> set[str]:
    """ "1. Snowfall" matches "1. Snowfall" and a heading titled "Snowfall" ("- Snowfall" too)."""
    line = _entry_text(line)
    match = _ENTRY.match(line) or _ROMAN_ENTRY.match(line)
    return {_key(line), _key(match.group("title"))} if match else {_key(line)}


def _heading_keys(heading: Heading) -> set[str]:
    keys = _line_keys(heading.raw) if heading.raw else set()
    if heading.title:  # (its page number off, as a contents list's heading line gives it: "The Gate    7")
        keys |= {_key(heading.title), _key(_entry_text(heading.title))}
    return keys - {""}


def _settle_heading_runs(items: list[Item]) -> list[Item]:
    """Headings with nothing between them that cannot stand together: keep the one the text belongs to."""
    pairs = itertools.pairwise(items)
    if not any(isinstance(a, Heading) and isinstance(b, Heading) and not _merges(a, b) for a, b in pairs):
        return items
    counts: dict[str, int] = {}
    for item in items:
        if isinstance(item, Heading):
            for key in _run_keys(item):
                counts[key] = counts.get(key, 0) + 1
    repeated = _repeated_runs(items)
    settled: list[Item] = []
    position = 0
    while position < len(items):
        end = _heading_run_end(items, position)
        if end == position:
            settled.append(items[position])
            position += 1
            continue
        if _run_text(items[position:end]) in repeated:
            # FanFiction.net's chapter select copied over and under one chapter's text, every entry
            # in both: neither says which chapter the text is, and kept, its first entry had no text.
            position = end
            continue
        if _under_contents_label(items, position):
            # A contents list's entries read as headings ("Stave   I: Marley's Ghost" ... over "STAVE I:
            # MARLEY'S GHOST"), perhaps after entries that are not (Moby-Dick's "ETYMOLOGY."):
            # drop_contents_list takes them with their label, not a dropdown's reading.
            settled.extend(items[position:end])
            position = end
            continue
        settled.extend(_settle_run([item for item in items[position:end] if isinstance(item, Heading)], counts))
        position = end
    return settled


def _heading_run_end(items: list[Item], position: int) -> int:
    """Where the run of headings from ``position`` ends (``position`` itself when it is no heading)."""
    end = position
    while end < len(items) and isinstance(items[end], Heading):
        end += 1
    return end


def _run_text(run: list[Item]) -> tuple[str, ...]:
    return tuple(item.raw.strip() if isinstance(item, Heading) else "" for item in run)


def _repeated_runs(items: list[Item]) -> set[tuple[str, ...]]:
    """The runs of two headings or more with nothing between them that stand twice or more, the same
    lines in the same order: a chapter select pasted over and under the text, never chapters."""
    seen: dict[tuple[str, ...], int] = {}
    position = 0
    while position < len(items):
        end = _heading_run_end(items, position)
        if end - position >= 2:
            key = _run_text(items[position:end])
            seen[key] = seen.get(key, 0) + 1
        position = max(end, position + 1)
    return {key for key, count in seen.items() if count >= 2}


CONTENTS_LEAD_ENTRIES = 20  # entries that may stand between a contents label and its first heading


def _under_contents_label(items: list[Item], position: int) -> bool:
    """Whether the item at ``position`` follows a contents label, with only entry lines between."""
    for back in range(position - 1, max(-1, position - 1 - CONTENTS_LEAD_ENTRIES), -1):
        item = items[back]
        if not isinstance(item, Para):
            return False
        if contents_label(item.text):
            return True
        if not all(_entry_line(line) for line in item.text.split("\n") if line.strip()):
            return False
    return False


def _merges(outer: Heading, inner: Heading) -> bool:
    """Whether ``assemble`` reads two adjacent headings as one ("Part One" over "Chapter 1")."""
    return outer.kind == "part" or outer.level < inner.level


def _settle_run(run: list[Heading], counts: dict[str, int]) -> list[Heading]:
    """A dropdown pasted around a chapter's heading: drop the entries, keep the heading.

    The heading is the first of the run when the entries after it name it again ("Chapter 1"
    over "Chapter 1 / Chapter 2 / Chapter 3") or all name chapters found later in the text,
    and the last when the entries before it name it. Any other run stays as it is, and the
    import says which heading has no text under it.
    """
    start = 0
    while start + 1 < len(run) and _merges(run[start], run[start + 1]):
        start += 1
    head, rest = run[:start], run[start:]
    if len(rest) < 2:
        return run
    first, last = rest[0], rest[-1]
    entries = rest[1:]
    first_keys = _run_keys(first)
    if any(_run_keys(entry) & first_keys for entry in entries) or _all_listed_later(entries, run, counts):
        return [*head, first]
    last_keys = _run_keys(last)
    if any(_run_keys(entry) & last_keys for entry in rest[:-1]):
        return [*head, last]
    return run


def _run_keys(heading: Heading) -> set[str]:
    """A heading's keys, with its number: "Chapter 2" is the dropdown's "2. The Burrow"."""
    keys = _heading_keys(heading)
    number = _HEADING_NUMBER.match(normalise(heading.raw))
    if number:
        keys.add(f"#{int(number.group(1))}")
    return keys


def _all_listed_later(entries: list[Heading], run: list[Heading], counts: dict[str, int]) -> bool:
    """Whether every entry of a dropdown names a heading that stands elsewhere in the text."""
    if len(entries) < 2:
        return False
    inside: dict[str, int] = {}
    for heading in run:
        for key in _run_keys(heading):
            inside[key] = inside.get(key, 0) + 1
    return all(any(counts.get(key, 0) > inside[key] for key in _run_keys(entry)) for entry in entries)


def _trailing_note(chapter: Chapter) -> None:
    """A last paragraph that talks to readers ("thanks for reading, please review") is a note."""
    if len(chapter.scenes) < 2:
        return
    last_scene = chapter.scenes[-1]
    if len(last_scene.paragraphs) == 1 and note_score(last_scene.paragraphs[0]) >= NOTE_SCORE:
        chapter.notes.append(last_scene.paragraphs[0])
        chapter.scenes.pop()


CHAPTER_FIELD_LINES = 6
_COUNT_KEYS = frozenset(["word count", "words", "wc", "wordcount"])


def _chapter_fields(text: str) -> bool:
    """A chapter's fields under its heading, a line each ("Word count: 2,341" over "TW: suicide"):
    every line a header field or a declaration. A paragraph of one line is asked no further here
    (a declaration alone is read as one, a lone "Rating: 5" may be the story's)."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) == 1 and (field := parse_field(lines[0])) is not None and field[0] in _COUNT_KEYS:
        return _leading_number(field[1]) is not None  # "Word count: 1,980" alone
    return (
        1 < len(lines) <= CHAPTER_FIELD_LINES
        and all(len(line) <= HEADER_LINE_CHARS for line in lines)
        and all(parse_field(line) is not None or declaration_line(line) for line in lines)
    )


# A chapter's summary under its heading, as AO3 sets one: "Summary:" over it, or before it on its line.
_CHAPTER_SUMMARY = re.compile(
    r"^[ \t]*[*_]*(?:chapter[ \t]+)?summary[*_]*[ \t]*:[*_]*(?:[ \t]*\n|[ \t]+\S)", re.IGNORECASE
)
_DISCLAIMER = re.compile(r"^[ \t]*[*_(\[]*disclaimers?[*_)\]]*[ \t]*(?::|-|–|—)", re.IGNORECASE)
# "The End", "End file." (FanFicFare), "~fin~", "END OF STORY", once ornaments and stops are trimmed.
_CLOSING = re.compile(
    r"(?:the[ \t]+(?:very[ \t]+)?end|end(?:[ \t]+file|[ \t]+of[ \t]+(?:the[ \t]+)?(?:story|file|fic|book))?|fin|finis)",
    re.IGNORECASE,
)
CLOSING_CHARS = 40


def reference_marked(text: str) -> bool:
    """Whether every line of a paragraph opens with a reference mark ("※この作品はフィクションです。").

    Japanese authors set their asides to readers that way, above the story or at a chapter's
    start: notes, disclaimers and warnings. The story's own text never opens with one.
    """
    lines = [line.strip(" \t\u3000") for line in text.splitlines() if line.strip(" \t\u3000")]
    return bool(lines) and all(line.startswith("※") for line in lines)


# Wattpad's sign-off, the author asking readers for their votes: "Don't forget to vote, comment and
# follow me! xoxo", "please vote and comment!!", "QOTD: favourite character?". The asks are read as
# whole words ("follow" only as "follow me"); a request ("please", "don't forget to", an
# exclamation) must go with two of them.
_ASKS = re.compile(r"\b(?:vot(?:e|es|ed|ing)|comment(?:s|ed|ing)?|follow(?:ing)?[ \t]+(?:me|us|my|@))\b", re.IGNORECASE)
_REQUEST = re.compile(
    r"\b(?:please|pls|plz|don'?t forget|do not forget|remember to|make sure|be sure|feel free|xoxo|xx)\b|!",
    re.IGNORECASE,
)
_OF_THE_DAY = re.compile(r"^\W*(?:qotd|aotd|question of the day|answer of the day)\s*[:\-–—]", re.IGNORECASE)
# A Tumblr writer's list of the readers tagged on each new part: "Taglist: @bluebirdreads @sergeantsbarnes",
# "Perma taglist (open):", "tagging: @a, @b". Under "taglist" any text (it may say it is open); under
# "tagging" or "tags" only the readers' @names, so "Tags: angst" stays what it was.
_TAGLIST = re.compile(
    r"^\W*(?:perm(?:a|anent)?[ \t]+)?(?:tag[ \t]?list\b|(?:tagging|tags?)[ \t]*(?:\([^)\n]*\))?[ \t]*[:\-–—][ \t]*"
    r"(?:@[\w.-]+[ \t,&]*(?:and[ \t]+)?)+$)",
    re.IGNORECASE,
)
# FanFiction.net's sign-off of a single ask: "Review please!", "Please review!", "R&R!", "Read and
# review :)". The whole paragraph is the ask: "review", "vote" or "comment" with "please", "Review!", or "R&R",
# which is nothing but that ask. "They would review the case." says more and stays story text.
_SINGLE_ASK = re.compile(
    r"(?:(?P<please>please|pls|plz),?[ \t]+)?(?:(?P<ask>reviews?|vote|comment)|(?P<rr>r[ \t]*(?:&|and|n)[ \t]*r|read[ \t]+(?:&|and|n)[ \t]+review))"
    r"(?:[ \t]*,?[ \t]*(?P<after>please|pls|plz))?(?P<stop>[ \t]*[!.]*)",
    re.IGNORECASE,
)
_SIGN_OFF_TRAIL = re.compile(r"[ \t]*(?:[:;]-?[)D(P3]|<3|xoxo|xx|[^\w\s.!?&])*[ \t]*$", re.IGNORECASE)
_QUOTES = '"“”„«»「」'
SIGN_OFF_CHARS = 300


# A newsletter writer asking readers to write back: "Reply to this email to say hi.", "Just hit reply!".
# Only as a sentence of its own asking it: "She never replied to this email" is a story's.
_REPLY_ASK = re.compile(
    r"(?:^|[.!?][ \t]+)\W*(?:(?:just|please|feel[ \t]+free[ \t]+to|you[ \t]+can)[ \t]+)?"
    r"(?:reply[ \t]+to[ \t]+this[ \t]+(?:e-?mail|message|newsletter|issue)|hit[ \t]+(?:reply|the[ \t]+reply[ \t]+button))\b",
    re.IGNORECASE,
)


# A reading app's ask for its button, as a sentence of its own: Kindle Vella's "Give this episode a thumbs
# up if you enjoyed it!", "Leave this chapter a heart!". "He gave the plan a thumbs up" asks no reader.
_BUTTON_ASK = re.compile(
    r"(?:^|[.!?][ \t]+)\W*(?:(?:please|pls|plz|don'?t[ \t]+forget[ \t]+to|feel[ \t]+free[ \t]+to)[ \t]+)?"
    r"(?:give|leave|tap)[ \t]+(?:this|the)[ \t]+(?:episode|chapter|part|story|instal+ment|update)[ \t]+an?[ \t]+"
    r"(?:thumbs[ \t-]*up|like|heart|star|vote|crown|fave)\b",
    re.IGNORECASE,
)


# The author asking for a tip: "consider buying me a coffee on Ko-fi!", "support me on Patreon".
_TIP_ASK = re.compile(
    r"\bbuy(?:ing)?[ \t]+me[ \t]+a[ \t]+(?:coffee|ko-?fi|tea)\b"
    r"|\b(?:support|tip)[ \t]+me[ \t]+(?:on|at|through|via)[ \t]+(?:ko-?fi|patreon|buymeacoffee)\b"
    r"|\bko-?fi\.com/",
    re.IGNORECASE,
)


def sign_off(text: str) -> bool:
    """Whether a paragraph is the author asking readers to vote, comment or follow, setting
    them the question of the day ("QOTD: ..."), or listing the readers tagged on each part
    ("Taglist: @bluebirdreads"), or to reply to the newsletter it came in ("Reply to this email to
    say hi."), never a sentence of the story: short, no dialogue
    in it, two different asks with a request ("please vote and comment!!"), or the QOTD label.
    "They would vote and comment on the plan." stays story text: nothing in it asks the reader."""
    if len(text) > SIGN_OFF_CHARS or any(mark in text for mark in _QUOTES):
        return False
    if (
        _OF_THE_DAY.match(text)
        or _TAGLIST.match(text)
        or _REPLY_ASK.search(text)
        or _BUTTON_ASK.search(text)
        or _TIP_ASK.search(text)
    ):
        return True
    asks = {match.group(0).lower()[:4] for match in _ASKS.finditer(text)}
    return (len(asks) >= 2 and _REQUEST.search(text) is not None) or _single_ask(text) or _review_ask(text)


def _single_ask(text: str) -> bool:
    """Whether a paragraph is one ask of the reader and nothing else: "Review please!", "R&R!"."""
    core = _SIGN_OFF_TRAIL.sub("", text.strip().strip("*_~()[]"))
    found = _SINGLE_ASK.fullmatch(core)
    if found is None:
        return False
    if found.group("rr") is not None or found.group("please") or found.group("after"):
        return True
    return found.group("ask").lower().startswith("review") and "!" in found.group("stop")  # "Vote!" may be a cry


# FanFiction.net's longer asks for reviews: "Please review and let me know what you think!", "Leave a
# review if you liked it!", "Read, review and enjoy!", speaking to the reader (see _TO_READER);
# "Please R&R, flames will be ignored", which is nothing but such an ask; and what reviews are to
# their author, "Reviews are love <3", "Reviews make me write faster". A review with an object
# ("Please review the file") is the story's, as is "The reviews are in!".
_NO_OBJECT = r"(?![ \t]+(?:the|a|an|his|her|their|our|your|its|those|these|that|every|all|each|him|them|us)\b)"
_R_AND_R = r"r[ \t]*(?:&|and|n)[ \t]*r\b"
_REVIEW_ASKS = re.compile(
    r"\b(?:please|pls|plz|do|don'?t[ \t]+forget[ \t]+to|remember[ \t]+to|be[ \t]+sure[ \t]+to|make[ \t]+sure[ \t]+to"
    r"|feel[ \t]+free[ \t]+to|kindly)[ \t]*,?[ \t]+(?:(?:leave|drop|send|give|write)[ \t]+(?:me[ \t]+|us[ \t]+)?(?:a[ \t]+)?)?"
    rf"reviews?{_NO_OBJECT}\b"
    r"|\b(?:leave|drop|send|write)[ \t]+(?:me[ \t]+|us[ \t]+)?(?:a[ \t]+)?reviews?\b"
    # Royal Road's: "please consider leaving a rating and a review!", "rate and review"
    r"|\b(?:leav|giv|dropp)ing[ \t]+(?:it[ \t]+|me[ \t]+|us[ \t]+)?an?[ \t]+(?:rating|review|follow)\b|\brate[ \t]+and[ \t]+review\b"
    r"|\b(?:tell|let)[ \t]+me[ \t]+(?:know[ \t]+)?what[ \t]+you[ \t]+think[^.!?]*\b(?:in[ \t]+a|by)[ \t]+reviews?\b"
    r"|\bread[ \t]*(?:,|&|and|n)[ \t]*review\b"
    rf"|^\W*reviews?{_NO_OBJECT}[ \t]*(?:[,!]|please|pls|plz|if[ \t]+you|and[ \t]+(?:let|tell)[ \t]+me|so[ \t]+i)",
    re.IGNORECASE,
)
# "R&R!", "Please R&R", "R&R, flames will be ignored"; "R&R was what she needed" is the story's rest.
_R_AND_R_ASK = re.compile(
    rf"^\W*{_R_AND_R}(?=\W*$|[ \t]*[,!.:;~-]|[ \t]+(?:please|pls|plz|and|if|so)\b)|\b(?:please|pls|plz)[ \t]+{_R_AND_R}",
    re.IGNORECASE,
)
_REVIEWS_ARE = re.compile(
    r"(?:^|[.!?][ \t]+)\W*reviews?[ \t]+(?:(?:are|is|make|makes|keep|keeps|feed|feeds|fuel|fuels|help|helps|mean|means"
    r"|motivate|motivates|inspire|inspires|encourage|encourages)\b|=)",
    re.IGNORECASE,
)
# Speaking to the reader: "me", "you", an exclamation, a smiley or a heart.
_TO_READER = re.compile(r"\b(?:me|my|i|i'?m|you|your|thanks|thank)\b|!|<3|♥|❤|[:;]-?[)D3P]", re.IGNORECASE)
# What reviews are to their author: "love", "appreciated", "me", a heart; "!" alone may be the story's.
_TO_AUTHOR = re.compile(
    r"\b(?:me|my|i|i'?m|love|loved|appreciated|welcome|welcomed|encouraged|motivation)\b|<3|♥|❤|[:;]-?[)D3P]",
    re.IGNORECASE,
)


def _review_ask(text: str) -> bool:
    """Whether a paragraph asks readers for reviews in one of FanFiction.net's longer forms."""
    if _R_AND_R_ASK.search(text):
        return True
    if _REVIEWS_ARE.search(text) and _TO_AUTHOR.search(text):
        return True
    return _REVIEW_ASKS.search(text) is not None and _TO_READER.search(text) is not None


# Wattpad's mark of a revised chapter at its start: "Edited", "(edited)", "Edited 3/4/21",
# "EDITED: March 4, 2021". Only the word and a date: "Edited by her father, the letter ..." is text.
_DATE = r"(?:\d{1,4}(?:[/.\-]\d{1,2}){1,2}|\d{1,2}[ \t]+[a-z]{3,9}\.?,?[ \t]+\d{2,4}|[a-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?(?:[ \t]+\d{2,4})?|\d{4})"
_EDITED = re.compile(rf"(?:re-?)?edited(?:[ \t]*(?:[:\-–—]|on)?[ \t]*{_DATE})?", re.IGNORECASE)
EDITED_CHARS = 40


def edited_mark(text: str) -> bool:
    """Whether a line only says the chapter was edited, and when ("(edited)", "Edited 3/4/21")."""
    if len(text) > EDITED_CHARS:
        return False
    core = text.strip().strip(" \t*_~()[]{}<>-–—=.!")
    return _EDITED.fullmatch(core) is not None


# Every paragraph of a chapter is asked; a list of warnings is short, a longer paragraph is read no further.
MID_DECLARATION_CHARS = 240
# A label's separator (see _SEPARATOR), or TW or CW, the labels that go without one ("TW blood"):
# a line of prose without either is passed over at once.
_LABEL_SEPARATOR = re.compile(r"[:：\-–—※】/]")


def _label_shaped(text: str) -> bool:
    return _LABEL_SEPARATOR.search(text) is not None or text.lstrip(" \t*_~([").lower().startswith(("tw", "cw"))


@dataclass(slots=True)
class MidDeclarationBudget:
    """Declaration-shaped lines inside chapters a story may still have read (:func:`_mid_declarations`)."""

    left: int = field(default_factory=lambda: MAX_STORY_MID_DECLARATIONS)  # read when a story starts


def _mid_declarations(chapter: Chapter, budget: MidDeclarationBudget) -> Chapter:
    """A declaration set on a line of its own inside a chapter, before the scene it warns of
    ("TW: blood" under a divider, as Wattpad authors write it), is the chapter's note and warns for
    it: posted as a sentence of the story, it warned nobody. Only a line that is a declaration
    label over warnings the taxonomy knows and nothing else (see :func:`mid_declaration`);
    a chapter of nothing else keeps it as its text, and so does one of more such lines than a story
    declares (:data:`MAX_DECLARATIONS`), or a chapter past the story's ``budget`` of them
    (:data:`MAX_STORY_MID_DECLARATIONS`): each costs about 150 us to read against the taxonomy, and
    a chapter of 70,000 different "TW: death, blood, self-harm 17" lines took 10 s of CPU."""
    candidates: list[list[list[str] | None]] = []
    count = 0
    for scene in chapter.scenes:  # read up to the first candidate past either bound, not all of them
        candidates.append([])
        for paragraph in scene.paragraphs:
            lines = _mid_candidate(paragraph)
            count += lines is not None
            if count > MAX_DECLARATIONS or count > budget.left:
                return chapter
            candidates[-1].append(lines)
    budget.left -= count
    marked = [[lines is not None and _declares_only(lines) for lines in scene] for scene in candidates]
    if all(all(flags) for flags in marked):
        return chapter
    for scene, flags in zip(chapter.scenes, marked, strict=True):
        chapter.notes.extend(paragraph for paragraph, flag in zip(scene.paragraphs, flags, strict=True) if flag)
        scene.paragraphs[:] = [paragraph for paragraph, flag in zip(scene.paragraphs, flags, strict=True) if not flag]
    chapter.scenes[:] = [scene for scene in chapter.scenes if scene.paragraphs]
    return chapter


def mid_declaration(text: str) -> bool:
    """Lines of nothing but declared warnings, each under its label ("TW: blood, self harm",
    "CW: self-harm", see :func:`labelled_list`), every warning one the taxonomy knows. "TW: blood," she joked,
    or "CW: the stairs", stays story text."""
    lines = _mid_candidate(text)
    return lines is not None and _declares_only(lines)


def _mid_candidate(text: str) -> list[str] | None:
    """The paragraph's lines if each is shaped like a declaration (a label, a first word one could
    start), found in a few searches; None for a line of the story, as almost every one is."""
    if len(text) > MID_DECLARATION_CHARS:
        return None
    text = _unbracketed(text.strip())  # "(tw: needles in this next scene)", "[CW: blood in the scene below]"
    if not _label_shaped(text):
        return None
    lines = [trim_ornaments(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines or not all(_label_shaped(line) and _may_be_declarations(line) for line in lines):
        return None
    return lines


def _declares_only(lines: list[str]) -> bool:
    """Whether every one of a candidate's lines (:func:`_mid_candidate`) declares warnings the taxonomy knows."""
    lines = [_without_scene_words(line) for line in lines]
    return all(
        labelled_list(_ASIDE.sub(" ", line)) or lists_declared(line) for line in lines
    ) and declaration_paragraph("\n".join(lines))


# Where in a chapter a warning set inside it points: the scene after it.
_SCENE_PHRASE = re.compile(
    r"[ \t]*\b(?:(?:in|for)[ \t]+)?(?:this|the|the[ \t]+next|the[ \t]+following)(?:[ \t]+next)?[ \t]+(?:scene|section|part)"
    r"(?:[ \t]+(?:below|ahead|coming(?:[ \t]+up)?))?\b|[ \t]+(?:below|ahead)\b",
    re.IGNORECASE,
)


_SCENE_HINT = re.compile(r"\b(?:scene|section|part|below|ahead)\b", re.IGNORECASE)


def _without_scene_words(line: str) -> str:
    """The line less the words naming the scene it warns of; most lines name none, and are only searched."""
    return _SCENE_PHRASE.sub(" ", line).strip() if _SCENE_HINT.search(line) else line


def _unbracketed(text: str) -> str:
    """A line set whole in brackets, without them."""
    if len(text) > 2 and text[0] + text[-1] in ("()", "[]") and text.count(text[0]) == 1:
        return text[1:-1].strip()
    return text


def _opening_notes(chapter: Chapter) -> Chapter:
    """The author's words at a chapter's start with no "A/N:" over them are its notes, not the story:
    "Disclaimer: I don't own ...", a sign-off (:func:`sign_off`), "(edited)" (:func:`edited_mark`), an aside set off by reference marks ("※今回は短めです"), and a
    declaration on its own ("CW for this chapter: self-harm.", see :func:`declaration_paragraph`),
    which then warns for the chapter."""
    if not chapter.scenes:
        return chapter
    first = chapter.scenes[0].paragraphs
    _join_label_to_list(first)
    if first and (signed := _sign_labelled(first[0])) is not None:
        first[0] = signed
    count = 0
    while (
        count <= MAX_DECLARATIONS
        and count < len(first)
        and (
            _DISCLAIMER.match(first[count])
            or _CHAPTER_SUMMARY.match(first[count])
            or _chapter_fields(first[count])
            or declaration_paragraph(first[count])
            or _declaration_and_aside(first[count])
            or reference_marked(first[count])
            or sign_off(first[count])
            or edited_mark(first[count])
            or notice_list(first[count]) is not None
            or reader_notice(first[count])
            or _chapter_holds(first[count])  # "This chapter contains depictions of self-harm, please take care."
        )
    ):
        count += 1
    if count == 0 or (count == len(first) and len(chapter.scenes) == 1):
        return chapter  # a chapter of nothing but a disclaimer keeps it as its text
    if count > MAX_DECLARATIONS:
        # More such paragraphs than a story declares are its text, as they are inside a chapter
        # (:func:`_mid_declarations`): each read as a note costs about 200 us, and a chapter of 74,000
        # "TW: death, blood, self-harm 17" lines had every one read so (3 s of CPU).
        return chapter
    chapter.notes[:0] = first[:count]
    del first[:count]
    if not first:
        chapter.scenes.pop(0)
    return chapter


# The author's one short sentence after a declaration, about the story or to its readers: "This is a
# grim one.", "It's that kind of story.", "You have been warned." A story's sentence ("The city
# burned.") names neither the story nor its reader.
_AFTER_DECLARATION = re.compile(r"(?P<declared>.+?[.!])[ \t]+(?P<aside>[^.!?\n\"“”]{1,60}[.!~]*)", re.DOTALL)
_TO_READERS = re.compile(
    r"\b(?:you|your|i|i'?m|my|me|it'?s|this[ \t]+(?:is|one|story|fic|chapter)|that[ \t]+kind|story|fic|chapter)\b",
    re.IGNORECASE,
)


def _declaration_and_aside(text: str) -> bool:
    """A declaration opening a chapter with the author's one short sentence after it ("Content warning:
    graphic violence, torture. This is a grim one."): the sentence made the whole paragraph story text."""
    if "\n" in text.strip() or len(text) > DECLARATION_PARAGRAPH_CHARS:
        return False
    split = _AFTER_DECLARATION.fullmatch(text.strip())
    return (
        split is not None
        and _TO_READERS.search(split.group("aside")) is not None
        and declaration_paragraph(split.group("declared"))
    )


_WARNING_SIGNS = "⚠\ufe0f🚨❗‼ \t"


def _sign_labelled(text: str) -> str | None:
    """A line of warnings between warning signs, with no label ("⚠ self harm, needles ⚠"), as the
    declaration the signs make it: "Warning: self harm, needles"; so too a list a sign on each line
    ("⚠️ self harm" over "⚠️ eating disorder", a phone writer's title page). None for any other paragraph."""
    lines = text.strip().split("\n")
    if len(text) > DECLARATION_PARAGRAPH_CHARS or not all(line.lstrip().startswith(("⚠", "🚨")) for line in lines):
        return None
    items = [line.strip(_WARNING_SIGNS) for line in lines]
    rest = ", ".join(items)
    if not all(items) or any(_declaration().match(item) for item in items):
        return None
    if not (lists_warnings(rest) or (len(items) > 1 and lists_declared(rest))):  # a sign a line: a list
        return None
    return f"Warning: {rest}"


def _join_label_to_list(paragraphs: list[str]) -> None:
    """A warnings label alone in a chapter's first paragraph ("Content warning for this chapter:") and
    the list in the paragraph after it ("abuse, self harm"), as one paragraph: apart, the label
    declared nothing and the list was story text."""
    if len(paragraphs) < 2 or not paragraphs[0].rstrip().endswith((":", "：")) or "\n" in paragraphs[0].strip():
        return
    head = trim_ornaments(paragraphs[0].strip()).strip(_LABEL_FRAME)
    if not head or not _bare_label().fullmatch(head) or len(paragraphs[1]) > DECLARATION_PARAGRAPH_CHARS:
        return
    joined = f"{paragraphs[0].strip()}\n{paragraphs[1].strip()}"
    if notice_list(joined) is not None and lists_warnings(paragraphs[1]):
        paragraphs[:2] = [joined]


def _closing_declarations(chapter: Chapter) -> Chapter:
    """A chapter's last paragraphs that declare the next chapter's warnings ("CW for the next
    chapter: suicide") are its end notes, and warn for the chapter they name; so are a sign-off
    ("Don't forget to vote and comment!", see :func:`sign_off`), a blog writer's word about the blog
    ("reblogs are appreciated!!", see :func:`~bot.story.webpage.blog_chatter`) and the asides
    set off by reference marks there ("※次回は来週です", see :func:`reference_marked`)."""
    if not chapter.scenes:
        return chapter
    next_chapter = _chapter_phrases()[0]
    last = chapter.scenes[-1].paragraphs
    count = 0
    while count < len(last) and (
        reference_marked(last[-1 - count])
        or sign_off(last[-1 - count])
        or blog_chatter(last[-1 - count])  # a Tumblr post's "reblogs are appreciated!!" under the text
        or _closing_disclaimer(last[-1 - count])  # FanFicFare's closing "Disclaimer: ... belongs to ..."
        or _tags_line(last[-1 - count])  # a journal post's "Tags: fic, sea wardens" under the text
        or (count < BRACKETED_NOTES and _bracketed_note(last[-1 - count]))  # "[Thanks for reading! ...]"
        or (declaration_paragraph(last[-1 - count]) and next_chapter.search(last[-1 - count]))
        or _names_its_chapter(_unbracketed(last[-1 - count].strip()))  # "(Warnings for this chapter: ... sorry!)"
    ):
        count += 1
    if count == 0 or (count == len(last) and len(chapter.scenes) == 1):
        return chapter
    chapter.notes.extend(last[len(last) - count :])
    del last[len(last) - count :]
    if not last:
        chapter.scenes.pop()
    return chapter


def _names_its_chapter(text: str) -> bool:
    """A declaration naming this chapter or the next, with the author's one sentence after it at most
    ("Warnings for this chapter: self-harm. I forgot to put them at the top, sorry!")."""
    return (declaration_paragraph(text) or _declaration_and_aside(text)) and this_or_next(text)


BRACKETED_NOTES = 4  # bracketed paragraphs closing a chapter read as notes: a file of 20,000 took 5 s, not 1


def _bracketed_note(text: str) -> bool:
    """A paragraph in square brackets speaking to readers ("[Thanks for reading! This is the end, I hope
    you liked it.]"), as authors set their word under a chapter off from it. A story's bracketed line
    ("[The recording ends here.]") has no sign of a note: its text."""
    found = _BRACKETS.match(text)
    if found is None or not text.lstrip().startswith("["):
        return False
    inner = found.group(1)
    return note_score(inner) > 0 or reader_aside(_NOTE_SENTENCE.split(inner.strip())[0])


def _closing_disclaimer(text: str) -> bool:
    """An author's disclaimer under the text, "Disclaimer: Sea Wardens belongs to M. R. Calloway":
    one of ownership, which "Disclaimer: the sign on the ferry said no refunds" of a story is not."""
    return _DISCLAIMER.match(text) is not None and _OWNERSHIP.search(text) is not None


_OWNERSHIP = re.compile(
    r"\b(?:belongs?|(?:don['’]?t|do not|doesn['’]?t) own|property of|no profit|not[ \t]+(?:making|make) (?:any )?money"
    r"|all rights|copyright|characters? (?:are|is|belong))\b",
    re.IGNORECASE,
)


def _tags_line(text: str) -> bool:
    """A line of tags ("Tags: fic, sea wardens, oren/lisbet"): a list after the label, no sentence."""
    if "\n" in text or len(text) > NOTICE_LINE_CHARS * 4:
        return False
    parsed = parse_field(text)
    if parsed is None or _KEYS.get(parsed[0]) != "additional_tags":
        return False
    tags = _HASHTAG_SPLIT.split(parsed[1].strip())  # "tags: #wren #admiral #biscuit tin" (Tumblr's have spaces)
    return "," in parsed[1] or (
        len(tags) >= 2
        and all(tag[:1] == "#" and tag[1:2].isalpha() and len(tag.split()) <= STRIP_PART_WORDS for tag in tags)
    )


def _declared_title(chapter: Chapter) -> Chapter:
    """A bare "Chapter 2" takes a short Title Case line under it as its title; "Triggerwarnung:
    Tod, Blut" or "TW: Blood, Gore" there is the chapter's declaration, and "Edited 3/4/21" the
    mark of a revision (see :func:`edited_mark`), not its title."""
    if chapter.title and (declaration_paragraph(chapter.title) or edited_mark(chapter.title)):
        chapter.notes.insert(0, chapter.title)
        chapter.title = None
    return chapter


def closing_marker(text: str) -> bool:
    """A line that only says the story is over ("The End.", "End file.", "~fin~"), not story text.

    Written as a marker: capitalised ("The End", "THE END"), set off with ornaments ("~fin~"),
    or FanFicFare's "End file.". "The end." reads as a sentence and stays, as does "The End?",
    which teases a sequel, and any line with more words than the marker.
    """
    if "\n" in text or len(text) > CLOSING_CHARS:
        return False
    trimmed = trim_ornaments(text.strip())
    core = " ".join(trimmed.strip(" \t.!-–—=~*_()[]<>|").split())
    if _CLOSING.fullmatch(core) is None:
        return False
    decorated = len(trimmed) < len(text.strip()) or core != trimmed.rstrip(".!")
    return decorated or core.lower() == "end file" or all(word[0].isupper() for word in core.split())


# A last chapter's whole text, or its heading's title, when it only promises one to come ("Coming soon!",
# "TBC", "To be continued...", "Chapter 5: coming soon"): a serial's next chapter announced before it was
# written. Read as the text it says nothing of, it was posted as a chapter of its own, or refused.
_PLACEHOLDER = re.compile(
    r"(?:(?:more|next[ \t]+(?:chapter|part|update))[ \t]+)?"
    r"(?:coming[ \t]+soon|to[ \t]+be[ \t]+continued|tbc|tba|to[ \t]+come|updates?[ \t]+soon)"
    r"(?:[ \t]*(?:!+|\.+|…|\?!|<3|:\)))*",
    re.IGNORECASE,
)
PLACEHOLDER_CHARS = 60


def placeholder(text: str) -> bool:
    """A line that only says more of the story is to come ("Coming soon!", "(to be continued...)", "TBC"),
    set off with ornaments or brackets maybe; "To be continued, she had written." is a sentence and stays."""
    if "\n" in text or len(text) > PLACEHOLDER_CHARS:
        return False
    core = " ".join(trim_ornaments(text.strip()).strip(" \t-–—=~*_()[]<>|").split())
    return _PLACEHOLDER.fullmatch(core) is not None


# Thanks to readers as a sentence of its own: "Thanks for reading <3", "Thank you so much for reading!".
_THANKS_FOR_READING = re.compile(
    r"(?:thanks|thank[ \t]+you|ty)(?:[ \t]+(?:so|very)[ \t]+much)?[ \t]+(?:for[ \t]+reading|for[ \t]+sticking[ \t]+with[ \t]+(?:me|it|us))"
    r"(?:[ \t]*(?:!+|\.+|…|<3|:\)|[^\w\s.!?]))*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[ \t]+|(?<=<3)[ \t]+")
CLOSING_WORDS_CHARS = 160


def closing_words(text: str) -> bool:
    """A last chapter's paragraph that only signs off: each of its sentences a promise of more
    (:func:`placeholder`), thanks for reading, or the whole of it an ask of readers (:func:`sign_off`):
    "More coming soon! Thanks for reading <3" was posted as a chapter of its own. Any sentence of the
    story in it ("Thanks for reading, she wrote, and sealed the letter.") keeps it text."""
    if placeholder(text):
        return True
    if "\n" in text.strip() or len(text) > CLOSING_WORDS_CHARS:
        return False
    sentences = [part for part in _SENTENCE_END.split(trim_ornaments(text.strip())) if part]
    said = [placeholder(part) or _THANKS_FOR_READING.fullmatch(part) is not None for part in sentences]
    return (bool(sentences) and all(said)) or sign_off(text)


def _without_closing_heading(items: list[Item]) -> list[Item]:
    """``items`` less what closes them with no story under it: a heading that only says the story is
    over ("<h2>The End</h2>", "## Fin"), a last heading with nothing under it ("Chapter 12" and the end
    of the file: a serial's next chapter, headed before it was written) and a last chapter that only
    promises one (:func:`placeholder`, the promise kept as a note). Each got the upload refused as a
    chapter with no text, or posted a chapter saying "Coming soon!". A heading with nothing under it
    before other chapters, or in a file of no text at all, is still refused."""
    last = len(items)
    while last and isinstance(items[last - 1], SceneBreak):
        last -= 1
    heading = items[last - 1] if last else None
    if isinstance(heading, Heading) and closing_marker(heading.raw.lstrip("#").strip() or heading.title or ""):
        return items[: last - 1]
    start = last
    while start and isinstance(items[start - 1], Para | SceneBreak):
        start -= 1
    tail = [item for item in items[start:last] if isinstance(item, Para)]
    # Every paragraph of the tail a promise or a note, read up to the first that is neither: a last
    # chapter of 74,000 paragraphs had each read as a sign-off (2 s of CPU) to find its first was not.
    told = next((index for index, item in enumerate(tail) if not item.note and not closing_words(item.text)), None)
    if (
        start
        and told is None
        and any(not item.note for item in tail)
        and isinstance(items[start - 1], Heading)
        and _story_text_before(items, start - 1)
    ):
        notes = [Para(item.text, item.gap, note=True) for item in tail]
        return [*items[: start - 1], *notes]
    kept = last
    while kept and isinstance(items[kept - 1], Heading | SceneBreak):
        kept -= 1
    if kept == last or not _story_text_before(items, kept):
        return items
    notes = [
        Para(item.raw.lstrip("#").strip(), note=True)
        for item in items[kept:last]
        if isinstance(item, Heading) and placeholder(item.title or "")
    ]
    return [*items[:kept], *notes]


def _story_text_before(items: list[Item], end: int) -> bool:
    """Whether a paragraph of story text, not a note, stands before ``items[end]``."""
    return any(isinstance(item, Para) and not item.note for item in items[:end])


def _closing_marker(chapter: Chapter) -> None:
    """Drop the story's closing marker line, when the last chapter has text besides it; what the
    author wrote after it, a short tail ("THE END" / "Thank you so much for reading!"), is the
    chapter's note, not the story's last paragraphs."""
    if not chapter.scenes or not chapter.scenes[-1].paragraphs:
        return
    last = chapter.scenes[-1].paragraphs
    tail_words = 0
    for index in range(len(last) - 1, -1, -1):
        if closing_marker(last[index]):
            break
        tail_words += count_words(last[index])
        if tail_words > NOTE_SECTION_MAX_WORDS:
            return
    else:
        return
    if index == 0 and len(chapter.scenes) == 1:
        return
    tail = last[index + 1 :]
    if tail and not (note_score(tail[0]) >= NOTE_SCORE or sign_off(tail[0]) or _tags_line(tail[0])):
        return  # "The End." / "Spring came late.": the story goes on after it
    chapter.notes.extend(tail)
    del last[index:]
    if not last:
        chapter.scenes.pop()


# --- Dedications and epigraphs before the first chapter: the author's words, never a chapter ---
#
# A club says "chapter 5" and means the book's Chapter 5. A dedication ("For my grandmother, who
# kept the tide tables.") or an epigraph (a quotation and who said it) set before the first chapter
# is not numbered in the book, so it is not a chapter here either: its text goes into the story's
# notes as "Dedication: ..." or "Epigraph: ...", word for word. Forewords, prefaces and
# introductions stay chapters (bot.story.structure reads "Foreword" as a named heading, as it does
# "Prologue"): they are prose a club reads and may discuss, and a note cannot be posted or tracked.

FRONT_PAGE_MAX_WORDS = 400  # a page this long is a chapter's worth of text, whatever it is called
# Past this many characters a page is not read further (a story with no heading is all one "page").
_FRONT_PAGE_MAX_CHARS = 8 * FRONT_PAGE_MAX_WORDS
DEDICATION_MAX_WORDS = 60
FRONT_PAGES_MOST = 6  # dedications and epigraphs a story may open with; more are not front matter
_DEDICATION_MAX_PARAGRAPHS = 8
EPIGRAPH_MAX_WORDS = 150
_ATTRIBUTION_MAX_WORDS = 12
DEDICATION, EPIGRAPH, CAST = "Dedication", "Epigraph", "Characters"
PLAYLIST, PRONUNCIATION = "Playlist", "Pronunciation guide"
FRONT_PAGE_LABELS = (DEDICATION, EPIGRAPH, CAST)
_FRONT_LABELS = {
    "dedication": DEDICATION,
    "dedications": DEDICATION,
    "epigraph": EPIGRAPH,
    "epigraphs": EPIGRAPH,
    # A play's cast list before its first act (Project Gutenberg's Shakespeare, "Dramatis Personæ"):
    # the book does not number it, and posted as a chapter it was a page of names.
    "dramatis personae": CAST,
    "dramatis personæ": CAST,
    "persons represented": CAST,
    "persons of the play": CAST,
    "persons of the drama": CAST,
    "the persons of the play": CAST,
    "characters": CAST,
    "characters in the play": CAST,
    "the characters": CAST,
    "cast": CAST,
    "cast of characters": CAST,
    "the cast": CAST,
    # An indie book's pages before chapter one that the book does not number either.
    "playlist": PLAYLIST,
    "the playlist": PLAYLIST,
    "soundtrack": PLAYLIST,
    "pronunciation guide": PRONUNCIATION,
    "a note on pronunciation": PRONUNCIATION,
    "pronunciations": PRONUNCIATION,
}
# Who a dedication is for, after its "For" or "To": "For my grandmother", "To everyone who stayed".
_DEDICATEES = frozenset(
    ["my", "our", "his", "her", "their", "your", "you", "everyone", "anyone", "all", "those", "whoever", "mum", "mom"]
)
_LONE_TO = re.compile(r"^[ \t]*(?:to|for|dedicated[ \t]+to|inscribed[ \t]+to)[ \t]*$", re.IGNORECASE)
_DEDICATION_OPENERS = re.compile(
    r"^(?:(?:for|to)[ \t]+the[ \t]+(?:memory|ones?)\b|in[ \t]+(?:loving[ \t]+)?memory[ \t]+of\b|dedicated[ \t]+to\b"
    r"|this[ \t]+(?:book|story|novel|one)[ \t]+is[ \t]+(?:for|dedicated)\b)",
    re.IGNORECASE,
)
_OPENING_MARKS = "\"'“‘«*_("
_DASHES = "-—–―~"
# "— an old ferryman", "-- Marcus Aurelius, Meditations": a short line naming who said it.
_ATTRIBUTION = re.compile(rf"^[ \t]*[{_DASHES}]{{1,2}}[ \t]*(?P<who>[^\W\d_].*?)[ \t]*$")
# The attribution on the quotation's own line, after its closing mark: '"The sea remembers." — an old ferryman'.
_INLINE_ATTRIBUTION = re.compile(r"^(?P<quote>.+?[.!?…\"”’'»])[ \t]*[—–―]{1,2}[ \t]*(?P<who>[^\W\d_][^—–―]*?)[ \t]*$")


def front_notes(notes: list[str]) -> list[tuple[str, str]]:
    """The dedications, epigraphs and cast lists among a story's notes, as (label, words) pairs, in order."""
    pairs = (note.split(": ", 1) for note in notes)
    return [(pair[0], pair[1]) for pair in pairs if len(pair) == 2 and pair[0] in FRONT_PAGE_LABELS]


def front_label(text: str | None) -> str | None:
    """ "Dedication", "Epigraph" or "Characters" when a heading or a line says only that, or another
    name for it ("Dramatis Personæ"), in any case, with ornaments or a colon."""
    if not text or len(text) > 40:
        return None
    return _FRONT_LABELS.get(trim_ornaments(text.strip()).rstrip(":").strip().casefold())


def is_dedication_line(text: str) -> bool:
    """A line that opens as a dedication does: "For my grandmother", "To Ana", "In memory of ..."."""
    line = text.strip().lstrip(_OPENING_MARKS)
    if _DEDICATION_OPENERS.match(line):
        return True
    words = line.split(maxsplit=2)
    if len(words) < 2 or words[0].casefold() not in ("for", "to"):
        return False
    who = words[1].strip(",.;:!")
    return who.casefold() in _DEDICATEES or (who[:1].isupper() and who[:1].isalpha())


def _is_dedication(paragraphs: list[str]) -> bool:
    """Only a dedication: a dedication line, then lines that go on with it ("and to Tom,", "who ..."),
    short, and no question."""
    if not paragraphs or not is_dedication_line(paragraphs[0]):
        return False
    if count_words(" ".join(paragraphs)) > DEDICATION_MAX_WORDS or any(p.rstrip().endswith("?") for p in paragraphs):
        return False
    return all(_goes_on(paragraph) for paragraph in paragraphs[1:])


def _goes_on(paragraph: str) -> bool:
    text = paragraph.strip().lstrip(_OPENING_MARKS)
    first = text.split(maxsplit=1)[0] if text else ""
    return (
        is_dedication_line(text)
        or first.casefold() in ("and", "&")
        or first[:1].islower()
        or bool(_ATTRIBUTION.match(text))
    )


def _is_attribution(who: str) -> bool:
    """Who said it: a few words, not a line of dialogue ("— Where are you going?")."""
    return 0 < len(who.split()) <= _ATTRIBUTION_MAX_WORDS and not who.rstrip(_CLOSERS).endswith(("?", "!", ",", ";"))


_CLOSERS = "\"'’”)]»"


def _is_epigraph(paragraphs: list[str]) -> bool:
    """Only a quotation and its attribution, on a line of its own or after the quotation's close."""
    lines = [line.strip() for paragraph in paragraphs for line in paragraph.split("\n") if line.strip()]
    if not lines or count_words(" ".join(lines)) > EPIGRAPH_MAX_WORDS:
        return False
    last = _ATTRIBUTION.match(lines[-1])
    if last is not None and len(lines) >= 2:
        return _is_attribution(last.group("who")) and count_words(" ".join(lines[:-1])) >= 3
    inline = _INLINE_ATTRIBUTION.match(lines[-1])
    return inline is not None and _is_attribution(inline.group("who")) and count_words(inline.group("quote")) >= 3


def unmarked_front_pages(paragraphs: list[str]) -> list[tuple[str, list[str]]] | None:
    """What a page of text with no label is when it is only a dedication, only an epigraph, or a
    dedication then an epigraph: (label, paragraphs) for each; None when it is anything else."""
    if _is_epigraph(paragraphs):
        return [(EPIGRAPH, paragraphs)]
    if paragraphs and _LONE_TO.match(paragraphs[0]):  # a printed page's "TO" / "MY DEAR FRIEND" / "HOMMY-BEG"
        joined = " ".join(" ".join(paragraphs[:_DEDICATION_MAX_PARAGRAPHS]).split())
        if len(paragraphs) <= _DEDICATION_MAX_PARAGRAPHS and _is_dedication([joined]):
            return [(DEDICATION, [joined])]
    for end in range(min(len(paragraphs), _DEDICATION_MAX_PARAGRAPHS), 0, -1):
        if _is_dedication(paragraphs[:end]):
            rest = paragraphs[end:]
            if not rest:
                return [(DEDICATION, paragraphs)]
            if _is_epigraph(rest):
                return [(DEDICATION, paragraphs[:end]), (EPIGRAPH, rest)]
    return None


def front_page_note(label: str, paragraphs: list[str]) -> str:
    """The note a dedication or epigraph becomes: its label, then its lines as written."""
    return f"{label}: " + "\n".join(paragraphs)


def split_front_pages(items: list[Item]) -> tuple[list[str], list[Item]]:
    """The dedications, epigraphs and a play's cast list before the first chapter heading, as notes,
    and the rest.

    A page is what a "Dedication", "Epigraph" or "Dramatis Personæ" heading (or line) heads, up to the next heading or
    such line, at most FRONT_PAGE_MAX_WORDS; or text with no label that is only a dedication or
    an epigraph (see :func:`unmarked_front_pages`). All of them, or none: they must run up to a
    chapter heading with story text after it, so a story opening with "For Mara, the sea was
    home." and no heading keeps its first line.
    """
    notes: list[str] = []
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, SceneBreak):
            index += 1
            continue
        if isinstance(item, Heading) and item.kind == "document" and not notes:
            index += 1  # an EPUB document's start, no heading of its own: its text may be the page
            continue
        label = _heading_label(item) if isinstance(item, Heading) else front_label(item.text)
        if isinstance(item, Heading) and label is None:
            break
        over_lines = _label_over_lines(item) if label is None else None  # "CHARACTERS" / "MARGARET, a clerk"
        label = over_lines[0] if over_lines else label
        start = index + 1 if label is not None else index
        end = start
        while end < len(items) and not _page_end(items[end]):
            end += 1
        paragraphs = [entry.text for entry in items[start:end] if isinstance(entry, Para) and entry.text.strip()]
        paragraphs[:0] = [over_lines[1]] if over_lines else []
        # A "Dedication" line (no heading) may sit over a first chapter that has none either: less
        # room. A play's cast list is longer than any epigraph, and under its own line as often.
        most = FRONT_PAGE_MAX_WORDS if isinstance(item, Heading) or label == CAST else EPIGRAPH_MAX_WORDS
        pages = _front_pages(label, paragraphs, most)
        if pages is None:
            return [], items
        notes.extend(front_page_note(name, texts) for name, texts in pages)
        if len(notes) > FRONT_PAGES_MOST:  # no book opens so: read as the file lays it out
            return [], items
        index = end
    rest = items[index:]
    if not notes or not rest or not any(isinstance(entry, Para) for entry in rest):
        return [], items
    return notes, rest


def _heading_label(heading: Heading) -> str | None:
    """A heading that only says "Dedication" or "Epigraph"; "Chapter 1: Dedication" is a chapter."""
    return front_label(heading.title) if heading.kind == "markdown" else None


def _page_end(item: Item) -> bool:
    return isinstance(item, Heading) or (
        isinstance(item, Para) and (front_label(item.text) is not None or _label_over_lines(item) is not None)
    )


def _label_over_lines(item: Item) -> tuple[str, str] | None:
    """A page's label on the first line of its block, its page the lines under it, as a play's cast
    list is typed ("CHARACTERS" over "MARGARET, a ticket clerk" ...): the label and those lines."""
    if not isinstance(item, Para) or "\n" not in item.text:
        return None
    head, _, rest = item.text.partition("\n")
    label = front_label(head)
    return (label, rest.strip()) if label is not None and rest.strip() else None


def _front_pages(label: str | None, paragraphs: list[str], most: int) -> list[tuple[str, list[str]]] | None:
    """The page as notes, or None when it is story text (too long for its label, or no shape of one)."""
    if not paragraphs or sum(len(paragraph) for paragraph in paragraphs) > _FRONT_PAGE_MAX_CHARS:
        return None
    if label is None:
        return unmarked_front_pages(paragraphs)
    return [(label, paragraphs)] if count_words(" ".join(paragraphs)) <= most else None


IMAGE = "Image"
# Project Gutenberg's (and Distributed Proofreaders') mark for a picture: "[Illustration]",
# "[Illustration: CENTRAL EUROPE 1789", its caption running on over lines, even a blank one, to "]".
_ILLUSTRATION = re.compile(r"^[ \t]*\[Illustrations?(?=[:\]. \t\n])[ \t]*[:.]?", re.IGNORECASE)
ILLUSTRATION_PARAGRAPHS = 4  # a caption longer than this is no caption: the text stays as it is


def image_line(alt: str | None) -> str:
    """An image as readers are told of it: "[Image: alt]", or "[Image]" when it has no alt text.

    One form for every reader: the Markdown and HTML readers' images, a text's "[Illustration: ...]".
    The alt text is cut to :data:`MAX_IMAGE_ALT_CHARS` at a word, with an ellipsis: a caption is a
    sentence or two, and alt text of megabytes was posted whole, as thousands of messages.
    """
    alt = clip(" ".join((alt or "").split()), MAX_IMAGE_ALT_CHARS)
    return f"[{IMAGE}: {alt}]" if alt else f"[{IMAGE}]"


def illustration_lines(items: list[Item]) -> list[Item]:
    """Each "[Illustration: caption]" a text marks a picture with, as the "[Image: caption]" line
    the other readers give an image, so no caption's line breaks or the bracket's words are posted
    as story text. A caption may run over several paragraphs up to its closing bracket."""
    result: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        opening = _ILLUSTRATION.match(item.text) if isinstance(item, Para) else None
        if opening is None:
            result.append(item)
            index += 1
            continue
        assert isinstance(item, Para)
        parts = [item.text[opening.end() :]]
        end = index
        while "]" not in parts[-1] and end + 1 < min(len(items), index + ILLUSTRATION_PARAGRAPHS):
            following = items[end + 1]
            if not isinstance(following, Para):
                break
            parts.append(following.text)
            end += 1
        caption = "\n".join(parts)
        close = caption.find("]")
        if close < 0:
            result.append(item)
            index += 1
            continue
        result.append(Para(image_line(caption[:close]), item.gap))
        after = caption[close + 1 :].strip()
        if after:  # text run on after the bracket on its line stays text
            result.append(Para(after, 0))
        index = end + 1
    return result


def _unframed(title: str | None) -> str | None:
    """A title without the marks Chinese and Japanese set around a book's name: "《灯塔守望者》", "『雪国』"."""
    if title and len(title) > 2 and title[0] + title[-1] in ("《》", "『』", "「」", "〈〉"):
        return title[1:-1].strip() or title
    return title


def title_from_filename(filename: str) -> str:
    stem = PurePath(filename or "").stem
    title = re.sub(r"[_\s]+", " ", stem).strip(" -.")
    return title or "Untitled story"


def _author_under_each_heading(body: list[Item], meta: _Meta) -> list[Item]:
    """The body less the author's name alone under each chapter's heading, as a site that pages a story
    sets it over every part (Wattpad's "Part 2" / "inkymoth_writes"): the name the header gave, "by"
    or "@" before it or not, or one name under every heading of two at least (then the author, where the
    header named none). As each chapter's first paragraph it was story text."""
    under = [
        index + 1
        for index, item in enumerate(body[:-1])
        if isinstance(item, Heading)
        and isinstance(body[index + 1], Para)
        and not body[index + 1].note  # type: ignore[union-attr]
        and "\n" not in body[index + 1].text.strip()  # type: ignore[union-attr]
    ]
    headings = sum(isinstance(item, Heading) for item in body)
    names = {index: _name_of_byline(body[index].text) for index in under}  # type: ignore[union-attr]
    author = _first(meta.values.get("author"))
    if author is None:
        found = {name.casefold() for name in names.values() if name}
        if headings < 2 or len(under) != headings or len(found) != 1 or None in names.values():
            return body
        author = next(name for name in names.values() if name)
        meta.values["author"] = [author]
    drop = {index for index, name in names.items() if name and name.casefold() == author.casefold().lstrip("@")}
    if not drop or len(drop) < min(2, headings):
        return body
    return [item for index, item in enumerate(body) if index not in drop]


def _title_over_each_heading(body: list[Item], meta: _Meta) -> list[Item]:
    """The body less the story's title alone straight over each chapter's heading, as a site that pages
    a story sets it over every part ("The Bone Orchard" / "Two | The Roots", a Wattpad copy): each was
    the last paragraph of the chapter before. Only where it stands so over two headings at least, or
    over every heading after the first where the first opens the body (the title over it is the one the
    header took: a story of two chapters repeats it over its second only)."""
    if meta.title is None:
        return body
    title = _field_key(meta.title)
    drop = {
        index
        for index, item in enumerate(body[:-1])
        if isinstance(item, Para)
        and not item.note
        and isinstance(body[index + 1], Heading)
        and "\n" not in item.text.strip()
        and _field_key(item.text) == title
    }
    headings = sum(isinstance(item, Heading) for item in body)
    every = bool(drop) and isinstance(body[0], Heading) and len(drop) == headings - 1
    return body if len(drop) < 2 and not every else [item for index, item in enumerate(body) if index not in drop]


def _name_of_byline(text: str) -> str | None:
    """The name a line alone gives as a by-line: "by inkymoth_writes", "@inkymoth_writes", or a
    handle or a name alone ("inkymoth_writes", "Mara Quill"); None for any other line."""
    line = text.strip()
    author = by_line_author(line)
    if author is not None:
        return author.lstrip("@")
    if (handle := _AT_HANDLE.fullmatch(line)) is not None:
        return handle.group(1)
    if _HANDLE.fullmatch(line) and line.casefold() not in _NOT_HANDLES:
        return line.lstrip("@")
    return line if 2 <= len(line.split()) <= 4 and _name_like(line) and _author_like(line) else None


def _byline_under_heading(body: list[Item], meta: _Meta) -> list[Item]:
    """A by-line alone right under the first heading names the story's author where the header named
    none: a serial's episode page sets "Episode 14 - Smoke" over "by Ren Takeda". As the chapter's
    first paragraph it was story text, and a warning under it ("⚠ This episode contains ...") no
    longer opened the chapter, so it declared nothing."""
    body = _title_over_each_heading(_author_under_each_heading(body, meta), meta)
    if "author" in meta.values or len(body) < 3 or not isinstance(body[0], Heading):
        return body
    second = body[1]
    if not isinstance(second, Para) or second.note or "\n" in second.text.strip():
        return body
    author = by_line_author(second.text.strip())
    if author is None:
        return body
    meta.values["author"] = [author]
    return [body[0], *body[2:]]


# A printed page's number alone on its line, as a converter keeps it between the pages' text: "12",
# "- 12 -", "[12]", "Page 12".
_PAGE_LINE = re.compile(
    r"[ \t]*(?:[-–—][ \t]*)?(?:\[[ \t]*)?(?:page[ \t]+)?(?P<number>\d{1,4})(?:[ \t]*\])?(?:[ \t]*[-–—])?[ \t]*", re.I
)
_PAGE_OF = re.compile(r"[ \t]*page[ \t]+\d{1,4}[ \t]+of[ \t]+\d{1,4}[ \t]*", re.IGNORECASE)  # a footer's "Page 1 of 9"
PAGE_LINES_LEAST = 3  # page numbers counting up that make a text's lone numbers its pages


def _without_page_furniture(body: list[Item], meta: _Meta) -> list[Item]:
    """The body less a printed book's page furniture, as a converter (Calibre from a PDF, a copy out of
    a print layout) leaves it between the pages' text: each page's number alone on its line, counting up
    ("12", "- 13 -"), and the running head beside it, the book's title or its author's name ("THE QUAY
    LAMPS"): read as story text, each page put a number and a title among the paragraphs. Only where
    three numbers at least count up; a running head only where it stands beside one of them."""
    body = [item for item in body if not (isinstance(item, Para) and _PAGE_OF.fullmatch(item.text))]
    pages = [
        (index, int(found.group("number")))
        for index, item in enumerate(body)
        if isinstance(item, Para) and not item.note and (found := _PAGE_LINE.fullmatch(item.text))
    ]
    numbers = [number for _, number in pages]
    if len(pages) < PAGE_LINES_LEAST or any(after <= before for before, after in itertools.pairwise(numbers)):
        return body
    drop = {index for index, _ in pages}
    heads = {_field_key(name) for name in [meta.title, *meta.values.get("author", [])] if name}
    headed = 0  # page numbers with a running head beside them
    for index, _ in pages:
        beside = [
            near
            for near in (index - 1, index + 1)
            if 0 <= near < len(body)
            and isinstance(item := body[near], Para)
            and "\n" not in item.text.strip()
            and _field_key(item.text) in heads
        ]
        drop.update(beside)
        headed += bool(beside)
    # A bare number may number a story's sections ("1", "2", "3" under a chapter's heading): pages only
    # set off as pages are ("- 12 -", "[12]", "Page 12"), or with the running head beside half of them.
    marked = all(not body[index].text.strip().isdigit() for index, _ in pages)  # type: ignore[union-attr]
    if not marked and headed * 2 < len(pages):
        return body
    return [item for index, item in enumerate(body) if index not in drop]


_UNDER_RUNNING_TITLE = ("chapter", "named", "part")  # (a paged story's "Part 1", "Part 2" are its chapters)


def _running_title_headings(items: list[Item]) -> list[Item]:
    """The items less a heading that stands, the same each time, straight over every chapter's
    heading ("# The Bone Orchard" over "## Chapter 1", again over "## Chapter 2", as a page or a
    Markdown copy of a paged story repeats its title over each part): each was read as its chapter's
    title, and the story had none but its file's name. Two chapters at least, every chapter heading
    under one; the first is the story's title where only a header may stand over it (a title page's
    lines), the rest go. A heading over some chapters only is a part's, and stays."""
    places = [
        index
        for index, item in enumerate(items[:-1])
        if isinstance(item, Heading)
        and item.kind not in ("chapter", "part", "named")
        and item.title
        and isinstance(items[index + 1], Heading)
        and items[index + 1].kind in _UNDER_RUNNING_TITLE
    ]
    keys = {_field_key(items[index].title or "") for index in places}  # type: ignore[union-attr]
    chapters = sum(isinstance(item, Heading) and item.kind in _UNDER_RUNNING_TITLE for item in items)
    if len(places) < 2 or len(keys) != 1 or len(places) != chapters:
        return items
    first = places[0]
    title = items[first]
    assert isinstance(title, Heading) and title.title is not None
    kept = [item for index, item in enumerate(items) if index not in places[1:]]
    if all(isinstance(item, Para) for item in items[:first]):
        kept[first] = Para(title.title, 0)
    return kept


def build_story(
    items: list[Item],
    filename: str,
    source_format: str,
    *,
    scene_gap: int = 2,
    max_chapters: int = DEFAULT_MAX_CHAPTERS,
    fallback_title: str | None = None,
) -> Story:
    """The shared tail of the text importers: preamble, chapters, notes, checks.

    ``fallback_title`` (a web page's <title>, often a document's file name) is used only when the
    text itself names no title, before the file name.
    """
    items = _running_title_headings(items)
    wrapper = unwrap(items)  # a Project Gutenberg book: its header's fields, not its licence
    preamble = read_preamble(drop_navigation(illustration_lines(wrapper.fields + wrapper.items)))
    meta = preamble.meta
    body = _without_page_furniture(_byline_under_heading(preamble.body, meta), meta)
    body = drop_front_matter(body, wrapper.title) if wrapper.title else body
    body = drop_contents_list(body)
    transcribed: list[str] = []
    if wrapper.title:  # a Project Gutenberg book
        body = opening_transcriber_note(body, transcribed)
    front_notes, body = split_front_pages(body)
    pointed: list[str] = []
    if _warnings_at_end(meta, body):
        body, pointed = _pointed_closing(body)
    chapters, orphan_notes = assemble(_without_closing_heading(body), scene_gap=scene_gap, note_filter=_labelled_note)
    check_chapters(len(chapters), max_chapters)
    closing = pointed + _closing_story_declarations(chapters)
    budget = MidDeclarationBudget()
    chapters = [_chapter_notes(chapter, budget) for chapter in chapters]
    pair_footnotes(chapters)
    chapters = drop_back_matter(chapters, _first(meta.values.get("author")))
    if chapters:
        _trailing_note(chapters[-1])
        _closing_marker(chapters[-1])
    notes = list(meta.notes)
    summary = meta.summary
    declared = list(meta.declared) + [item for paragraph in closing for item in extract_declarations(paragraph)[0]]
    if summary:
        inline, before, after = extract_declarations(summary)
        declared.extend(inline)
        if inline:
            summary = before or None
            if after:
                notes.append(after)
    named = ChaptersByNumber(chapters)
    for note in meta.notes:
        given: set[tuple[int, str]] = set()  # (chapter, declaration) this note gave whole
        # "This story contains self-harm." in a note over the story (an EPUB's "A Note on Content"
        # page, an author's note before chapter one) is the whole story's, as on a title page
        for item in extract_declarations(note)[0] or _work_holds_in(note):
            numbered = _ENDS_IN_NUMBERED.search(item)
            at = named.index(int(numbered.group("number"))) if numbered is not None else None
            if at is not None:  # "heads up for burns in chapter 2": chapter 2's, not the story's
                chapters[at].declared_warnings.append(item)
                given.add((at, _sentence_key(item)))
            else:
                declared.append(item)
        _note_declarations(note, chapters, named, given)
    archive = meta.values.get("archive_warnings", [])
    if not chapters:
        if notes or orphan_notes:
            raise StoryFormatError(
                "The file holds only an author's note and no story text; attach the file with the story itself."
            )
        raise StoryFormatError("The file has no story text, only headings or metadata; attach the story itself.")
    notes.extend(wrapper.notes)
    notes.extend(closing)
    notes.extend(transcribed)
    notes.extend(front_notes)
    notes.extend(orphan_notes)
    story_meta = StoryMeta(
        title=_unframed(meta.title) or fallback_title or title_from_filename(filename),
        author=_first(meta.values.get("author")),
        summary=summary,
        rating=_first(meta.values.get("rating")),
        archive_warnings=archive,
        fandoms=meta.values.get("fandoms", []),
        relationships=meta.values.get("relationships", []),
        characters=meta.values.get("characters", []),
        additional_tags=meta.values.get("additional_tags", []),
        # (without Discord's spoiler marks around each item: "CW: ||suicide||, ||blood||")
        declared_warnings=_dedupe([text.replace("||", "") for text in declared if not _pointer_declaration(text)]),
        # (a declaration pointing elsewhere, "CW: see chapter notes", says where, and names nothing)
        notes=notes + [text for text in declared if _POINTS_ELSEWHERE.fullmatch(text)],
    )
    return Story(story_meta, chapters, source_format)


def _pointer_declaration(text: str) -> bool:
    """A declaration that only points to the story's end ("Warnings: see end notes") or to each
    chapter's notes or the tags ("CW: see chapter notes"): it names no warning."""
    parsed = parse_field(text)
    return (parsed is not None and field_points_to_end(parsed[1])) or _POINTS_ELSEWHERE.fullmatch(text) is not None


_POINTS_ELSEWHERE = re.compile(
    r"[ \t]*(?:tws?|cws?|t/ws?|c/ws?|(?:content[ \t]+|trigger[ \t]+)?warnings?)[ \t]*[:\-–—]?[ \t]*(?:please[ \t]+)?"
    r"(?:see|check|read|(?:are[ \t]+)?in)[ \t]+(?:the[ \t]+)?(?:(?:each|every|individual)[ \t]+)?"
    r"(?:chapters?['’]?[ \t]+)?(?:notes?|a/ns?|author['’]?s['’]?[ \t]+notes?|summar(?:y|ies)|tags)(?:[ \t]+(?:of|for)[ \t]+each[ \t]+chapter)?[ \t.!]*",
    re.IGNORECASE,
)


OPENING_ITEMS_ASKED = 6  # items of the first chapter whose notes may point to warnings at the end


def _warnings_at_end(meta: _Meta, body: list[Item]) -> bool:
    """Whether the author said the story's warnings stand at its end: in the header (a field, a
    paragraph of its own, a sentence of a note or the summary) or in a note opening the first chapter."""
    if meta.warnings_at_end:
        return True
    notes = [*meta.notes, meta.summary or ""]
    notes += [
        item.text
        for item in body[:OPENING_ITEMS_ASKED]
        if isinstance(item, Para) and (item.note or is_labelled_note(item.text))
    ]
    return any(points_to_end(sentence) for note in notes for sentence in _NOTE_SENTENCE.split(note))


POINTED_TAIL_ITEMS = 8  # items after the story's last text an author's closing notes run to


def _pointed_closing(items: list[Item]) -> tuple[list[Item], list[str]]:
    """Where the author said the warnings are at the story's end, the paragraphs after its last text
    that declare ("Warnings: major character death", "End notes: TW: suicide") are the whole story's:
    ``items`` without them, and them (their labels off). Read as the last chapter's, they warned of
    that chapter alone, while what they warn of may be anywhere. The author's other closing words
    (a thank-you, a note label) stay where they were; the story's own last paragraph is never taken."""
    taken: list[int] = []
    index = len(items)
    while index > 0 and len(items) - index < POINTED_TAIL_ITEMS:
        item = items[index - 1]
        if isinstance(item, SceneBreak):
            index -= 1
            continue
        if not isinstance(item, Para):
            return items, []  # a heading with nothing but declarations under it: its chapter's, as before
        text = strip_note_label(item.text) if is_labelled_note(item.text) else item.text
        noted = item.note or is_labelled_note(item.text)
        if declaration_paragraph(text) or (noted and extract_declarations(text)[0]):
            taken.append(index - 1)
        elif not (noted or _bare_note_label(item.text) or reader_aside(item.text) or sign_off(item.text)):
            break  # the story's last paragraph
        index -= 1
    else:
        return items, []  # no story text found over the tail
    if not taken:
        return items, []
    kept = [
        replace(item, note=True) if position >= index and isinstance(item, Para) else item  # "Thanks for reading!"
        for position, item in enumerate(items)
        if position not in taken
    ]
    while kept and (
        isinstance(kept[-1], SceneBreak) or (isinstance(kept[-1], Para) and _bare_note_label(kept[-1].text))
    ):
        kept.pop()  # a label or a rule the declarations stood under, nothing of the author's left after it
    paragraphs = [
        strip_note_label(items[position].text) if is_labelled_note(items[position].text) else items[position].text
        for position in reversed(taken)
    ]
    return kept, paragraphs


def _work_holds_in(note: str) -> list[str]:
    """What the sentences of a story's note say the work holds (:func:`work_holds`)."""
    return [held for sentence in _NOTE_SENTENCE.split(note) for held in work_holds(sentence.strip())]


def _sentence_key(text: str) -> str:
    """A declaration or a note's sentence as compared: spaces collapsed, the closing stop off, any case."""
    return " ".join(text.split()).rstrip("!.~ ").casefold()


def _note_declarations(
    note: str, chapters: list[Chapter], named: ChaptersByNumber, given: Container[tuple[int, str]] = ()
) -> None:
    """What a header note says one chapter holds, given to that chapter: "chapter 2 contains
    self-harm" to the one it names, "this chapter contains self-harm" (a note over the first chapter,
    as a story posted a chapter at a time has it) to the first. A sentence the note already gave that
    chapter whole (``given``: "CW: self-harm in chapter 2.") declares nothing more: read again here,
    as "self-harm in chapter 2", it listed the warning twice in the chapter's header."""
    for sentence in _NOTE_SENTENCE.split(note):
        numbered = numbered_chapter_holds(sentence)
        if numbered is not None and (at := named.index(numbered[0])) is not None:
            if (at, _sentence_key(sentence)) not in given:
                chapters[at].declared_warnings.extend(numbered[1])
        elif numbered is None and chapters and (held := _chapter_holds(sentence)):
            chapters[0].declared_warnings.extend(held)


CLOSING_DECLARATIONS = 3  # paragraphs of declarations after a story's last divider


def _closing_story_declarations(chapters: list[Chapter]) -> list[str]:
    """Declarations the author set after the story's last divider, naming no chapter: warnings kept
    to the end so as not to spoil it ("Warnings: major character death" under a "---" after the
    last chapter's text). They are the whole story's, and come off the last chapter (which alone
    carried them, while the death they warn of was in an earlier one): returned, as the story's notes."""
    if len(chapters) < 2 or len(chapters[-1].scenes) < 2:
        return []
    last = chapters[-1].scenes[-1].paragraphs
    next_chapter, this_chapter = _chapter_phrases()
    if not 0 < len(last) <= CLOSING_DECLARATIONS or not all(
        declaration_paragraph(paragraph) and not next_chapter.search(paragraph) and not this_chapter.search(paragraph)
        for paragraph in last
    ):
        return []
    chapters[-1].scenes.pop()
    return last


def _labelled_note(text: str) -> bool:
    """A paragraph that is an author's note by its label ("A/N: thanks"); a label alone on its line
    stays in the text for now, to say where a note section starts (:func:`_closing_note_section`)."""
    return is_labelled_note(text) and not _bare_note_label(text)


def _chapter_notes(chapter: Chapter, budget: MidDeclarationBudget) -> Chapter:
    """Everything of a chapter's that is the author's note and not its story, as its notes
    (``budget``: the story's, shared by its chapters)."""
    chapter = _opening_notes(_opening_note_section(_declared_title(_strip_note_labels(chapter))))
    return _closing_declarations(_mid_declarations(_without_bare_labels(_closing_note_section(chapter)), budget))


OPENING_NOTE_PARAGRAPHS = 6  # paragraphs of a note under its label at a chapter's opening, at most


def _opening_note_section(chapter: Chapter) -> Chapter:
    """A chapter's opening note under a label on a line of its own ("Author's Note" over "Hey everyone,
    this one's a bit darker. Warning: torture."), as its notes (the label goes): the paragraphs after the
    label while each speaks as an author does (:func:`_author_speaks`, a declaration, an aside to
    readers). Posted as story text before, its warning declared nothing. The chapter keeps its story."""
    first = chapter.scenes[0].paragraphs if chapter.scenes else []
    if len(first) < 2 or (not (bare := _bare_note_label(first[0])) and not _box_label(first[0])):
        return chapter
    count = 1
    while count < min(len(first) - 1, OPENING_NOTE_PARAGRAPHS + 1) and (
        _author_speaks(first[count]) or declaration_paragraph(first[count]) or reader_aside(first[count])
    ):
        count += 1
    if count > 1:
        chapter.notes[:0] = first[1:count]
        del first[:count]
    elif bare:  # over what is left as text (a hiatus note posted as a chapter): the label says nothing to a reader
        del first[0]
    return chapter


def _without_bare_labels(chapter: Chapter) -> Chapter:
    """The chapter less the note labels alone on their lines that head no note section ("Notes:"
    over nothing the chapter's end shows as a note): a label says nothing to a reader."""
    for scene in chapter.scenes:
        kept = [paragraph for paragraph in scene.paragraphs if ":" not in paragraph or not _bare_note_label(paragraph)]
        if kept:
            scene.paragraphs[:] = kept
    chapter.scenes[:] = [scene for scene in chapter.scenes if scene.paragraphs]
    return chapter


NOTE_SECTION_MAX_WORDS = 400  # an end note under a label of its own is shorter than this; a longer tail is story


def _closing_note_section(chapter: Chapter) -> Chapter:
    """A chapter's end note under a label on a line of its own ("Author's Note:", "A/N", "AUTHOR'S
    NOTE") and the paragraphs after it, to the chapter's end, as its notes (the label goes): posted
    as story text, the note was the chapter's last paragraphs and its warnings no declaration. Only
    a short tail with story text above it."""
    if not chapter.scenes:
        return chapter
    last = chapter.scenes[-1].paragraphs
    tail_words = 0  # of the paragraphs after ``index`` (a space between two never joins their words)
    for index in range(len(last) - 1, -1, -1):
        if index < len(last) - 1 and (
            _bare_note_label(last[index])
            or (_box_label(last[index]) and all(_author_speaks(paragraph) for paragraph in last[index + 1 :]))
        ):
            if index or len(chapter.scenes) > 1:
                chapter.notes.extend(last[index + 1 :])
                del last[index:]
            break
        head, _, rest = last[index].strip().partition("\n")
        if (
            rest.strip()
            and _box_label(head)
            and all(_author_speaks(paragraph) for paragraph in [rest, *last[index + 1 :]])
            and (index or len(chapter.scenes) > 1)
        ):  # the box's title over its first lines in one paragraph: "A note from Ash" / "Patreon is ahead!"
            chapter.notes.extend([rest.strip(), *last[index + 1 :]])
            del last[index:]
            break
        tail_words += count_words(last[index])
        if tail_words > NOTE_SECTION_MAX_WORDS:
            break  # any label further up heads more than a note: a chapter's paragraphs are not all read
    return chapter


# Royal Road's title over an author's note box, copied as a line of its own: "A note from quillfeather",
# "A note from Ferris Quell" (a display name of up to four words).
_BOX_LABEL = re.compile(
    r"[ \t]*an?[ \t]+note[ \t]+from[ \t]+@?[^\s:]{2,40}(?:[ \t][^\s:]{1,40}){0,3}[ \t]*:?[ \t]*", re.IGNORECASE
)


def _box_label(text: str) -> bool:
    """A note box's title alone on its line ("A note from quillfeather"): a note label only over an
    author's words (a story's "A note from Mum" over hers stays its text, see where it is asked)."""
    return len(text) <= 60 and _BOX_LABEL.fullmatch(text) is not None


def _bare_note_label(text: str) -> bool:
    """A line that is only an author's note label, with or without its colon: "A/N", "Author's Note:"."""
    line = text.strip().rstrip(":：").strip()
    return (
        0 < len(line) <= 40 and "\n" not in line and is_labelled_note(f"{line}:") and not strip_note_label(f"{line}:")
    )


def notes_in_text(chapters: list[Chapter]) -> list[Chapter]:
    """The author's notes written inside chapter text whose notes have places of their own.

    AO3 keeps a chapter's notes apart from its text, yet authors still open the text itself
    with "A/N: sorry this took so long, tw for self harm" or close it with "CW for the next
    chapter: suicide": those are notes and declarations here as in a text file, where
    :func:`build_story` reads them. A chapter whose whole text is labelled a note keeps it as text.
    """
    budget = MidDeclarationBudget()
    for chapter in chapters:
        labelled = [paragraph for paragraph in chapter.paragraphs if is_labelled_note(paragraph)]
        if labelled and len(labelled) < len(chapter.paragraphs):
            for scene in chapter.scenes:
                scene.paragraphs = [paragraph for paragraph in scene.paragraphs if not is_labelled_note(paragraph)]
            chapter.scenes = [scene for scene in chapter.scenes if scene.paragraphs]
            chapter.notes.extend(labelled)
        _chapter_notes(chapter, budget)
    pair_footnotes(chapters)
    return chapters


def _strip_note_labels(chapter: Chapter) -> Chapter:
    """Notes without their "A/N:" labels; a label alone on its line ("Notes:") is no note."""
    stripped = (strip_note_label(note) if is_labelled_note(note) else note for note in chapter.notes)
    chapter.notes = [note for note in stripped if note.strip()]
    return chapter


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _dedupe(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)
