package poker.readside;

/**
 * Marks a projection handler whose {@code process} writes only through {@link PooledJdbcSession#update} (no
 * reads, no {@code withConnection}), so that a group's statements may go to PostgreSQL in batches
 * ({@link GroupedHandler}): a failed batch cannot be pinned on one event, so the group is then rolled back and
 * run again one statement at a time, where the failing event is named.
 */
public interface BatchedStatements {
}
