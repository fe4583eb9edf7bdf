-- A tournament's tables are in the lobby too, marked with their tournament (null: a cash table). Text, not
-- UUID: the id is the tournament's, whatever its form.
ALTER TABLE lobby_tables ADD COLUMN IF NOT EXISTS tournament_id TEXT;
