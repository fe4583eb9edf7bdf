package poker.readside;

import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * A projection as {@link ReadSide} started it: the tags it reads ({@code <tagPrefix>-0 ..}), how it
 * builds its handler, and the read-model tables that handler alone writes ({@code tables}, unqualified,
 * in public). A projection with no tables (one with effects outside its own tables, such as the
 * cash-outs and the director forwarding) cannot be rebuilt: replaying it would repeat its effects.
 */
public record ProjectionDefinition(String name, String tagPrefix, int tagSlices, List<String> tables,
                                   Supplier<? extends JdbcHandler<?, PooledJdbcSession>> handler) {

    public ProjectionDefinition {
        tables = List.copyOf(tables);
    }

    public boolean rebuildable() {
        return !tables.isEmpty();
    }

    public List<String> slices() {
        return java.util.stream.IntStream.range(0, tagSlices).mapToObj(i -> tagPrefix + "-" + i).toList();
    }
}
