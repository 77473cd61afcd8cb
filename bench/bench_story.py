"""Story import and rendering throughput on a novel-length file (issue 3, point 9).

A ~5 MB plain-text novel is built from the corpus paragraphs, with chapter headings and
scene breaks, then parsed (``import_story`` from bytes: decoding, metadata, structure)
and rendered (``render_chapter`` for every chapter: escaping, packing, splitting) on one
core. The baseline, measured in the same run, is the naive approach: decode, escape with
``str.replace`` and cut the text every 1,990 characters. Target: >= 20 MB/s.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

from bot.story.importer import import_story
from bot.story.render import render_chapter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_BYTES = 5 * 1024 * 1024
TARGET_MB_S = 20.0
ROUNDS = 5


def build_novel(target: int = TARGET_BYTES) -> bytes:
    """Corpus paragraphs, repeated in order, 40 per chapter, a scene break every 8."""
    paragraphs: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs.extend(block.strip() for block in text.split("\n\n") if len(block.strip()) > 40)
    parts = ["Title: The Long Book\nAuthor: Bench\nTW: death, blood\n"]
    size = len(parts[0])
    chapter = 0
    index = 0
    while size < target:
        chapter += 1
        block = [f"Chapter {chapter}: Part {chapter}"]
        for n in range(40):
            if n and n % 8 == 0:
                block.append("* * *")
            block.append(paragraphs[index % len(paragraphs)])
            index += 1
        chunk = "\n\n".join(block) + "\n\n"
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    return "\n".join(parts).encode("utf-8")


def naive(data: bytes) -> int:
    text = data.decode("utf-8")
    for char in "\\*_~|`>#-[]":
        text = text.replace(char, "\\" + char)
    pieces = [f"||{text[i : i + 1990]}||" for i in range(0, len(text), 1990)]
    return len(pieces)


def ours(data: bytes) -> int:
    story = import_story(data, "novel.txt", max_bytes=len(data) + 1)
    messages = 0
    for chapter in story.chapters:
        messages += len(render_chapter(story.meta, chapter, budget=2000))
    return messages


def best_of(fn, data: bytes, rounds: int = ROUNDS) -> tuple[float, int]:
    best = float("inf")
    result = 0
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        result = fn(data)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> str:
    data = build_novel()
    mb = len(data) / 1_000_000
    story = import_story(data, "novel.txt", max_bytes=len(data) + 1)
    parse_s, _ = best_of(lambda d: import_story(d, "novel.txt", max_bytes=len(d) + 1), data)
    ours_s, messages = best_of(ours, data)
    naive_s, naive_messages = best_of(naive, data)
    render_s = max(ours_s - parse_s, 1e-9)
    rate = mb / ours_s
    verdict = "pass" if rate >= TARGET_MB_S else "FAIL"
    return "\n".join(
        [
            "## Story import and rendering (issue 3)",
            "",
            f"A {mb:.2f} MB plain-text novel ({len(story.chapters)} chapters, {story.words:,} words) built from the "
            "corpus paragraphs; one core, best of "
            f"{ROUNDS} runs. Baseline: decode, `str.replace` escaping, fixed 1,990-character cuts.",
            "",
            "| measure | time | throughput | messages | vs baseline | target | result |",
            "|---|---|---|---|---|---|---|",
            f"| parse (`import_story`) | {parse_s * 1000:.0f} ms | {mb / parse_s:.1f} MB/s | | | | |",
            f"| render (`render_chapter`, all chapters) | {render_s * 1000:.0f} ms | {mb / render_s:.1f} MB/s | | | | |",
            f"| **parse + render** | {ours_s * 1000:.0f} ms | **{rate:.1f} MB/s** | {messages:,} | "
            f"{naive_s / ours_s:.2f}x the baseline's speed | >= {TARGET_MB_S:.0f} MB/s | {verdict} |",
            f"| naive baseline | {naive_s * 1000:.0f} ms | {mb / naive_s:.1f} MB/s | {naive_messages:,} | 1.00x | | |",
            "",
            "The baseline is faster because it does far less: it splits inside words, escapes, emoji and "
            "grapheme clusters, keeps no chapters, scenes or metadata, and leaves mentions renderable.",
            "",
        ]
    )


if __name__ == "__main__":
    print(main())
