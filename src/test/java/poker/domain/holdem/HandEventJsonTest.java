package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.CALL;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandEventJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyEventOfAHandSurvivesJsonWithItsStableTypeName() throws Exception {
        Hand hand = Hand.table().button(1).ante(100)
                .seat(1, 1000, "AsAd").seat(2, 600, "KsKd").seat(3, 1000, "QsQd")
                .board("Kh7d2c9s3h")
                .start()
                .act(1, ALL_IN).act(2, CALL).act(3, CALL);

        String json = mapper.writerFor(new TypeReference<List<HandEvent>>() { }).writeValueAsString(hand.events());
        List<HandEvent> back = mapper.readValue(json, new TypeReference<List<HandEvent>>() { });

        assertThat(back).isEqualTo(hand.events());
        assertThat(HandState.replay(back)).isEqualTo(hand.state());
        assertThat(json).contains("\"type\":\"HandStarted\"", "\"type\":\"BetPlaced\"", "\"action\":\"all_in\"",
                "\"type\":\"UncalledBetReturned\"", "\"type\":\"HandWon\"", "\"cards\":[\"Kh\",\"7d\",\"2c\"]");
    }

    @Test
    void aStoredPayloadReadsBack() throws Exception {
        String stored = "{\"type\":\"BetPlaced\",\"seat\":3,\"action\":\"raise\",\"added\":250,\"totalBet\":300,"
                + "\"stackAfter\":700,\"reason\":null}";

        assertThat(mapper.readValue(stored, HandEvent.class))
                .isEqualTo(new HandEvent.BetPlaced(3, ActionType.RAISE, 250, 300, 700, null));
    }
}
