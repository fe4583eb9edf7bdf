package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandState;
import poker.domain.holdem.StackedDeck;
import poker.domain.table.TableCommand.SitOut;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableState;
import poker.domain.table.view.TableView.Action;
import poker.domain.table.view.TableView.Seat;
import poker.domain.table.view.TableView.ToAct;
import poker.domain.table.view.TableView.You;

/** Views of real hands played through TableDecider, at the moments a client cares about. */
class TableViewTest {

    /** One salt per deck position, from a fixed seed. */
    static final List<String> SALTS = DeckCommitment.newSalts(new java.util.SplittableRandom(28));
    /** Button 1, small blind 2, big blind 3; dealt 2, 3, 1. Alice AA beats Bob KK; Carl's 72 is beaten. */
    static final List<Card> DECK = StackedDeck.deck(List.of(2, 3, 1),
            Map.of(1, "AsAd", 2, "KsKd", 3, "7c2d"), "3h8s9dJc4s");
    static final String COMMITMENT = DeckCommitment.of(DECK, SALTS).commitment();

    private final TablePlay play = new TablePlay();

    private TablePlay threeHanded() {
        return play.seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
    }

    private static Seat seat(TableView view, int seatNumber) {
        return view.seats().stream().filter(s -> s.seatNumber() == seatNumber).findFirst().orElseThrow();
    }

    /** Plays the stacked hand to a showdown: everyone calls preflop, then checks to the river. */
    private void playToShowdown() {
        if (!play.state.created()) {
            threeHanded();
        }
        play.start(DECK, SALTS);
        play.act("alice", ActionType.CALL, 0);
        play.act("bob", ActionType.CALL, 0);
        play.act("carl", ActionType.CHECK, 0);
        for (int street = 0; street < 3; street++) {
            play.act("bob", ActionType.CHECK, 0);
            play.act("carl", ActionType.CHECK, 0);
            play.act("alice", ActionType.CHECK, 0);
        }
        assertThat(play.state.hand()).as("the hand is over and cleared").isNull();
    }

    /** The table right after {@code HandEnded}, before the deck is revealed and the hand cleared. */
    private TableState atShowdown() {
        return play.steps.stream()
                .filter(s -> s.event() instanceof HandProgressed p && p.event() instanceof HandEvent.HandEnded)
                .reduce((a, b) -> b).orElseThrow().after();
    }

    @Test
    void preflopThePlayerOnTurnSeesTheirCardsAndLegalActionsWithAmounts() {
        threeHanded();
        play.start(DECK, SALTS);

        TableView view = TableView.of(play.state, "alice");

        assertThat(view.tableId()).isEqualTo(TablePlay.TABLE);
        assertThat(view.name()).isEqualTo("Views");
        assertThat(view.smallBlind()).isEqualTo(5);
        assertThat(view.bigBlind()).isEqualTo(10);
        assertThat(view.ante()).isZero();
        assertThat(view.maxSeats()).isEqualTo(6);
        assertThat(view.status()).isEqualTo("playing");
        assertThat(view.button()).isEqualTo(1);
        assertThat(view.handNumber()).isEqualTo(1L);
        assertThat(view.street()).isEqualTo("preflop");
        assertThat(view.board()).isEmpty();
        assertThat(view.commitment()).isEqualTo(COMMITMENT);
        assertThat(view.toAct()).isEqualTo(new ToAct(1, "alice", "2026-11-27T12:00:20Z"));
        assertThat(view.you()).isEqualTo(new You(1, "alice"));
        assertThat(view.legalActions()).containsExactly(
                new Action("fold", 0, 0),
                new Action("call", 10, 10),
                new Action("raise", 20, 1000),
                new Action("all_in", 1000, 1000));

        assertThat(view.seats()).extracting(Seat::seatNumber).containsExactly(1, 2, 3);
        assertThat(view.seats()).extracting(Seat::playerId).containsExactly("alice", "bob", "carl");
        assertThat(view.seats()).extracting(Seat::chips).containsExactly(1000L, 995L, 990L);
        assertThat(view.seats()).extracting(Seat::bet).containsExactly(0L, 5L, 10L);
        assertThat(view.seats()).extracting(Seat::status).containsOnly("active");
        assertThat(seat(view, 1).cards()).containsExactly("As", "Ad");
        assertThat(seat(view, 2).cards()).isNull();
        assertThat(seat(view, 3).cards()).isNull();

        HandState hand = play.state.hand();
        // preflop nothing is collected yet: the blinds are bets in front of their seats
        assertThat(view.pots()).extracting(TableView.Pot::amount)
                .containsExactlyElementsOf(hand.collectedPots().stream().map(p -> p.amount()).toList());
        assertThat(view.pots().stream().mapToLong(TableView.Pot::amount).sum()
                + view.seats().stream().mapToLong(TableView.Seat::bet).sum()).isEqualTo(15);
    }

