-- What members see of a stored scan, in a few hundred bytes (ScanReport.summary_record()): the
-- story's warnings with their source, score and the chapters an author declared them for, whether
-- the author chose not to warn, and the chapters not read for not being in English. Headers,
-- /story info and /warnings story read this and the per-chapter tables instead of decoding the whole
-- report, which for a long story is megabytes of evidence, once per press on the event loop.
-- Written with the scan (bot.warnings.store.save_scan); '' until then.
ALTER TABLE story_scans ADD COLUMN summary TEXT NOT NULL DEFAULT '';

-- The scans stored before this column: the same summary, read from their JSON once.
UPDATE story_scans SET summary = json_object(
    'unwarned', json(CASE WHEN json_extract(report, '$.unwarned') THEN 'true' ELSE 'false' END),
    'warnings', (SELECT json_group_array(json_object(
                     'id', json_extract(w.value, '$.id'),
                     'source', json_extract(w.value, '$.source'),
                     'score', json_extract(w.value, '$.score'),
                     'declared_chapters', json(coalesce(json_extract(w.value, '$.declared_chapters'), '[]'))))
                 FROM json_each(report, '$.warnings') w),
    'not_english', (SELECT json_group_array(json_extract(c.value, '$.number'))
                    FROM json_each(report, '$.chapters') c
                    WHERE json_extract(c.value, '$.english') IS NOT NULL AND NOT json_extract(c.value, '$.english'))
)
WHERE json_valid(report);
