-- Chips that entered (joins) and left (leaves) each table, for the chip audit.
ALTER TABLE table_stats ADD COLUMN IF NOT EXISTS chips_in BIGINT NOT NULL DEFAULT 0;
ALTER TABLE table_stats ADD COLUMN IF NOT EXISTS chips_out BIGINT NOT NULL DEFAULT 0;
