-- The small columns of rows with a big one before them, readable without it. SQLite reaches a
-- column past a value that overflows its page by walking every overflow page of that value.
--
-- A stored scan's report (megabytes of evidence for a long story) sits before `defaults` and
-- `summary`: each header read the whole report from disk, and the pass that finds scans made by
-- an older release (bot.warnings.refresh) read every report of every server, about 2 s for
-- 20,000 stories. This covering index answers both from its own pages.
CREATE INDEX story_scans_small ON story_scans (story_id, guild_id, rules_version, defaults, summary);

-- A chapter's text (`scenes`) sits before its `words`: /story info's chapter list read the
-- whole story's text to count its words.
CREATE INDEX chapters_outline ON chapters (guild_id, story_id, number, title, words);
