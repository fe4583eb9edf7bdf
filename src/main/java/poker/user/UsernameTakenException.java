package poker.user;

public final class UsernameTakenException extends RuntimeException {
    public UsernameTakenException(String username) {
        super("The username " + username + " is taken.");
    }
}
