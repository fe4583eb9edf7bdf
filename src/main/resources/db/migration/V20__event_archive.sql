-- The event archive (poker.infra.EventArchive; the README, "Archiving"): a finished or long-lived
-- entity's events, moved out of the hot journal once a snapshot covers them and every projection has
-- read them. One row per archived run of one entity's events: the journal rows as they were stored
-- (ordering, sequence number, writer, timestamp, serializer id and manifest, payload, metadata, tags),
-- framed and gzip-compressed together. The replay, history and live endpoints read the archive and
-- the journal as one; a projection rebuild reads the archive first.
CREATE TABLE IF NOT EXISTS event_archive (
  persistence_id VARCHAR(255) NOT NULL,
  from_seq BIGINT NOT NULL,
  to_seq BIGINT NOT NULL,
  event_count INTEGER NOT NULL,
  first_ordering BIGINT NOT NULL,
  last_ordering BIGINT NOT NULL,
  tags VARCHAR(256)[] NOT NULL,
  -- the rows' payload and metadata bytes before compression, and the segment's size after
  raw_bytes BIGINT NOT NULL,
  stored_bytes BIGINT NOT NULL,
  format SMALLINT NOT NULL,
  segment BYTEA NOT NULL,
  archived_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (persistence_id, from_seq),
  CHECK (from_seq <= to_seq)
);
-- a rebuild reads the archived runs of its tags in journal order
CREATE INDEX IF NOT EXISTS event_archive_tags_idx ON event_archive USING gin (tags);
