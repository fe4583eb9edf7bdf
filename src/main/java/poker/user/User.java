package poker.user;

/** An account. Roles: {@code player} (default), {@code moderator}, {@code admin}. */
public record User(String id, String username, String displayName, String role) {

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    public boolean isModerator() {
        return "moderator".equals(role) || isAdmin();
    }
}
