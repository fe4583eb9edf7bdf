package poker.bots;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a fleet of bots did, counted as it happens (thread-safe); {@link #summary()} for a report. */
public final class BotStats {

    /** The counts at one moment. {@code rejections}: refused actions by error code. */
    public record Summary(int bots, long handsSeen, long actionsSent, Map<String, Long> rejections,
                          long reconnects, long moves, Map<String, Long> throttled, long unreachable) {

        /** Rejections other than the given codes (races a bot cannot avoid, such as hand_over). */
        public Map<String, Long> rejectionsExcept(Set<String> expected) {
            Map<String, Long> other = new TreeMap<>(rejections);
            other.keySet().removeAll(expected);
            return other;
        }

        @Override
        public String toString() {
            return bots + " bots: " + handsSeen + " hands seen, " + actionsSent + " actions sent, rejections "
                    + rejections + ", " + reconnects + " reconnects, " + moves + " moves followed, throttled "
                    + throttled + ", " + unreachable + " requests without an answer";
        }
    }

    /** Races a bot cannot avoid: its action crossed the end of the hand or a timeout. */
    public static final Set<String> RACES = Set.of("hand_over", "not_your_turn");

    private final Set<String> handsEnded = ConcurrentHashMap.newKeySet();
    private final LongAdder actions = new LongAdder();
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder moves = new LongAdder();
    private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();
    private final LongAdder unreachable = new LongAdder();
    private final AtomicLong bots = new AtomicLong();

    void bot() {
        bots.incrementAndGet();
    }

    /** A hand seen to end (counted once per table and hand number, however many bots saw it). */
    void handEnded(String tableId, long handNumber) {
        handsEnded.add(tableId + "#" + handNumber);
    }

    void actionSent() {
        actions.increment();
    }

    void rejected(String code) {
        rejections.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    void reconnected() {
        reconnects.increment();
    }

    void moved() {
        moves.increment();
    }

    void throttled(String why) {
        throttled.computeIfAbsent(why, c -> new LongAdder()).increment();
    }

    void unreachable() {
        unreachable.increment();
    }

    public long handsSeen() {
        return handsEnded.size();
    }

    /** Hands seen to end at one table. */
    public long handsSeen(String tableId) {
        return handsEnded.stream().filter(h -> h.startsWith(tableId + "#")).count();
    }

    public Summary summary() {
        return new Summary((int) bots.get(), handsEnded.size(), actions.sum(), counts(rejections), reconnects.sum(),
                moves.sum(), counts(throttled), unreachable.sum());
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
