-- A scheduled event Discord refused to start, end or cancel is listed in /discussion list until it
-- no longer matters.
--
-- The refusal was kept on its ending ('failed', with the reason), and told only in the moderation
-- channel when one is set: in a club without one no admin learned that the event sat "Scheduled" or
-- live in every member's Events list after the meeting. /discussion list now shows each such refusal
-- with what was refused and what to do, so the ending keeps what the notice said:
--   refused      'start' (as the discussion posted), 'end' (at its end time) or 'cancel' (a discussion
--                that never posted, at its event's end time);
--   forbidden    1 when the refusal was the missing Create Events permission (only then is giving it
--                the advice);
--   dismissed_at when an admin said it is dealt with (its button under /discussion list): it leaves
--                the list. The row stays, so a post resumed after a restart, refused again, neither
--                stores nor tells it a second time.
-- Rows refused before this migration are read back: a start refusal was stored failed without ever
-- being claimed (attempts 0); an ending of a discussion that never posted was a cancel.
ALTER TABLE discussion_event_ends ADD COLUMN refused TEXT CHECK (refused IN ('start', 'end', 'cancel'));
ALTER TABLE discussion_event_ends ADD COLUMN forbidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE discussion_event_ends ADD COLUMN dismissed_at REAL;

UPDATE discussion_event_ends
SET refused = CASE
        WHEN attempts = 0 THEN 'start'
        WHEN EXISTS (
            SELECT 1 FROM discussions d
            WHERE d.id = discussion_event_ends.discussion_id AND d.state IN ('failed', 'missed')
        ) THEN 'cancel'
        ELSE 'end'
    END,
    forbidden = coalesce(failure LIKE '%I lack Create Events%', 0)
WHERE state = 'failed';

-- /discussion list reads a server's refusals still listed, newest first.
CREATE INDEX discussion_event_ends_refused ON discussion_event_ends (guild_id, updated_at)
    WHERE state = 'failed' AND dismissed_at IS NULL;
