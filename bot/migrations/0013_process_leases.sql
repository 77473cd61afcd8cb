-- Which process serves which shards on this database (bot.leases). Two processes serving the
-- same servers would both resume the same posts and claim the same discussions: a deploy that
-- starts the new process before the old one stops, or a second copy started by mistake. A
-- process holds its row while it runs, renewing expires_at; another whose shards overlap waits
-- until the row is released (a clean stop) or expires (a crash), or at once when the holder ran
-- on the same machine and its process is gone (a crash, restarted by the service manager).
CREATE TABLE process_leases (
    holder      TEXT PRIMARY KEY,
    host        TEXT NOT NULL,
    pid         INTEGER NOT NULL,
    shard_count INTEGER NOT NULL CHECK (shard_count >= 1),
    -- The shard ids, comma-separated.
    shard_ids   TEXT NOT NULL,
    expires_at  REAL NOT NULL
);
