package poker.domain;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The most recent transactions of an aggregate by id, oldest first, each with what it produced, so a
 * retried command is answered with its first outcome: an immutable, insertion-ordered map that
 * {@link #plus} keeps to at most {@code capacity} entries, so the oldest falls out.
 *
 * <p>Stored as a JSON object in insertion order, the shape the unbounded, unordered {@code Map} had
 * before. An old snapshot loads whole and is cut to the newest {@code capacity} entries in stored
 * order, for such a snapshot an arbitrary one, when the next entry arrives.
 */
public final class RecentMap<V> extends AbstractMap<String, V> {

    private static final RecentMap<?> EMPTY = new RecentMap<>(new LinkedHashMap<>());

    private final Map<String, V> entries;

    private RecentMap(LinkedHashMap<String, V> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The entries in their iteration order, oldest first; no copy when they already are a recent map. */
    @SuppressWarnings("unchecked")
    public static <V> RecentMap<V> copyOf(Map<String, V> entries) {
        if (entries instanceof RecentMap<V> recent) {
            return recent;
        }
        return entries == null || entries.isEmpty() ? (RecentMap<V>) EMPTY : new RecentMap<>(new LinkedHashMap<>(entries));
    }

    /** These entries and {@code id} as the newest, without the oldest beyond {@code capacity}. */
    public RecentMap<V> plus(String id, V value, int capacity) {
        LinkedHashMap<String, V> next = new LinkedHashMap<>(entries);
        next.remove(id);
        next.put(id, value);
        Iterator<String> oldest = next.keySet().iterator();
        for (int excess = next.size() - capacity; excess > 0; excess--) {
            oldest.next();
            oldest.remove();
        }
        return new RecentMap<>(next);
    }

    @Override
    public V get(Object id) {
        return entries.get(id);
    }

    @Override
    public boolean containsKey(Object id) {
        return entries.containsKey(id);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return entries.entrySet();
    }
}
