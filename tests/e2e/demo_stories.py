"""Small story files of the tests' own for ``dogear demo --story``: none is the sample, none is
titled like it, and they differ in format, chapter count and warnings."""

from __future__ import annotations

ORCHARD_MD = """\
Title: The Salt Orchard
Author: Test Writer
Summary: Three short seasons in an orchard by the sea.

# Chapter 1: Roots

Marta's father died in the spring, the week the first blossom opened. At the funeral the whole
village stood among the trees, and nobody said much.

His grave is at the top of the orchard, where the wind comes straight off the water.

# Chapter 2: Fruit

The apples tasted of brine, and nobody in the village would eat them but Marta.

# Chapter 3: Harvest

They picked the last of them together, and the orchard was quiet after.
"""

KITES_TXT = """\
Title: Kites over Harrowden
Author: Another Writer

Chapter 1: The Workshop

Ines built kites in a shed behind the bakery, out of paper, string and patience. Every one of
them was a different colour.

Chapter 2: The Contest

On the day of the contest the wind came up from the south, and all her kites flew at once.
"""

# File name → text: what the demo tests upload.
DEMO_STORIES: dict[str, str] = {"orchard.md": ORCHARD_MD, "kites.txt": KITES_TXT}
