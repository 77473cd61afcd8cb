-- Ending a discussion's scheduled event, a due item like a reminder.
--
-- Discord never starts or ends an external event by itself: it stayed "Scheduled" in every
-- member's Events list long after the discussion, and counted towards Discord's 100 scheduled or
-- active events per server. The event is set active when the discussion posts, and a row here is
-- stored in the same round: the timer claims it at ``due_at`` (the event's end time) and completes
-- the event, exactly once across restarts and processes, as it does with reminders.
--
-- States: scheduled -> posting (claimed, before Discord is asked) -> ended, or failed (with the
-- reason, in the log too). A row left in 'posting' by a crash is taken again on start; ending an
-- event that is already over does nothing, so doing it twice is harmless.
CREATE TABLE discussion_event_ends (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    discussion_id INTEGER NOT NULL UNIQUE REFERENCES discussions(id) ON DELETE CASCADE,
    event_id      INTEGER NOT NULL,
    due_at        REAL NOT NULL,
    state         TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'posting', 'ended', 'failed')),
    failure       TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    updated_at    REAL NOT NULL
);

CREATE INDEX discussion_event_ends_pending_due ON discussion_event_ends (due_at) WHERE state = 'scheduled';
CREATE INDEX discussion_event_ends_posting ON discussion_event_ends (id) WHERE state = 'posting';
