-- Content warnings per server: its own categories and rules on top of the shipped defaults,
-- what it switched off, per-story overrides, and the stored scan of every story.
-- The defaults themselves live in data/warnings/*.json and are never copied here.

-- A server's extra categories; ids never collide with the default taxonomy (checked in code).
CREATE TABLE warning_categories (
    guild_id    INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    label       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    threshold   REAL NOT NULL DEFAULT 1.0 CHECK (threshold > 0),
    created_by  INTEGER,
    created_at  REAL NOT NULL,
    PRIMARY KEY (guild_id, id)
) WITHOUT ROWID;

-- Admin rules: a phrase (the phrase language of bot/warnings/rules.py) or an RE2 regex.
-- At most 200 per server and 500 characters per pattern (checked in code, before insert).
CREATE TABLE warning_rules (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('phrase', 'regex')),
    pattern     TEXT NOT NULL CHECK (length(pattern) BETWEEN 1 AND 500),
    weight      REAL NOT NULL DEFAULT 1.0 CHECK (weight > 0),
    created_by  INTEGER,
    created_at  REAL NOT NULL,
    UNIQUE (guild_id, category, kind, pattern)
);
CREATE INDEX warning_rules_by_guild ON warning_rules (guild_id, id);

-- Default rules ('rule', 'death/died') and whole categories ('category', 'death') a server
-- switched off. Switching back on deletes the row.
CREATE TABLE warning_disabled (
    guild_id    INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('rule', 'category')),
    target      TEXT NOT NULL,
    created_by  INTEGER,
    created_at  REAL NOT NULL,
    PRIMARY KEY (guild_id, target_kind, target)
) WITHOUT ROWID;

-- Bumped in the same transaction as every change above, so the cached matcher of a server
-- is rebuilt exactly when its rules change.
CREATE TABLE warning_rule_versions (
    guild_id INTEGER PRIMARY KEY REFERENCES guilds(guild_id) ON DELETE CASCADE,
    version  INTEGER NOT NULL DEFAULT 0
);

-- An admin's decision about one story: 'add' shows a warning detection missed, 'remove'
-- hides one detection or the author got wrong. Overrides win over detection.
CREATE TABLE warning_overrides (
    guild_id   INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    warning_id TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('add', 'remove')),
    created_by INTEGER,
    created_at REAL NOT NULL,
    PRIMARY KEY (story_id, warning_id)
) WITHOUT ROWID;
CREATE INDEX warning_overrides_by_guild ON warning_overrides (guild_id, story_id);

-- The last scan of each story (bot.warnings.engine.ScanReport.to_record() as JSON), with the
-- rule version it was made with.
CREATE TABLE story_scans (
    story_id      INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    guild_id      INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    rules_version INTEGER NOT NULL,
    report        TEXT NOT NULL,
    scanned_at    REAL NOT NULL
);
CREATE INDEX story_scans_by_guild ON story_scans (guild_id);

-- Per chapter, the warnings that passed their threshold: what excerpt headers and
-- reminders read without parsing the whole report.
CREATE TABLE chapter_warnings (
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    chapter    INTEGER NOT NULL,
    warning_id TEXT NOT NULL,
    score      REAL NOT NULL,
    PRIMARY KEY (story_id, chapter, warning_id)
) WITHOUT ROWID;
