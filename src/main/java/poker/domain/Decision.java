package poker.domain;

import java.util.List;

/** What a pure command handler returns: events to persist, or a rejection and nothing stored. */
public sealed interface Decision<E> {

    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<E>(Rejection rejection) implements Decision<E> {
    }

    @SafeVarargs
    static <E> Decision<E> accept(E... events) {
        return new Accepted<>(List.of(events));
    }

    static <E> Decision<E> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    static <E> Decision<E> reject(String code, String message) {
        return new Rejected<>(Rejection.of(code, message));
    }

    default boolean isAccepted() {
        return this instanceof Accepted<E>;
    }

    /** The events of an accepted decision; throws on a rejection. */
    default List<E> eventsOrThrow() {
        if (this instanceof Accepted<E> accepted) {
            return accepted.events();
        }
        throw new IllegalStateException("rejected: " + ((Rejected<E>) this).rejection());
    }

    /** The rejection; throws if the decision was accepted. */
    default Rejection rejectionOrThrow() {
        if (this instanceof Rejected<E> rejected) {
            return rejected.rejection();
        }
        throw new IllegalStateException("accepted, not rejected");
    }
}
