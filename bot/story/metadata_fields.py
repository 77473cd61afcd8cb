"""Metadata lines of a plain-text story: "Title:", "Rating:", "Warnings:" and the field they fill.

Every reader of the top of a pasted story (the preamble, the chapter notes, the declarations) asks the
same question of a line: is it a labelled field, and which one? One table of labels and one field parser
answer it, so a label learnt once is read alike everywhere.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from bot.story.warning_pointers import field_points_to_end
from bot.warnings.declared import (
    declaration_cues,
    maps_any,
)

# Labels authors put on metadata lines, mapped to the StoryMeta field they fill.
KEYS: dict[str, str] = {
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
    # a LiveJournal or Dreamwidth entry's own fields over the fic: "Current Mood: contemplative", "Current Music: ..."
    **dict.fromkeys(("current mood", "current music", "current location"), ""),
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
    # a Fountain screenplay's title page ("Title:" / "Credit: Written by" / "Author:" / "Draft date:"), and
    # MultiMarkdown's header as Scrivener compiles it ("Base Header Level: 2"): the credit was read as the title's
    "credit": "",
    "draft date": "",
    "base header level": "",
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
KEYS.update({key: target for key, target in _WORLD_KEYS.items() if key not in KEYS})
# A run of spaces is read from its first space only: "(?<![ \t])" before "[ \t]*" after a part that may
# end in a space (a key, a name). Tried from each space of it, a line of "x", a million spaces and "y"
# was read once per character the part may hold (3 s for a megabyte). The match found is the same: a
# shortest part never ends in a space the run after it could take. A field's run before its separator
# is taken whole ("*+"), the dash's space looked back at, so the run is not given back a space at a time.
RUN_START = r"(?<![ \t])"
FIELD = re.compile(
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
# What a title page calls the work, after a fandom's or a site's name of up to three words, which may
# hold marks ("a Haikyuu!! fic", "a Witcher one-shot", "a wattpad story").
STORY_KINDS = (
    "story|fic|fanfic|fanfiction|novel|novella|one-?shot|book|poem|drabble|ficlet|romance|fantasy|mystery|thriller"
    "|tale|fable|fairy[ \t]+tale|memoir|serial|web[ \t]?serial|poems|stories|tales|play|comedy|tragedy|drama"
    "|sonnets|verses|essays|vignettes|drabbles|ficlets|anthology|collection"
)
# What a collection's title page calls it with no article: "Poems", "Selected Poems", "Short Stories",
# "Poems and Fragments".
COLLECTION_KINDS = (
    r"(?:(?:new|selected|collected|short|early|late|later|other|more|twelve|\d{1,3})[ \t]+)*"
    r"(?:poems|stories|tales|sonnets|verses|essays|vignettes|drabbles|ficlets|fragments)"
    r"(?:[ \t]+(?:and|&)[ \t]+(?:[^\W\d_]+[ \t]+)?[^\W\d_]+)?"
)
# How a title page goes on after what the work is: "A Novel in Two Books", "A Romance in Three Parts",
# "A play in three scenes".
KIND_PARTS = (  # (or in anything it counts: "A Novel in Four Seasons", "a story in five letters")
    r"(?:[ \t]+in[ \t]+(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|[1-9]\d?)[ \t]+"
    r"(?:books?|parts?|volumes?|acts?|scenes?|[^\W\d]{3,20}s))?"
)
# Where a book stands in its series, under its title: "Book One of the Ember Trilogy", "Volume 2 in the Saltmarsh Series".
SERIES_LINE = (
    r"(?:book|volume|part|vol\.)[ \t]+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|[ivx]{1,4})"
    r"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?\S.{0,60}?(?:trilogy|duology|series|saga|cycle|quartet|chronicles?)"
)
# A run of spaces after a word is taken whole ("++"): only a word, never a space, can follow it, and
# given back a space at a time, "by", a million spaces and "Mara" tried every word after each.
FANDOM_WORDS = r"(?:[^\s,;.?]+[ \t]++){0,3}?"
# The same line in the languages bot.story.ordinals reads ("von Anna Schmidt", "par Camille
# Moreau", "escrito por Lucía Vega", "Írta: Kovács Anna"). These words also start prose ("Von
# diesem Tag an", "Par une nuit"), so what follows them must read as a name (_name_like).
WORLD_BY_WORDS = (
    "geschrieben von|von|geschreven door|door|skriven av|skrevet av|skrevet af|av|af|eftir"
    "|écrit par|écrite par|par|escrito por|escrita por|por|scritto da|scritta da|scris de|scrisă de|di|da|de"
    "|napisane przez|napisana przez|przez|autorstwa|napsal|napsala|napísal|napísala|napisao|napisala|od"
    "|írta|kirjoittanut|kirjutanud|parašė|yazan|γραμμένο από|από|του|της|написано|написала|написал"
    "|författare|forfatter|auteur|autore|autora|autorka|autorin|autor|szerző|yazar|autors|autorius|автор|авторка"
    "|ditulis oleh|oleh|bởi|viết bởi"
)
# The same line as Chinese, Japanese and Korean write it: a label and the name ("作者：玛拉",
# "作：山田花子", "文/玛拉", "글: 김하늘", the colon forms also being fields, see _WORLD_KEYS), or
# the name and then "written" ("夏目漱石 著", "김하늘 지음"), set apart by a space.
CJK_SPACE = "[ \t\u3000]"
# The body ends at a sentence's end or an aside, Chinese and Japanese ones too ("。", "！", "（"); a
# short aside in brackets inside a list goes on with it ("CW: self-harm (brief), blood").
# (Runs of characters matched by a class, an aside between them: an alternation tried at each character
# cost a third more on paragraphs that open like declarations.)
BODY_RUN = r"[^.!?。！？\n()（）\[\]\s](?:[^.!?。！？\n()（）\[\]]*[^.!?。！？\n()（）\[\]\s])?"
BODY_ASIDE = r"\([^()\n]{0,40}\)"


def trim_ornaments(text: str) -> str:
    """A line without the symbols and emphasis around it: "⚠️ TW: blood ⚠️" reads "TW: blood".

    Authors frame metadata lines with emoji, stars and sparkles; they are no part of what the
    line says, and a label check or a declared warning must not trip over them.
    """
    run = ornament_run()
    start = run.match(text).end()  # type: ignore[union-attr]
    if start == len(text):
        return ""
    if not is_ornament(text[-1]):
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
def ornament_run() -> re.Pattern[str]:
    """A run of ornaments (:func:`is_ornament`), read at C speed: a character at a time, a line of
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


