package kotone.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Request bodies that several test modules send, kept once under {@code kotone/fixtures/}. */
public final class Fixtures {

    /** The original game's rainy-evening request, composed as the game suggests: scores 88 (rank A). */
    public static final String RAINY_EVENING_SCORE = "rainy-evening-score.json";

    private Fixtures() {
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/kotone/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
