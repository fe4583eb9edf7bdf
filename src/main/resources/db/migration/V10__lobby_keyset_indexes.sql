-- The paged lobby reads in creation order (keyset on created_at, table_id); the table-creation
-- quota counts a user's empty tables.
CREATE INDEX IF NOT EXISTS lobby_tables_created_idx ON lobby_tables (created_at, table_id);
CREATE INDEX IF NOT EXISTS lobby_tables_created_by_idx ON lobby_tables (created_by);