def is_ornament(char: str) -> bool:
    return char in _ORNAMENT_CHARS or unicodedata.category(char) in _ORNAMENT_CATEGORIES


@dataclass(slots=True)
class Meta:
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
        target = KEYS[key]
        segments = [] if target in PROSE_FIELDS else strung_fields(raw_line)
        if len(segments) > 1:
            for segment in segments:
                parsed = parse_field(segment)
                if parsed is not None:
                    self.add(parsed[0], segment, parsed[1])
            return
        value = value.strip().strip("*_").strip()
        if key == "chapters":
            self.chapter_count = leading_number(value)
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
        target = KEYS[key]
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


# A word count standing alone, labelled or not: "Word count: 1,980", "Words: 2341", "WC: 2.3k", "**Words:** 1,234",
# "Length: ~1200", "Approx. 3,000 words" (Scrivener's compile), "~12k words", "(2,140 words)", "About 2 000 words".
# The one test of a word-count line for every reader: a title page's, a manuscript cover's, one under a chapter's
# heading, one under its text.
_COUNT_NUMBER = r"(?:(?:approx(?:imately|\.)?|about|around|roughly|circa|ca\.|~|≈)[ \t]*)?\d{1,3}(?:[,. ]?\d{3}){0,3}(?:\.\d{1,2})?[ \t]?k?\+?"
_COUNT_LABEL = r"(?:words?|word[ \t]?count|wc|length)[*_]*[ \t]*:[*_]*[ \t]*"
# and the reading time a site sets beside it: "2,140 words · 9 min read", "1,200 words | 5 minutes"
_READING_TIME = (
    r"(?:[ \t]*[·•|,–—-][ \t]*\d{1,3}[ \t]*(?:min(?:ute)?s?|hours?|hrs?)\.?(?:[ \t]+read(?:ing)?(?:[ \t]+time)?)?)?"
)
WORD_COUNT = re.compile(
    rf"[(\[]?(?:{_COUNT_LABEL}{_COUNT_NUMBER}(?:[ \t]*words?)?|{_COUNT_NUMBER}[ \t]*words?){_READING_TIME}[)\]]?[.!]?",
    re.IGNORECASE,
)
COUNT_KEYS = frozenset(["word count", "words", "wc", "wordcount"])
_COUNT_CHARS = 120


