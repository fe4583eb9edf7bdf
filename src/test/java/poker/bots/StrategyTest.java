package poker.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StrategyTest {

    private static JsonNode legal(String json) throws Exception {
        return BotApi.MAPPER.readTree(json);
    }

    @Test
    void everyChoiceIsAmongTheLegalActionsAndWithinItsBounds() throws Exception {
        JsonNode facingBet = legal("[{\"action\":\"fold\",\"min\":0,\"max\":0},{\"action\":\"call\",\"min\":20,\"max\":20},"
                + "{\"action\":\"raise\",\"min\":40,\"max\":500},{\"action\":\"all_in\",\"min\":500,\"max\":500}]");
        Strategy strategy = new Strategy(10, 30, 10);
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            Strategy.Choice c = strategy.choose(facingBet, random);
            seen.merge(c.action(), 1, Integer::sum);
            if (c.action().equals("raise")) {
                assertThat(c.amount()).isBetween(40L, 120L);
            } else {
                assertThat(c.amount()).isNull();
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder("fold", "call", "raise", "all_in");
        assertThat(seen.get("call")).isGreaterThan(seen.get("raise"));
    }

    @Test
    void aBetNeverGoesAboveTheMaximumAndNobodyFoldsWhenACheckIsFree() throws Exception {
        JsonNode shortStack = legal("[{\"action\":\"check\",\"min\":0,\"max\":0},{\"action\":\"bet\",\"min\":20,\"max\":30},"
                + "{\"action\":\"all_in\",\"min\":30,\"max\":30}]");
        Strategy strategy = new Strategy(50, 50, 0);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            Strategy.Choice c = strategy.choose(shortStack, random);
            assertThat(c.action()).isIn("check", "bet");
            if (c.action().equals("bet")) {
                assertThat(c.amount()).isBetween(20L, 30L);
            }
        }
    }

    @Test
    void theSafeChoiceAndTheFrame() throws Exception {
        assertThat(Strategy.safe(legal("[{\"action\":\"fold\"},{\"action\":\"call\",\"min\":5,\"max\":5}]")).action())
                .isEqualTo("call");
        assertThat(Strategy.safe(legal("[{\"action\":\"fold\"},{\"action\":\"all_in\",\"min\":5,\"max\":5}]")).action())
                .isEqualTo("all_in");
        assertThat(new Strategy.Choice("raise", 40L).frame(3))
                .isEqualTo("{\"type\":\"action\",\"handNumber\":3,\"action\":\"raise\",\"amount\":40}");
        assertThat(new Strategy.Choice("check", null).frame(3))
                .isEqualTo("{\"type\":\"action\",\"handNumber\":3,\"action\":\"check\"}");
        assertThatThrownBy(() -> new Strategy(60, 30, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRunnerWantsATableOrATournament() {
        assertThat(BotRunner.parse(new String[] {"--tournament", "t1", "--bots", "4"}))
                .containsEntry("tournament", "t1").containsEntry("bots", "4");
        assertThatThrownBy(() -> BotRunner.parse(new String[] {"--bots", "4"}))
                .hasMessageContaining("--table or --tournament");
        assertThatThrownBy(() -> BotRunner.parse(new String[] {"--table", "x", "--hands", "many"}))
                .hasMessageContaining("--hands");
        assertThatThrownBy(() -> BotRunner.parse(new String[] {"--table", "x", "--colour", "red"}))
                .hasMessageContaining("unknown option");
    }
}
