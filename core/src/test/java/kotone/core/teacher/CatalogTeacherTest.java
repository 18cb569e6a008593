package kotone.core.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.dataset.TeacherPair;
import kotone.core.text.TextLanguage;
import org.junit.jupiter.api.Test;

class CatalogTeacherTest {

    private final CatalogTeacher teacher = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults());

    @Test
    void theSameSeedGivesTheSamePairs() {
        assertThat(teacher.generate(50, 9, Instant.EPOCH)).isEqualTo(teacher.generate(50, 9, Instant.EPOCH));
        assertThat(teacher.generate(50, 10, Instant.EPOCH)).isNotEqualTo(teacher.generate(50, 9, Instant.EPOCH));
    }

    @Test
    void requestTextsSayWhatTheLabelMeansInBothLanguages() {
        List<TeacherPair> pairs = teacher.generate(400, 1, Instant.EPOCH);
        assertThat(pairs).extracting(pair -> TextLanguage.of(pair.requestText())).contains(TextLanguage.EN, TextLanguage.JA);
        double lowEnergyCalm = pairs.stream().filter(p -> p.label().energy() < 35)
                .filter(p -> p.requestText().matches("(?s).*(calm|quiet|relaxed|slow|gentle|not too loud|静か|落ち着|ゆったり|穏やか|うるさくない).*"))
                .count() / (double) pairs.stream().filter(p -> p.label().energy() < 35).count();
        assertThat(lowEnergyCalm).isGreaterThan(0.3);
        assertThat(pairs).allSatisfy(pair -> {
            assertThat(pair.requestText()).doesNotContainPattern("\\d");
            assertThat(pair.rulePrompt()).contains("(" + pair.selectedParts().values().iterator().next() + ")");
            assertThat(pair.provenance().source()).isEqualTo("catalog_teacher");
        });
    }
}