def word_count_line(text: str) -> bool:
    """Whether a paragraph is a word count alone, labelled or not ("Word count: 1,980", "Words: 2341",
    "*WC: 850*", "Approx. 3,000 words", "(2,140 words)"), as a writer sets one on a title page, over a
    chapter or under it."""
    text = text.strip()
    if "\n" in text or not text or len(text) > _COUNT_CHARS:
        return False
    field = parse_field(text)
    if field is not None and field[0] in COUNT_KEYS:
        return leading_number(field[1]) is not None  # "Wordcount: 1,050 (this part)"
    return WORD_COUNT.fullmatch(trim_ornaments(text).strip("*_ \t")) is not None


def leading_number(text: str) -> int | None:
    """The count a "Chapters: 3" or "Chapters: 2/5" value starts with (2 posted of 5)."""
    match = re.match(r"[ \t]*(\d{1,6})", text)
    return int(match.group(1)) if match else None


# Notes that say what they are: /story info shows "Dedication: For my father.", never a bare line.
_NAMED_NOTES = {
    "dedication": "Dedication",
    "dedicated to": "Dedicated to",
    "prompt": "Prompt",
    "prompts": "Prompts",
    **{key: key.capitalize() for key in ("created", "created time", "date created", "last edited", "last edited time")},
    "last modified": "Last modified",
}
PROSE_FIELDS = frozenset(["summary", "notes"])  # a field whose value is sentences: a "Note:" in it is its own
# Where a line strings one field after another: "Rating: T | Warnings: death", "Rating: T. CW: grief",
# "Pairing: Bucky x Reader • Word count: 2.3k", "Fandom: Haikyuu!! - Rating: T".
# A run of spaces is tried from its first space only ("(?<![ \t])"): tried from each, a run was read
# again from each of its spaces (10 s for a line of 20,000 spaces).
FIELD_SEPARATOR = re.compile(r"(?:(?<![ \t])[ \t]+)?[|•·][ \t]*|(?<![ \t])[ \t]+[/~\-–—][ \t]+|(?<=[.;,])[ \t]+")
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
    for match in FIELD_SEPARATOR.finditer(line):
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
            if KEYS[parsed[0]] in PROSE_FIELDS:
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
    Fen Harrow" is the same field (read before, the author was ": Fen Harrow"). So is a list's bullet
    before it ("- Rating: Teen", "* **Archive Warning:** Major Character Death", "• Warnings: grief"):
    a header written as a list was an epigraph, its rating and warnings undeclared. A numbered list's
    number too ("1. **Author:** snowfall_scribe", "2) Rating: Mature", as a Markdown editor numbers one)."""
    if (bullet := _LIST_BULLET.match(line)) is not None:
        line = line[bullet.end() :]
    if line[:1] not in _FIELD_OPENS:
        line = line[ornament_run().match(line).end() :]  # type: ignore[union-attr]
    match = FIELD.match(line)
    if not match:
        return None
    key = re.sub(r"\s+", " ", match.group("key").strip().lower().replace("’", "'"))
    if key not in KEYS:
        return None
    if (key in _COLON_ONLY or key in _WORLD_KEYS) and match.group("sep") not in (":", "::", "："):
        return None
    return key, match.group("value")


_FIELD_OPENS = frozenset(" \t*_")  # what FIELD itself reads before a key
# The bullets a list's items are set with, as writers and word processors set them: "- ", "* ", "• ",
# "· " (Word's Symbol bullet, saved as a web page), "▪ ", "➤ ". A dash of dialogue ("— Warning: ...") is none.
BULLETS = "-*+•·◦▪‣●○■□➤►✦✧"
# A list's bullet or number and the space after it ("- ", "· ", "1. ", "2) ").
_LIST_BULLET = re.compile(rf"[ \t]{{0,8}}(?:[{re.escape(BULLETS)}]|\d{{1,2}}[.)])[ \t]+(?=\S)")
