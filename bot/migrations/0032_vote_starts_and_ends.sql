-- A native poll's start and an admin's early end, recorded before Discord is asked.
--
-- `/vote start` posted the poll and then recorded it on the round: a process killed between the two
-- left the poll running with nothing watching it (its end announced nothing) until an admin happened
-- to run `/vote start` again. `poll_posting_at` (with the channel and who started it) is now written
-- on the open round first and cleared by the write that records the poll; a round an earlier process
-- left so is looked at by the watcher's first round after a start, which records the poll it finds
-- in the channel (or clears the mark when none was posted).
--
-- `/vote end` ended the poll on Discord and then recorded the result: killed between the two, the
-- round stayed "voting" until the poll's planned end (Discord's end event came while the bot was
-- down). `end_asked_at` makes the round due for the watcher at once instead.
ALTER TABLE nomination_rounds ADD COLUMN poll_posting_at REAL;
ALTER TABLE nomination_rounds ADD COLUMN poll_posting_channel_id INTEGER;
ALTER TABLE nomination_rounds ADD COLUMN poll_posting_by INTEGER;
ALTER TABLE nomination_rounds ADD COLUMN end_asked_at REAL;
