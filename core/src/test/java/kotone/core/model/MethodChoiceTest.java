package kotone.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.dataset.GroupedSplitter;
import kotone.core.dataset.PairRows;
import kotone.core.dataset.TeacherPair;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingOutcome;
import kotone.core.model.train.TrainingProgress;
import kotone.core.model.train.TrainingRow;
import kotone.core.teacher.CatalogTeacher;
import org.junit.jupiter.api.Test;

/** The job keeps the most accurate method that fits the latency budget, and reports every candidate. */
class MethodChoiceTest {

    /** An embedder that knows every label (a perfect feature) but takes 3 ms per text. */
    static final class SlowOracle implements TextEmbedder {
        private final Map<String, float[]> known = new HashMap<>();

        SlowOracle(List<TrainingRow> rows) {
            for (TrainingRow row : rows) {
                float[] vector = new float[8];
                int[] label = row.label().toArray();
                for (int d = 0; d < label.length; d++) {
                    vector[d] = label[d] / 100f;
                }
                known.put(row.text(), vector);
            }
        }

        @Override
        public String modelName() {
            return "slow-oracle";
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public float[] embed(String text) {
            long until = System.nanoTime() + 3_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return known.getOrDefault(text, new float[8]);
        }
    }

    private static List<TrainingRow> rows() {
        List<TeacherPair> pairs = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults()).generate(120, 4, Instant.EPOCH);
        List<TrainingRow> rows = PairRows.splitByPair(pairs, new GroupedSplitter(0.7, 0.15), 4);
        return rows;
    }

    private static TrainingOutcome train(double latencyBudgetMicros) {
        List<TrainingRow> rows = rows();
        TrainerSettings d = TrainerSettings.defaults();
        TrainerSettings settings = new TrainerSettings(12, d.partLambdas(), d.ngramLambdas(), d.embeddingLambdas(), d.folds(),
                d.maeTolerance(), d.seed(), d.maxRows(), latencyBudgetMicros);
        return new ModelTrainer(settings).train(rows, Catalog.standard().parts().stream().map(Part::id).toList(),
                ModelTrainer.allMethods(), new SlowOracle(rows), TrainingProgress.none());
    }

    @Test
    void aMoreAccurateMethodOverTheLatencyBudgetIsNotChosen() {
        TrainingOutcome withBudget = train(2_000);
        assertThat(withBudget.candidates()).hasSize(3);
        assertThat(withBudget.method()).isEqualTo("ngram");
        TrainingOutcome unlimited = train(Double.MAX_VALUE);
        assertThat(unlimited.method()).isIn("embedding", "ngram+embedding");
        assertThat(unlimited.test().vectorMae()).isLessThan(withBudget.test().vectorMae());
    }
}
