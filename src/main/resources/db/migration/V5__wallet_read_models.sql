-- Read side of the Wallet, fed by projections (poker.readside).

-- wallet_balances: one row per wallet, with the totals the chip audit needs.
CREATE TABLE IF NOT EXISTS wallet_balances (
  user_id UUID PRIMARY KEY,
  balance BIGINT NOT NULL,
  granted BIGINT NOT NULL DEFAULT 0,
  deposited BIGINT NOT NULL DEFAULT 0,
  withdrawn BIGINT NOT NULL DEFAULT 0,
  -- chips the wallet sent to tables and got back, to find chips in flight
  bought_in BIGINT NOT NULL DEFAULT 0,
  refunded BIGINT NOT NULL DEFAULT 0,
  cashed_out BIGINT NOT NULL DEFAULT 0,
  prizes BIGINT NOT NULL DEFAULT 0
);

-- wallet_ledger: every wallet transaction, newest first per user.
CREATE TABLE IF NOT EXISTS wallet_ledger (
  transaction_id VARCHAR(128) NOT NULL,
  user_id UUID NOT NULL,
  seq BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  amount BIGINT NOT NULL,
  balance BIGINT NOT NULL,
  table_id UUID,
  reference VARCHAR(256),
  occurred_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (user_id, transaction_id)
);

CREATE INDEX IF NOT EXISTS wallet_ledger_user_seq_idx ON wallet_ledger (user_id, seq DESC);
