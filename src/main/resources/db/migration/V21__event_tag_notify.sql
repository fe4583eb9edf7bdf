-- Projections wake on new events instead of polling an idle journal (poker.readside.TagWakeups).
--
-- Every statement that inserts journal tags sends one NOTIFY on the channel poker_event_tags, its payload
-- the distinct tags it inserted, comma-separated ("table-2,wallet-0"). PostgreSQL delivers a notification
-- when (and only if) its transaction commits, to every session that LISTENs on the channel, on every node.
-- Tags are short (entity type and slice number), so the payload stays far below NOTIFY's 8000-byte limit.
CREATE OR REPLACE FUNCTION poker_notify_event_tags() RETURNS trigger AS $$
DECLARE
  tags TEXT;
BEGIN
  SELECT string_agg(DISTINCT tag, ',') INTO tags FROM inserted_tags;
  IF tags IS NOT NULL THEN
    PERFORM pg_notify('poker_event_tags', tags);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS event_tag_notify ON event_tag;
CREATE TRIGGER event_tag_notify AFTER INSERT ON event_tag
  REFERENCING NEW TABLE AS inserted_tags
  FOR EACH STATEMENT EXECUTE FUNCTION poker_notify_event_tags();
