package poker.readside;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentEvent.EntryStack;
import poker.domain.tournament.TournamentEvent.HandFinished;
import poker.domain.tournament.TournamentEvent.HandForHandEnded;
import poker.domain.tournament.TournamentEvent.HandForHandStarted;
import poker.domain.tournament.TournamentEvent.LevelStarted;
import poker.domain.tournament.TournamentEvent.Payout;
import poker.domain.tournament.TournamentEvent.PlayerEliminated;
import poker.domain.tournament.TournamentEvent.PlayerMoved;
import poker.domain.tournament.TournamentEvent.PlayerRegistered;
import poker.domain.tournament.TournamentEvent.PlayerSeated;
import poker.domain.tournament.TournamentEvent.PlayerUnregistered;
import poker.domain.tournament.TournamentEvent.PrizeAwarded;
import poker.domain.tournament.TournamentEvent.RegistrationClosed;
import poker.domain.tournament.TournamentEvent.TableBroken;
import poker.domain.tournament.TournamentEvent.TableOpened;
import poker.domain.tournament.TournamentEvent.TournamentCancelled;
import poker.domain.tournament.TournamentEvent.TournamentCreated;
import poker.domain.tournament.TournamentEvent.TournamentFinished;
import poker.domain.tournament.TournamentEvent.TournamentStarted;
import poker.domain.tournament.TournamentSettings;
import poker.infra.Jackson;

/**
 * tournaments, tournament_entries, tournament_payouts, tournament_tables: the lobby, detail, standings
 * and "where do I play" of every tournament, from its journal. One projection for all four, so a
 * reader never sees a tournament's counters and its entries disagree. Every step is guarded so a
 * replayed event (the same envelope again after a crash between rows and offset cannot happen with
 * exactly-once, but a journal repaired by hand might) changes nothing twice: inserts ignore an
 * existing row, counters move only with the row whose status they follow.
 */
public final class TournamentProjectionHandler extends JdbcHandler<EventEnvelope<TournamentEvent>, PooledJdbcSession> {

    public static final String NAME = TournamentProjections.TOURNAMENTS;

    public static final String REGISTERING = "registering";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String CANCELLED = "cancelled";

