-- Read side of Tournament Management, fed by the "tournaments" projection over the tournament tags
-- (poker.readside.TournamentProjectionHandler). Ids are text: tournament tables are named
-- "<tournamentId>-<n>", and entry ids are chosen by the registration saga.

-- tournaments: the lobby and the detail of each tournament, with the totals the chip audit needs.
CREATE TABLE IF NOT EXISTS tournaments (
  tournament_id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  buy_in BIGINT NOT NULL,
  fee BIGINT NOT NULL,
  starting_stack BIGINT NOT NULL,
  seats_per_table INT NOT NULL,
  min_players INT NOT NULL,
  max_players INT NOT NULL,
  start_at TIMESTAMPTZ,
  start_when_full BOOLEAN NOT NULL,
  -- the blind schedule as JSON: [{smallBlind, bigBlind, ante, minutes}]
  levels TEXT NOT NULL,
  late_registration_levels INT NOT NULL,
  max_reentries INT NOT NULL,
  action_seconds INT NOT NULL,
  status VARCHAR(16) NOT NULL,
  cancel_reason VARCHAR(64),
  registration_open BOOLEAN NOT NULL DEFAULT TRUE,
  -- entries that count (registered, playing, eliminated: not unregistered), and those still in
  entrants INT NOT NULL DEFAULT 0,
  remaining INT NOT NULL DEFAULT 0,
  -- the sum of the entries' buy-ins, their fees (the house's), and the prizes awarded so far
  prize_pool BIGINT NOT NULL DEFAULT 0,
  fees BIGINT NOT NULL DEFAULT 0,
  prizes_paid BIGINT NOT NULL DEFAULT 0,
  level INT,
  small_blind BIGINT,
  big_blind BIGINT,
  ante BIGINT,
  level_ends_at TIMESTAMPTZ,
  hand_for_hand BOOLEAN NOT NULL DEFAULT FALSE,
  winner_entry_id VARCHAR(64),
  created_by UUID NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  started_at TIMESTAMPTZ,
  ended_at TIMESTAMPTZ,
  -- the journal position of the last event applied (the tournament's sequence number)
  last_seq BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS tournaments_created_idx ON tournaments (created_at, tournament_id);
CREATE INDEX IF NOT EXISTS tournaments_status_created_idx ON tournaments (status, created_at, tournament_id);
CREATE INDEX IF NOT EXISTS tournaments_created_by_idx ON tournaments (created_by, status);

-- tournament_entries: one row per entry (a re-entry is a new entry); status registered, playing,
-- eliminated or unregistered. The display name is joined from users when read.
CREATE TABLE IF NOT EXISTS tournament_entries (
  tournament_id VARCHAR(64) NOT NULL,
  entry_id VARCHAR(64) NOT NULL,
  player_id UUID NOT NULL,
  entry_number INT NOT NULL,
  buy_in BIGINT NOT NULL,
  fee BIGINT NOT NULL,
  late BOOLEAN NOT NULL,
  status VARCHAR(16) NOT NULL,
  chips BIGINT NOT NULL,
  table_id VARCHAR(80),
  seat_number INT,
  place INT,
  tied_with INT,
  prize BIGINT,
  prize_paid BIGINT,
  registered_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (tournament_id, entry_id)
);

CREATE INDEX IF NOT EXISTS tournament_entries_player_idx ON tournament_entries (player_id, tournament_id);

-- tournament_payouts: the payout table as last announced (at the start, again when registration closes).
CREATE TABLE IF NOT EXISTS tournament_payouts (
  tournament_id VARCHAR(64) NOT NULL,
  place INT NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (tournament_id, place)
);

-- tournament_tables: the tables a tournament opened; players are counted from the entries when read.
CREATE TABLE IF NOT EXISTS tournament_tables (
  table_id VARCHAR(80) PRIMARY KEY,
  tournament_id VARCHAR(64) NOT NULL,
  table_number INT NOT NULL,
  broken BOOLEAN NOT NULL DEFAULT FALSE,
  last_hand BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS tournament_tables_tournament_idx ON tournament_tables (tournament_id, table_number);

-- The wallet's tournament entries (buy-in + fee debited) and their refunds, for the chip audit.
ALTER TABLE wallet_balances ADD COLUMN IF NOT EXISTS tournament_entries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE wallet_balances ADD COLUMN IF NOT EXISTS tournament_refunds BIGINT NOT NULL DEFAULT 0;
