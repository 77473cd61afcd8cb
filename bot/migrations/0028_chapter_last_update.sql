-- What the story's last /story update did to each chapter: 'changed' (its text, title or notes)
-- or 'new'; NULL for a chapter it kept as it was (and for every chapter of a story never updated).
-- /story info marks each, so the update's answer, which names at most a few runs of them, can say
-- where every one is. Rewritten by each update, with the chapters.
ALTER TABLE chapters ADD COLUMN last_update TEXT CHECK (last_update IN ('changed', 'new'));

-- /story info's chapter list reads the chapters from this index alone (migration 0026): it holds the mark too.
DROP INDEX chapters_outline;
CREATE INDEX chapters_outline ON chapters (guild_id, story_id, number, title, words, last_update);
