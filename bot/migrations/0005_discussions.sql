-- Scheduled chapter discussions and their reminders, per server.
--
-- Times are UTC seconds since the epoch (REAL). The timer reads only
-- MIN(due_at) over pending rows, through the partial indexes below, so 100,000 pending
-- schedules cost one index lookup at start, not a table load.
--
-- States: scheduled -> posting (claimed with a nonce, in one transaction, before anything is
-- sent) -> posted (message id recorded), or failed (with the reason), missed (fell due while
-- the bot was down for longer than the grace period) or cancelled. A row left in 'posting'
-- by a crash is checked against the channel before anything is sent again.
CREATE TABLE discussions (
    id                INTEGER PRIMARY KEY,
    guild_id          INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    -- Removing a story removes its schedules (and their reminders) with it.
    story_id          INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    chapter           INTEGER NOT NULL CHECK (chapter >= 1),
    due_at            REAL NOT NULL,
    -- The channel named at schedule time (explicit = 1), or where /discussion schedule was
    -- run (explicit = 0; the server's discussion channel setting wins over it at post time).
    channel_id        INTEGER NOT NULL,
    channel_explicit  INTEGER NOT NULL DEFAULT 0 CHECK (channel_explicit IN (0, 1)),
    -- Reminder offsets in seconds before due_at, comma-separated (kept so a move re-creates them).
    remind_offsets    TEXT NOT NULL DEFAULT '',
    state             TEXT NOT NULL DEFAULT 'scheduled'
                      CHECK (state IN ('scheduled', 'posting', 'posted', 'failed', 'missed', 'cancelled')),
    failure           TEXT,
    nonce             TEXT,
    attempts          INTEGER NOT NULL DEFAULT 0,
    posted_channel_id INTEGER,
    message_id        INTEGER,
    thread_id         INTEGER,
    event_id          INTEGER,
    posted_at         REAL,
    created_by        INTEGER NOT NULL,
    created_at        REAL NOT NULL,
    updated_at        REAL NOT NULL
);

-- The timer's question: what is due next among scheduled items? (Claimed items leave this index.)
CREATE INDEX discussions_pending_due ON discussions (due_at) WHERE state = 'scheduled';
-- Items a crash left half-done, looked at once on start.
CREATE INDEX discussions_posting ON discussions (id) WHERE state = 'posting';
-- /discussion list and the progress listener: one server's items.
CREATE INDEX discussions_by_guild ON discussions (guild_id, state, due_at);
CREATE INDEX discussions_by_story ON discussions (story_id, chapter);

CREATE TABLE discussion_reminders (
    id             INTEGER PRIMARY KEY,
    guild_id       INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    discussion_id  INTEGER NOT NULL REFERENCES discussions(id) ON DELETE CASCADE,
    offset_seconds INTEGER NOT NULL CHECK (offset_seconds > 0),
    due_at         REAL NOT NULL,
    state          TEXT NOT NULL DEFAULT 'scheduled'
                   CHECK (state IN ('scheduled', 'posting', 'posted', 'failed', 'missed', 'cancelled')),
    failure        TEXT,
    nonce          TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    channel_id     INTEGER,
    message_id     INTEGER,
    updated_at     REAL NOT NULL,
    UNIQUE (discussion_id, offset_seconds)
);

CREATE INDEX discussion_reminders_pending_due ON discussion_reminders (due_at) WHERE state = 'scheduled';
CREATE INDEX discussion_reminders_posting ON discussion_reminders (id) WHERE state = 'posting';
