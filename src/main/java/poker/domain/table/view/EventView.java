package poker.domain.table.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import poker.domain.cards.Card;
import poker.domain.cards.DeckCommitment;
import poker.domain.cards.DeckCommitment.Opening;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.FlopDealt;
import poker.domain.holdem.HandEvent.HoleCardsDealt;
import poker.domain.holdem.HandEvent.RiverDealt;
import poker.domain.holdem.HandEvent.TurnDealt;
import poker.domain.holdem.SeatState;
import poker.domain.table.Participant;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.DeckSalted;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.HandSalted;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableState;

/**
 * What one viewer may see of one journal event: the {@code event} of a live socket frame.
 *
 * <p>The result is a JSON-ready map (values are strings, numbers, booleans, null, lists and maps
 * only, so any {@code ObjectMapper} writes it the same way) with a {@code type} and the event's
 * fields; a {@code HandProgressed} is flattened to its hand event ({@code "type":"BetPlaced"},
 * its fields, and the {@code tableId}).
 *
 * <p>Redactions:
 * <ul>
 *   <li>{@code DeckSalted} (and the first scheme's {@code HandSalted}) becomes
 *       {@code {type:"DeckSealed", tableId, handNumber}}: no salt;</li>
 *   <li>{@code HandStarted} loses its {@code deck}; its {@code commitment} and {@code leaves} are public;</li>
 *   <li>{@code HoleCardsDealt} has {@code cards} only for the seat's own player, else {@code cards: null};</li>
 *   <li>{@code DeckRevealed}, written only by the first scheme (old journals), is shown in full.</li>
 * </ul>
 *
 * <p>Openings: in a hand sealed per position ({@link DeckCommitment}), an event that shows this viewer
 * cards ({@code HoleCardsDealt} to its owner, {@code FlopDealt}, {@code TurnDealt},
 * {@code RiverDealt}, {@code CardsShown}) carries {@code openings: [{position, card, salt}]} for
 * exactly those cards, so the viewer can check them against the leaves of {@code HandStarted};
 * another player's {@code HoleCardsDealt} has {@code openings: null}.
 *
 * <p>Default deny: the fields are read generically, so a field added later, or a new event type,
 * cannot leak. A field whose name speaks of a secret (deck, salt, card, hole, burn) or whose value
 * holds a {@link Card}, at any depth, is left out unless {@link #PUBLIC_FIELDS} names it for that
 * event type; a value of a type this class does not know is left out too.
 */
public final class EventView {

    /** Parts of a field name that mark it as secret unless explicitly allowed. */
    static final List<String> SECRET_NAME_PARTS = List.of("deck", "salt", "card", "hole", "burn");

    /** The only fields that may carry cards or secret-sounding names, per event type: public by the rules. */
    static final Map<String, Set<String>> PUBLIC_FIELDS = Map.of(
            "FlopDealt", Set.of("cards"),
            "TurnDealt", Set.of("card"),
            "RiverDealt", Set.of("card"),
            "CardsShown", Set.of("cards"),
            "DeckRevealed", Set.of("deck", "salt"));

    public static final String DECK_SEALED = "DeckSealed";
    public static final String OPENINGS = "openings";

    private EventView() {
    }

    /**
     * The view of {@code event} for {@code viewerPlayerId} (null for a spectator). {@code stateBefore}
     * is the table's state before the event (it tells whose seat was dealt which cards).
     */
    public static Map<String, Object> of(TableEvent event, String viewerPlayerId, TableState stateBefore) {
        Objects.requireNonNull(event, "event");
        if (event instanceof HandSalted e) {
            return sealed(e.tableId(), e.handNumber());
        }
        if (event instanceof DeckSalted e) {
            return sealed(e.tableId(), e.handNumber());
        }
        if (event instanceof HandProgressed e) {
            return ofHandEvent(e.tableId(), e.event(), viewerPlayerId, seat -> ownerOf(stateBefore, seat),
                    openerOf(stateBefore));
        }
        if (event instanceof ParticipantJoined e) {
            return joined(e);
        }
        String type = typeName(event.getClass());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", type);
        view.putAll(fields((Record) event, PUBLIC_FIELDS.getOrDefault(type, Set.of())));
        return Collections.unmodifiableMap(view);
    }

    /**
     * A join as clients have always seen it: the stored event lost {@code initialChips} and {@code status}
     * in its version 2 (both derived), the view keeps them, in their old places.
     */
    private static Map<String, Object> joined(ParticipantJoined e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", typeName(ParticipantJoined.class));
        view.put("participantId", e.participantId());
        view.put("playerId", e.playerId());
        view.put("tableId", e.tableId());
        view.put("chips", e.chips());
        view.put("initialChips", e.chips());
        view.put("seatNumber", e.seatNumber());
        view.put("sittingOut", e.sittingOut());
        view.put("status", e.status());
        view.put("waitForBigBlind", e.waitForBigBlind());
        return Collections.unmodifiableMap(view);
    }

