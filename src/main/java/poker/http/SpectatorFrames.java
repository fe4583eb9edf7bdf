package poker.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The spectator's frame of each recent table event, built once per node and sent as is to every socket whose
 * viewer sees the table as a spectator ({@code TableView.seesAsSpectator}): with a thousand spectators on a
 * table, one view and one JSON text per event instead of a thousand. A frame is the same for every such
 * socket because a table's state after a given event is the same on every socket (each applies the same
 * events in order). Players' frames are never shared.
 *
 * <p>Bounded: the last {@code capacity} events over all tables, least recently used first out; a socket that
 * finds nothing builds the frame and leaves it for the others.
 */
final class SpectatorFrames {

    private final Map<Key, String> frames;

    private record Key(String tableId, long seq) {
    }

    SpectatorFrames(int capacity) {
        this.frames = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The spectator's frame of event {@code seq} of {@code tableId}, built by {@code build} if nobody has yet. */
    String get(String tableId, long seq, Supplier<String> build) {
        Key key = new Key(tableId, seq);
        synchronized (frames) {
            String frame = frames.get(key);
            if (frame != null) {
                return frame;
            }
        }
        // built outside the lock: two sockets may both build it once, with the same result
        String built = build.get();
        synchronized (frames) {
            String raced = frames.putIfAbsent(key, built);
            return raced != null ? raced : built;
        }
    }

    int size() {
        synchronized (frames) {
            return frames.size();
        }
    }
}
