package kotone.gateway.auth;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import kotone.gateway.config.GatewayConfig;
import kotone.core.text.Sha256;
import org.jboss.logging.Logger;

/**
 * Knows which role each API key has. Keys are hashed (SHA-256) as they are read and only the hashes are
 * kept, so a heap dump or a log line never shows one. An operator may give {@code sha256:<hex>} instead of
 * the key itself. Keys come from the configuration and, when {@code kotone.gateway.keys-file.path} names one, from
 * a file read again every {@code reload-every}: keys are added, rotated and revoked there without a restart.
 */
@Startup
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);
    private static final String HASHED_PREFIX = "sha256:";
    private static final int KEY_ID_LENGTH = 12;

    private final Map<Role, List<String>> configured;
    private final Optional<Path> file;
    private final boolean requireKeys;
    private volatile Map<String, Role> roleByHash;

    /** Who holds a key: its role, and an id that names the key without revealing it (the start of its hash). */
    public record KeyHolder(Role role, String keyId) {

        /** As the services behind the gateway see the caller: {@code role:keyId}. */
        public String caller() {
            return role.key() + ":" + keyId;
        }
    }

    public ApiKeyRegistry(GatewayConfig config) {
        configured = new EnumMap<>(Role.class);
        configured.put(Role.CLIENT, config.keys().client().orElse(List.of()));
        configured.put(Role.ANALYST, config.keys().analyst().orElse(List.of()));
        configured.put(Role.ADMIN, config.keys().admin().orElse(List.of()));
        file = config.keysFile().path().filter(path -> !path.isBlank()).map(Path::of);
        requireKeys = config.requireKeys();
        roleByHash = load();
        if (requireKeys) {
            requireEveryRole(roleByHash);
        }
    }

    private static void requireEveryRole(Map<String, Role> hashes) {
        for (Role role : Role.values()) {
            if (!hashes.containsValue(role)) {
                throw new IllegalStateException("no API key for role " + role.key() + ": set KOTONE_"
                        + role.name() + "_KEYS (comma-separated; plain keys or sha256:<hex>) or name a keys file");
            }
        }
    }

    private static long count(Map<String, Role> hashes, Role role) {
        return hashes.values().stream().filter(role::equals).count();
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

    /**
     * Reads the keys file again. A file that cannot be read, holds a conflict, or leaves a role without any key (a file
     * half written) leaves the keys as they were.
     */
    @Scheduled(every = "${kotone.gateway.keys-file.reload-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        if (file.isEmpty()) {
            return;
        }
        try {
            Map<String, Role> loaded = load();
            if (requireKeys) {
                requireEveryRole(loaded);
            }
            if (!loaded.equals(roleByHash)) {
                LOG.infof("keys changed: %d for client, %d for analyst, %d for admin", count(loaded, Role.CLIENT), count(loaded, Role.ANALYST),
                        count(loaded, Role.ADMIN));
            }
            roleByHash = loaded;
        } catch (RuntimeException e) {
            LOG.errorf("the keys file %s was not taken, the previous keys stay: %s", file.get(), e.getMessage());
        }
    }

    private Map<String, Role> load() {
        Map<Role, List<String>> keys = new EnumMap<>(Role.class);
        configured.forEach((role, list) -> keys.put(role, new ArrayList<>(list)));
        file.ifPresent(path -> readFile(path).forEach((role, list) -> keys.get(role).addAll(list)));
        Map<String, Role> hashes = new HashMap<>();
        keys.forEach((role, list) -> list.stream().map(String::trim).filter(key -> !key.isEmpty()).forEach(key -> register(hashes, role, key)));
        return Map.copyOf(hashes);
    }

    private static Map<Role, List<String>> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the keys file " + path + ": " + e.getMessage(), e);
        }
        Map<Role, List<String>> keys = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            keys.put(role, List.of(properties.getProperty(role.key(), "").split(",")));
        }
        return keys;
    }

    private static void register(Map<String, Role> hashes, Role role, String key) {
        String hash = key.startsWith(HASHED_PREFIX) ? key.substring(HASHED_PREFIX.length()).toLowerCase(Locale.ROOT)
                : Sha256.hex(key);
        Role previous = hashes.put(hash, role);
        if (previous != null && previous != role) {
            throw new IllegalStateException("the same API key is given for roles " + previous.key() + " and " + role.key());
        }
    }
}
