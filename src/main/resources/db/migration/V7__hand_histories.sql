-- Completed hands, for GET /api/tables/{id}/hands (fed by the hand_histories projection).
-- events holds every fact of the hand, hole cards included: the API shows only shown cards and
-- the caller's own. A hand appears here only once it has ended and its deck is revealed.
CREATE TABLE IF NOT EXISTS hand_histories (
  table_id UUID NOT NULL,
  hand_number BIGINT NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  ended_at TIMESTAMPTZ NOT NULL,
  pot BIGINT NOT NULL,
  winners JSONB NOT NULL,
  players JSONB NOT NULL,
  events JSONB NOT NULL,
  deck VARCHAR(104) NOT NULL,
  salt VARCHAR(64) NOT NULL,
  commitment VARCHAR(64) NOT NULL,
  PRIMARY KEY (table_id, hand_number)
);

-- Where each hand in play began in its table's journal: no cards here, only positions. When the
-- deck is revealed the projection reads the hand's events from the journal and writes the history.
CREATE TABLE IF NOT EXISTS hands_in_play (
  table_id UUID NOT NULL,
  hand_number BIGINT NOT NULL,
  start_seq BIGINT NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (table_id, hand_number)
);
