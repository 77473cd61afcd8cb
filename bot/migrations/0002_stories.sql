-- Stories a server imported, and their chapters. The text is stored once: each chapter row
-- holds its scenes as JSON ([[paragraph, ...], ...]), the unit posting and scanning read.

CREATE TABLE stories (
    id                INTEGER PRIMARY KEY,
    guild_id          INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    title             TEXT NOT NULL,
    -- Case-folded title (folded in Python, which knows Unicode) for autocomplete.
    title_folded      TEXT NOT NULL DEFAULT '',
    author            TEXT,
    summary           TEXT,
    rating            TEXT,
    -- The author's declared warnings, as written ("TW for miscarriage"), JSON list.
    declared_warnings TEXT NOT NULL DEFAULT '[]',
    -- Everything else from the metadata (archive warnings, fandoms, relationships,
    -- characters, additional tags, notes), JSON object.
    meta_json         TEXT NOT NULL DEFAULT '{}',
    source_format     TEXT NOT NULL DEFAULT 'txt',
    chapter_count     INTEGER NOT NULL CHECK (chapter_count >= 1),
    words             INTEGER NOT NULL DEFAULT 0 CHECK (words >= 0),
    -- sha256 of the story's text: the same story imported twice is one story.
    -- (bot.story.store always sets it; NULL only for rows made by hand, which never collide.)
    content_hash      TEXT,
    added_by          INTEGER,
    added_at          REAL NOT NULL DEFAULT 0,
    UNIQUE (guild_id, content_hash)
);

-- Listing and autocomplete read one server's stories in title order.
CREATE INDEX stories_by_title ON stories (guild_id, title_folded);

CREATE TABLE chapters (
    guild_id  INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    number    INTEGER NOT NULL CHECK (number >= 1),
    title     TEXT,
    scenes    TEXT NOT NULL,
    notes     TEXT NOT NULL DEFAULT '[]',
    words     INTEGER NOT NULL CHECK (words >= 0),
    PRIMARY KEY (story_id, number)
);
