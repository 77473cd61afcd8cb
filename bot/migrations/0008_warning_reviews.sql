-- The club correcting its warnings: admins' decisions on "possible" warnings per chapter,
-- members' reports of warnings detection missed, and the channel where reports are posted.

-- One decision per chapter and warning: 'confirmed' shows the warning on that chapter for
-- everyone (a per-chapter override); 'dismissed' stops it being offered for review again.
CREATE TABLE warning_reviews (
    guild_id   INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    chapter    INTEGER NOT NULL CHECK (chapter >= 1),
    warning_id TEXT NOT NULL,
    decision   TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
    decided_by INTEGER,
    decided_at REAL NOT NULL,
    PRIMARY KEY (story_id, chapter, warning_id)
) WITHOUT ROWID;
CREATE INDEX warning_reviews_by_guild ON warning_reviews (guild_id, story_id);

-- A member's report that a chapter has a warning Dogear does not show. The reporter is
-- never shown to other members; an admin closes a report by confirming or dismissing it.
CREATE TABLE warning_reports (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    chapter     INTEGER NOT NULL CHECK (chapter >= 1),
    warning_id  TEXT NOT NULL,
    reporter_id INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 300),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
    created_at  REAL NOT NULL,
    resolved_by INTEGER,
    resolved_at REAL
);
-- One open report per member, chapter and warning.
CREATE UNIQUE INDEX warning_reports_one_open
    ON warning_reports (guild_id, story_id, chapter, warning_id, reporter_id) WHERE status = 'open';
CREATE INDEX warning_reports_by_guild ON warning_reports (guild_id, status, id);
CREATE INDEX warning_reports_by_reporter ON warning_reports (guild_id, reporter_id, created_at);

-- Where new reports are posted for the moderators (NULL: nowhere, only /warnings review).
ALTER TABLE guild_settings ADD COLUMN mod_channel_id INTEGER;

-- Members who avoid a warning strictly are asked about "possible" ones too.
ALTER TABLE member_avoided_warnings ADD COLUMN strict INTEGER NOT NULL DEFAULT 0 CHECK (strict IN (0, 1));
