package kotone.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three API keys of a local stack and the {@code .kotone/env} file that hands them to users. A key
 * comes from the environment, else from the previous env file (so clients keep working across restarts),
 * else it is new and random.
 */
public record AccessKeys(String admin, String analyst, String client) {

    static final List<String> ROLES = List.of("ADMIN", "ANALYST", "CLIENT");

    public static AccessKeys resolve(StackSettings settings) {
        Map<String, String> previous = EnvFile.read(settings.envFile());
        SecureRandom random = new SecureRandom();
        Map<String, String> keys = new LinkedHashMap<>();
        for (String role : ROLES) {
            String variable = "KOTONE_" + role + "_KEY";
            Optional<String> given = settings.variable(variable);
            keys.put(role, given.orElseGet(() -> Optional.ofNullable(previous.get(variable))
                    .filter(value -> !value.isBlank())
                    .orElseGet(() -> newKey(role, random))));
        }
        return new AccessKeys(keys.get("ADMIN"), keys.get("ANALYST"), keys.get("CLIENT"));
    }

    private static String newKey(String role, SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "kotone-" + role.toLowerCase() + "-" + HexFormat.of().formatHex(bytes);
    }

    /** The values of a shell env file such as {@code .kotone/env}; empty when it does not exist. */
    public static Map<String, String> readEnvFile(Path file) {
        return EnvFile.read(file);
    }

    /** What the gateway needs: one key per role (it hashes them as it reads them). */
    public Map<String, String> gatewayEnvironment() {
        return Map.of("KOTONE_ADMIN_KEYS", admin, "KOTONE_ANALYST_KEYS", analyst, "KOTONE_CLIENT_KEYS", client);
    }

    public void writeEnvFile(Path file, String gatewayUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("KOTONE_GATEWAY_URL", gatewayUrl);
        values.put("KOTONE_ADMIN_KEY", admin);
        values.put("KOTONE_ANALYST_KEY", analyst);
        values.put("KOTONE_CLIENT_KEY", client);
        EnvFile.write(file, values);
    }

    /** Reads and writes {@code KEY='value'} lines that a shell can source. */
    static final class EnvFile {

        private EnvFile() {
        }

        static Map<String, String> read(Path file) {
            Map<String, String> values = new LinkedHashMap<>();
            if (!Files.exists(file)) {
                return values;
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String trimmed = line.trim();
                    if (trimmed.startsWith("export ")) {
                        trimmed = trimmed.substring("export ".length());
                    }
                    int equals = trimmed.indexOf('=');
                    if (trimmed.startsWith("#") || equals <= 0) {
                        continue;
                    }
                    values.put(trimmed.substring(0, equals), unquote(trimmed.substring(equals + 1)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return values;
        }

        static void write(Path file, Map<String, String> values) {
            StringBuilder text = new StringBuilder("# written by ./kotone up; source it: . .kotone/env\n");
            values.forEach((key, value) -> text.append("export ").append(key).append("='")
                    .append(value.replace("'", "'\\''")).append("'\n"));
            try {
                Files.createDirectories(file.getParent());
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                Files.writeString(partial, text, StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        private static String unquote(String value) {
            String v = value.trim();
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                return v.substring(1, v.length() - 1).replace("'\\''", "'");
            }
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                return v.substring(1, v.length() - 1);
            }
            return v;
        }
    }
}
