package poker.play;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poker.domain.table.view.HiddenCards;
import poker.support.ApiClient;

/**
 * Checks what a recipient received against the hole cards each player really held: before a hand's
 * deck is revealed, no frame may carry another player's hole card unless that player showed it, and
 * no frame may carry a deck or a salt. Cards are compared as whole JSON string values.
 */
final class LeakAudit {

    private final Map<Long, Map<String, Set<String>>> holeCards;
    private int frames;

    LeakAudit(Map<Long, Map<String, Set<String>>> holeCards) {
        this.holeCards = holeCards;
    }

    int framesChecked() {
        return frames;
    }

    void check(String recipient, List<String> received) throws Exception {
        long hand = 0;
        boolean revealed = false;
        Set<String> shown = new HashSet<>();
        for (String raw : received) {
            JsonNode frame = ApiClient.MAPPER.readTree(raw);
            JsonNode event = frame.path("event");
            String type = event.path("type").asText();
            long handNumber = frame.path("table").path("handNumber").asLong(0);
            if (handNumber != 0 && handNumber != hand) {
                hand = handNumber;
                revealed = false;
                shown.clear();
            }
            if (type.equals("CardsShown")) {
                event.path("cards").forEach(c -> shown.add(c.asText()));
            }
            if (type.equals("DeckRevealed")) {
                revealed = true;
            }
            frames++;
            Set<String> forbidden = new HashSet<>();
            holeCards.getOrDefault(hand, Map.of()).forEach((player, cards) -> {
                if (!player.equals(recipient)) {
                    forbidden.addAll(cards);
                }
            });
            forbidden.removeAll(shown);
            assertThat(HiddenCards.leaked(raw, forbidden)).as("hand %d, recipient %s, frame %s", hand, recipient, raw)
                    .isEmpty();
            assertThat(raw).as("no deck or salt while hand %d is live", hand)
                    .doesNotContain("\"deck\"").doesNotContain("\"salt\"");
        }
    }

    /** A live table read over HTTP: no hole card of the hand in play, no deck. */
    void checkLiveBody(String raw) {
        Set<String> all = new HashSet<>();
        holeCards.values().forEach(hand -> hand.values().forEach(all::addAll));
        assertThat(HiddenCards.leaked(raw, all)).as(raw).isEmpty();
        frames++;
    }

    /** A completed hand read by {@code viewerSeat}'s player: other seats' hole cards are not listed as dealt. */
    void checkCompletedHand(String raw, int viewerSeat) throws Exception {
        JsonNode hand = ApiClient.MAPPER.readTree(raw);
        for (JsonNode action : hand.path("actions")) {
            if (action.path("type").asText().equals("HoleCardsDealt") && action.path("seat").asInt() != viewerSeat) {
                assertThat(action.path("cards").isNull()).as(raw).isTrue();
            }
        }
        frames++;
    }
}
