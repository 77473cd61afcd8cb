-- Stories listed with the numbers in their titles counted as numbers: "Book 2" before "Book 10".
--
-- title_folded sorted "Book 1, Book 10, Book 11, Book 2". title_sort is title_folded with each run of
-- digits written with its length first (bot.text.natural_key, the same function the store writes it
-- with), so plain SQL order, and an index, count them; rows stored before are filled here.
ALTER TABLE stories ADD COLUMN title_sort TEXT NOT NULL DEFAULT '';
UPDATE stories SET title_sort = natural_key(title_folded);
CREATE INDEX stories_by_title_sort ON stories (guild_id, title_sort, id);
