import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.text import (
    QUOTED_INPUT_CHARS,
    and_list,
    clip_lines,
    escape_clipped,
    page_blocks,
    page_lines,
    plural,
    quote_input,
    sentence,
    spell_controls,
    unescape_markdown,
    utf16_len,
    visible_line,
)


def test_short_lists_are_joined_whole() -> None:
    assert clip_lines(["a", "b"]) == "a\nb"


@given(st.lists(st.text(max_size=300).filter(lambda s: "\n" not in s), max_size=60))
def test_clipped_text_fits_and_keeps_whole_lines_in_order(lines: list[str]) -> None:
    clipped = clip_lines(lines)
    assert len(clipped) <= 2000
    kept = clipped.split("\n") if lines else []
    if len(kept) < len(lines) or (kept and kept[-1].startswith("… and ")):
        note = kept.pop()
        assert note == f"… and {plural(len(lines) - len(kept), 'more line')}"
    assert kept == lines[: len(kept)]


# -- quote_input: a member's value repeated in an answer

NASTY = "||hidden|| **Bold** @everyone <@123> <@&45> <#67> `code` [link](https://x.y) -# small > quote :smile:"
MARKUP = st.sampled_from(["||", "**", "__", "~~", "`", "```", "@everyone", "@here", "<@1>", "<@&2>", "\\", "> ", "# "])
VALUES = st.lists(st.one_of(MARKUP, st.text(max_size=40)), max_size=80).map("".join)
UNESCAPED_MENTION = re.compile(r"(?<!\\)<@|@(?!\u200b)")


def test_a_value_that_fits_is_shown_whole_with_nothing_rendering() -> None:
    shown = quote_input(NASTY, 300)
    assert shown.startswith("“") and shown.endswith("”") and not shown.endswith("…”")
    assert unescape_markdown(shown[1:-1]) == NASTY
    for rendered in ("||", "**", "@everyone", "[link]", ":smile:"):
        assert rendered not in shown
    assert not UNESCAPED_MENTION.search(shown) and "<#" not in shown.replace("\\<#", "")


def test_a_long_value_is_clipped_with_an_ellipsis() -> None:
    shown = quote_input("Q" * 2100)
    assert shown == "“" + "Q" * (QUOTED_INPUT_CHARS - 3) + "…”"
    assert len(quote_input("friday 19:00 " + "Z" * 2100, 60)) == 60


def test_blank_and_multi_line_values_are_shown_on_one_line() -> None:
    assert quote_input("   ") == "“”"
    assert quote_input("a\n\n  b\tc") == "“a b c”"


@given(VALUES, st.integers(min_value=3, max_value=300))
def test_any_value_fits_its_limit_and_never_renders(value: str, limit: int) -> None:
    shown = quote_input(value, limit)
    assert utf16_len(shown) <= limit
    assert shown.startswith("“") and shown.endswith("”")
    inner = shown[1:-1]
    assert "||" not in inner and "@everyone" not in inner and "@here" not in inner
    assert not UNESCAPED_MENTION.search(inner)
    assert "`" not in inner.replace("\\`", "")
    # Escapes are whole: what is shown is the start of the value (whitespace aside), never a cut escape.
    flat = visible_line(value)
    if inner.endswith("…") and not flat.endswith("…"):
        assert flat.startswith(unescape_markdown(inner[:-1]).rstrip())
    else:
        assert unescape_markdown(inner) == flat


def test_page_lines_puts_every_line_on_one_page_and_names_the_next() -> None:
    lines = [f"• item {n} " + "x" * (n * 37 % 300) for n in range(200)]
    pages, page = [], 1
    while True:
        text = page_lines("**Head**", lines, page, "/list page:{page}", limit=2000)
        assert utf16_len(text) <= 2000 and text.startswith("**Head**\n")
        pages.append(text)
        if "next: `/list page:" not in text:
            break
        assert f"next: `/list page:{page + 1}`" in text
        page += 1
    body = [line for text in pages for line in text.split("\n")[1:] if not line.startswith("-# Page")]
    assert body == lines and pages[-1].endswith(f"-# Page {page} of {page}, the last")


def test_page_lines_of_a_short_list_has_no_page_note_and_refuses_a_page_past_the_end() -> None:
    assert page_lines("Head", ["a", "b"], 1, "/x page:{page}") == "Head\na\nb"
    with pytest.raises(UserError, match="only 1 page here; leave out `page:`") as refused:
        page_lines("Head", ["a"], 2, "/x page:{page}")
    assert "from 1 to 1" not in str(refused.value)
    with pytest.raises(UserError, match="only 2 pages here; pick a page from 1 to 2"):
        page_lines("Head", ["a" * 90] * 30, 3, "/x page:{page}")


