package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.Tagged;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The tags a journal write announces: every tag of every event in it, once each, untagged events none. */
class AnnouncingJournalTest {

    private static PersistentRepr event(String persistenceId, long seq, Object payload) {
        return PersistentRepr.apply(payload, seq, persistenceId, "", false, null, "writer");
    }

    private static AtomicWrite write(PersistentRepr... events) {
        return AtomicWrite.apply(CollectionConverters.asScala(List.of(events)).toList());
    }

    @Test
    void aWriteAnnouncesTheDistinctTagsOfItsEvents() {
        var writes = CollectionConverters.asScala(List.of(
                write(event("Table|a", 1, new Tagged("e1", Set.of("table-1"))),
                        event("Table|a", 2, new Tagged("e2", Set.of("table-1")))),
                write(event("Wallet|b", 7, new Tagged("e3", Set.of("wallet-3", "audit-0")))),
                write(event("Other|c", 1, "untagged")))).toList();
        assertThat(AnnouncingJournal.tags(writes)).containsExactlyInAnyOrder("table-1", "wallet-3", "audit-0");
    }

    @Test
    void untaggedEventsAnnounceNothing() {
        var writes = CollectionConverters.asScala(List.of(write(event("Other|c", 1, "untagged")))).toList();
        assertThat(AnnouncingJournal.tags(writes)).isEmpty();
    }
}
