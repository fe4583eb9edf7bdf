-- Which node wrote each journal row, and a fence that keeps a downed node from writing again.
--
-- Every node's journal connections carry the setting poker.node (a random id per start of a node, see
-- poker.infra.NodeFence). A column default records it with the database's clock: no change to the
-- journal plugin, nothing more sent per write. Rows written before this migration keep NULL (the
-- columns are added without a default first, so an existing journal is not rewritten).
ALTER TABLE event_journal ADD COLUMN IF NOT EXISTS node VARCHAR(64);
ALTER TABLE event_journal ALTER COLUMN node SET DEFAULT current_setting('poker.node', true);
ALTER TABLE event_journal ADD COLUMN IF NOT EXISTS inserted_at TIMESTAMPTZ;
ALTER TABLE event_journal ALTER COLUMN inserted_at SET DEFAULT clock_timestamp();

-- One row per start of a node: its id and its cluster address and uid.
CREATE TABLE IF NOT EXISTS cluster_nodes (
  node VARCHAR(64) PRIMARY KEY,
  address VARCHAR(255) NOT NULL,
  uid BIGINT NOT NULL,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS cluster_nodes_address_uid_idx ON cluster_nodes (address, uid);

-- Nodes the cluster has downed. The survivors fence a node as soon as they see it downed, before its
-- shards move; from then on the database refuses its journal writes, even from a process that was
-- frozen (SIGSTOP, a long GC pause) and wakes up believing it still owns its entities.
CREATE TABLE IF NOT EXISTS cluster_fenced_nodes (
  node VARCHAR(64) PRIMARY KEY,
  fenced_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
  fenced_by VARCHAR(64)
);

CREATE OR REPLACE FUNCTION poker_refuse_fenced_writer() RETURNS trigger AS $$
BEGIN
  IF NEW.node IS NOT NULL AND EXISTS (SELECT 1 FROM cluster_fenced_nodes f WHERE f.node = NEW.node) THEN
    RAISE EXCEPTION 'node % was downed by the cluster: journal write refused', NEW.node
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS event_journal_refuse_fenced ON event_journal;
CREATE TRIGGER event_journal_refuse_fenced BEFORE INSERT ON event_journal
  FOR EACH ROW EXECUTE FUNCTION poker_refuse_fenced_writer();
