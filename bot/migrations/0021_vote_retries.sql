-- A vote Discord refuses to let the bot settle (the bot lost View Channel where its poll is, or
-- Discord refused the announcement) is retried with a growing pause and a limit, not called off
-- (its votes would be lost) and not retried every minute for ever. The problem is kept in words
-- an admin can act on: /nominations and /vote start show it, /vote end settles it.
ALTER TABLE nomination_rounds ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE nomination_rounds ADD COLUMN retry_at REAL;
ALTER TABLE nomination_rounds ADD COLUMN problem TEXT;
