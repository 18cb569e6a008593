package kotone.core.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kotone.core.behaviour.BehaviouralSuite;
import kotone.core.catalog.Catalog;
import kotone.core.dataset.TeacherPair;
import kotone.core.text.TextKey;
import kotone.core.text.TextLanguage;
import kotone.core.text.Tokens;
import kotone.core.vector.Dimension;
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

    @Test
    void theTrainingEvaluationAndPlayersPhrasingsShareNoPhraseWordSceneOrTemplate() {
        for (TextLanguage language : List.of(TextLanguage.EN, TextLanguage.JA)) {
            List<List<String>> pools = List.of(all(PhrasePool.training().language(language)), all(PhrasePool.evaluation().language(language)),
                    all(PhrasePool.players().language(language)));
            for (int a = 0; a < pools.size(); a++) {
                for (int b = a + 1; b < pools.size(); b++) {
                    assertThat(disjoint(pools.get(a), pools.get(b))).as(language + ": " + overlap(pools.get(a), pools.get(b))).isTrue();
                }
            }
        }
    }

    @Test
    void replayedPlayersRequestsHaveNoDigitsAndAreNeitherTrainingNorEvalTexts() {
        Set<String> others = new HashSet<>();
        teacher.generate(5000, 42, Instant.EPOCH).forEach(pair -> others.add(Tokens.normalize(pair.requestText())));
        new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults(), Phrasing.EVALUATION).generate(5000, 42, Instant.EPOCH)
                .forEach(pair -> others.add(Tokens.normalize(pair.requestText())));
        List<TeacherPair> players = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults(), Phrasing.PLAYERS)
                .generate(2000, 42, Instant.EPOCH);
        assertThat(players).extracting(pair -> pair.provenance().generator()).containsOnly("catalog_teacher_players.v1");
        assertThat(players).noneMatch(pair -> others.contains(Tokens.normalize(pair.requestText())));
        assertThat(players).allSatisfy(pair -> assertThat(pair.requestText()).doesNotContainPattern("\\d"));
    }

    @Test
    void noGeneratedEvalTextIsAGeneratedTrainingText() {
        Set<String> training = new HashSet<>();
        teacher.generate(5000, 42, Instant.EPOCH).forEach(pair -> training.add(Tokens.normalize(pair.requestText())));
        CatalogTeacher evaluation = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults(), Phrasing.EVALUATION);
        List<TeacherPair> eval = evaluation.generate(2000, 42, Instant.EPOCH);
        assertThat(eval).extracting(pair -> pair.provenance().generator()).containsOnly("catalog_teacher_eval.v1");
        assertThat(eval).noneMatch(pair -> training.contains(Tokens.normalize(pair.requestText())));
    }

    @Test
    void theCatalogTeacherNeverWritesATextOfTheBehaviouralSuites() {
        Set<String> suites = new HashSet<>();
        for (BehaviouralSuite suite : BehaviouralSuite.values()) {
            suite.requestTexts().forEach(text -> suites.add(TextKey.of(text)));
        }
        assertThat(suites).hasSizeGreaterThan(300);
        for (Phrasing phrasing : Phrasing.values()) {
            CatalogTeacher writer = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults(), phrasing);
            for (long seed = 1; seed <= 5; seed++) {
                assertThat(writer.generate(2000, seed, Instant.EPOCH)).noneMatch(pair -> suites.contains(TextKey.of(pair.requestText())));
            }
        }
    }

    private static List<String> all(PhrasePool.Language language) {
        List<String> all = new ArrayList<>();
        for (Dimension dimension : Dimension.ALL) {
            all.addAll(language.phrases().get(dimension).high());
            all.addAll(language.phrases().get(dimension).low());
        }
        all.addAll(language.strong());
        all.addAll(language.mild());
        all.addAll(language.scenes());
        all.addAll(language.templates());
        all.add(language.balanced());
        return all;
    }

    private static boolean disjoint(List<String> a, List<String> b) {
        return overlap(a, b).isEmpty();
    }

    private static Set<String> overlap(List<String> a, List<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(new HashSet<>(b));
        return common;
    }
}