    @Test
    void aPlayerNotOnTurnSeesOnlyTheirOwnCardsAndNoActions() {
        threeHanded();
        play.start(DECK, SALTS);

        TableView bob = TableView.of(play.state, "bob");
        assertThat(bob.legalActions()).isEmpty();
        assertThat(bob.you()).isEqualTo(new You(2, "bob"));
        assertThat(bob.toAct().playerId()).isEqualTo("alice");
        assertThat(seat(bob, 2).cards()).containsExactly("Ks", "Kd");
        assertThat(seat(bob, 1).cards()).isNull();
        assertThat(seat(bob, 3).cards()).isNull();

        play.act("alice", ActionType.CALL, 0);
        TableView bobOnTurn = TableView.of(play.state, "bob");
        assertThat(bobOnTurn.toAct().playerId()).isEqualTo("bob");
        assertThat(bobOnTurn.legalActions()).extracting(Action::action)
                .containsExactly("fold", "call", "raise", "all_in");
        assertThat(bobOnTurn.legalActions()).contains(new Action("call", 5, 5));
        assertThat(TableView.of(play.state, "alice").legalActions()).as("no longer on turn").isEmpty();
    }

    @Test
    void aSpectatorSeesNoCardsNoActionsAndNoSeat() {
        threeHanded();
        play.start(DECK, SALTS);

        for (String spectator : new String[] {null, "stranger"}) {
            TableView view = TableView.of(play.state, spectator);
            assertThat(view.seats()).extracting(Seat::cards).containsOnlyNulls();
            assertThat(view.legalActions()).isEmpty();
            assertThat(view.you()).isNull();
            assertThat(view.toAct()).isEqualTo(new ToAct(1, "alice", "2026-11-27T12:00:20Z"));
            assertThat(view.status()).isEqualTo("playing");
        }
    }

    @Test
    void displayNamesComeFromTheMapAndFallBackToThePlayerId() {
        threeHanded();
        TableView view = TableView.of(play.state, null, Map.of("alice", "Alice A.", "bob", "Bobby"));
        assertThat(view.seats()).extracting(Seat::displayName).containsExactly("Alice A.", "Bobby", "carl");
        assertThat(TableView.of(play.state, null).seats()).extracting(Seat::displayName)
                .containsExactly("alice", "bob", "carl");
    }

