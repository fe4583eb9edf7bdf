-- Robust projections (poker.readside.GuardedHandler): what blocks a projection instance, and the
-- admins' audited decisions to skip an event.

-- The event a projection instance (name + tag slice) currently fails on; at most one per instance.
-- Written in a transaction of its own (the handler's is rolled back); deleted in the transaction
-- that processes past the event.
CREATE TABLE IF NOT EXISTS projection_failures (
  projection_name VARCHAR(255) NOT NULL,
  slice VARCHAR(255) NOT NULL,
  persistence_id VARCHAR(255) NOT NULL,
  sequence_nr BIGINT NOT NULL,
  event_ordering BIGINT,
  message VARCHAR(1000) NOT NULL,
  attempts INT NOT NULL,
  first_failed_at TIMESTAMPTZ NOT NULL,
  last_failed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (projection_name, slice)
);

-- Audit: which admin skipped which event of which instance, when and why; applied_at is set in the
-- transaction in which the instance stepped over the event.
CREATE TABLE IF NOT EXISTS projection_skips (
  id BIGSERIAL PRIMARY KEY,
  projection_name VARCHAR(255) NOT NULL,
  slice VARCHAR(255) NOT NULL,
  persistence_id VARCHAR(255) NOT NULL,
  sequence_nr BIGINT NOT NULL,
  failure_message VARCHAR(1000) NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  skipped_by UUID NOT NULL,
  skipped_by_username VARCHAR(32) NOT NULL,
  skipped_at TIMESTAMPTZ NOT NULL,
  applied_at TIMESTAMPTZ,
  UNIQUE (projection_name, slice, persistence_id, sequence_nr)
);

-- Lag per slice (events behind a projection's offset) and the read journal's eventsByTag both look
-- up a tag's events in ordering; the primary key (event_id, tag) cannot serve that.
CREATE INDEX IF NOT EXISTS event_tag_tag_event_id_idx ON event_tag (tag, event_id);
