"""Invisible characters that are never story text, in a module of their own so the decoder and the
structure reader both import them at the top (the decoder reads headings with `structure`)."""

from __future__ import annotations

# Invisible characters that are never text: a byte-order mark left in the middle of a file
# by joining files, the word joiner. Zero-width joiners and non-joiners stay: emoji and
# scripts such as Persian and the Indic ones need them.
NEVER_TEXT = ("\ufeff", "\u2060")
