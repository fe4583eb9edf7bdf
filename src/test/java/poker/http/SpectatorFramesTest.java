package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A spectator frame is built once per table event and node, and the cache stays within its bound. */
class SpectatorFramesTest {

    @Test
    void theFrameOfAnEventIsBuiltOnceAndServedToEverySocket() {
        SpectatorFrames frames = new SpectatorFrames(16);
        AtomicInteger built = new AtomicInteger();
        for (int socket = 0; socket < 1000; socket++) {
            assertThat(frames.get("t1", 7, () -> "frame-" + built.incrementAndGet())).isEqualTo("frame-1");
        }
        assertThat(built).hasValue(1);
        // another event, another table: frames of their own
        assertThat(frames.get("t1", 8, () -> "t1-8")).isEqualTo("t1-8");
        assertThat(frames.get("t2", 7, () -> "t2-7")).isEqualTo("t2-7");
    }

    @Test
    void theLeastRecentlyUsedFramesGoFirst() {
        SpectatorFrames frames = new SpectatorFrames(3);
        frames.get("t", 1, () -> "1");
        frames.get("t", 2, () -> "2");
        frames.get("t", 3, () -> "3");
        frames.get("t", 1, () -> "rebuilt 1"); // used: stays
        frames.get("t", 4, () -> "4");          // 2 goes
        assertThat(frames.size()).isEqualTo(3);
        assertThat(frames.get("t", 1, () -> "rebuilt 1")).isEqualTo("1");
        assertThat(frames.get("t", 2, () -> "rebuilt 2")).isEqualTo("rebuilt 2");
    }
}
