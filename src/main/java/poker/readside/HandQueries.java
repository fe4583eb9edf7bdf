package poker.readside;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import poker.domain.holdem.HandEvent;
import poker.domain.table.view.CompletedHandView.DeckSecret;
import poker.domain.table.view.CompletedHandView.FirstScheme;
import poker.domain.table.view.CompletedHandView.PerPosition;
import javax.sql.DataSource;

/**
 * Reads of completed hands (hand_histories). Hole cards are in {@link CompletedHand#events()} and the
 * deck's secret in {@link CompletedHand#deckSecret()}: show them only through {@code CompletedHandView}.
 */
public final class HandQueries {

    public record Winner(String playerId, long amount) {
    }

    /**
     * {@code handNumber}: the hand's number at its table; {@code handId}: unique across the platform, the
     * journal position ({@code ordering}) of its {@code HandStarted}, the number its PokerStars history carries.
     */
    public record HandSummary(long handNumber, Long handId, Instant startedAt, Instant endedAt, long pot,
                              List<Winner> winners) {
    }

    /**
     * One page of completed hands, newest first.
     *
     * @param nextBefore the {@code before} that reads the next (older) page; null when there is none
     */
    public record HandPage(List<HandSummary> hands, Long nextBefore) {
    }

    public record CompletedHand(long handNumber, Long handId, Instant startedAt, Instant endedAt, long pot,
                                List<Winner> winners, Map<Integer, String> players, List<HandEvent> events, String deck,
                                String salt, String commitment, List<String> salts, boolean deckRevealed) {

        /** The deck secret as the hand was sealed: 52 salts, or a first-scheme single salt. */
        public DeckSecret deckSecret() {
            return salts != null ? new PerPosition(salts) : new FirstScheme(salt, deckRevealed);
        }

        /** The number its history carries: the platform-wide id (the table's number for a row without one). */
        public long historyNumber() {
            return handId != null ? handId : handNumber;
        }

        /** Leaves the deck, salts and events (hole cards) out: they must not reach a log. */
        @Override
        public String toString() {
            return "CompletedHand[handNumber=" + handNumber + ", handId=" + handId + ", startedAt=" + startedAt
                    + ", endedAt=" + endedAt + ", pot=" + pot + ", winners=" + winners + ", players=" + players
                    + ", events=" + events.size() + ", commitment=" + commitment + "]";
        }
    }

    private static final TypeReference<List<String>> SALTS = new TypeReference<>() {
    };

    private static final TypeReference<Map<String, Long>> WINNERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<Integer, String>> PLAYERS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public HandQueries(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * Up to {@code limit} hands numbered below {@code before} (all hands when null), newest first. One
     * row more than asked is read to know whether an older page exists; the primary key
     * (table_id, hand_number) serves the range scan.
     */
    public HandPage list(String tableId, Long before, int limit) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT hand_number, started_at, ended_at, pot, winners::text,"
                     + " hand_id FROM hand_histories WHERE table_id = ? AND hand_number < ?"
                     + " ORDER BY hand_number DESC LIMIT ?")) {
            ps.setObject(1, UUID.fromString(tableId));
            ps.setLong(2, before == null ? Long.MAX_VALUE : before);
            ps.setInt(3, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                List<HandSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new HandSummary(rs.getLong(1), rs.getObject(6, Long.class), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), rs.getLong(4), winners(rs.getString(5))));
                }
                if (out.size() <= limit) {
                    return new HandPage(out, null);
                }
                List<HandSummary> page = List.copyOf(out.subList(0, limit));
                return new HandPage(page, page.get(limit - 1).handNumber());
            }
        }
    }

    public Optional<CompletedHand> get(String tableId, long handNumber) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT hand_number, started_at, ended_at, pot, winners::text,"
                     + " players::text, events::text, deck, salt, commitment, salts::text, deck_revealed, hand_id"
                     + " FROM hand_histories"
                     + " WHERE table_id = ? AND hand_number = ?")) {
            ps.setObject(1, UUID.fromString(tableId));
            ps.setLong(2, handNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CompletedHand(rs.getLong(1), rs.getObject(13, Long.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getLong(4), winners(rs.getString(5)),
                        mapper.readValue(rs.getString(6), PLAYERS),
                        mapper.readValue(rs.getString(7), HandHistoryProjectionHandler.EVENTS),
                        rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11) == null ? null : mapper.readValue(rs.getString(11), SALTS),
                        rs.getBoolean(12)));
            }
        }
    }

    private List<Winner> winners(String json) throws SQLException {
        try {
            return mapper.readValue(json, WINNERS).entrySet().stream()
                    .map(e -> new Winner(e.getKey(), e.getValue())).toList();
        } catch (Exception e) {
            throw new SQLException("unreadable winners: " + json, e);
        }
    }
}
