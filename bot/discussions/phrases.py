"""The words of a day and a time as people write them: "sat 8pm", "Dec 4 7pm", "4 December 19:00",
"December 4th at 7:30pm", "12/04 19:00", "next week friday 19:00", "tonight 8pm", "noon".

The phrase is split into words; each word is one of: a time of day, a month name with its day
(and year), a numeric date, a day word (today, tonight, tomorrow, yesterday), a weekday, or
``next``/``week``. Fillers (at, on, the, of) are dropped. A word that is none of these, two
words of the same kind, or a bare number that could be an hour or a day, is refused: nothing
here guesses. The decisions, written down:

* A weekday alone is the soonest such day with the time still ahead (today counts);
  ``next friday`` is the soonest Friday after today; ``next week friday`` (or ``friday next
  week``) is the Friday of next calendar week (weeks start on Monday).
* A date without a year is this year's; if that day passed more than 60 days ago, next
  year's ("Jan 10" typed in December). One that passed less recently stays this year's and
  is then refused as past, with the time it was read as, rather than moved a year ahead.
* A numeric date ``12/04`` follows the server's date order (``dmy`` or ``mdy``). While none is
  set, a date both ways valid and different (12/04, but not 25/12 or 5/5) is refused with both
  readings; a date valid only in the other order than the server's is refused too.
* ``tonight`` is today and needs an evening time (``tonight 8pm``, ``tonight 20:00``) or one of
  the night's small hours, before 04:00 (``tonight 1am`` is 01:00 tomorrow, said as a night's is);
  ``midnight`` is only accepted alone or with ``tonight`` (the coming midnight), because
  "friday midnight" is read both ways by people.
* A weekday next to a date must agree with it ("Fri Dec 4" in a year where Dec 4 is a Friday).
* ``this saturday`` is ``saturday``; ``tmrw``, ``tommorow``, ``tonite`` and the like are the day
  word they misspell (:data:`DAY_WORD_SPELLINGS`, a fixed list: nothing is guessed).
* A part of the day (``saturday evening``) is no time: alone it is asked for one, with an example;
  next to a time the time must lie in it (``saturday evening 7pm``, not ``saturday morning 7pm``).
  A time without am/pm is the one in that part: ``saturday evening 7`` and ``evening 7:30`` are
  19:00 and 19:30, ``afternoon 3`` is 15:00. A night runs on past midnight until the morning
  (04:00): ``saturday night 1am`` is Sunday 01:00, and :attr:`Phrase.note` says that date, for the
  answer to show (an am/pm written there wins over the evening the night began in).
* A numeric date may be written ``12/04``, ``12.04.26`` or ``12-04-2026``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.errors import UserError
from bot.text import plural, quote_input

DATE_ORDERS = ("dmy", "mdy")
RECENT_PAST = timedelta(days=60)

WEEKDAYS = {
    name: index
    for index, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
DAY_WORDS = ("today", "tonight", "tomorrow", "yesterday")
# Shorthand and the usual misspellings of the day words, read as the word they stand for.
DAY_WORD_SPELLINGS = {
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "tomo": "tomorrow", "tomorow": "tomorrow",
    "tommorow": "tomorrow", "tommorrow": "tomorrow", "tomorrrow": "tomorrow", "tonite": "tonight",
    "tonigth": "tonight", "2nite": "tonight", "tday": "today", "tdy": "today",
}  # fmt: skip
# A part of the day says roughly when, never the time: alone it is asked for one (with this example),
# beside a time it must agree with it (hours from, to: "saturday evening 7pm", not "saturday morning 7pm").
PARTS_OF_DAY = {
    "morning": (4, 12, "9am"),
    "afternoon": (12, 18, "3pm"),
    "evening": (16, 24, "7pm"),
    "night": (18, 24, "9pm"),
}
FILLERS = frozenset({"at", "on", "the", "of", "@", "uhr"})  # "Saturday @ 8pm", German "20:00 Uhr"
WORDS = frozenset(
    {*WEEKDAYS, *MONTHS, *DAY_WORDS, *DAY_WORD_SPELLINGS, *PARTS_OF_DAY, *FILLERS}
    | {"next", "this", "week", "noon", "midnight", "am", "pm"}
)

TIME_24 = re.compile(r"^(\d{1,2})[:.](\d{2})$")
TIME_12 = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(am|pm)$")
_DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|\.)?$")  # "12th Dec", German "12. Dez"
_YEAR = re.compile(r"^\d{4}$")
_NUMERIC_DATE = re.compile(
    # "25.12." with its closing stop is a date as German and Scandinavian members write it ("20.30" is a time).
    r"^(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?$|^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?$|^(\d{1,2})-(\d{1,2})-(\d{4})$"
)
_BARE_NUMBER = re.compile(r"^\d{1,2}$")
# "20h", "20h30": the 24-hour clock as French, Portuguese and many European members write it.
TIME_H = re.compile(r"^(\d{1,2})h(\d{2})?$|^(\d{1,2})[:.](\d{2})h$")  # "20:00h" too
_HHMM = re.compile(r"^([01]?\d|2[0-3])([0-5]\d)$")  # "1900": a time of day written without its colon


class Ambiguous(UserError):
    """A numeric date that reads two ways while the server has no date order."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """What a phrase said: a day (or None for "the next time this clock comes round") and a time."""

    day: date | None
    clock: time
    rolls_a_week: bool = False  # a plain weekday whose time has passed today means next week's
    note: str = ""  # what the answer should say of how it was read ("1am after Saturday night" is Sunday)


def words_of(text: str) -> list[str]:
    """Lower case, commas and fillers gone, "7 pm" / "7 p.m." joined into one word."""
    text = text.lower().replace(",", " ").replace("a.m.", "am").replace("p.m.", "pm")
    text = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", text)
    # "Saturday 8pm!": a sentence's closing mark is no part of the time.
    words = [word.rstrip(".") if word[:1].isalpha() else word for word in text.rstrip("!?").split()]
    words = [DAY_WORD_SPELLINGS.get(word, word) for word in words]
    # "this saturday" is the coming Saturday, as "saturday" alone; "this" before anything else stays, unread.
    words = [
        word
        for k, word in enumerate(words)
        if not (word == "this" and k + 1 < len(words) and (words[k + 1] in WEEKDAYS or words[k + 1] in PARTS_OF_DAY))
    ]
    return [word for word in words if word and word not in FILLERS]


def is_clock(word: str) -> bool:
    return word in ("noon", "midnight") or bool(TIME_24.match(word) or TIME_12.match(word))


def parse_clock(word: str) -> time:
    if word == "noon":
        return time(12, 0)
    if word == "midnight":
        return time(0, 0)
    if match := TIME_24.match(word):
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise UserError(
                f"I can't read {quote_input(word)} as a time of day: hours go up to 23 and minutes up to 59."
            )
        return time(hour, minute)
    if match := TIME_12.match(word):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise UserError(f"I can't read {quote_input(word)} as a time of day: with am/pm, hours go from 1 to 12.")
        return time(hour % 12 + (12 if match.group(3) == "pm" else 0), minute)
    raise UserError(f"I can't read {quote_input(word)} as a time of day.")


def show_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def make_date(year: int, month: int, day: int, written: str) -> date:
    """The date, or a refusal naming the day the month lacks (every way a date is written reads it here)."""
    if not 1 <= month <= 12:
        raise UserError(f"{quote_input(written)} is not a date: months go from 1 to 12.")
    try:
        return date(year, month, day)
    except ValueError:
        raise UserError(f"{quote_input(written)} is not a date: that month has no day {day}.") from None


def _full_year(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)


def _with_year(month: int, day: int, year: int | None, today: date, written: str) -> date:
    """The year given, else this year's date, else (passed more than 60 days ago) next year's."""
    if year is not None:
        return make_date(year, month, day, written)
    if (month, day) == (2, 29):
        leap = next(y for y in range(today.year, today.year + 8) if y % 4 == 0 and (y % 100 or y % 400 == 0))
        return _with_year(month, day, leap, today, written)
    this_year = make_date(today.year, month, day, written)
    if today - this_year > RECENT_PAST:
        return make_date(today.year + 1, month, day, written)
    return this_year


def _numeric_date(word: str, today: date, date_order: str | None) -> date:
    match = _NUMERIC_DATE.match(word)
    assert match is not None
    groups = match.groups()
    start = next(k for k in (0, 3, 6) if groups[k] is not None)  # "12/04[/26]", "12.04.26" or "12-04-2026"
    first, second, year_text = groups[start : start + 3]
    a, b, year = int(first), int(second), _full_year(year_text)
    readings: dict[str, date] = {}
    for order, (day, month) in (("dmy", (a, b)), ("mdy", (b, a))):
        if 1 <= month <= 12 and 1 <= day <= 31:
            try:
                readings[order] = _with_year(month, day, year, today, word)
            except UserError:
                continue
    if not readings:
        raise UserError(f"{quote_input(word)} is not a date in either day/month or month/day order.")
    if date_order is not None:
        if date_order not in readings:
            other = "day/month" if date_order == "mdy" else "month/day"
            raise UserError(
                f"{quote_input(word)} is only a date in {other} order, but this server writes dates "
                f"{'month/day' if date_order == 'mdy' else 'day/month'}. Write the month as a word, e.g. `4 Dec`."
            )
        return readings[date_order]
    distinct = set(readings.values())
    if len(distinct) == 1:
        return distinct.pop()
    dmy, mdy = readings["dmy"], readings["mdy"]
    raise Ambiguous(
        f"`{word}` could be {show_date(dmy)} (day/month) or {show_date(mdy)} (month/day). "
        "Write the month as a word (e.g. `4 Dec 19:00`), or ask an admin to pick how this server writes "
        "dates with `/config set date_order:` (day/month or month/day)."
    )


def _month_date(words: list[str], today: date) -> tuple[date | None, list[str]]:
    """Take "Dec 4 [2026]" or "4[th] December [2026]" out of the words."""
    months = [i for i, word in enumerate(words) if word in MONTHS]
    if not months:
        return None, words
    if len(months) > 1:
        raise _two_of("months")
    i = months[0]
    month = MONTHS[words[i]]
    if i + 1 < len(words) and _DAY_NUMBER.match(words[i + 1]):
        used = [i, i + 1]
        day = int(_DAY_NUMBER.match(words[i + 1]).group(1))  # type: ignore[union-attr]
        after = i + 2
    elif i > 0 and _DAY_NUMBER.match(words[i - 1]):
        used = [i - 1, i]
        day = int(_DAY_NUMBER.match(words[i - 1]).group(1))  # type: ignore[union-attr]
        after = i + 1
    else:
        raise UserError(f"Which day of {words[i].title()}? E.g. `{words[i].title()[:3]} 4 19:00`.")
    year = None
    if after < len(words) and _YEAR.match(words[after]):
        year = int(words[after])
        used.append(after)
    written = " ".join(words[k] for k in used)
    rest = [word for k, word in enumerate(words) if k not in used]
    return _with_year(month, day, year, today, written), rest


_ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def _next_day_numbered(day: int, today: date, written: str) -> date:
    """The day of this month numbered ``day`` ("the 12th"), or of the next month when it has passed."""
    if not 1 <= day <= 31:
        raise UserError(f"{quote_input(written)} is not a day of a month: they go from 1 to 31.")
    year, month = today.year, today.month
    for _ in range(3):  # the 31st: the next month that has one
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= today:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise UserError(f"{quote_input(written)} is not a day of a month: they go from 1 to 31.")


def _h_clock(word: str) -> str:
    """ "20h" / "20h30" as "20:00" / "20:30"; any other word as it is."""
    match = TIME_H.match(word)
    if match is None:
        return word
    hour, minute = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    clock = f"{hour}:{minute or '00'}"
    if int(hour) > 23 or int(minute or 0) > 59:  # refused as typed, not as read
        raise UserError(f"I can't read {quote_input(word)} as a time of day: hours go up to 23 and minutes up to 59.")
    return clock


def _hours_or_clock(word: str, hours: int) -> UserError:
    """ "20h" alone: a time of day (20:00) or a number of hours from now; the member says which."""
    clock = f"{hours:02d}:00" if hours <= 23 else None
    fixes = ([f"`{clock}` for the time of day"] if clock else []) + [
        f"`in {word}` for {plural(hours, 'hour')} from now"
    ]
    return UserError(f"{quote_input(word)} could be a time of day or hours from now: write {' or '.join(fixes)}.")


def _bare_number(word: str) -> UserError:
    """A lone number: "7" could be 07:00 or 19:00; "19" can only be 19:00 (there is no "19pm")."""
    if not 1 <= int(word) <= 12:
        return UserError(f"Add the minutes to {quote_input(word)}: write {quote_input(word + ':00')}.")
    return UserError(
        f"{quote_input(word)} is ambiguous: write {quote_input(word + ':00')} or {quote_input(word + 'pm')}."
    )


def _two_of(what: str) -> UserError:
    return UserError(f"That names two {what}; give one day and one time, e.g. `sat 8pm` or `Dec 4 19:00`.")


def read_phrase(text: str, today: date, date_order: str | None) -> Phrase | None:
    """The day and time ``text`` names; None when it has no words of a day or time at all."""
    words = words_of(text)
    if not words:
        return None
    if len(words) == 1 and (alone := TIME_H.match(words[0])) and alone.group(1) and alone.group(2) is None:
        raise _hours_or_clock(words[0], int(alone.group(1)))
    words = [_h_clock(word) for word in words]
    clocks = [word for word in words if is_clock(word)]
    if len(clocks) > 1:
        raise _two_of("times")
    rest = [word for word in words if not is_clock(word)]
    explicit, rest = _month_date(rest, today)
    numeric = [word for word in rest if _NUMERIC_DATE.match(word)]
    if numeric:
        if explicit is not None or len(numeric) > 1:
            raise _two_of("dates")
        explicit = _numeric_date(numeric[0], today, date_order)
        rest = [word for word in rest if word != numeric[0]]
    ordinals = [word for word in rest if _ORDINAL_DAY.match(word)]
    if ordinals and explicit is None and len(ordinals) == 1:  # "on the 12th at 8pm": this month's, else the next
        explicit = _next_day_numbered(int(_ORDINAL_DAY.match(ordinals[0]).group(1)), today, ordinals[0])  # type: ignore[union-attr]
        rest = [word for word in rest if word != ordinals[0]]
    parts = [word for word in rest if word in PARTS_OF_DAY]
    if len(parts) > 1:
        return None
    rest = [word for word in rest if word not in PARTS_OF_DAY]
    day_words = [word for word in rest if word in DAY_WORDS]
    weekdays = [word for word in rest if word in WEEKDAYS]
    nxt, week = rest.count("next"), rest.count("week")
    leftovers = [
        word for word in rest if word not in DAY_WORDS and word not in WEEKDAYS and word not in ("next", "week")
    ]
    if parts and not clocks and len(leftovers) == 1 and _BARE_NUMBER.match(leftovers[0]):
        # "saturday evening 7": the part of the day says which 7 (read as "7:00", then placed in the part).
        clocks, leftovers = [leftovers[0]], []
    if leftovers:
        if not clocks and _BARE_NUMBER.match(leftovers[0]) and int(leftovers[0]) <= 23:
            raise _bare_number(leftovers[0])
        if not clocks and len(leftovers) == 1 and (hhmm := _HHMM.match(leftovers[0])):
            written = f"{int(hhmm.group(1)):02d}:{hhmm.group(2)}"
            raise UserError(f"Write the time {quote_input(leftovers[0])} with a colon: {quote_input(written)}.")
        return None
    if len(day_words) + len(weekdays) > 1 or nxt > 1 or week > 1 or (week and not nxt):
        return None
    if day_words and (explicit is not None or nxt):
        return None
    if not clocks:
        if parts:
            raise _part_needs_a_time(text, parts[0])
        if explicit is None and not day_words and not weekdays and not nxt:
            return None
        if day_words == ["yesterday"] or (explicit is not None and explicit < today):
            # Asking for its time would only lead to "that is in the past".
            raise UserError(
                f"{quote_input(text)} is in the past; give a day still ahead and a time, e.g. `tomorrow 19:00`."
            )
        raise UserError(f"Add a time of day, e.g. {quote_input(text.strip() + ' 19:00')}.")
    clock_word = clocks[0]
    clock = parse_clock(f"{clock_word}:00" if _BARE_NUMBER.match(clock_word) else clock_word)
    after_midnight = False
    if parts:
        clock, after_midnight = _in_part(clock, clock_word, parts[0])
    if clock_word == "midnight" and (explicit is not None or weekdays or nxt or day_words not in ([], ["tonight"])):
        raise UserError("`midnight` next to a day can be read two ways: write `00:00` or `23:59` with the day.")
    if day_words == ["tonight"] and clock_word != "midnight" and clock.hour < _MORNING_STARTS:
        after_midnight = True  # "tonight 1am": tonight runs on until the morning, as "friday night 1am" does
    if day_words:
        phrase = _day_word(day_words[0], clock, clock_word, today, small_hours=after_midnight)
    elif weekdays:
        phrase = _weekday(WEEKDAYS[weekdays[0]], explicit, clock, today, next_=bool(nxt), next_week=bool(week))
    elif nxt:
        raise UserError("Say which day of next week, e.g. `next week friday 19:00`.")
    else:
        phrase = Phrase(explicit, clock)
    if not after_midnight or phrase.day is None:
        return phrase
    night, day = phrase.day, phrase.day + timedelta(days=1)
    note = f"{clock_word} after {night:%A} night is after midnight, so on {show_date(day)}."
    return Phrase(day, clock, phrase.rolls_a_week, note)


_MORNING_STARTS = PARTS_OF_DAY["morning"][0]


def _in_part(clock: time, clock_word: str, part: str) -> tuple[time, bool]:
    """``clock`` placed in the part of the day beside it, and whether it falls after midnight (the night's
    small hours, the next day's); refused when it lies in no reading of that part."""
    start, end, _ = PARTS_OF_DAY[part]
    if start <= clock.hour < end:
        return clock, False
    if not TIME_12.match(clock_word) and 1 <= clock.hour <= 11 and start <= clock.hour + 12 < end:
        return clock.replace(hour=clock.hour + 12), False  # "evening 7", "evening 7:30": no am/pm, so the evening's
    if part == "night" and clock.hour < _MORNING_STARTS:
        return clock, True  # "saturday night 1am": the night goes on until the morning
    raise UserError(f"{quote_input(clock_word)} is not in the {part}; give the time alone, e.g. `sat 8pm`.")


def _part_needs_a_time(text: str, part: str) -> UserError:
    """ "saturday evening": asked for the time, with the phrase as typed and a time of that part instead."""
    example = " ".join(re.sub(rf"(?i)\b(?:this\s+)?{part}\b", " ", text).split())
    shown = f"{example} {PARTS_OF_DAY[part][2]}".strip()
    return UserError(f"Add a time of day to {quote_input(text.strip(), 60)}, e.g. `{shown}`.")


def _day_word(word: str, clock: time, clock_word: str, today: date, *, small_hours: bool = False) -> Phrase:
    """The day a day word names; ``small_hours``: the clock is after the night's midnight, and the caller
    moves it to the next day (and says so), so "tonight" is today here."""
    if word == "tonight":
        if clock_word == "midnight":
            return Phrase(today + timedelta(days=1), clock)
        if clock.hour < 12 and not small_hours:
            raise UserError(
                "`tonight` means this evening and the night after it: write an evening time such as "
                "`tonight 8pm`, or one before 4am such as `tonight 1am`."
            )
        return Phrase(today, clock)
    offset = {"today": 0, "tomorrow": 1, "yesterday": -1}[word]
    return Phrase(today + timedelta(days=offset), clock)


def _weekday(weekday: int, explicit: date | None, clock: time, today: date, *, next_: bool, next_week: bool) -> Phrase:
    names = [name for name, index in WEEKDAYS.items() if index == weekday]
    if explicit is not None:
        if next_ or explicit.weekday() != weekday:
            raise UserError(f"{show_date(explicit)} is a {explicit:%A}, not a {names[0].title()}.")
        return Phrase(explicit, clock)
    if next_week:
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return Phrase(monday + timedelta(days=weekday), clock)
    ahead = (weekday - today.weekday()) % 7
    if next_:
        return Phrase(today + timedelta(days=ahead or 7), clock)
    return Phrase(today + timedelta(days=ahead), clock, rolls_a_week=ahead == 0)
