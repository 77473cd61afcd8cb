"""The club progress chart: a PNG of where every member is in one story.

Small clubs get one bar per named member; large clubs get how many members stand at each
chapter, because 10,000 rows fit no screen. Hidden members appear only as a count in the
footer, never as a bar or a name. The image size is bounded whatever the club size.
"""

from __future__ import annotations

import io
from collections import Counter

from PIL import Image, ImageDraw, ImageFont

from bot.progress.store import ClubProgress, MemberPosition
from bot.text import cluster_cut, plural

WIDTH = 900
PER_MEMBER_LIMIT = 30  # beyond this many named members, show the distribution instead
ROW_HEIGHT = 26
MAX_COLUMNS = 60  # chapters are grouped into at most this many columns
BACKGROUND = (255, 255, 255)
INK = (32, 34, 37)
MUTED = (110, 114, 120)
TRACK = (226, 228, 232)
BAR = (88, 101, 242)
DONE = (59, 165, 93)
TARGET = (237, 66, 69)


def member_label(member: MemberPosition) -> str:
    """The stored display name, or a neutral stand-in that still tells members apart."""
    name = (member.display_name or "").strip()
    return name if name else f"member …{str(member.user_id)[-4:]}"


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> str:
    """Shorten text with an ellipsis until it fits ``width`` pixels, a whole grapheme cluster at a time
    (:func:`bot.text.cluster_cut`): a code point at a time left half a flag before the ellipsis."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[: cluster_cut(text, len(text) - 1)]
    return text + "…"


def _footer(club: ClubProgress, target: int | None) -> str:
    parts = [plural(club.member_count, "member")]
    if target:
        named, hidden = club.caught_up(target)
        parts.append(f"{plural(len(named) + hidden, 'member', zero='no one')} caught up with chapter {target}")
    if club.hidden_count:
        parts.append(f"{club.hidden_count} hidden (counted, not shown)")
    return " · ".join(parts)


def render_club_chart(club: ClubProgress, *, target: int | None = None) -> bytes:
    """A PNG of the club's positions in the story; ``target`` marks the chapter to catch up to."""
    small = club.named_count <= PER_MEMBER_LIMIT
    image = _per_member(club, target) if small else _distribution(club, target)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _canvas(height: int, club: ClubProgress, subtitle: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (WIDTH, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    title_font = _font(22)
    draw.text((24, 16), _fit(draw, club.story.title, title_font, WIDTH - 48), font=title_font, fill=INK)
    draw.text((24, 46), subtitle, font=_font(14), fill=MUTED)
    return image, draw


def _per_member(club: ClubProgress, target: int | None) -> Image.Image:
    total = max(club.story.chapter_count, 1)
    rows = club.ranked()
    top, label_width, bar_left = 80, 220, 260
    bar_right = WIDTH - 90
    height = top + max(len(rows), 1) * ROW_HEIGHT + 60
    image, draw = _canvas(
        height, club, f"Chapter reached by each member, of {plural(club.story.chapter_count, 'chapter')}"
    )
    font = _font(15)
    if not rows:
        draw.text((24, top + 4), "No one has shared their progress in this story yet.", font=font, fill=MUTED)
    for index, member in enumerate(rows):
        y = top + index * ROW_HEIGHT
        draw.text((24, y + 4), _fit(draw, member_label(member), font, label_width), font=font, fill=INK)
        draw.rectangle((bar_left, y + 6, bar_right, y + ROW_HEIGHT - 6), fill=TRACK)
        filled = bar_left + (bar_right - bar_left) * min(member.chapter, total) // total
        colour = DONE if target and member.chapter >= target else BAR
        if member.chapter > 0:
            draw.rectangle((bar_left, y + 6, filled, y + ROW_HEIGHT - 6), fill=colour)
        draw.text((bar_right + 10, y + 4), f"{member.chapter}/{club.story.chapter_count}", font=font, fill=INK)
    if target and rows:
        x = bar_left + (bar_right - bar_left) * min(target, total) // total
        draw.line((x, top - 4, x, top + len(rows) * ROW_HEIGHT), fill=TARGET, width=2)
    draw.text((24, height - 36), _footer(club, target), font=_font(14), fill=MUTED)
    return image


def _distribution(club: ClubProgress, target: int | None) -> Image.Image:
    """Members per chapter (grouped when a story has many chapters), named members only."""
    total = club.story.chapter_count
    group = max(1, -(-(total + 1) // MAX_COLUMNS))
    columns = -(-(total + 1) // group)
    counts = Counter(min(chapter, total) // group for _, chapter in club.positions)
    peak = max(counts.values(), default=1)
    height, top, bottom, left, right = 480, 90, 400, 70, WIDTH - 30
    image, draw = _canvas(height, club, f"How many members have reached each chapter, of {plural(total, 'chapter')}")
    font = _font(13)
    draw.line((left, bottom, right, bottom), fill=MUTED)
    draw.text((10, top - 6), str(peak), font=font, fill=MUTED)
    draw.text((10, bottom - 14), "0", font=font, fill=MUTED)
    step = (right - left) / columns
    label_every = max(1, columns // 15)
    for column in range(columns):
        x0 = left + column * step + 2
        x1 = left + (column + 1) * step - 2
        count = counts.get(column, 0)
        first = column * group
        colour = DONE if target and first >= target else BAR
        if count:
            y = bottom - (bottom - top) * count / peak
            draw.rectangle((x0, y, max(x0, x1), bottom), fill=colour)
        if column % label_every == 0:
            label = str(first) if group == 1 else f"{first}+"
            draw.text((x0, bottom + 6), label, font=font, fill=MUTED)
    if target:
        x = left + (target // group) * step
        draw.line((x, top - 10, x, bottom), fill=TARGET, width=2)
    draw.text((left, bottom + 26), "chapter reached (0 = not started)", font=font, fill=MUTED)
    draw.text((24, height - 30), _footer(club, target), font=_font(14), fill=MUTED)
    return image
