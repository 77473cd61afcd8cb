-- A discussion is pending once: the same story, chapter, channel and time cannot be scheduled
-- twice (both would post). /discussion schedule, plan and move check inside their transaction
-- and name the one already there; this index holds for any writer.
--
-- Twins stored before this migration are settled first: of each set of pending twins the one
-- being posted, else the first scheduled (lowest id), stays; the others are cancelled with
-- their reminders, as /discussion cancel would.
UPDATE discussions
   SET state = 'cancelled',
       failure = 'Cancelled by an upgrade: discussion #' || (
           SELECT e.id FROM discussions e
            WHERE e.guild_id = discussions.guild_id AND e.story_id = discussions.story_id
              AND e.chapter = discussions.chapter AND e.channel_id = discussions.channel_id
              AND e.due_at = discussions.due_at AND e.state IN ('scheduled', 'posting')
              AND e.id <> discussions.id
            ORDER BY e.state = 'posting' DESC, e.id LIMIT 1
       ) || ' is the same discussion.',
       updated_at = CAST(strftime('%s', 'now') AS REAL)
 WHERE state IN ('scheduled', 'posting')
   AND EXISTS (
       SELECT 1 FROM discussions e
        WHERE e.guild_id = discussions.guild_id AND e.story_id = discussions.story_id
          AND e.chapter = discussions.chapter AND e.channel_id = discussions.channel_id
          AND e.due_at = discussions.due_at AND e.state IN ('scheduled', 'posting')
          AND e.id <> discussions.id
          AND (e.state = 'posting' AND discussions.state = 'scheduled'
               OR e.state = discussions.state AND e.id < discussions.id)
   );

UPDATE discussion_reminders
   SET state = 'cancelled', updated_at = CAST(strftime('%s', 'now') AS REAL)
 WHERE state IN ('scheduled', 'posting')
   AND discussion_id IN (SELECT id FROM discussions WHERE state = 'cancelled');

CREATE UNIQUE INDEX discussions_once ON discussions (guild_id, story_id, chapter, channel_id, due_at)
    WHERE state IN ('scheduled', 'posting');