    public static final String ENTRY_REGISTERED = "registered";
    public static final String ENTRY_PLAYING = "playing";
    public static final String ENTRY_ELIMINATED = "eliminated";
    public static final String ENTRY_UNREGISTERED = "unregistered";

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<TournamentEvent> envelope) throws Exception {
        TournamentEvent event = envelope.event();
        String id = event.tournamentId();
        if (event instanceof TournamentCreated e) {
            created(session, e);
        } else if (event instanceof PlayerRegistered e) {
            int inserted = update(session, "INSERT INTO tournament_entries (tournament_id, entry_id, player_id,"
                            + " entry_number, buy_in, fee, late, status, chips, registered_at)"
                            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, starting_stack, ? FROM tournaments WHERE tournament_id = ?"
                            + " ON CONFLICT DO NOTHING",
                    id, e.entryId(), UUID.fromString(e.playerId()), e.entryNumber(), e.buyIn(), e.fee(), e.late(),
                    ENTRY_REGISTERED, time(e.at()), id);
            if (inserted == 1) {
                update(session, "UPDATE tournaments SET entrants = entrants + 1, remaining = remaining + 1,"
                        + " prize_pool = prize_pool + ?, fees = fees + ? WHERE tournament_id = ?", e.buyIn(), e.fee(), id);
            }
        } else if (event instanceof PlayerUnregistered e) {
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE tournament_entries SET status = ?, chips = 0,"
                        + " table_id = NULL, seat_number = NULL WHERE tournament_id = ? AND entry_id = ? AND status = ?"
                        + " RETURNING buy_in, fee")) {
                    ps.setString(1, ENTRY_UNREGISTERED);
                    ps.setString(2, id);
                    ps.setString(3, e.entryId());
                    ps.setString(4, ENTRY_REGISTERED);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            long buyIn = rs.getLong(1);
                            long fee = rs.getLong(2);
                            update(session, "UPDATE tournaments SET entrants = entrants - 1, remaining = remaining - 1,"
                                    + " prize_pool = prize_pool - ?, fees = fees - ? WHERE tournament_id = ?",
                                    buyIn, fee, id);
                        }
                    }
                }
                return null;
            });
        } else if (event instanceof TournamentStarted e) {
            update(session, "UPDATE tournaments SET status = ?, started_at = ?, registration_open = late_registration_levels > 0"
                    + " WHERE tournament_id = ? AND status = ?", RUNNING, time(e.at()), id, REGISTERING);
            payouts(session, id, e.payouts());
        } else if (event instanceof TournamentCancelled e) {
            update(session, "UPDATE tournaments SET status = ?, cancel_reason = ?, ended_at = ?,"
                            + " registration_open = FALSE, hand_for_hand = FALSE WHERE tournament_id = ?",
                    CANCELLED, StorableText.of(truncate(e.reason(), 64)), time(e.at()), id);
        } else if (event instanceof LevelStarted e) {
            update(session, "UPDATE tournaments SET level = ?, small_blind = ?, big_blind = ?, ante = ?,"
                            + " level_ends_at = ? WHERE tournament_id = ?",
                    e.level(), e.smallBlind(), e.bigBlind(), e.ante(), time(e.endsAt()), id);
        } else if (event instanceof RegistrationClosed e) {
            update(session, "UPDATE tournaments SET registration_open = FALSE WHERE tournament_id = ?", id);
            payouts(session, id, e.payouts());
        } else if (event instanceof TableOpened e) {
            update(session, "INSERT INTO tournament_tables (table_id, tournament_id, table_number) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", e.tableId(), id, e.tableNumber());
        } else if (event instanceof PlayerSeated e) {
            update(session, "UPDATE tournament_entries SET status = ?, table_id = ?, seat_number = ?, chips = ?"
                            + " WHERE tournament_id = ? AND entry_id = ? AND status IN (?, ?)",
                    ENTRY_PLAYING, e.tableId(), e.seatNumber(), e.chips(), id, e.entryId(), ENTRY_REGISTERED,
                    ENTRY_PLAYING);
        } else if (event instanceof PlayerMoved e) {
            update(session, "UPDATE tournament_entries SET table_id = ?, seat_number = ?, chips = ?"
                            + " WHERE tournament_id = ? AND entry_id = ? AND status = ?",
                    e.toTable(), e.seatNumber(), e.chips(), id, e.entryId(), ENTRY_PLAYING);
        } else if (event instanceof TableBroken e) {
            update(session, "UPDATE tournament_tables SET broken = TRUE WHERE table_id = ?", e.tableId());
        } else if (event instanceof HandFinished e) {
            for (EntryStack stack : e.stacks()) {
                update(session, "UPDATE tournament_entries SET chips = ? WHERE tournament_id = ? AND entry_id = ?"
                        + " AND status = ?", stack.chips(), id, stack.entryId(), ENTRY_PLAYING);
            }
            update(session, "UPDATE tournament_tables SET last_hand = GREATEST(last_hand, ?) WHERE table_id = ?",
                    e.handNumber(), e.tableId());
            for (poker.domain.tournament.TournamentCommand.Bust bust : e.busts()) {
                // out now; the place follows (PlayerEliminated), at once or when late registration closes
                out(session, id, bust.entryId());
            }
        } else if (event instanceof HandForHandStarted) {
            update(session, "UPDATE tournaments SET hand_for_hand = TRUE WHERE tournament_id = ?", id);
        } else if (event instanceof HandForHandEnded) {
            update(session, "UPDATE tournaments SET hand_for_hand = FALSE WHERE tournament_id = ?", id);
        } else if (event instanceof PlayerEliminated e) {
            out(session, id, e.entryId());
            update(session, "UPDATE tournament_entries SET place = ?, tied_with = ?, prize = ?"
                            + " WHERE tournament_id = ? AND entry_id = ? AND status = ? AND place IS NULL",
                    e.place(), e.tiedWith(), e.prize(), id, e.entryId(), ENTRY_ELIMINATED);
        } else if (event instanceof PrizeAwarded e) {
            int paid = update(session, "UPDATE tournament_entries SET prize_paid = ? WHERE tournament_id = ?"
                    + " AND entry_id = ? AND prize_paid IS NULL", e.amount(), id, e.entryId());
            if (paid == 1) {
                update(session, "UPDATE tournaments SET prizes_paid = prizes_paid + ? WHERE tournament_id = ?",
                        e.amount(), id);
            }
        } else if (event instanceof TournamentFinished e) {
            update(session, "UPDATE tournaments SET status = ?, winner_entry_id = ?, ended_at = ?,"
                            + " registration_open = FALSE, hand_for_hand = FALSE WHERE tournament_id = ?",
                    FINISHED, e.winnerEntryId(), time(e.at()), id);
            update(session, "UPDATE tournament_entries SET place = 1, tied_with = 1, prize = ?"
                    + " WHERE tournament_id = ? AND entry_id = ?", e.prize(), id, e.winnerEntryId());
        } else {
            throw new IllegalArgumentException("unknown tournament event " + event.getClass().getSimpleName());
        }
        update(session, "UPDATE tournaments SET last_seq = GREATEST(last_seq, ?) WHERE tournament_id = ?",
                envelope.sequenceNr(), id);
    }

    private static void created(PooledJdbcSession session, TournamentCreated e) throws Exception {
        TournamentSettings s = e.settings();
        update(session, "INSERT INTO tournaments (tournament_id, name, buy_in, fee, starting_stack, seats_per_table,"
                        + " min_players, max_players, start_at, start_when_full, levels, late_registration_levels,"
                        + " max_reentries, action_seconds, status, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.tournamentId(), StorableText.of(truncate(s.name(), 64)), s.buyIn(), s.fee(), s.startingStack(),
                s.seatsPerTable(), s.minPlayers(), s.maxPlayers(), time(s.startAt()), s.startWhenFull(),
                levelsJson(s), s.lateRegistrationLevels(), s.maxReentries(), s.actionSeconds(), REGISTERING,
                UUID.fromString(e.createdBy()), time(e.createdAt()));
    }

    static String levelsJson(TournamentSettings s) {
        try {
            return StorableText.of(Jackson.MAPPER.writeValueAsString(s.levels()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("levels not serializable", ex);
        }
    }

    private static void payouts(PooledJdbcSession session, String id, java.util.List<Payout> payouts) throws Exception {
        update(session, "DELETE FROM tournament_payouts WHERE tournament_id = ?", id);
        for (Payout p : payouts) {
            update(session, "INSERT INTO tournament_payouts (tournament_id, place, amount) VALUES (?, ?, ?)"
                    + " ON CONFLICT (tournament_id, place) DO UPDATE SET amount = EXCLUDED.amount", id, p.place(),
                    p.amount());
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** One statement on the session's connection; the row count. */
    static int update(PooledJdbcSession session, String sql, Object... params) throws Exception {
        return session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    Object p = params[i];
                    if (p == null) {
                        ps.setNull(i + 1, Types.NULL);
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                return ps.executeUpdate();
            }
        });
    }

    /** An entry out of chips: eliminated, off its table, one fewer remaining (once). */
    private static void out(PooledJdbcSession session, String id, String entryId) throws Exception {
        int out = update(session, "UPDATE tournament_entries SET status = ?, chips = 0, table_id = NULL,"
                        + " seat_number = NULL WHERE tournament_id = ? AND entry_id = ? AND status IN (?, ?)",
                ENTRY_ELIMINATED, id, entryId, ENTRY_PLAYING, ENTRY_REGISTERED);
        if (out == 1) {
            update(session, "UPDATE tournaments SET remaining = remaining - 1 WHERE tournament_id = ?", id);
        }
    }
}