    /**
     * The view of one hand event for {@code viewer}; {@code ownerOfSeat} tells who was dealt in at a
     * seat (the live table's state, or a completed hand's seats). {@code opener} opens a card of the
     * hand's per-position commitment; null for a first-scheme hand (no openings then).
     */
    public static Map<String, Object> ofHandEvent(String tableId, HandEvent event, String viewer,
                                                  IntFunction<String> ownerOfSeat, Function<Card, Opening> opener) {
        String type = typeName(event.getClass());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", type);
        view.put("tableId", tableId);
        List<Card> visible;
        if (event instanceof HoleCardsDealt dealt) {
            boolean own = viewer != null && viewer.equals(ownerOfSeat.apply(dealt.seat()));
            view.putAll(fields(dealt, own ? Set.of("cards") : Set.of()));
            if (!own) {
                view.put("cards", null);
            }
            visible = own ? dealt.cards() : null;
        } else {
            view.putAll(fields((Record) event, PUBLIC_FIELDS.getOrDefault(type, Set.of())));
            visible = publicCards(event);
        }
        if (opener != null && (event instanceof HoleCardsDealt || visible != null)) {
            view.put(OPENINGS, visible == null ? null : openings(visible, opener));
        }
        return Collections.unmodifiableMap(view);
    }

    /** The cards a hand event shows everyone, null for an event that shows none. */
    private static List<Card> publicCards(HandEvent event) {
        if (event instanceof FlopDealt e) {
            return e.cards();
        } else if (event instanceof TurnDealt e) {
            return List.of(e.card());
        } else if (event instanceof RiverDealt e) {
            return List.of(e.card());
        } else if (event instanceof CardsShown e) {
            return e.cards();
        }
        return null;
    }

    /** Openings as JSON-ready maps, in the order the cards were given. */
    static List<Map<String, Object>> openings(List<Card> cards, Function<Card, Opening> opener) {
        return cards.stream().map(c -> opening(opener.apply(c))).toList();
    }

    static Map<String, Object> opening(Opening o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", o.position());
        m.put("card", o.card().toString());
        m.put("salt", o.salt());
        return Collections.unmodifiableMap(m);
    }

    /** Opens the cards of the hand in play, if it is sealed per position; else null. */
    static Function<Card, Opening> openerOf(TableState state) {
        if (state == null || state.hand() == null || state.salts() == null) {
            return null;
        }
        List<Card> deck = state.hand().deck();
        List<String> salts = state.salts();
        return card -> DeckCommitment.open(deck, salts, card);
    }

    private static Map<String, Object> sealed(String tableId, long handNumber) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", DECK_SEALED);
        view.put("tableId", tableId);
        view.put("handNumber", handNumber);
        return Collections.unmodifiableMap(view);
    }

    /** The player dealt in at {@code seat} in the hand in play, else seated there; null if unknown. */
    private static String ownerOf(TableState state, int seat) {
        if (state == null) {
            return null;
        }
        if (state.hand() != null) {
            return state.hand().findSeat(seat).map(SeatState::playerId).orElse(null);
        }
        return state.seat(seat).map(Participant::playerId).orElse(null);
    }

    /** The stable type name of an event: its {@code @JsonTypeName}, else the simple class name. */
    static String typeName(Class<?> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        return name != null && !name.value().isEmpty() ? name.value() : type.getSimpleName();
    }

    /**
     * The fields of {@code record}, secret ones left out unless named in {@code allowed}; nested
     * records are read the same way with nothing allowed.
     */
    static Map<String, Object> fields(Record record, Set<String> allowed) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            String name = c.getName();
            boolean permitted = allowed.contains(name);
            if (!permitted && secretName(name)) {
                continue;
            }
            Object value;
            try {
                c.getAccessor().setAccessible(true);
                value = c.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue; // unreadable: left out
            }
            if (!permitted && holdsCard(value)) {
                continue;
            }
            Object json = json(value, permitted);
            if (json != UNKNOWN) {
                out.put(name, json);
            }
        }
        return out;
    }

    static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(lower::contains);
    }

    private static boolean holdsCard(Object value) {
        if (value instanceof Card) {
            return true;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().anyMatch(EventView::holdsCard);
        }
        if (value instanceof Map<?, ?> m) {
            return m.keySet().stream().anyMatch(EventView::holdsCard) || m.values().stream().anyMatch(EventView::holdsCard);
        }
        if (value instanceof Object[] a) {
            for (Object o : a) {
                if (holdsCard(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Object UNKNOWN = new Object();

    /** A JSON-ready copy of {@code value}; {@link #UNKNOWN} for a type that is not known to be safe. */
    private static Object json(Object value, boolean cardsAllowed) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Character ch) {
            return ch.toString();
        }
        if (value instanceof Card card) {
            return cardsAllowed ? card.toString() : UNKNOWN;
        }
        if (value instanceof Enum<?> e) {
            return enumName(e);
        }
        if (value instanceof TemporalAccessor) {
            return value.toString(); // Instant and friends: ISO-8601
        }
        if (value instanceof Record r) {
            return fields(r, Set.of());
        }
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>(c.size());
            for (Object o : c) {
                Object j = json(o, cardsAllowed);
                if (j == UNKNOWN) {
                    return UNKNOWN;
                }
                list.add(j);
            }
            return Collections.unmodifiableList(list);
        }
        return UNKNOWN;
    }

    private static String enumName(Enum<?> e) {
        try {
            JsonProperty p = e.getDeclaringClass().getField(e.name()).getAnnotation(JsonProperty.class);
            if (p != null && !p.value().isEmpty()) {
                return p.value();
            }
        } catch (NoSuchFieldException ignored) {
            // enum constants are fields
        }
        return e.name();
    }
}
