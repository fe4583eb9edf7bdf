package poker.bots;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bot players from the command line: signs up N bots (or logs them in), then either seats them at a cash
 * table and plays a number of hands (or seconds), or registers them into a tournament and plays it to
 * the end; prints a summary (hands seen, actions sent, rejections by code, places and prizes).
 *
 * <pre>
 * mvn -q exec:java -Dmain.class=poker.bots.BotRunner -Dexec.args="--tournament ID --bots 6"
 * mvn -q exec:java -Dmain.class=poker.bots.BotRunner -Dexec.args="--table ID --buy-in 500 --hands 20"
 * </pre>
 *
 * Exit code 0 when the bots did what was asked, 1 when not (a refused registration, the tournament not
 * finished in time), 2 for bad arguments.
 */
public final class BotRunner {

    private static final String USAGE = """
            usage: BotRunner (--table ID [--buy-in N] [--hands N] | --tournament ID [--no-register]) [options]
              --api URL[,URL..]  the API (default http://localhost:8080/api); a cluster's nodes, comma
                                 separated: a bot moves to the next one when one does not answer
              --bots N           how many bots (default 6)
              --prefix NAME      bot usernames NAME1, NAME2, ... (default bot); existing ones log in
              --password TEXT    their password (default bot-password)
              --buy-in N         cash table buy-in (default 500)
              --hands N          cash table: stop after N hands (default 20)
              --seconds N        stop after N seconds at most (default 600)
              --concurrency N    requests in flight at once while setting up (default 8)
              --fold P --bet P --all-in P   strategy, in percent of decisions
              --seed N           random seed
              --no-register      tournament: the bots are registered already
              --verbose          print what goes wrong as it happens
              --help             this text
            """;

    private BotRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(Map<String, String> o) throws Exception {
        String table = o.get("table");
        String tournament = o.get("tournament");
        Strategy defaults = tournament != null ? Strategy.TOURNAMENT : Strategy.CASH;
        Strategy strategy = new Strategy(number(o, "fold", defaults.foldPercent()),
                number(o, "bet", defaults.betPercent()), number(o, "all-in", defaults.allInPercent()));
        BotFleet.Settings settings = BotFleet.Settings.of(java.util.Arrays.stream(o.getOrDefault("api",
                        "http://localhost:8080/api").split(",")).map(String::trim).map(URI::create).toList(),
                        number(o, "bots", 6))
                .withPrefix(o.getOrDefault("prefix", "bot"))
                .withPassword(o.getOrDefault("password", "bot-password"))
                .withConcurrency(number(o, "concurrency", 8))
                .withSeed(o.containsKey("seed") ? Long.parseLong(o.get("seed")) : System.nanoTime())
                .withStrategy(strategy)
                .withLog(o.containsKey("verbose") ? System.out::println : message -> { });
        Duration limit = Duration.ofSeconds(number(o, "seconds", 600));
        long started = System.nanoTime();
        int exit = 0;
        try (BotFleet fleet = new BotFleet(settings)) {
            fleet.signUp();
            if (table != null) {
                long buyIn = number(o, "buy-in", 500);
                int hands = number(o, "hands", 20);
                fleet.joinTable(table, buyIn);
                System.out.printf("%d bots seated at table %s%n", fleet.bots().size(), table);
                fleet.play(new Bot.CashTable(table, buyIn));
                if (!fleet.awaitHands(table, hands, limit)) {
                    System.out.printf("stopped after %d s with %d of %d hands%n", limit.toSeconds(),
                            fleet.stats().handsSeen(table), hands);
                }
                fleet.stop();
                fleet.leave(table);
            } else {
                if (!o.containsKey("no-register")) {
                    Map<String, String> outcomes = fleet.register(tournament);
                    List<String> refused = new ArrayList<>();
                    outcomes.forEach((bot, outcome) -> {
                        if (outcome.matches("[a-z_]+") && !outcome.equals("already_registered")) {
                            refused.add(bot + ": " + outcome);
                        }
                    });
                    System.out.printf("%d bots registered in tournament %s%s%n",
                            outcomes.size() - refused.size(), tournament,
                            refused.isEmpty() ? "" : "; refused " + refused);
                    if (refused.size() == outcomes.size()) {
                        return 1;
                    }
                }
                fleet.play(new Bot.Tournament(tournament));
                String status = fleet.awaitTournamentEnd(tournament, limit);
                fleet.stop();
                System.out.printf("tournament %s: %s%n", tournament, status);
                if (!"finished".equals(status)) {
                    exit = 1;
                }
                placesOf(fleet, tournament).forEach(line -> System.out.println("  " + line));
            }
            System.out.printf("%s in %.1f s%n", fleet.summary(), (System.nanoTime() - started) / 1e9);
        }
        return exit;
    }

    /** Place and prize of each bot whose place is known, best first. */
    private static List<String> placesOf(BotFleet fleet, String tournament) {
        record Line(int place, String text) {
        }
        List<Line> lines = new ArrayList<>();
        fleet.results(tournament).forEach((bot, me) -> {
            if (me.hasNonNull("place")) {
                long prize = me.path("prize").asLong(0);
                lines.add(new Line(me.path("place").asInt(), "place " + me.path("place").asInt() + ": " + bot
                        + (prize == 0 ? "" : ", prize " + prize)));
            }
        });
        return lines.stream().sorted(Comparator.comparingInt(Line::place)).map(Line::text).toList();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> flags = List.of("no-register", "verbose");
        List<String> valued = List.of("api", "bots", "prefix", "password", "table", "buy-in", "hands", "seconds",
                "tournament", "concurrency", "fold", "bet", "all-in", "seed");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            if (flags.contains(name)) {
                options.put(name, "true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if ((options.get("table") == null) == (options.get("tournament") == null)) {
            throw new IllegalArgumentException("give either --table or --tournament");
        }
        for (String n : List.of("bots", "buy-in", "hands", "seconds", "concurrency", "fold", "bet", "all-in")) {
            if (options.containsKey(n)) {
                number(options, n, 0);
            }
        }
        return options;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + v);
        }
    }
}
