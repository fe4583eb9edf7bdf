-- Hands sealed per position (DeckCommitment) keep their 52 salts instead of one: each reader of
-- /hands/{n} gets the openings of the cards they may see, never the whole deck. The deck order
-- stays in the deck column (server side; reviewers' openings come from it). First-scheme hands
-- keep their salt; deck_revealed says whether their deck was revealed to everyone (DeckRevealed)
-- or, for a first-scheme hand that ended after this change, stays for reviewers only.
ALTER TABLE hand_histories ALTER COLUMN salt DROP NOT NULL;
ALTER TABLE hand_histories ADD COLUMN IF NOT EXISTS salts JSONB;
ALTER TABLE hand_histories ADD COLUMN IF NOT EXISTS deck_revealed BOOLEAN NOT NULL DEFAULT TRUE;
