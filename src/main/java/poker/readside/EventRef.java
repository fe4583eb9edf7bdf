package poker.readside;

import org.apache.pekko.projection.eventsourced.EventEnvelope;

/** An event by its identity in the journal. */
public record EventRef(String persistenceId, long sequenceNr) {

    public static EventRef of(EventEnvelope<?> envelope) {
        return new EventRef(envelope.persistenceId(), envelope.sequenceNr());
    }
}
