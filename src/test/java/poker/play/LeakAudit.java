package poker.play;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poker.domain.cards.Card;
import poker.domain.cards.DeckCommitment;
import poker.domain.cards.DeckCommitment.Opening;
import poker.domain.table.view.HiddenCards;
import poker.support.ApiClient;

/**
 * Checks what a recipient received against the hole cards each player really held. A recipient may
 * see their own hole cards, the board and cards shown at a showdown — during the hand and after it:
 * no frame or body ever carries any other card (another player's folded or mucked hand, a burn or
 * an undealt card), a deck order or a salt list. A salt may appear only inside an opening
 * {@code {position, card, salt}} of a card the recipient may see, and every opening must match its
 * leaf of the hand's published commitment. Cards are compared as whole JSON string values.
 */
final class LeakAudit {

    private static final Set<String> ALL_CARDS = Set.copyOf(Card.all().stream().map(Card::toString).toList());

    /** handNumber → playerId → that player's hole cards. */
    private final Map<Long, Map<String, Set<String>>> holeCards;
    private int frames;
    private int openings;

    LeakAudit(Map<Long, Map<String, Set<String>>> holeCards) {
        this.holeCards = holeCards;
    }

    int framesChecked() {
        return frames;
    }

    int openingsChecked() {
        return openings;
    }

    /** What one recipient may know of one hand, learned in the order the frames came. */
    private final class Hand {
        final long number;
        final Set<String> visible = new HashSet<>();
        DeckCommitment published;

        Hand(long number, String recipient) {
            this.number = number;
            if (recipient != null) {
                visible.addAll(holeCards.getOrDefault(number, Map.of()).getOrDefault(recipient, Set.of()));
            }
        }

        Set<String> forbidden() {
            Set<String> forbidden = new HashSet<>(ALL_CARDS);
            forbidden.removeAll(visible);
            return forbidden;
        }
    }

    /** Every socket frame {@code recipient} (null: a spectator) received, in order. */
    void check(String recipient, List<String> received) throws Exception {
        Hand hand = new Hand(0, recipient);
        for (String raw : received) {
            JsonNode frame = ApiClient.MAPPER.readTree(raw);
            JsonNode event = frame.path("event");
            String type = event.path("type").asText();
            long handNumber = frame.path("table").path("handNumber").asLong(0);
            if (type.equals("DeckSealed")) {
                handNumber = event.path("handNumber").asLong();
            }
            if (handNumber != 0 && handNumber != hand.number) {
                hand = new Hand(handNumber, recipient); // after HandClosed the last hand stays in force
            }
            if (frame.path("deck").isObject()) {
                hand.published = published(frame.path("deck"), raw);
            }
            Set<String> visible = hand.visible;
            switch (type) {
                case "HandStarted" -> hand.published = published(event, raw);
                case "FlopDealt", "CardsShown" -> event.path("cards").forEach(c -> visible.add(c.asText()));
                case "TurnDealt", "RiverDealt" -> visible.add(event.path("card").asText());
                default -> {
                }
            }
            frames++;
            String what = "hand " + hand.number + ", recipient " + recipient + ", frame " + raw;
            assertThat(HiddenCards.leaked(raw, hand.forbidden())).as(what).isEmpty();
            assertOnlyOpenedSalts(frame, hand, what);
        }
    }

    /** A live table read over HTTP: no hole card of any hand, no deck. */
    void checkLiveBody(String raw) {
        Set<String> all = new HashSet<>();
        holeCards.values().forEach(hand -> hand.values().forEach(all::addAll));
        assertThat(HiddenCards.leaked(raw, all)).as(raw).isEmpty();
        frames++;
    }

    /**
     * A completed hand read by {@code recipient} (null: anonymous): no hole card of another player
     * unless shown, no whole deck, and the openings (own cards, board, shown) verify.
     */
    void checkCompletedHand(String raw, String recipient) throws Exception {
        JsonNode body = ApiClient.MAPPER.readTree(raw);
        Hand hand = new Hand(body.path("handNumber").asLong(), recipient);
        body.path("board").forEach(c -> hand.visible.add(c.asText()));
        body.path("shown").forEach(s -> s.path("cards").forEach(c -> hand.visible.add(c.asText())));
        JsonNode commitment = body.path("deckCommitment");
        assertThat(body.path("deckReveal").isNull()).as("no whole deck: %s", raw).isTrue();
        assertThat(commitment.path("verified").asBoolean()).as(raw).isTrue();
        hand.published = published(commitment, raw);
        assertThat(HiddenCards.leaked(raw, hand.forbidden())).as("recipient %s: %s", recipient, raw).isEmpty();
        assertOnlyOpenedSalts(body, hand, raw);
        assertThat(commitment.path("openings")).as("an opening for each card the reader may see: %s", raw)
                .hasSize(hand.visible.size());
        frames++;
    }

    /** A completed hand read by a moderator or admin: the whole deck, opened and verified. */
    void checkReviewedHand(String raw) throws Exception {
        JsonNode commitment = ApiClient.MAPPER.readTree(raw).path("deckCommitment");
        DeckCommitment published = published(commitment, raw);
        List<Opening> all = openings(commitment);
        assertThat(all).as(raw).hasSize(52);
        assertThat(published.verifies(all)).as(raw).isTrue();
        assertThat(commitment.path("verified").asBoolean()).isTrue();
        openings += all.size();
        frames++;
    }

    private static DeckCommitment published(JsonNode node, String raw) {
        List<String> leaves = new ArrayList<>();
        node.path("leaves").forEach(l -> leaves.add(l.asText()));
        DeckCommitment published = new DeckCommitment(node.path("commitment").asText(), leaves);
        assertThat(published.leavesMatchCommitment()).as("52 leaves hashing to the commitment: %s", raw).isTrue();
        return published;
    }

    private static List<Opening> openings(JsonNode node) {
        List<Opening> out = new ArrayList<>();
        node.path("openings").forEach(o -> out.add(opening(o)));
        return out;
    }

    private static Opening opening(JsonNode o) {
        return new Opening(o.path("position").asInt(), Card.parse(o.path("card").asText()), o.path("salt").asText());
    }

    /**
     * Walks the whole JSON: a deck order (an array under "deck") or a salt list never appears; a
     * "salt" only in an opening of a visible card that matches its leaf.
     */
    private void assertOnlyOpenedSalts(JsonNode node, Hand hand, String what) {
        if (node.isArray()) {
            node.forEach(child -> assertOnlyOpenedSalts(child, hand, what));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        assertThat(node.path("deck").isArray()).as("a deck order in %s", what).isFalse();
        assertThat(node.has("salts")).as("a salt list in %s", what).isFalse();
        if (node.has("salt")) {
            assertThat(node.has("position") && node.has("card")).as("a salt outside an opening in %s", what).isTrue();
            Opening o = opening(node);
            assertThat(hand.visible).as("an opening of a card the recipient may not see in %s", what)
                    .contains(o.card().toString());
            assertThat(hand.published).as("a commitment before its openings, %s", what).isNotNull();
            assertThat(hand.published.opens(o)).as("opening %s matches its leaf, %s", o, what).isTrue();
            openings++;
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            assertOnlyOpenedSalts(it.next(), hand, what);
        }
    }
}
