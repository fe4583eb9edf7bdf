package poker.bench;

import java.util.List;

/** Something that runs the wallet workload's commands: the entity, the server in process, over HTTP, CRUD. */
interface WalletTarget extends AutoCloseable {

    enum Outcome { ACCEPTED, REJECTED }

    /** Short name for the results (JSON keys, plot legends). */
    String name();

    /** What it is, for the summary. */
    String description();

    /** Opens {@code walletIds} with {@link WalletWorkload#GRANT} chips each. */
    void open(List<String> walletIds) throws Exception;

    /**
     * Runs one command on wallet {@code walletId} and waits for its answer; throws when it neither was
     * accepted nor refused for insufficient funds (an error, counted apart).
     */
    Outcome execute(String walletId, WalletWorkload.Command command) throws Exception;

    /** Whether this target can debit (the HTTP API cannot: deposits only). */
    default boolean debits() {
        return true;
    }

    @Override
    default void close() throws Exception {
    }
}
