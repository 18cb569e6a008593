package kotone.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import kotone.localpg.LocalPostgres;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void theLocalDatabaseWaitsForTheDiskUnlessAThrowawayStackSaysOff() {
        assertThat(new StackSettings(Path.of("."), Map.of()).postgresDurability()).isEqualTo(LocalPostgres.Durability.CRASH_SAFE);
        assertThat(new StackSettings(Path.of("."), Map.of("KOTONE_PG_FSYNC", "on")).postgresDurability())
                .isEqualTo(LocalPostgres.Durability.CRASH_SAFE);
        assertThat(new StackSettings(Path.of("."), Map.of("KOTONE_PG_FSYNC", "yes please")).postgresDurability())
                .isEqualTo(LocalPostgres.Durability.CRASH_SAFE);
        assertThat(new StackSettings(Path.of("."), Map.of("KOTONE_PG_FSYNC", "off")).postgresDurability())
                .isEqualTo(LocalPostgres.Durability.THROWAWAY);
    }
}
