package poker.domain.holdem;

import java.util.List;

/** The outcome of a command: the events to persist, or a rejection that changes nothing. */
public sealed interface Decision {

    record Accepted(List<HandEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The events of an accepted decision; throws on a rejection. */
    default List<HandEvent> events() {
        if (this instanceof Accepted a) {
            return a.events();
        }
        throw new IllegalStateException("rejected: " + ((Rejected) this).rejection());
    }

    /** The rejection; throws if the decision was accepted. */
    default Rejection rejection() {
        if (this instanceof Rejected r) {
            return r.rejection();
        }
        throw new IllegalStateException("accepted, not rejected");
    }
}
