-- Why a vote was called off, owed to its channel until it is posted there.
--
-- The round was marked called off and then the channel was told, once: a process killed between the
-- two, or Discord failing on its side, and the members who saw their poll vanish were never told
-- why, nor that their nominations were back and the vote could be started again. Now the notice is
-- stored in the call-off's own write and cleared once it is in the channel; the poll watcher tries
-- it again (``attempts`` and ``retry_at``, unused once a round is over, pace the tries), looking
-- for it in the channel first.
ALTER TABLE nomination_rounds ADD COLUMN notice TEXT;
CREATE INDEX nomination_rounds_notices ON nomination_rounds (retry_at) WHERE notice IS NOT NULL;
