package poker.bench;

import java.util.SplittableRandom;

/**
 * The harness's wallet workload (issue 13): commands on uniformly random wallets out of {@code wallets}, half
 * deposits and half debits of 1 to 100 chips. Every wallet starts with {@link #GRANT} chips, far more than a
 * run takes out of it (a full run moves a wallet like a random walk of some 200 steps of up to 100 chips: about
 * a thousand chips either way), so an ordinary debit does not bounce; {@link #OVERDRAWN_SHARE} of the debits ask for {@link #OVERDRAFT},
 * more than any wallet can hold in a run, and are refused for insufficient funds. The refused share is thus
 * the same in every target and at every number of callers, whatever order the commands land in. With
 * {@code depositsOnly} (the HTTP target: the API has no debit route) every command is a deposit.
 *
 * <p>One generator per caller (not thread-safe), seeded from the run's seed and the caller's number.
 */
public final class WalletWorkload {

    public static final long GRANT = 1_000_000;
    public static final long OVERDRAFT = 100 * GRANT;
    public static final double OVERDRAWN_SHARE = 0.07;
    public static final int MAX_AMOUNT = 100;

    public enum Kind { DEPOSIT, DEBIT }

    /**
     * One command: on wallet number {@code wallet} (0-based), {@code amount} chips; {@code overdrawn} when the
     * debit is one of those meant to be refused.
     */
    public record Command(Kind kind, int wallet, long amount, boolean overdrawn) {
    }

    private final SplittableRandom random;
    private final int wallets;
    private final boolean depositsOnly;

    public WalletWorkload(long seed, int wallets, boolean depositsOnly) {
        if (wallets < 1) {
            throw new IllegalArgumentException("wallets must be at least 1");
        }
        this.random = new SplittableRandom(seed);
        this.wallets = wallets;
        this.depositsOnly = depositsOnly;
    }

    public Command next() {
        int wallet = random.nextInt(wallets);
        long amount = 1 + random.nextInt(MAX_AMOUNT);
        if (depositsOnly || random.nextBoolean()) {
            return new Command(Kind.DEPOSIT, wallet, amount, false);
        }
        boolean overdrawn = random.nextDouble() < OVERDRAWN_SHARE;
        return new Command(Kind.DEBIT, wallet, overdrawn ? OVERDRAFT : amount, overdrawn);
    }
}
