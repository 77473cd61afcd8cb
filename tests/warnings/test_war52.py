"""Collective violence told without a war word the old rules knew, and kidnapping told by its
situation; each a `near` composition of word groups in one paragraph (fifty-second session, war52;
docs/warnings-eval.md, "Fifty-second session").

Collective violence: a gun or shooting beside a crowded place (a club, a concert, a school) and the
crowd's panic or its dead and vigils; a blast beside a crowded place and its aftermath (ringing ears,
a shoe, the dust); a mob with iron bars, petrol or torches beside a people's street or broken shop
windows; a drone or airstrike beside a wedding, funeral or market and the dead; a melee of spears, pikes
and a breaking line beside blood and the fallen; a veteran thrown back to a named war by a backfire or
fireworks; a town under siege told by rations, the stove and the corridor away from the windows; a name on
a memorial or a telegram beside a son or brother and his unit; an internment or resettlement order beside
the lists and the families; the Partition trains; a sailing ship's action (grapeshot, the quarterdeck); the
whistle and the trench; and the dead counted in a village after the killers left.

Kidnapping: a ransom call in a scrambled voice; a hood or a bag over the head beside a van, zip ties or
tape and being moved; "where are you taking me" or "who are you people" beside restraint or locked car
doors; the days counted beside the cot, the bucket and the bare bulb; a child gone from a swing or a park
beside a strange car or a last sighting; a new name and a dead or vanished parent; a committal signed and
two men who come in the night.

Every text is new and written for the test; each warning case failed before its change. Each twin uses the
same words where nothing collective or no captivity happens (a photo shoot in a club, a phone going off in
a station, a camera drone over a car park, rugby forwards in the mud, a bakery under siege from customers,
a school history project at the memorial, a school trip's one suitcase each, a museum ship, a lifeguard's
whistle, dead flies counted; a friend "kidnapped" for coffee, a coat hood and a band's van, a laugh at
"where are you taking me", a detox's bucket and bulb, a child who jumped off the swing to chase the dog, a
new name taken at transition, a new car delivered by two men, a hostage to fortune) and stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Somebody had brought a rifle into the club on the Saturday. Over the bass nobody heard the first"
        " of it, and then everyone was screaming, and the dance floor emptied toward the fire exit.",
        "The explosion at the market came just after ten. Afterwards I remember the ringing in my ears"
        " and a man sitting in the dust holding one small shoe.",
        "The mob came up the lane at dusk with iron bars and cans of petrol, and by nightfall every"
        " window on the Jewish street was broken and the tailor's shop was burning.",
        "The drone came over the wedding in the afternoon. When the dust settled half the guests were"
        " gone, and the family buried what they could find before dark.",
        "The spears met at the ford. By noon the water ran with blood, and the dead lay three deep where"
        " the horsemen had come down the slope.",
        "Every time a car backfires in the supermarket car park, Marcus is flat on the tarmac, back on"
        " the convoy road outside Kandahar, shaking so hard his keys rattle.",
        "The town has been besieged since the autumn. Mama burned the last chairs in the stove, the"
        " bakery queue is longer every morning, and my brother and I sleep in the corridor away from the"
        " windows.",
        "Her brother's name is on the memorial in the square, one of thirty-one from the valley. He went"
        " out with the battalion in the spring and did not come home.",
        "The relocation order came in April. One suitcase each. Soldiers took the names of every family"
        " on the street, and my grandmother left the orchard with the gate still open.",
        "Partition, 1947. When the train from Lahore came in, the station went silent: nobody got off,"
        " and the smell came out of the carriages before anyone opened the doors.",
        "Grapeshot swept the quarterdeck and half the crew were down before the smoke cleared; the"
        " surgeon had the wounded on the mess tables by dusk.",
        "The whistle blew at dawn and we climbed out of the trench into the wire. The men either side of"
        " me went down before I had gone ten yards.",
        "When the lorries had gone, we came down from the hills and counted them in the village square,"
        " whole families, the bodies laid out against the school wall.",
    ],
)
def test_situations_of_war_massacre_and_terror_warn_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The photo shoot at the nightclub ran late and the dance floor was packed with models screaming"
        " at the photographer to hurry up.",
        "The phone went off in the middle of the station concourse and the whole queue laughed; I nearly"
        " dropped my coffee and my ears went red.",
        "The film crew set up on the Jewish street to shoot the scene with iron bars made of foam, and"
        " the extras broke for lunch at noon.",
        "The wedding photographer flew a camera drone over the funeral home car park by mistake and the"
        " family laughed about it at the wake.",
        "The rugby forwards went down in the mud, the referee blew up for a scrum, and the men in the"
        " stands screamed at him.",
        "Every time a car backfires outside, the dog is flat under the kitchen table, shaking, until the"
        " neighbour's war film finishes on the telly.",
        "The bakery was under siege from customers all morning. Mum stayed in the corridor with the"
        " candles and the stove for the Christmas orders, and my brother counted the days to the holidays.",
        "The war memorial in the square was cleaned for the school history project, and my brother read"
        " out the names for his regiment badge at scouts.",
        "The order came from the office in April: one suitcase each for the school trip, names on a list,"
        " and the buses leave from the station at eight.",
        "The train from Lahore came in late and the platform went silent for a moment when the"
        " announcer's microphone failed, and then everyone laughed.",
        "The model frigate on the quarterdeck of the museum ship was cleaned by the crew every spring,"
        " and the surgeon's kit is in a glass case below.",
        "On the beach the lifeguard's whistle went, and the boys playing the enemy in the sandcastle game"
        " fell over laughing into the waves.",
        "We counted the dead flies on the windowsill of the village hall after the holidays: forty of"
        " them, and the caretaker swept them up.",
    ],
)
def test_shoots_sieges_of_customers_memorial_projects_and_games_stay_clean(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "'Your daughter is alive,' said the voice, run through a scrambler. 'Five hundred thousand, and"
        " she comes home.'",
        "They moved him again that night with the hood on, two men and a truck, and the cable ties cut"
        " into his wrists on every bend.",
        "'Who are you people?' The child locks clicked as the car pulled away from the school gate, and"
        " the man in the passenger seat did not turn round.",
        "Day thirty, she thinks. Maybe thirty-one. The bare bulb never goes off, and the bucket in the"
        " corner is emptied only when they remember.",
        "She was on the swing and then she was not. A neighbour remembered a silver car idling by the"
        " park gate, and by evening the police had her photograph.",
        "The man who took him cut his hair short in a lay-by and gave him a new name. Your mum is dead,"
        " he said, and nobody can know where you came from.",
        "Her husband signed the committal papers, and two men came for her in the night with a closed carriage.",
    ],
)
def test_calls_hoods_locked_rooms_and_taken_children_warn_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "My best friend kidnapped me for coffee on Saturday and we drove to the coast with the windows down.",
        "She pulled the hood of her coat over her head, climbed into the back of the van with the band's"
        " drums, and they drove to the gig through the rain.",
        "'Where are you taking me?' she laughed as he led her through the restaurant to the table by the window.",
        "Day three of the detox and he was on the bathroom floor, a bucket beside him and the bare bulb too bright.",
        "She was on the swing and then she was not: she had jumped off to chase the dog, and the police"
        " officer at the park gate laughed.",
        "She took a new name when she transitioned, and her mum is meeting us for lunch to celebrate.",
        "Grandad signed the papers for the new car and two men came with it on a trailer in the morning.",
        "He is a hostage to fortune now, having promised the whole department a pay rise.",
    ],
)
def test_coffee_kidnaps_coat_hoods_detox_and_new_names_stay_clean(text: str) -> None:
    assert "kidnapping" not in ids(text)
