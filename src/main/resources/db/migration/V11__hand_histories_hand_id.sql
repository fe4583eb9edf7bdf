-- A hand's id across the platform (trackers identify hands by number; every table counts its own hands
-- from 1): the journal ordering of the hand's HandStarted event, unique and the same on a rebuild. The
-- hand_histories projection writes it; hands already there get it from the journal below.
ALTER TABLE hand_histories ADD COLUMN IF NOT EXISTS hand_id BIGINT;

-- Table events are plain JSON (serializer 9001, no compression), a hand's start being
-- {"type":"HandProgressed","tableId":"…","event":{"type":"HandStarted","handNumber":N,…}}. The payload is
-- read through encode(…, 'escape'), which cannot fail on any byte, and matched as text (no jsonb cast:
-- an old event with a \u0000 in a name would stop the migration).
UPDATE hand_histories h
   SET hand_id = started.ordering
  FROM (SELECT j.persistence_id, j.ordering,
               substring(encode(j.event_payload, 'escape')
                         from '"event":\{"type":"HandStarted","handNumber":([0-9]+)[,}]')::BIGINT AS hand_number
          FROM event_journal j
         WHERE j.persistence_id LIKE 'Table|%' AND j.event_ser_id = 9001) started
 WHERE h.hand_id IS NULL
   AND started.hand_number IS NOT NULL
   AND started.persistence_id = 'Table|' || h.table_id::text
   AND started.hand_number = h.hand_number;

CREATE UNIQUE INDEX IF NOT EXISTS hand_histories_hand_id_idx ON hand_histories (hand_id);
