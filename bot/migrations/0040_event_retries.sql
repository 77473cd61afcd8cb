-- A scheduled event Discord refused to start, end or cancel is tried again, and a dismissal says who.
--
-- Once Dogear's role lost Create Events, a refused start or end was never tried again when the
-- permission came back: the event stayed "Scheduled" after the meeting, or live for good. Now a
-- refusal is tried again (the ending goes 'failed' -> 'posting', one conditional write, so two
-- processes or two presses never both act, and a try a restart cut short is finished by the next
-- start as any 'posting' ending is):
--   retry_at     when Dogear tries again by itself (after 15 minutes, 1, 6 and 24 hours; NULL once
--                they are spent, or for a refusal stored before this migration). Dogear's role given
--                Create Events or Manage Events sets it to now for the server's refusals that the
--                permission's lack was why.
--   retries      how many tries followed the refusal (by itself or by an admin's Try again);
--   retried_at   when the last one was made;
--   retry_by     the admin whose Try again made the try in progress (NULL: Dogear by itself), so the
--                moderation channel's note names them, after a restart too.
-- An admin's Done (dismissed_at, migration 0039) now keeps who pressed it (dismissed_by), which
-- /discussion list shows under "taken off lately".
ALTER TABLE discussion_event_ends ADD COLUMN retry_at REAL;
ALTER TABLE discussion_event_ends ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE discussion_event_ends ADD COLUMN retried_at REAL;
ALTER TABLE discussion_event_ends ADD COLUMN retry_by INTEGER;
ALTER TABLE discussion_event_ends ADD COLUMN dismissed_by INTEGER;

-- The timer's next try, through a partial index as the other due items.
CREATE INDEX discussion_event_ends_retry_due ON discussion_event_ends (retry_at)
    WHERE state = 'failed' AND retry_at IS NOT NULL AND dismissed_at IS NULL;
-- /discussion list's "taken off lately".
CREATE INDEX discussion_event_ends_dismissed ON discussion_event_ends (guild_id, dismissed_at)
    WHERE dismissed_at IS NOT NULL;
