-- The journal's own transactions no longer NOTIFY (the trigger of V21 goes).
--
-- A transaction that NOTIFYs takes PostgreSQL's notify-queue lock at commit and holds it until the commit is
-- on disk, so every journal commit waited for the one before it to be flushed: no group commit. Sampling
-- pg_stat_activity under the wallet benchmark found most active journal sessions in COMMIT waiting on that
-- lock ("Lock: object"). The node that wrote the events now announces their tags after the commit
-- (poker.readside.AnnouncingJournal and TagWakeups): one NOTIFY on the same channel, poker_event_tags, with
-- the same payload (the distinct tags, comma-separated), sent outside the journal's transactions and gathering
-- every write that committed while the previous announcement was on its way.
DROP TRIGGER IF EXISTS event_tag_notify ON event_tag;
DROP FUNCTION IF EXISTS poker_notify_event_tags();
