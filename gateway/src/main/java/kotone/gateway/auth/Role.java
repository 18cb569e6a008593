package kotone.gateway.auth;

/** What a key may do: each role includes the ones before it (an admin may do what an analyst may). */
public enum Role {
    CLIENT,
    ANALYST,
    ADMIN;

    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    public String key() {
        return name().toLowerCase();
    }
}
