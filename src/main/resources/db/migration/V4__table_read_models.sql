-- Read side of Table Management, fed by projections (poker.readside).

-- participants: who sits where with how many chips.
CREATE TABLE IF NOT EXISTS participants (
  id UUID PRIMARY KEY,
  player_id UUID NOT NULL,
  table_id UUID NOT NULL,
  chips BIGINT NOT NULL,
  seat_number INT NOT NULL,
  status VARCHAR(16) NOT NULL
);

CREATE INDEX IF NOT EXISTS participants_table_idx ON participants (table_id);

-- table_stats: counters per table.
CREATE TABLE IF NOT EXISTS table_stats (
  table_id UUID PRIMARY KEY,
  participant_count INT NOT NULL DEFAULT 0,
  hand_count INT NOT NULL DEFAULT 0
);

-- lobby: the list of tables a player browses.
CREATE TABLE IF NOT EXISTS lobby_tables (
  table_id UUID PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  small_blind BIGINT NOT NULL,
  big_blind BIGINT NOT NULL,
  min_buy_in BIGINT NOT NULL,
  max_buy_in BIGINT NOT NULL,
  max_seats INT NOT NULL,
  action_seconds INT NOT NULL,
  seats_taken INT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL,
  created_by UUID NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
