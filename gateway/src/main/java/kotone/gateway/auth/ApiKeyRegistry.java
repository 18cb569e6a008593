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

    private final Map<String, Role> roleByHash = new HashMap<>();

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
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(roleByHash.get(Sha256.hex(presentedKey.trim())));
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
