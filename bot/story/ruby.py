"""Readings set over words in Japanese web novels, and pixiv's markup, as plain text a club can read.

Narou and Kakuyomu write a reading after the word it belongs to: "|司書《ししょ》" (or "司書《ししょ》",
the word being the run of kanji before it); pixiv writes "[[rb:司書 > ししょ]]" and links as
"[[jumpuri:text > address]]". Discord shows no ruby, so a reading is set in brackets after its word,
as print does without ruby: "司書（ししょ）". Posted as they were, the marks stood in every sentence.
"""

from __future__ import annotations

import re

_BAR_RUBY = re.compile(r"[|｜]([^|｜《》\n]{1,30})《([^《》\n]{1,30})》")
_KANJI_RUBY = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\u3005\u30f6]{1,20})《([^《》\n]{1,30})》")
_PIXIV_RUBY = re.compile(r"\[\[rb:\s*([^\]>\n]{1,60}?)\s*>\s*([^\]\n]{1,60}?)\s*\]\]")
_PIXIV_LINK = re.compile(r"\[\[jumpuri:\s*([^\]>\n]{1,200}?)\s*>\s*[^\]\n]{1,500}\]\]")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
_MARKS = ("《", "[[rb:", "[[jumpuri:")


def readings_in_brackets(text: str) -> str:
    """The text with each reading after its word in brackets, pixiv's links as their text."""
    if not any(mark in text for mark in _MARKS):
        return text
    text = _BAR_RUBY.sub(r"\1（\2）", text)
    if _KANA.search(text):  # only Japanese reads "司書《ししょ》" so; Chinese sets a book's title in 《》
        text = _KANJI_RUBY.sub(r"\1（\2）", text)
    text = _PIXIV_RUBY.sub(r"\1（\2）", text)
    return _PIXIV_LINK.sub(r"\1", text)
