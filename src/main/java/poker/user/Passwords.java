package poker.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashing (the at.favre.lib implementation; never a hand-rolled hash). */
public final class Passwords {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    private final String dummyHash;

    public Passwords(int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the same time as a real check, so a login for an unknown user is not faster. */
    public void verifyNothing(String password) {
        verify(password.length() > MAX_BYTES ? "" : password, dummyHash);
    }
}
