-- A nomination's author: the library book's, when the nomination names one.
--
-- `/nominate story:` (or a title that is a library book's) said the author to the member who
-- nominated, but `/nominations` and the poll showed the title alone, so two books of one title could
-- not be told apart and members voted without the author. The author is kept with the nomination
-- (not read from the story each time) so the poll's answers, which the watcher rebuilds to find a
-- poll a kill kept from being recorded, stay what was posted even if the story is removed or edited.
--
-- Filled for the nominations of rounds still collecting with no poll being posted; a round whose poll
-- is out (or being posted) keeps the answers it was posted with.
ALTER TABLE nominations ADD COLUMN author TEXT CHECK (author IS NULL OR length(author) BETWEEN 1 AND 200);
UPDATE nominations
SET author = (SELECT nullif(s.author, '') FROM stories s WHERE s.id = nominations.story_id AND length(s.author) <= 200)
WHERE story_id IS NOT NULL
  AND round_id IN (SELECT id FROM nomination_rounds WHERE state = 'open' AND poll_posting_at IS NULL);