def test_page_lines_keeps_to_a_small_budget_with_a_long_command_and_wide_characters() -> None:
    lines = ["😀" * 30] * 400
    text = page_lines("Head", lines, 3, "/story info story:123456 page:{page}", limit=400)
    assert utf16_len(text) <= 400 and "page:4`" in text


def test_escape_clipped_counts_the_escapes_and_never_ends_in_a_lone_backslash() -> None:
    clipped = escape_clipped("*_" * 100, 51)
    assert utf16_len(clipped) <= 51 and clipped.endswith("…") and not clipped.endswith("\\…")
    assert escape_clipped("a*b", 10) == "a\\*b"


def test_page_blocks_keeps_each_item_whole_and_at_most_the_buttons_a_page_holds() -> None:
    blocks = [[f"{n}. item {n}", f"  evidence of {n} " + "e" * 200] for n in range(1, 24)]
    counted = [n % 4 != 0 for n in range(23)]  # some blocks are headings without buttons
    seen: list[int] = []
    page = 1
    while True:
        shown = page_blocks("**Head**", blocks, page, "/x page:{page}", limit=1200, most=5, counted=counted)
        assert utf16_len(shown.text) <= 1200 and shown.text.startswith("**Head**\n")
        assert sum(counted[index] for index in shown.shown) <= 5
        for index in shown.shown:
            assert "\n".join(blocks[index]) in shown.text  # whole, never split across pages
        seen += shown.shown
        if f"next: `/x page:{page + 1}`" not in shown.text:
            break
        page += 1
    assert seen == list(range(23)) and shown.text.endswith(f"Page {page} of {page}, the last")


def test_page_blocks_of_a_list_read_only_so_far_leaves_its_last_page_for_later() -> None:
    blocks = [[f"item {n}"] for n in range(11)]  # read 2 pages of 5 and one item more
    first = page_blocks("Head", blocks, 1, "/x page:{page}", most=5, more=True)
    assert first.shown == [0, 1, 2, 3, 4] and "Page 1 of at least 3 · next: `/x page:2`" in first.text
    second = page_blocks("Head", blocks, 2, "/x page:{page}", most=5, more=True)
    assert second.shown == [5, 6, 7, 8, 9] and "next: `/x page:3`" in second.text
    with pytest.raises(UserError):
        page_blocks("Head", blocks, 3, "/x page:{page}", most=5, more=True)


def test_clipped_lines_say_where_the_rest_is() -> None:
    text = clip_lines(["x" * 500] * 10, rest="the rest is in `/warnings story story:7`")
    assert len(text) <= 2000 and text.endswith("more lines; the rest is in `/warnings story story:7`")


def test_and_list_and_sentence_write_what_a_member_reads() -> None:
    assert [and_list(items) for items in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == ["", "a", "a and b", "a, b and c"]
    assert sentence("the regex does not compile: missing )") == "The regex does not compile: missing )."
    assert sentence("Already one.") == "Already one." and sentence("") == ""


def test_page_blocks_pages_alike_however_far_the_list_was_read() -> None:
    """/warnings review reads the list only as far as the page asked for (``page * 5 + 1`` items):
    page k must hold the same items whether the list was read to it or to its end, or paging on
    skips or repeats items where the note's length changes ("of at least", one more digit)."""
    for step in (389, 211, 577, 97):
        blocks = [[f"{n}. " + "x" * (n * step % 900)] for n in range(60)]
        seen: list[int] = []
        page = 1
        while True:
            read = blocks[: page * 5 + 1]
            shown = page_blocks("Head", read, page, "/x page:{page}", most=5, more=len(read) < len(blocks))
            seen += shown.shown
            if "next: `/x page:" not in shown.text:
                break
            page += 1
        assert seen == list(range(60)), step


def test_a_bidi_override_typed_into_a_value_is_not_repeated() -> None:
    """Repeated, it would turn the rest of the answer's line around: the refusal's own words read backwards."""
    assert quote_input("\u202eGull\u2066 Point\u202c") == "“Gull Point”"


def test_spell_controls_names_what_would_turn_a_line_around_and_keeps_the_rest() -> None:
    assert spell_controls("keeper \u202elamp\u2066 x\n") == "keeper \\x{202E}lamp\\x{2066} x\\x{0A}"
    assert spell_controls("a  b \u200d\u0644") == "a  b \u200d\u0644"  # spacing and joiners stay
