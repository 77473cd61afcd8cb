-- The warnings an author declared for one chapter ("CW for this chapter: self-harm" in its notes),
-- as written, JSON list. Before this, an import added them to the story's declared warnings, so
-- every chapter carried them; stories imported then keep what they have (an empty list here).
ALTER TABLE chapters ADD COLUMN declared_warnings TEXT NOT NULL DEFAULT '[]';
