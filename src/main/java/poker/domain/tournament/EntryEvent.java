package poker.domain.tournament;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Steps of one tournament entry saga, in its own journal. A registration: debit buy-in + fee (wallet
 * transaction {@code entry-<entryId>}), then register the entry; if the tournament refuses it, refund
 * ({@code refund-<entryId>}, a compensation event). An unregistration: unregister the entry, then refund
 * ({@code unregister-<entryId>}). Every step is idempotent by the entry id, so a saga recovered after a
 * crash redoes its pending step without doing anything twice. The "type" names are stored: never rename.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(EntryEvent.EntryRequested.class),
        @JsonSubTypes.Type(EntryEvent.EntryPaid.class),
        @JsonSubTypes.Type(EntryEvent.EntryDeclined.class),
        @JsonSubTypes.Type(EntryEvent.EntryRegistered.class),
        @JsonSubTypes.Type(EntryEvent.EntryRefused.class),
        @JsonSubTypes.Type(EntryEvent.EntryRefunded.class),
        @JsonSubTypes.Type(EntryEvent.UnregisterRequested.class),
        @JsonSubTypes.Type(EntryEvent.EntryUnregistered.class),
        @JsonSubTypes.Type(EntryEvent.UnregisterRefused.class),
        @JsonSubTypes.Type(EntryEvent.UnregisterRefunded.class)
})
public sealed interface EntryEvent {

    String entryId();

    /** A registration begins: {@code buyIn + fee} will be debited from {@code userId}'s wallet. */
    @JsonTypeName("EntryRequested")
    record EntryRequested(String entryId, String tournamentId, String userId, long buyIn, long fee)
            implements EntryEvent {
    }

    /** The wallet was debited. */
    @JsonTypeName("EntryPaid")
    record EntryPaid(String entryId, long walletSequenceNr) implements EntryEvent {
    }

    /** The wallet refused the debit ({@code insufficient_funds}, ...); nothing to undo. */
    @JsonTypeName("EntryDeclined")
    record EntryDeclined(String entryId, String reason, String message) implements EntryEvent {
    }

    /** The tournament registered the entry: its events (PlayerRegistered first). */
    @JsonTypeName("EntryRegistered")
    record EntryRegistered(String entryId, List<TournamentEvent> events, long tournamentSequenceNr)
            implements EntryEvent {
        public EntryRegistered {
            events = List.copyOf(events);
        }
    }

    /** The tournament refused the paid entry: the refund (compensation) is due. */
    @JsonTypeName("EntryRefused")
    record EntryRefused(String entryId, String reason, String message, String field) implements EntryEvent {
    }

    /** The refused entry's money is back in the wallet. */
    @JsonTypeName("EntryRefunded")
    record EntryRefunded(String entryId, long walletSequenceNr) implements EntryEvent {
    }

    /** An unregistration of entry {@code entryId} begins. */
    @JsonTypeName("UnregisterRequested")
    record UnregisterRequested(String entryId, String tournamentId, String userId) implements EntryEvent {
    }

    /** The tournament let the entry go: {@code refund} is due to the wallet. */
    @JsonTypeName("EntryUnregistered")
    record EntryUnregistered(String entryId, long refund, List<TournamentEvent> events, long tournamentSequenceNr)
            implements EntryEvent {
        public EntryUnregistered {
            events = List.copyOf(events);
        }
    }

    /** The tournament refused the unregistration ({@code tournament_running}, ...); nothing to undo. */
    @JsonTypeName("UnregisterRefused")
    record UnregisterRefused(String entryId, String reason, String message, String field) implements EntryEvent {
    }

    /** The unregistered entry's money is back in the wallet. */
    @JsonTypeName("UnregisterRefunded")
    record UnregisterRefunded(String entryId, long walletSequenceNr) implements EntryEvent {
    }
}
