-- Nominations that left the open round: taken out by an admin (`/vote withdraw`) or dropped when the
-- one member backing them nominated another book.
--
-- The row went and nothing said it had been: a second admin taking out the nomination another had
-- just taken out (both picked it from the menu) was told "That is not one of this round's
-- nominations", as though they had picked wrong. Kept only for the open round (a take-out clears the
-- server's rows of other rounds), so a server holds at most one round's worth.
CREATE TABLE gone_nominations (
    guild_id      INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    round_id      INTEGER NOT NULL REFERENCES nomination_rounds(id) ON DELETE CASCADE,
    nomination_id INTEGER NOT NULL,
    title         TEXT NOT NULL,
    title_key     TEXT NOT NULL,
    author        TEXT,
    how           TEXT NOT NULL CHECK (how IN ('withdrawn', 'replaced')),
    gone_at       REAL NOT NULL,
    PRIMARY KEY (round_id, nomination_id)
) WITHOUT ROWID;
CREATE INDEX gone_nominations_title ON gone_nominations (round_id, title_key);
