package poker.readside;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.cards.Card;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.DeckRevealed;
import poker.domain.table.TableEvent.DeckSalted;
import poker.domain.table.TableEvent.HandClosed;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.HandSalted;
import poker.infra.EventArchive;

/**
 * hand_histories: each completed hand with all its facts. While a hand is in play only its start
 * position in the journal is kept (no cards, no salts); once it has ended the hand's events and deck
 * secret are read back from the journal and the history is written whole. Its {@code hand_id}, unique
 * across tables, is the journal {@code ordering} of its {@code HandStarted}.
 */
public final class HandHistoryProjectionHandler extends JdbcHandler<EventEnvelope<TableEvent>, PooledJdbcSession> {

    public static final String NAME = "hand_histories";
    /** The tables this projection writes (a rebuild fills both). */
    public static final List<String> TABLES = List.of("hand_histories", "hands_in_play");
    public static final TypeReference<List<HandEvent>> EVENTS = new TypeReference<>() {
    };

    private final ActorSystem<?> system;
    private final ObjectMapper mapper;
    private final ObjectWriter eventsWriter;

    public HandHistoryProjectionHandler(ActorSystem<?> system, ObjectMapper mapper) {
        this.system = system;
        this.mapper = mapper;
        this.eventsWriter = mapper.writerFor(EVENTS);
    }

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<TableEvent> envelope) throws Exception {
        if (envelope.event() instanceof HandProgressed e && e.event() instanceof HandEvent.HandStarted started) {
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO hands_in_play"
                        + " (table_id, hand_number, start_seq, started_at) VALUES (?, ?, ?, ?)")) {
                    ps.setObject(1, UUID.fromString(e.tableId()));
                    ps.setLong(2, started.handNumber());
                    ps.setLong(3, envelope.sequenceNr());
                    ps.setTimestamp(4, Timestamp.from(Instant.ofEpochMilli(envelope.timestamp())));
                    return ps.executeUpdate();
                }
            });
        } else if (envelope.event() instanceof HandClosed || envelope.event() instanceof DeckRevealed) {
            session.withConnection(c -> {
                complete(c, envelope);
                return null;
            });
        }
    }

    /**
     * The hand of {@code envelope} ended ({@code HandClosed}; {@code DeckRevealed} in first-scheme
     * journals): reads its events back from the journal, with its secret — {@code DeckSalted}, or a
     * first-scheme {@code HandSalted} — stored right before {@code HandStarted}, and writes its history.
     */
    private void complete(Connection c, EventEnvelope<TableEvent> envelope) throws Exception {
        TableEvent end = envelope.event();
        long handNumber = end instanceof HandClosed closed ? closed.handNumber() : ((DeckRevealed) end).handNumber();
        UUID table = UUID.fromString(end.tableId());
        long startSeq;
        Instant startedAt;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT start_seq, started_at FROM hands_in_play WHERE table_id = ? AND hand_number = ?")) {
            ps.setObject(1, table);
            ps.setLong(2, handNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                startSeq = rs.getLong(1);
                startedAt = rs.getTimestamp(2).toInstant();
            }
        }
        // through the archive: a rebuild meets hands whose events were archived
        List<org.apache.pekko.persistence.query.EventEnvelope> read = EventArchive.get(system).events(
                        envelope.persistenceId(), Math.max(1, startSeq - 1), envelope.sequenceNr())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<TableEvent> journalEvents = read.stream().map(env -> (TableEvent) env.event()).toList();
        // the hand's id across the platform: its HandStarted's journal ordering (unique, and the same on a rebuild)
        long handId = read.stream().filter(env -> env.sequenceNr() == startSeq)
                .map(env -> ((Sequence) env.offset()).value()).findFirst()
                .orElseThrow(() -> new IllegalStateException("hand " + handNumber + " of " + envelope.persistenceId()
                        + " has no HandStarted at " + startSeq));
        List<HandEvent> events = journalEvents.stream()
                .filter(event -> event instanceof HandProgressed)
                .map(event -> ((HandProgressed) event).event())
                .toList();
        List<String> salts = null;
        String salt = null;
        for (TableEvent event : journalEvents) {
            if (event instanceof DeckSalted s && s.handNumber() == handNumber) {
                salts = s.salts();
            } else if (event instanceof HandSalted s && s.handNumber() == handNumber) {
                salt = s.salt();
            }
        }
        if (salts == null && salt == null) {
            throw new IllegalStateException("hand " + handNumber + " of " + envelope.persistenceId()
                    + " has no deck secret before its HandStarted at " + startSeq);
        }
        HandEvent.HandStarted started = (HandEvent.HandStarted) events.get(0);
        long pot = events.stream().filter(e -> e instanceof HandEvent.HandWon)
                .mapToLong(e -> ((HandEvent.HandWon) e).amount()).sum();
        Map<String, Long> winners = events.stream().filter(e -> e instanceof HandEvent.HandWon)
                .map(e -> (HandEvent.HandWon) e)
                .collect(Collectors.groupingBy(w -> playerAt(started, w.seat()), LinkedHashMap::new,
                        Collectors.summingLong(HandEvent.HandWon::amount)));
        // everyone seated, dealt in or not: the history lists them all
        Map<Integer, String> players = new java.util.TreeMap<>();
        started.seats().forEach(s -> players.put(s.seat(), s.playerId()));
        started.seatedNotDealtIn().forEach(s -> players.put(s.seat(), s.playerId()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hand_histories (table_id, hand_number,"
                + " started_at, ended_at, pot, winners, players, events, deck, salt, commitment, salts, deck_revealed,"
                + " hand_id) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)")) {
            ps.setObject(1, table);
            ps.setLong(2, handNumber);
            ps.setTimestamp(3, Timestamp.from(startedAt));
            ps.setTimestamp(4, Timestamp.from(Instant.ofEpochMilli(envelope.timestamp())));
            ps.setLong(5, pot);
            ps.setString(6, mapper.writeValueAsString(winners));
            ps.setString(7, mapper.writeValueAsString(players));
            ps.setString(8, eventsWriter.writeValueAsString(events));
            ps.setString(9, started.deck().stream().map(Card::toString).collect(Collectors.joining()));
            ps.setString(10, salt);
            ps.setString(11, started.commitment());
            ps.setString(12, salts == null ? null : mapper.writeValueAsString(salts));
            ps.setBoolean(13, end instanceof DeckRevealed);
            ps.setLong(14, handId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM hands_in_play WHERE table_id = ? AND hand_number = ?")) {
            ps.setObject(1, table);
            ps.setLong(2, handNumber);
            ps.executeUpdate();
        }
    }

    private static String playerAt(HandEvent.HandStarted started, int seat) {
        return started.seats().stream().filter(s -> s.seat() == seat).findFirst().orElseThrow().playerId();
    }
}
