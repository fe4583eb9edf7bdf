package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A segment of the event archive gives back every column of every row, metadata or not. */
class EventArchiveFormatTest {

    static EventArchive.Row row(long seq, Integer metaSerializer) {
        byte[] payload = ("{\"type\":\"HandProgressed\",\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
        return new EventArchive.Row(1000 + seq, seq, "writer-" + seq, 1_764_000_000_000L + seq,
                seq % 2 == 0 ? null : "adapter", 33, "poker.domain.table.TableEvent#2", payload, metaSerializer,
                metaSerializer == null ? null : "meta", metaSerializer == null ? null : new byte[] {1, 2, 3},
                seq % 3 == 0 ? List.of() : List.of("table-" + seq % 4));
    }

    @Test
    void aSegmentDecodesToTheRowsItWasMadeOf() throws IOException {
        List<EventArchive.Row> rows = List.of(row(1, null), row(2, 7), row(3, null), row(4, null));
        byte[] segment = EventArchive.encode(rows);
        List<EventArchive.Row> back = EventArchive.decode(EventArchive.FORMAT, segment);
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            EventArchive.Row a = rows.get(i);
            EventArchive.Row b = back.get(i);
            assertThat(b.ordering()).isEqualTo(a.ordering());
            assertThat(b.sequenceNr()).isEqualTo(a.sequenceNr());
            assertThat(b.writer()).isEqualTo(a.writer());
            assertThat(b.writeTimestamp()).isEqualTo(a.writeTimestamp());
            assertThat(b.adapterManifest()).isEqualTo(a.adapterManifest());
            assertThat(b.serializerId()).isEqualTo(a.serializerId());
            assertThat(b.manifest()).isEqualTo(a.manifest());
            assertThat(b.payload()).isEqualTo(a.payload());
            assertThat(b.metaSerializerId()).isEqualTo(a.metaSerializerId());
            assertThat(b.metaManifest()).isEqualTo(a.metaManifest());
            assertThat(b.metaPayload()).isEqualTo(a.metaPayload());
            assertThat(b.tags()).isEqualTo(a.tags());
        }
    }

    @Test
    void anUnknownFormatOrATruncatedSegmentIsRefusedNotMisread() throws IOException {
        byte[] segment = EventArchive.encode(List.of(row(1, null), row(2, null)));
        assertThatThrownBy(() -> EventArchive.decode((short) 2, segment)).isInstanceOf(IOException.class)
                .hasMessageContaining("format 2");
        byte[] cut = java.util.Arrays.copyOf(segment, segment.length / 2);
        assertThatThrownBy(() -> EventArchive.decode(EventArchive.FORMAT, cut)).isInstanceOf(IOException.class);
    }
}
