-- Per chapter, the possible warnings of the last scan that the author did not declare there, with
-- their evidence: what /warnings review pages through in SQL (LIMIT/OFFSET over this index) instead
-- of decoding every story's stored scan on the event loop to find the page asked for.
-- Written with the scan (bot.warnings.store.save_scan), replaced with it, removed with the story.
CREATE TABLE possible_warnings (
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    chapter    INTEGER NOT NULL,
    warning_id TEXT NOT NULL,
    score      REAL NOT NULL,
    evidence   TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (story_id, chapter, warning_id)
) WITHOUT ROWID;
CREATE INDEX possible_warnings_by_guild ON possible_warnings (guild_id, story_id, chapter, warning_id);

-- The scans stored before this table: the same rows, read from their JSON once (a warning the
-- author declared for the story, or for that chapter, is shown already and is left out).
INSERT OR IGNORE INTO possible_warnings (story_id, guild_id, chapter, warning_id, score, evidence)
SELECT s.story_id, s.guild_id, json_extract(c.value, '$.number'), json_extract(p.value, '$.id'),
       json_extract(p.value, '$.score'), coalesce(json_extract(p.value, '$.evidence'), '[]')
FROM story_scans s, json_each(s.report, '$.chapters') c, json_each(c.value, '$.possible') p
WHERE json_valid(s.report) AND NOT EXISTS (
    SELECT 1 FROM json_each(s.report, '$.warnings') w
    WHERE json_extract(w.value, '$.id') = json_extract(p.value, '$.id')
      AND json_extract(w.value, '$.source') IN ('declared', 'both')
      AND (coalesce(json_array_length(w.value, '$.declared_chapters'), 0) = 0
           OR EXISTS (SELECT 1 FROM json_each(w.value, '$.declared_chapters') d
                      WHERE d.value = json_extract(c.value, '$.number')))
);
