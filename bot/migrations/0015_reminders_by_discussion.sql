-- A discussion's reminders, found by its id: moving or cancelling a discussion settles its
-- reminders, removing a story cascades to them, and /discussion list shows the ones that failed.
-- Without this index each of those read every reminder of every server.
CREATE INDEX discussion_reminders_by_discussion ON discussion_reminders (discussion_id, state);
