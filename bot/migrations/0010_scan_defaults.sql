-- Which default rules a stored scan was made with (issue 13): a Dogear upgrade that improves
-- the shipped rules makes every stored scan stale, and the next reader of a story gets it
-- scanned again, as a change to the server's own rules already did. '' for scans made before.
ALTER TABLE story_scans ADD COLUMN defaults TEXT NOT NULL DEFAULT '';
