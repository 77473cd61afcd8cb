-- /story update pairs old and new chapters by what they say, so a move is no longer always every
-- number going down by moved_by (a dedication now a note): a new prologue moves every chapter up,
-- an author's note taken out of the middle moves those after it down. Such a move is a
-- chapter_moves row with moved_by 1 (so the count an excerpt's buttons carry still grows by one per
-- move) and a step for each old chapter whose number changed: its new number, or NULL when the
-- chapter is gone. A button made before the move maps its number through the steps; a chapter
-- with no step kept its number.
CREATE TABLE chapter_move_steps (
    move_id     INTEGER NOT NULL REFERENCES chapter_moves(id) ON DELETE CASCADE,
    guild_id    INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    old_chapter INTEGER NOT NULL CHECK (old_chapter >= 1),
    new_chapter INTEGER CHECK (new_chapter >= 1),
    PRIMARY KEY (move_id, old_chapter)
) WITHOUT ROWID;
