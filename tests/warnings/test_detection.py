"""Detection features on short texts: each one with a text that must fire and one that must not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import (
    EVIDENCE_CHARS,
    FRAME_CHARS,
    PIECE_CHARS,
    WINDOW_CHARS,
    ScanReport,
    _window_score,
    scan,
    scan_pieces,
    snippet,
)
from bot.warnings.matcher import Matcher, frame_rules
from bot.warnings.model import Rule, Ruleset
from bot.warnings.rules import default_ruleset


def detect(*paragraphs: str, scenes: list[list[str]] | None = None) -> ScanReport:
    chapter = Chapter(1, None, [Scene(p) for p in scenes] if scenes else [Scene(list(paragraphs))])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared())


def ids(*paragraphs: str) -> set[str]:
    return detect(*paragraphs).detected_ids()


def test_inflected_forms_are_detected() -> None:
    assert "death" in ids("Her uncle dies in the spring.")
    assert "death" in ids("The old king died before dawn.")
    assert "self-harm" in ids("She had been self-harming since the winter.")


def test_phrase_with_a_gap() -> None:
    assert "miscarriage" in ids("In March she lost their first baby.")
    assert "miscarriage" not in ids("She lost her keys, and the baby laughed at the dog.")


def test_co_occurrence_needs_every_part_in_one_paragraph() -> None:
    together = "At the ultrasound the doctor searched and searched; there was no heartbeat at all."
    assert "miscarriage" in ids(together)
    # Two short neighbours are read together too (bot.warnings.across, scene53): a long paragraph between keeps them apart.
    between = "They drove home the long way round, past the reservoir and the farm shop, and nobody talked much. " * 3
    apart = ids(
        "At the ultrasound the doctor smiled.", between, "Later that week there was no heartbeat in the old song."
    )
    assert "miscarriage" not in apart


def test_idioms_and_figurative_uses_are_excluded() -> None:
    for text in (
        "I'm dying to see that film.",
        "You're going to kill it on stage tonight.",
        "You killed it!",
        "We had blood orange juice with breakfast.",
        "The coach called a suicide squeeze.",
        "She shot a photo of the bridge.",
        "These shoes are killing me.",
    ):
        assert ids(text) == set(), text


def test_negation_cancels_a_hit_but_not_a_later_one() -> None:
    assert ids("Nobody died.") == set()
    assert ids("No one got hurt and nobody was killed.") == set()
    assert ids("He did not die that night.") == set()
    assert ids("She was afraid he might die before morning.") == set()  # a fear, not a death
    assert "death" in ids("Nobody died at first. Then the soldier died in the snow.")
    assert "death" in ids("No, he died in the morning.")


def test_thresholds_one_blood_is_not_blood_gore() -> None:
    assert "blood-gore" not in ids("There was a spot of blood on the tissue.")
    assert "blood-gore" in ids("Blood poured from the wound and pooled on the floor.")
    two_signs = ["A little blood on her sleeve.", "His knuckles were split and bleeding.", "More blood on the door."]
    assert "blood-gore" in ids(*two_signs)  # different signs add up across paragraphs
    three = ["A little blood on her sleeve.", "More blood on the door.", "Blood on the stairs again."]
    report = detect(*three)  # one sign said again is the same evidence: an admin decides
    assert "blood-gore" not in report.detected_ids() and "blood-gore" in report.detected_ids("possible")


def test_hits_add_up_within_a_scene_not_across_a_whole_chapter() -> None:
    filler = "The kettle clicked off and they talked about the weather for a while. " * 12
    near = ["A little blood on her sleeve.", "His knuckles were split and bleeding.", "More blood on the door."]
    far = [near[0], *[filler] * 4, near[1], *[filler] * 4, near[2]]
    assert "blood-gore" in ids(*near)
    report = detect(*far)
    assert "blood-gore" not in report.detected_ids() and "blood-gore" in report.detected_ids("possible")


def test_a_sign_of_play_silences_its_category_only_nearby_in_its_scene() -> None:
    """A game's "you died" is nobody's death; a real one a few pages on, or in the next scene, still is."""
    rules = default_ruleset()
    frames = dict(rules.categories)
    frames["death"] = replace(frames["death"], frames=(r"\brespawn\w*",))
    framed = Ruleset(rules.taxonomy, rules.rules, frames, rules.negation)

    def found(scenes: list[list[str]]) -> set[str]:
        chapter = Chapter(1, None, [Scene(p) for p in scenes])
        return scan(Story(StoryMeta("t"), [chapter], "txt"), framed, declared=Declared()).detected_ids("both")

    death = "The old soldier died in the snow, and they buried him at dawn."
    game = "She respawned at the bonfire for the fortieth time."
    filler = "They talked about the weather for a while and then made tea. " * 4
    assert "death" in found([[death]])
    assert "death" not in found([[game, death]])
    assert "death" not in found([[death, filler, game]])  # within FRAME_CHARS, either side
    far = [game, *[filler] * (FRAME_CHARS // len(filler) + 2), death]
    assert "death" in found([far])
    assert "death" in found([[game], [death]])  # another scene


def test_a_sign_several_categories_share_is_one_set_entry_and_silences_each_of_them() -> None:
    """The same sign listed by two categories is compiled once and still silences both, and only
    the categories that list it: a sign in death's and grief's frames leaves violence alone."""
    rules = default_ruleset()
    sign, own = r"\bwargames?\b", r"\bbonfire\b"
    categories = dict(rules.categories)
    categories["death"] = replace(categories["death"], frames=(sign, own))
    categories["grief"] = replace(categories["grief"], frames=(sign,))
    categories["violence"] = replace(categories["violence"], frames=())
    framed = Ruleset(rules.taxonomy, rules.rules, categories, rules.negation)
    frames = {rule.id: rule.parts for rule in frame_rules(framed) if rule.category in ("death", "grief")}
    assert frames == {"death/frame": (f"(?:{own})",), "death/frame-1": (sign,), "grief/frame-1": (sign,)}
    assert Matcher(framed).patterns.count(sign) == 1

    def found(text: str) -> set[str]:
        chapter = Chapter(1, None, [Scene([text])])
        return scan(Story(StoryMeta("t"), [chapter], "txt"), framed, declared=Declared()).detected_ids("both")

    scene = "He stabbed the guard, who died at her feet, and she wept at the funeral."
    assert {"death", "grief", "violence"} <= found(scene)
    played = found(f"In the wargame that night: {scene}")
    assert "death" not in played and "grief" not in played and "violence" in played


def test_each_rule_counts_once_per_paragraph() -> None:
    repeated = "Blood, blood, blood, blood everywhere in her dream."
    report = detect("A drop of blood. " * 10)
    assert "blood-gore" not in report.detected_ids()
    assert "blood-gore" in ids(repeated)  # "blood everywhere" is a stronger rule


def test_report_says_where_with_short_evidence() -> None:
    long_paragraph = "The road was long and grey. " * 20 + "Then the dog was hit by a truck and died. " + "x " * 200
    report = detect(scenes=[["A quiet start."], ["Nothing yet.", long_paragraph]])
    warning = report.get("animal-death")
    assert warning is not None and warning.source == "detected" and warning.score >= 1
    evidence = warning.evidence[0]
    assert (evidence.chapter, evidence.paragraph, evidence.scene) == (1, 3, 2)
    assert len(evidence.text) <= EVIDENCE_CHARS and "dog" in evidence.text
    assert report.chapters[0].warnings[0].scenes == [2]


def test_an_over_long_paragraph_is_read_in_pieces_and_its_evidence_names_the_paragraph() -> None:
    """A paragraph past PIECE_CHARS is read as pieces cut after a sentence: a warning deep inside
    it is found, and its evidence names the paragraph, not the piece."""
    filler = "The road was long and grey, and the rain kept on. " * (3 * PIECE_CHARS // 50)
    long_paragraph = filler + "Then the dog was hit by a truck and died. " + filler
    assert len(scan_pieces(long_paragraph)) >= 6
    report = detect(scenes=[["A quiet start.", long_paragraph], ["The next morning.", "Nothing else."]])
    warning = report.get("animal-death")
    assert warning is not None and warning.score >= 1
    evidence = warning.evidence[0]
    assert (evidence.chapter, evidence.paragraph, evidence.scene) == (1, 2, 1)
    assert "dog" in evidence.text


@given(
    st.lists(
        st.tuples(st.sampled_from(["word", "a", "sentence.", "end!", "why?", "x" * 30, "\n", "’"]), st.booleans()),
        max_size=400,
    ),
    st.integers(min_value=20, max_value=200),
)
def test_pieces_join_back_into_the_paragraph_each_within_its_size(tokens: list[tuple[str, bool]], size: int) -> None:
    paragraph = "".join(token + (" " if spaced else "") for token, spaced in tokens)
    pieces = scan_pieces(paragraph, size)
    assert "".join(pieces) == paragraph
    assert all(len(piece) <= size for piece in pieces)
    assert all(pieces) or pieces == [""]
    if len(paragraph) <= size:
        assert pieces == [paragraph]


def test_a_cut_falls_after_a_sentence_so_no_phrase_is_split() -> None:
    sentence = "She walked home past the harbour and the old stone church. "
    paragraph = sentence * 40
    pieces = scan_pieces(paragraph, 1_000)
    assert all(piece.endswith(". ") for piece in pieces[:-1])


def test_snippet_is_bounded_and_keeps_the_hit() -> None:
    text = "word " * 100 + "HIT" + " word" * 100
    start = text.index("HIT")
    piece = snippet(text, start, start + 3)
    assert "HIT" in piece and len(piece) <= EVIDENCE_CHARS
    huge = "y" * 500
    assert len(snippet(huge, 0, 500)) <= EVIDENCE_CHARS


def test_text_without_warnings_gets_none() -> None:
    assert ids("They painted the boat blue and ate sandwiches on the jetty.") == set()


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.text(min_size=0, max_size=400), min_size=1, max_size=5))
def test_scanning_arbitrary_text_never_raises_and_evidence_stays_short(paragraphs: list[str]) -> None:
    words = ["blood", "died", "nobody", "killed", "baby", "pregnant", "’", "é", "\u200d"]
    mixed = [p + " " + " ".join(words[: len(p) % len(words)]) for p in paragraphs]
    report = detect(*mixed)
    for warning in report.warnings:
        for item in warning.evidence:
            assert len(item.text) <= EVIDENCE_CHARS
            assert 1 <= item.paragraph <= len(mixed)
    assert report.to_json()["warnings"] == [w.to_json() for w in report.warnings]


@given(
    st.lists(
        st.tuples(st.integers(0, 20_000), st.sampled_from(["a", "b", "c"]), st.sampled_from([0.3, 0.5, 1.0])),
        max_size=40,
    ),
    st.integers(1, 4),
)
def test_a_window_never_scores_more_than_its_whole_chapter(raw: list[tuple[int, str, float]], cap: int) -> None:
    """The window's best is at most the chapter total, and equals it when everything fits in one window."""
    weights = {}
    fired = []
    for offset, rule_id, weight in sorted(raw):
        weight = weights.setdefault(rule_id, weight)  # one weight per rule
        fired.append((offset, Rule(rule_id, "x", "phrase", rule_id, (rule_id,), weight)))
    counts: dict[str, int] = {}
    for _, rule in fired:
        counts[rule.id] = counts.get(rule.id, 0) + 1
    total = sum(weights[rule_id] * min(count, cap) for rule_id, count in counts.items())
    best = _window_score(fired, cap, float("inf"))
    assert best <= total + 1e-9
    if fired and fired[-1][0] - fired[0][0] <= WINDOW_CHARS and len(counts) >= 2:
        assert abs(best - total) < 1e-9


