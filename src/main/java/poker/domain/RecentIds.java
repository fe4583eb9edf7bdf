package poker.domain;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

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

    private static final RecentIds EMPTY = new RecentIds(new LinkedHashSet<>());

    private final Set<String> ids;

    private RecentIds(LinkedHashSet<String> ids) {
        this.ids = Collections.unmodifiableSet(ids);
    }

    /** The ids in their iteration order, oldest first; no copy when they already are recent ids. */
    public static RecentIds copyOf(Collection<String> ids) {
        if (ids instanceof RecentIds recent) {
            return recent;
        }
        return ids == null || ids.isEmpty() ? EMPTY : new RecentIds(new LinkedHashSet<>(ids));
    }

    /** These ids and {@code id} as the newest, without the oldest beyond {@code capacity}. */
    public RecentIds plus(String id, int capacity) {
        LinkedHashSet<String> next = new LinkedHashSet<>(ids);
        next.remove(id);
        next.add(id);
        Iterator<String> oldest = next.iterator();
        for (int excess = next.size() - capacity; excess > 0; excess--) {
            oldest.next();
            oldest.remove();
        }
        return new RecentIds(next);
    }

    @Override
    public boolean contains(Object id) {
        return ids.contains(id);
    }

    @Override
    public Iterator<String> iterator() {
        return ids.iterator();
    }

    @Override
    public int size() {
        return ids.size();
    }
}
