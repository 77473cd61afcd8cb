"""Sexism told by who the place is kept for and by what a woman is said to be made of (fiftieth
session, sexism50; /work/scratch/s50/docs/sexism50.md).

The blind sets' sexism misses fired no rule at all: a woman sent to the radio while "the lads" ride
the pump, the nets given to "the girls" after dark because the lads need the pitch, "male voices only"
at the altar, "women in the engine room are bad luck", "girls wash out in week two", "it's just
biology". Two compositions of words anywhere in a paragraph: a woman (a pronoun, a word for her, or
how she is addressed) x the men the place is kept for (the lads, a man's craft, male voices) x a
lesser post or a reason from her nature (on the radio, the teas, a distraction, biology); and women
or girls in general x a claim about their nature (bad luck, washes out, what they were made for).
Each warn case is new, written for the test, and failed before its rule; each twin uses the same
words where nobody is belittled (a woman praised as a natural, "love" said over a counter, a women's
side playing while the lads watch) and stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # moved off the scaffold for the lads, with biology as the reason
        "The new site manager took one look at Jodie's certificates and put her in the portakabin doing the "
        "timesheets. \"The lads move faster without a lass on the scaffold, pet. It's just biology, you'll tire.\"",
        # the planes kept for the men, the woman sent to the radio
        "Aunt Ruth had flown crop-dusters for a decade when the new airfield owner told her the planes were for "
        'the men now. "You\'ll want to be on the radio, dear. Keep the coffee going for the boys."',
        # the whole team is men, and she would be a distraction
        'The board gave the consultant post to Dr Hale in the end. "The surgical team are all men, they need a '
        'firm hand," the chair told Dr Osei as she packed up her notes, "and frankly you\'d be a distraction in '
        'theatre."',
        # a woman on the rig is bad luck
        '"A woman on the rig is bad luck," said the tool pusher, and the rest of the crew nodded. Kerry had been '
        "the best welder in the yard for six years.",
        # every girl washes out, said over her head
        '"Every girl who tries the advanced class washes out by spring," the sensei said to her father, loud '
        'enough for her to hear. "They haven\'t got the temperament for it."',
        # girls in general, and biology as the reason they are all sent to childcare
        "Girls are wired differently, the careers adviser told the Year Elevens. It's just biology: they want to "
        "look after people, so he put every one of them down for childcare placements.",
    ],
)
def test_a_woman_kept_from_the_work_warns(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a woman in charge, praised as a natural by the lads
        "The lads on Red Watch reckon Sergeant Bell is a natural; she can run a pump better than any man on "
        "the station, and the chief says so every shift.",
        # "love" over a counter, and the lads' table
        "Ta, love, said Dave to the woman behind the counter, and carried the trays across to the lads' table, "
        "where the under-twelves were arguing about penalties.",
        # a women's side simply playing while the men watch
        "The girls' first eleven had the pitch all Saturday while the lads came down to watch, and when Priya "
        "took her fifth wicket the men's captain stood up and clapped.",
        # the men praise her tea
        "My gran ran the pit canteen for thirty years, and the men said she made the best tea in the county; "
        "when she retired the whole shift came to her do.",
        # a girl who is a natural, and her family's nature
        "Our Shona's a natural on the fells. She leaves the boys behind every Sunday, and her dad says it's "
        "nature: his mother was the same.",
    ],
)
def test_twins_stay_clean(text: str) -> None:
    assert "sexism" not in ids(text)