WHOLE_STORY_KINDS = {
    # The kinds of story a hidden check found wanting (issue 13), in words written for this test.
    "a singer's hyperbole": (
        [
            '"I\'m going to die up there," Mara said, tuning her guitar backstage.',
            "She forgot the second verse and laughed it off, and by the encore she was grinning.",
            '"I literally died," she told her sister afterwards. "Kill me now, I sang the wrong chorus."',
        ],
        set(),
    ),
    "a battle": (
        [
            "The guns opened up at dawn. Shells fell along the line and the trench walls shook.",
            "Tom went over the top with the second wave. A man beside him was hit in the throat and went down.",
            "By noon half the company was gone, and the wounded lay in the mud calling for stretcher-bearers.",
        ],
        {"collective-violence", "violence"},
    ),
    "domestic abuse": (
        [
            "He checked her phone every night and kept her bank card in his wallet.",
            "When she came home late he grabbed her by the wrist hard enough to leave marks.",
            "In the morning he cried and said it would never happen again.",
        ],
        {"abuse", "violence"},
    ),
    "a relapse": (
        [
            "Two hundred days sober, and she poured the first glass of wine with shaking hands.",
            "By midnight the bottle was empty and she hid it behind the bins so her sponsor wouldn't see.",
        ],
        {"addiction"},
    ),
    "an assault": (
        [
            "She said no. She said it twice, and he didn't stop, and he pinned her wrists to the bed.",
            "Afterwards she sat in the shower until the water went cold. She was born in this town.",
        ],
        {"sexual-abuse"},
    ),
}


