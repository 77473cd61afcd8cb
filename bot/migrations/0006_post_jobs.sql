-- /excerpt post as a persisted job, so a post cut off by a crash resumes where it stopped
-- and is never posted twice.
--
-- The planned messages (header first, then the chapter behind spoilers) are stored when the
-- post starts, so a resumed post sends exactly what was planned even if the server's warning
-- rules changed in between. Each sent message's id is recorded in its own short write.
--
-- States: posting -> done (contents and the interaction token cleared), or failed (Discord
-- refused; the reason is kept, and the next /excerpt post of that chapter in that channel
-- continues it from the first unsent message). A row left in 'posting' by a crash is resumed
-- at the next start by the process that owns its server, after checking the channel for a
-- message that was sent but not recorded. One chapter is posted at most once at a time per server.
CREATE TABLE post_jobs (
    id                INTEGER PRIMARY KEY,
    guild_id          INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    channel_id        INTEGER NOT NULL,
    -- Removing a story removes its posting history with it.
    story_id          INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    chapter           INTEGER NOT NULL CHECK (chapter >= 1),
    state             TEXT NOT NULL DEFAULT 'posting' CHECK (state IN ('posting', 'done', 'failed')),
    failure           TEXT,
    -- Message n is sent with the nonce nonce_prefix || n, so a resend is recognised.
    nonce_prefix      TEXT NOT NULL,
    chunk_count       INTEGER NOT NULL CHECK (chunk_count >= 1),
    requested_by      INTEGER NOT NULL,
    -- The id of the interaction that first started the post: nothing of this post is older,
    -- so the history check after a crash looks only at messages after it.
    anchor_id         INTEGER NOT NULL,
    -- The latest admin interaction for this post (its followup token lives 15 minutes): told
    -- when the post resumes or ends; the token is cleared when the post is done.
    application_id    INTEGER,
    interaction_token TEXT,
    interaction_at    REAL NOT NULL,
    created_at        REAL NOT NULL,
    updated_at        REAL NOT NULL
);

-- Started once per process start: the posts a crash left unfinished.
CREATE INDEX post_jobs_unfinished ON post_jobs (id) WHERE state = 'posting';
-- "Is this chapter being posted / was it posted in this channel?"
CREATE INDEX post_jobs_by_chapter ON post_jobs (guild_id, story_id, chapter, channel_id, state);
-- A chapter is posted at most once at a time per server (two admins clicking at once included).
CREATE UNIQUE INDEX post_jobs_one_at_a_time ON post_jobs (guild_id, story_id, chapter) WHERE state = 'posting';

CREATE TABLE post_chunks (
    job_id     INTEGER NOT NULL REFERENCES post_jobs(id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL,
    position   INTEGER NOT NULL CHECK (position >= 0),
    content    TEXT,
    message_id INTEGER,
    PRIMARY KEY (job_id, position)
) WITHOUT ROWID;
