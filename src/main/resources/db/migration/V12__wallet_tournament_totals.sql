-- Tournament entries paid from wallets (buy-in + fee) and refunded, for the chip audit: what
-- tournaments hold is entries minus refunds (their prize pools and fees).
ALTER TABLE wallet_balances ADD COLUMN IF NOT EXISTS tournament_entries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE wallet_balances ADD COLUMN IF NOT EXISTS tournament_refunds BIGINT NOT NULL DEFAULT 0;
