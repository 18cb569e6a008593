package kotone.gateway.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kotone.gateway.config.GatewayConfig;
import kotone.core.text.Sha256;

/**
 * Knows which role each API key has. Keys are hashed (SHA-256) as they are read and only the hashes are
 * kept, so a heap dump or a log line never shows one. An operator may give {@code sha256:<hex>} instead of
 * the key itself.
 */
@Startup
@ApplicationScoped
public class ApiKeyRegistry {

    private static final String HASHED_PREFIX = "sha256:";

    private static final int KEY_ID_LENGTH = 12;

    private final Map<String, Role> roleByHash = new HashMap<>();

    /** Who holds a key: its role, and an id that names the key without revealing it (the start of its hash). */
    public record KeyHolder(Role role, String keyId) {

        /** As the services behind the gateway see the caller: {@code role:keyId}. */
        public String caller() {
            return role.key() + ":" + keyId;
        }
    }

    public ApiKeyRegistry(GatewayConfig config) {
        Map<Role, List<String>> keys = new EnumMap<>(Role.class);
        keys.put(Role.CLIENT, config.keys().client().orElse(List.of()));
        keys.put(Role.ANALYST, config.keys().analyst().orElse(List.of()));
        keys.put(Role.ADMIN, config.keys().admin().orElse(List.of()));
        keys.forEach((role, list) -> list.stream().map(String::trim).filter(key -> !key.isEmpty())
                .forEach(key -> register(role, key)));
        if (config.requireKeys()) {
            for (Role role : Role.values()) {
                if (!roleByHash.containsValue(role)) {
                    throw new IllegalStateException("no API key for role " + role.key() + ": set KOTONE_"
                            + role.name() + "_KEYS (comma-separated; plain keys or sha256:<hex>)");
                }
            }
        }
    }

    public Optional<Role> roleOf(String presentedKey) {
        return holderOf(presentedKey).map(KeyHolder::role);
    }

    public Optional<KeyHolder> holderOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        String hash = Sha256.hex(presentedKey.trim());
        Role role = roleByHash.get(hash);
        return role == null ? Optional.empty() : Optional.of(new KeyHolder(role, hash.substring(0, KEY_ID_LENGTH)));
    }

    private void register(Role role, String key) {
        String hash = key.startsWith(HASHED_PREFIX) ? key.substring(HASHED_PREFIX.length()).toLowerCase(Locale.ROOT)
                : Sha256.hex(key);
        Role previous = roleByHash.put(hash, role);
        if (previous != null && previous != role) {
            throw new IllegalStateException("the same API key is given for roles " + previous.key() + " and " + role.key());
        }
    }

}