    @Test
    void afterTheShowdownShownCardsAreVisibleToAllAndTheMuckedHandOnlyToItsOwner() {
        playToShowdown();
        TableState showdown = atShowdown();
        HandState hand = showdown.hand();
        assertThat(hand.seat(1).shown()).isTrue();
        assertThat(hand.seat(2).shown()).isTrue();
        assertThat(hand.seat(3).mucked()).isTrue();
        assertThat(hand.seat(3).shown()).isFalse();

        for (String viewer : new String[] {null, "alice", "bob"}) {
            TableView view = TableView.of(showdown, viewer);
            assertThat(view.street()).isEqualTo("showdown");
            assertThat(view.status()).isEqualTo("playing");
            assertThat(view.board()).containsExactly("3h", "8s", "9d", "Jc", "4s");
            assertThat(view.toAct()).isNull();
            assertThat(view.legalActions()).isEmpty();
            assertThat(seat(view, 1).cards()).containsExactly("As", "Ad");
            assertThat(seat(view, 2).cards()).containsExactly("Ks", "Kd");
            assertThat(seat(view, 3).cards()).as("mucked, seen by %s", viewer).isNull();
        }
        TableView carl = TableView.of(showdown, "carl");
        assertThat(seat(carl, 3).cards()).as("the owner still sees a mucked hand").containsExactly("7c", "2d");
        assertThat(seat(carl, 1).chips()).isEqualTo(1020);

        // the muck event itself carries no cards, for anyone
        TableEvent muck = play.steps.stream().map(TablePlay.Step::event)
                .filter(e -> e instanceof HandProgressed p && p.event() instanceof HandEvent.HandMucked)
                .findFirst().orElseThrow();
        for (String viewer : new String[] {null, "alice", "carl"}) {
            assertThat(EventView.of(muck, viewer, showdown))
                    .containsOnlyKeys("type", "tableId", "seat")
                    .containsEntry("type", "HandMucked")
                    .containsEntry("seat", 3);
        }
    }

    @Test
    void betweenHandsTheTableIsWaitingWithNoHandStreetPotsOrTurn() {
        threeHanded();
        TableView before = TableView.of(play.state, "alice");
        assertThat(before.status()).isEqualTo("waiting");
        assertThat(before.button()).as("no hand yet").isNull();
        assertThat(before.handNumber()).isNull();
        assertThat(before.street()).isNull();
        assertThat(before.commitment()).isNull();

        playToShowdown();
        TableView after = TableView.of(play.state, "alice");
        assertThat(after.status()).isEqualTo("waiting");
        assertThat(after.button()).isEqualTo(1);
        assertThat(after.handNumber()).isNull();
        assertThat(after.street()).isNull();
        assertThat(after.board()).isEmpty();
        assertThat(after.pots()).isEmpty();
        assertThat(after.toAct()).isNull();
        assertThat(after.legalActions()).isEmpty();
        assertThat(after.commitment()).isNull();
        assertThat(after.you()).isEqualTo(new You(1, "alice"));
        assertThat(after.seats()).extracting(Seat::chips).containsExactly(1020L, 990L, 990L);
        assertThat(after.seats()).extracting(Seat::bet).containsOnly(0L);
        assertThat(after.seats()).extracting(Seat::cards).containsOnlyNulls();
        assertThat(after.seats()).extracting(Seat::status).containsOnly("active");
    }

    @Test
    void foldedAllInAndSittingOutSeatsAreLabelled() {
        play.seat("alice", 1, 100).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dora", 5, 1000);
        play.command(new SitOut("dora"));
        play.start(Deck.shuffled(new java.util.SplittableRandom(9)), SALTS);
        // button 1, small blind 2, big blind 3: alice is first to act
        play.act("alice", ActionType.ALL_IN, 0);
        play.act("bob", ActionType.FOLD, 0);

        TableView view = TableView.of(play.state, "carl");
        assertThat(seat(view, 1).status()).isEqualTo("all_in");
        assertThat(seat(view, 1).chips()).isZero();
        assertThat(seat(view, 1).bet()).isEqualTo(100);
        assertThat(seat(view, 2).status()).isEqualTo("folded");
        assertThat(seat(view, 3).status()).isEqualTo("active");
        assertThat(seat(view, 5).status()).as("sat out, not dealt in").isEqualTo("sitting_out");
        assertThat(seat(view, 5).chips()).isEqualTo(1000);
        assertThat(seat(view, 5).cards()).isNull();
        assertThat(view.legalActions()).as("facing an all-in: no raise")
                .containsExactly(new Action("fold", 0, 0), new Action("call", 90, 90));
    }

    @Test
    void aTableNotYetCreatedHasNoView() {
        assertThatThrownBy(() -> TableView.of(TableState.empty("nothing"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