@pytest.mark.parametrize("kind", sorted(WHOLE_STORY_KINDS))
def test_the_kinds_of_story_the_issue_names(kind: str) -> None:
    paragraphs, expected = WHOLE_STORY_KINDS[kind]
    assert detect(*paragraphs).detected_ids() == expected


def test_idioms_with_an_optional_ending_do_not_swallow_the_real_thing() -> None:
    """ "was shot in (black and white)", "blood ran (cold)", "hit (playfully) in the arm" once matched without their ending."""
    assert "violence" in ids("He was shot in the chest.")
    assert "violence" in ids("Tom was hit in the shoulder and fell.")
    assert "blood-gore" in ids("Blood ran from the wound on his scalp and pooled on the floor.")
    assert ids("The film was shot in black and white.") == set()
    assert ids("My blood ran cold.") == set()
    assert ids("she punched him playfully in the arm") == set()


def test_plain_killings_and_wars_count_and_wars_on_slugs_do_not() -> None:
    """Idioms for play ("killed it", "declared war on the slugs") must not swallow the real thing."""
    assert "death" in ids("He killed that boy in the alley and left him there.")
    assert "death" in ids("They murdered this family in their beds.")
    assert "collective-violence" in ids("The civil war tore the kingdom apart.")
    assert "collective-violence" in ids("The king declared war on the north, and by spring the villages were burning.")
    # Words that mark play in some stories are ordinary in others: they are not signs of play.
    assert "death" in ids("The soldiers at the checkpoint shot him and he died in the road.")
    assert "death" in ids("Director Fury looked down at the body. 'He's dead,' the director said.")
    assert "collective-violence" in ids(
        "She was doing her homework when the sirens started and the bombs fell on the town."
    )
    for text in (
        "You killed that song, babe.",
        "mum has declared war on the slugs again",
        "the cat has declared war on the new christmas tree",
        "a passive-aggressive sticky note war with the flatmates",
    ):
        assert ids(text) == set(), text


