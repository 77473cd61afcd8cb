-- Books without a file, and the club picking its next read.

-- A story the club reads elsewhere (a published novel): its chapters exist as rows (so progress,
-- discussions, reminders and preferences work) but hold no text. 1 = imported from a file.
ALTER TABLE stories ADD COLUMN has_text INTEGER NOT NULL DEFAULT 1 CHECK (has_text IN (0, 1));

-- A round of nominations per server: 'open' collects nominations, 'voting' has a native poll
-- running in the club channel, 'ended' has the poll's results (announcement pending) and
-- 'announced' is done. A server has at most one open and one voting-or-ended round.
CREATE TABLE nomination_rounds (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'voting', 'ended', 'announced')),
    opened_at       REAL NOT NULL,
    -- The poll: where it was posted, who started it, when Discord ends it.
    channel_id      INTEGER,
    message_id      INTEGER,
    started_by      INTEGER,
    ends_at         REAL,
    -- The results as Discord finalized them: JSON {"answer_id": votes, ...}.
    results         TEXT,
    ended_at        REAL,
    announcement_id INTEGER
);
CREATE UNIQUE INDEX nomination_rounds_one_open ON nomination_rounds (guild_id) WHERE state = 'open';
CREATE UNIQUE INDEX nomination_rounds_one_vote ON nomination_rounds (guild_id) WHERE state IN ('voting', 'ended');
-- The poll watcher reads the next poll due (or result to announce) across the servers it owns.
CREATE INDEX nomination_rounds_pending ON nomination_rounds (ends_at) WHERE state IN ('voting', 'ended');
CREATE INDEX nomination_rounds_by_message ON nomination_rounds (message_id) WHERE message_id IS NOT NULL;

-- One row per distinct title in a round; the same title nominated twice (case and spacing
-- aside) is one nomination with several backers.
CREATE TABLE nominations (
    id           INTEGER PRIMARY KEY,
    guild_id     INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    round_id     INTEGER NOT NULL REFERENCES nomination_rounds(id) ON DELETE CASCADE,
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- Case-folded, whitespace-normalised title: the key duplicates merge on.
    title_key    TEXT NOT NULL,
    -- A story already in the library, when the nomination names one.
    story_id     INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    nominated_by INTEGER NOT NULL,
    created_at   REAL NOT NULL,
    -- The poll answer this nomination became when the vote started (1-10).
    answer_id    INTEGER,
    UNIQUE (round_id, title_key)
);

-- Who backs which nomination: one nomination per member per round (a second one replaces it).
CREATE TABLE nominators (
    round_id      INTEGER NOT NULL REFERENCES nomination_rounds(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations(id) ON DELETE CASCADE,
    guild_id      INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    created_at    REAL NOT NULL,
    PRIMARY KEY (round_id, user_id)
) WITHOUT ROWID;
CREATE INDEX nominators_by_nomination ON nominators (nomination_id);
