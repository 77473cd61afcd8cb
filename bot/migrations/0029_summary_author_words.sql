-- What the author declared that matches no warning ("drowning", "near-death experience"), in the
-- summary members' headers read (ScanReport.summary_record()), so a header can give the author's
-- own words instead of "none declared or detected". Scans stored before: read from their JSON once.
UPDATE story_scans
SET summary = json_set(summary, '$.declared_unmapped', json(coalesce(json_extract(report, '$.declared_unmapped'), '[]')))
WHERE summary != '' AND json_valid(summary) AND json_valid(report);
