package poker.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The tournament journal checker on a small story written by hand (four entries, two tables of three;
 * one table broken into the other, then the winner), and on the same story with one rule broken each
 * time: so the integration tests that rely on it can fail.
 */
class TournamentChecksTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String T = "Tournament|t";
    private static final String A = "Table|t-1";
    private static final String B = "Table|t-2";

    /** The story as (persistence id, event JSON), in journal order. */
    private static List<String[]> story() {
        List<String[]> s = new ArrayList<>();
        s.add(new String[] {T, "{'type':'TournamentCreated','tournamentId':'t','settings':{'buyIn':100,'fee':10,"
                + "'startingStack':1000,'seatsPerTable':3}}"});
        for (int i = 1; i <= 4; i++) {
            s.add(new String[] {"Wallet|p" + i, "{'type':'TournamentEntryDebited','tournamentId':'t','transactionId':'tx" + i
                    + "','entryId':'e" + i + "','buyIn':100,'fee':10}"});
            s.add(new String[] {T, "{'type':'PlayerRegistered','entryId':'e" + i + "','playerId':'p" + i
                    + "','transactionId':'tx" + i + "'}"});
        }
        s.add(new String[] {T, "{'type':'TournamentStarted','payouts':[{'place':1,'amount':280},{'place':2,'amount':120}]}"});
        s.add(new String[] {T, "{'type':'TableOpened','tableId':'t-1'}"});
        s.add(new String[] {T, "{'type':'TableOpened','tableId':'t-2'}"});
        for (int i = 1; i <= 4; i++) {
            String table = i <= 2 ? "t-1" : "t-2";
            s.add(new String[] {"Table|" + table, "{'type':'ParticipantJoined','playerId':'p" + i + "'}"});
            s.add(new String[] {T, "{'type':'PlayerSeated','entryId':'e" + i + "','tableId':'" + table + "','chips':1000}"});
        }
        s.add(new String[] {A, "{'type':'HandPermitted','handNumber':1}"});
        s.add(new String[] {B, "{'type':'HandPermitted','handNumber':1}"});
        // table 1: p2 busts
        s.add(new String[] {A, "{'type':'TournamentHandEnded','stacks':[{'startChips':1000,'endChips':2000},"
                + "{'startChips':1000,'endChips':0}]}"});
        s.add(new String[] {A, "{'type':'ParticipantLeft','playerId':'p2'}"});
        s.add(new String[] {T, "{'type':'HandFinished','tableId':'t-1','handNumber':1,'stacks':[{'entryId':'e1','chips':2000},"
                + "{'entryId':'e2','chips':0}]}"});
        s.add(new String[] {T, "{'type':'PlayerEliminated','entryId':'e2','place':4,'tiedWith':1,'stackAtHandStart':1000,"
                + "'tableId':'t-1','handNumber':1,'prize':0}"});
        // three left fit at one table of three: table 1 (one player) breaks into table 2
        s.add(new String[] {A, "{'type':'ParticipantLeft','playerId':'p1'}"});
        s.add(new String[] {B, "{'type':'ParticipantJoined','playerId':'p1'}"});
        s.add(new String[] {T, "{'type':'PlayerMoved','entryId':'e1','fromTable':'t-1','toTable':'t-2','chips':2000}"});
        s.add(new String[] {T, "{'type':'TableBroken','tableId':'t-1'}"});
        s.add(new String[] {B, "{'type':'TournamentHandEnded','stacks':[{'startChips':1000,'endChips':1500},"
                + "{'startChips':1000,'endChips':500}]}"});
        s.add(new String[] {T, "{'type':'HandFinished','tableId':'t-2','handNumber':1,'stacks':[{'entryId':'e3','chips':1500},"
                + "{'entryId':'e4','chips':500}]}"});
        s.add(new String[] {B, "{'type':'HandPermitted','handNumber':2}"});
        s.add(new String[] {B, "{'type':'TournamentHandEnded','stacks':[{'startChips':2000,'endChips':3500},"
                + "{'startChips':1500,'endChips':0},{'startChips':500,'endChips':500}]}"});
        s.add(new String[] {B, "{'type':'ParticipantLeft','playerId':'p3'}"});
        s.add(new String[] {T, "{'type':'HandFinished','tableId':'t-2','handNumber':2,'stacks':[{'entryId':'e1','chips':3500},"
                + "{'entryId':'e3','chips':0},{'entryId':'e4','chips':500}]}"});
        s.add(new String[] {T, "{'type':'PlayerEliminated','entryId':'e3','place':3,'tiedWith':1,'stackAtHandStart':1500,"
                + "'tableId':'t-2','handNumber':2,'prize':0}"});
        s.add(new String[] {B, "{'type':'HandPermitted','handNumber':3}"});
        s.add(new String[] {B, "{'type':'TournamentHandEnded','stacks':[{'startChips':3500,'endChips':4000},"
                + "{'startChips':500,'endChips':0}]}"});
        s.add(new String[] {B, "{'type':'ParticipantLeft','playerId':'p4'}"});
        s.add(new String[] {T, "{'type':'HandFinished','tableId':'t-2','handNumber':3,'stacks':[{'entryId':'e1','chips':4000},"
                + "{'entryId':'e4','chips':0}]}"});
        s.add(new String[] {T, "{'type':'PlayerEliminated','entryId':'e4','place':2,'tiedWith':1,'stackAtHandStart':500,"
                + "'tableId':'t-2','handNumber':3,'prize':120}"});
        s.add(new String[] {T, "{'type':'TournamentFinished','winnerEntryId':'e1','prize':280}"});
        s.add(new String[] {"Wallet|p4", "{'type':'PrizeCredited','tournamentId':'t','transactionId':'prize-t-e4','amount':120}"});
        s.add(new String[] {T, "{'type':'PrizeAwarded','entryId':'e4','amount':120,'transactionId':'prize-t-e4'}"});
        s.add(new String[] {"Wallet|p1", "{'type':'PrizeCredited','tournamentId':'t','transactionId':'prize-t-e1','amount':280}"});
        s.add(new String[] {T, "{'type':'PrizeAwarded','entryId':'e1','amount':280,'transactionId':'prize-t-e1'}"});
        return s;
    }

    private static TournamentChecks check(List<String[]> story) throws Exception {
        List<TournamentChecks.Row> rows = new ArrayList<>();
        Map<String, Long> seq = new HashMap<>();
        long ordering = 0;
        for (String[] e : story) {
            rows.add(new TournamentChecks.Row(++ordering, e[0], seq.merge(e[0], 1L, Long::sum),
                    MAPPER.readTree(e[1].replace('\'', '"'))));
        }
        return TournamentChecks.of("t", rows);
    }

    private static List<String[]> changed(UnaryOperator<List<String[]>> change) {
        return change.apply(story());
    }

    private static int indexOf(List<String[]> story, String pid, String fragment) {
        for (int i = 0; i < story.size(); i++) {
            if (story.get(i)[0].equals(pid) && story.get(i)[1].contains(fragment)) {
                return i;
            }
        }
        throw new IllegalArgumentException(fragment);
    }

    @Test
    void theStoryAsPlayedBreaksNoRule() throws Exception {
        TournamentChecks checks = check(story());
        assertThat(checks.violations()).isEmpty();
        assertThat(checks.winner()).isEqualTo("e1");
        assertThat(checks.places()).containsEntry("e1", 1).containsEntry("e4", 2).containsEntry("e3", 3)
                .containsEntry("e2", 4);
        assertThat(checks.tableHands()).isEqualTo(4);
        assertThat(checks.balancingPoints()).isEqualTo(4);
        assertThat(checks.prizePool()).isEqualTo(400);
    }

    @Test
    void aPlayerSeatedAtTheNewTableBeforeLeavingTheOldOne() throws Exception {
        List<String[]> s = changed(story -> {
            int left = indexOf(story, A, "ParticipantLeft','playerId':'p1'");
            story.add(left + 2, story.remove(left)); // joins table 2, then leaves table 1
            return story;
        });
        assertThat(check(s).violations()).anyMatch(v -> v.contains("joins t-2 while seated at [t-1]"));
    }

    @Test
    void chipsThatAppearFromNowhere() throws Exception {
        List<String[]> s = changed(story -> {
            int i = indexOf(story, T, "'handNumber':1,'stacks':[{'entryId':'e3','chips':1500}");
            story.set(i, new String[] {T, story.get(i)[1].replace("'chips':500", "'chips':600")});
            return story;
        });
        assertThat(check(s).violations()).anyMatch(v -> v.contains("tournament chips 4100 != 4 entries x 1000"));
    }

    @Test
    void aPrizeCreditedTwice() throws Exception {
        List<String[]> s = changed(story -> {
            story.add(story.get(indexOf(story, "Wallet|p4", "PrizeCredited")));
            return story;
        });
        assertThat(check(s).violations()).anyMatch(v -> v.contains("prize prize-t-e4 credited 2 times"));
    }

    @Test
    void aTableDealtWhenItsPlayersFitElsewhere() throws Exception {
        List<String[]> s = changed(story -> {
            // table 1 deals its second hand before it is broken
            story.add(indexOf(story, A, "ParticipantLeft','playerId':'p1'"), new String[] {A, "{'type':'HandPermitted','handNumber':2}"});
            return story;
        });
        // a table of one left may not deal at all: the permit is refused on either rule
        assertThat(check(s).violations()).anyMatch(v -> v.contains("deals again though its 1 players fit")
                || v.contains("a hand permitted at a table with fewer than two seated"));
    }

    @Test
    void aTieBetweenDifferentStacksAndAFeeTakenTwice() throws Exception {
        List<String[]> s = changed(story -> {
            int i = indexOf(story, T, "'entryId':'e3','place':3");
            story.set(i, new String[] {T, story.get(i)[1].replace("'place':3", "'place':2")});
            story.add(1, new String[] {"Wallet|p1", "{'type':'TournamentEntryDebited','tournamentId':'t',"
                    + "'transactionId':'tx1','entryId':'e1','buyIn':100,'fee':10}"});
            return story;
        });
        List<String> violations = check(s).violations();
        assertThat(violations).anyMatch(v -> v.contains("a tie at place 2 between different stacks"));
        assertThat(violations).anyMatch(v -> v.contains("entry e3 tiedWith 1 but 2 share place 2"));
        assertThat(violations).anyMatch(v -> v.contains("entry e1 debited 2 times"));
        assertThat(violations).anyMatch(v -> v.contains("fees taken 50, expected 4 x 10"));
    }

    @Test
    void theBubbleAtTwoTablesNotPlayedHandForHand() throws Exception {
        // three players paid: the first bust leaves 3 = paid, so make it 4 paid... instead: 3 places paid and
        // nobody breaks (seats of 2 would not fit): the hands after the first bust are on the bubble
        List<String[]> s = changed(story -> {
            int i = indexOf(story, T, "TournamentStarted");
            story.set(i, new String[] {T, "{'type':'TournamentStarted','payouts':[{'place':1,'amount':200},"
                    + "{'place':2,'amount':120},{'place':3,'amount':80}]}"});
            // table 2 deals again while four remain... and table 1 before its break, with 4 remaining = 3 + 1
            story.add(indexOf(story, A, "TournamentHandEnded"), new String[] {B, "{'type':'HandPermitted','handNumber':9}"});
            return story;
        });
        assertThat(check(s).violations()).anyMatch(v -> v.contains("the bubble came with more than one table and no hand-for-hand"));
    }
}
