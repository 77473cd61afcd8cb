"""A story copied out of Discord, read as the text of its messages.

Writers share chapters in a server's channel and readers copy them out: from the client, each message
under its author's line ("inkwell — Today at 3:04 PM"), a message that follows it in a minute under
its time alone ("[3:05 PM]"); or as DiscordChatExporter's text export, a banner naming the server and
channel, each message under "[12/03/2026 15:04] inkwell", its "{Attachments}" and "{Reactions}", and
"Exported 3 message(s)" at the end. A message has no hard line breaks: each of its lines is a
paragraph. Read as a text file, the lines of a message were joined into one paragraph, the export's
lines were chapters and paragraphs of their own, and a message's time headed the text after it.
"""

from __future__ import annotations

import itertools
import re

# "inkwell — Today at 3:04 PM", "inkwell — 03/12/2026 3:04 PM", "Ines O. — 3/12/26, 15:04" (the client)
_CLIENT_HEADER = re.compile(
    r"^[ \t]*+[^\s—]{1,40}(?:[ \t][^\s—]{1,40}){0,3}[ \t]++—[ \t]++(?:(?:today|yesterday)[ \t]+at|\d{1,2}/\d{1,2}/\d{2,4},?)"
    r"[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_CONTINUED = re.compile(r"^[ \t]*\[\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?\][ \t]*$", re.IGNORECASE | re.MULTILINE)
# "[12/03/2026 15:04] inkwell", "[3/12/2026 3:04 PM] Ines Okafor" (DiscordChatExporter's text export)
_EXPORT_HEADER = re.compile(
    r"^\[\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?\][ \t]+[^\s\[\]][^\n\[\]]{0,60}$",
    re.IGNORECASE | re.MULTILINE,
)
_EXPORT_BANNER = re.compile(
    r"^={20,}[ \t]*\n(?:(?:Guild|Channel|Topic|After|Before|Between):[^\n]*\n){1,6}={20,}[ \t]*$", re.MULTILINE
)
_EXPORT_FOOTER = re.compile(r"^={20,}[ \t]*\nExported [\d,]+ message\(s\)[ \t]*\n={20,}[ \t]*$", re.MULTILINE)
_EXPORT_EXTRAS = re.compile(
    r"^\{(?:Attachments|Reactions|Embed|Stickers)\}[ \t]*\n(?:[ \t]*\S[^\n]*(?:\n|\Z))*", re.MULTILINE
)


def chat_copy_text(text: str) -> str:
    """``text`` as the story its messages hold, when it is a copy of Discord messages (its first line a
    message's header, or two headers in it); any other text as it is. One header inside a story, or
    a date in brackets opening a diary's line, is no chat."""
    if " — " in text and _chat(text, _CLIENT_HEADER):
        return _messages(_CONTINUED.sub("", _CLIENT_HEADER.sub("", text)))
    if "] " in text and _chat(text, _EXPORT_HEADER):
        text = _EXPORT_EXTRAS.sub("", _EXPORT_FOOTER.sub("", _EXPORT_BANNER.sub("", text)))
        return _messages(_EXPORT_HEADER.sub("", text))
    return text


# The poster a header names: the client's before its " — ", the export's after its "] ".
# (The run before the dash is tried from its first space only: from each space, a header of a name and
# thousands of spaces was read once per space, then the whole run again.)
_CLIENT_NAME = re.compile(r"[ \t]*+(?P<name>.+?)(?<![ \t])[ \t]+—[ \t]")
_EXPORT_NAME = re.compile(r"\[[^\]\n]*\][ \t]+(?P<name>.+?)[ \t]*$")
CHAT_HEADERS = 10_000  # headers read for their poster; a copy of more is a whole channel's, read no further


def chat_poster(text: str) -> str | None:
    """The one poster of a Discord copy's messages (:func:`chat_copy_text` reads it as a chat), its
    author: the name every header gives, "inkwell" of "inkwell — Today at 3:04 PM" (a message under
    "[3:05 PM]" alone is the same poster's). None for a text that is no chat, or one where two people
    posted (a reader's reply among the chapters: who wrote the story is not said)."""
    for mark, header, name in ((" — ", _CLIENT_HEADER, _CLIENT_NAME), ("] ", _EXPORT_HEADER, _EXPORT_NAME)):
        if mark not in text or not _chat(text, header):  # (the marks first, as chat_copy_text asks)
            continue
        names = set()
        for found in itertools.islice(header.finditer(text), CHAT_HEADERS):
            named = name.match(found.group())
            names.add(" ".join(named.group("name").split()) if named else "")
        return names.pop() if len(names) == 1 and "" not in names else None
    return None


def _chat(text: str, header: re.Pattern[str]) -> bool:
    """Whether the text opens with a message's header, or holds two."""
    first = header.search(text)
    if first is None:
        return False
    return not text[: first.start()].strip() or header.search(text, first.end()) is not None


def _messages(text: str) -> str:
    """Each line of the messages a paragraph, as Discord shows it (a message has no hard line breaks)."""
    return "\n\n".join(line for line in text.split("\n") if line.strip()) + "\n"
