package kotone.gateway.protection;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small limits, so that a test reaches them: five requests per client key, a 1 KB body, a one-second read timeout. */
public class ProtectionProfile implements QuarkusTestProfile {

    static final Path KEYS_FILE = keysFile();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kotone.gateway.rate-limits.role.client.burst", "5",
                "kotone.gateway.rate-limits.role.client.per-second", "0.01",
                "quarkus.http.limits.max-body-size", "1K",
                "kotone.http.max-body-size", "1K",
                "kotone.gateway.body-timeout", "1s",
                "kotone.gateway.keys-file.path", KEYS_FILE.toString());
    }

    private static Path keysFile() {
        try {
            Path file = Files.createTempFile("kotone-keys", ".properties");
            Files.writeString(file, "client=rotated-client-key\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
