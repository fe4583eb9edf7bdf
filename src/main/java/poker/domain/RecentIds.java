package poker.domain;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent ids an aggregate has accepted, oldest first, for recognising a retried command:
 * an immutable, insertion-ordered set that {@link #plus} keeps to at most {@code capacity} ids, so
 * the oldest falls out.
 *
 * <p>Stored as a JSON array, the shape the unbounded, unordered {@code Set} had before (read it into
 * a {@code LinkedHashSet} to keep the order). An old snapshot loads whole and is cut to the newest
 * {@code capacity} ids in stored order, for such a snapshot an arbitrary one, when the next id arrives.
 */
public final class RecentIds extends AbstractSet<String> {

    private static final RecentIds EMPTY = new RecentIds(RecentMap.copyOf(Map.of()));

    /** The ids as the keys of a recent map: one place keeps the order and the capacity. */
    private final RecentMap<Boolean> ids;

    private RecentIds(RecentMap<Boolean> ids) {
        this.ids = ids;
    }

    /** The ids in their iteration order, oldest first; no copy when they already are recent ids. */
    public static RecentIds copyOf(Collection<String> ids) {
        if (ids instanceof RecentIds recent) {
            return recent;
        }
        if (ids == null || ids.isEmpty()) {
            return EMPTY;
        }
        LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
        ids.forEach(id -> keys.put(id, Boolean.TRUE));
        return new RecentIds(RecentMap.copyOf(keys));
    }

    /** These ids and {@code id} as the newest, without the oldest beyond {@code capacity}. */
    public RecentIds plus(String id, int capacity) {
        return new RecentIds(ids.plus(id, Boolean.TRUE, capacity));
    }

    @Override
    public boolean contains(Object id) {
        return ids.containsKey(id);
    }

    @Override
    public Iterator<String> iterator() {
        return ids.keySet().iterator();
    }

    @Override
    public int size() {
        return ids.size();
    }
}