def test_everyday_uses_of_heavy_words_do_not_count_and_the_acts_told_plainly_do() -> None:
    """Rules that were too broad (an edge by water, one's own broken wrist, "came out" of a room,
    a heifer, mourning dress, "massacred them" in a debate, garlic killed in butter, one's own
    head on a shelf) and acts told without the obvious word (a drowning by name, a burial, legs
    kicked out from under someone, a beating with a belt, claims about "a woman's" worth)."""
    for text in (
        "We sat on the edge of the pool with our feet in the water, watching the kids.",
        "I broke my wrist skateboarding last spring, so typing is slow.",
        "The soldiers in the old painting stood in neat lines across the field.",
        "She came out of the kitchen twenty minutes later and the tap was fixed.",
        "The vet checked the heifers on tuesday.",
        "The guide wore full mourning dress for the ghost tour.",
        "You absolutely murdered them in that debate.",
        "Now kill the garlic slowly in the butter.",
        "He bangs his head on the low shelf and swears.",
        "I nearly drowned in that lake when I was six.",
        "She drowned her sorrows in cheap wine.",
    ):
        assert ids(text) == set(), text
    for text, warning in (
        ("Kenji drowned in the river that summer.", "death"),
        ("We buried her in the blue dress on a wet monday.", "death"),
        ("The condemned man climbed the steps, and the trapdoor fell open.", "death"),
        ("One of the guards kicked her legs out from under her.", "violence"),
        ("They beat him with a belt in front of the whole class.", "violence"),
        ("He stood on the edge of the roof and looked at the drop below.", "suicide"),
        ("In that house a woman's opinion was worth nothing, her father said.", "sexism"),
        ("The new law said no woman may hold land in her own name.", "sexism"),
    ):
        assert warning in ids(text), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 400), st.booleans(), st.booleans()), min_size=1, max_size=60),
    st.integers(1, 5),
)
def test_hits_near_a_sign_of_play_are_the_ones_any_sign_is_near(
    paragraphs: list[tuple[int, bool, bool]], scene_every: int
) -> None:
    """``_outside_frames`` looks only at the nearest sign on each side of a hit; that drops
    exactly the hits some sign of the same scene is within FRAME_CHARS of, and those of a scene
    with signs in SCENE_FRAME_SIGNS paragraphs (``_played_scenes``)."""
    from bot.warnings.engine import FRAME_CHARS, SCENE_FRAME_SIGNS, _Chapter, _outside_frames, _played_scenes

    lengths = [length * 7 for length, _, _ in paragraphs]  # up to 2,800 characters a paragraph
    offsets = [sum(lengths[:i]) + i for i in range(len(lengths))]
    scenes = [1 + i // scene_every for i in range(len(lengths))]
    chapter = _Chapter(1, ["x" * n for n in lengths], offsets, scenes, None, list(range(1, len(lengths) + 1)))  # type: ignore[arg-type]
    rule = Rule("violence/x", "violence", "phrase", "x", ("x",), 1.0)
    found = [(i, rule) for i, (_, hit, _) in enumerate(paragraphs) if hit]
    signs = [i for i, (_, _, sign) in enumerate(paragraphs) if sign]
    expected = [
        (index, r)
        for index, r in found
        if not any(scenes[s] == scenes[index] and abs(offsets[s] - offsets[index]) <= FRAME_CHARS for s in signs)
        and sum(scenes[s] == scenes[index] for s in signs) < SCENE_FRAME_SIGNS
    ]
    assert _outside_frames(chapter, found, signs, _played_scenes(chapter, signs)) == expected


def test_everyday_fan_fiction_of_the_seventeenth_set_gets_no_warning_and_the_real_thing_still_does() -> None:
    """Classes of false alarm found by ``fanfic-benign17.jsonl``, each written here in new words:
    a player who dies again and again or a party game's forfeit, a game night or a playthrough
    near a kill, a ball or a serve that hits a head, a pan thrown into the sink, an oath before a
    thought ("fuck, you think"), whipped cream near a child, a name that is also a bird before a
    relative ("Wren's father"), a team groaning like a dying animal, a practice match "slaughter".
    Beside each, the act told plainly still counts."""
    for text in (
        "he dies to the same camper like six times in one night and rage-quits at 2am.",
        "i've been killed first three times running in the werewolf game and i'm innocent!!",
        "Whoever gets killed first buys the pizza, Mina said, and dealt the cards.",
        "It's games night. Dev plays the assassin and wipes us all out by the third round. 'I kill him,' he says, pointing at me.",
        "The spike caught Daichi right in the face and the whole gym went quiet before he laughed.",
        "She chucked the frying pan into the sink and turned the tap on full.",
        '"Fuck," you think, reading the email twice. "Fuck, fuck, fuck."',
        "He topped his daughter's sundae with whipped cream and her mum stole the cherry.",
        "The whole squad howled like a wounded animal when coach said ten more laps.",
    ):
        assert ids(text) == set(), text
    for text, warning in (
        ("He was killed in the crash, and his sister died two days later in the hospital.", "death"),
        ("He punched her in the face and she fell against the stove.", "violence"),
        ("'Fuck you,' he snarled at her, 'you worthless bitch.'", "abusive-language"),
        ("The fox's mother was killed on the road, and the cubs starved in the den.", "animal-death"),
        ("Her father whipped the boy with his belt whenever he was late home from school.", "child-abuse"),
    ):
        assert warning in ids(text), text
    for text in ("Lark's grandad died the winter she turned nine.", "Raven's father passed away before the war."):
        assert "animal-death" not in detect(text).detected_ids("both"), text


def test_hate_crime_alone_names_no_group_so_it_is_only_possible_racism() -> None:
    """Said of a spreadsheet, "a hate crime" is hyperbole, and a real one may be against gay or
    religious people: alone it is for an admin to confirm. With racism named it is confident."""
    report = detect('"This is a hate crime," she says, holding up the pineapple pizza.')
    assert "racism" not in report.detected_ids() and "racism" in report.detected_ids("possible")
    assert "racism" in ids("Police are treating the racist attack on the shop as a hate crime.")
