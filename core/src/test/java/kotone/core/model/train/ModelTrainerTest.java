package kotone.core.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.dataset.GroupedSplitter;
import kotone.core.dataset.PairRows;
import kotone.core.dataset.TeacherPair;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.metrics.AbsoluteErrors;
import kotone.core.model.Featurizer;
import kotone.core.model.LocalModel;
import kotone.core.model.RuleFeatures;
import kotone.core.model.TextEmbedder;
import kotone.core.teacher.CatalogTeacher;
import kotone.core.teacher.Phrasing;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

/** The stacked model learns how far to trust the rules: a lot where they are right, against them where they are wrong. */
class ModelTrainerTest {

    private static final List<String> PARTS = Catalog.standard().parts().stream().map(Part::id).toList();
    private final RuleInterpreter rules = new RuleInterpreter();

    private static List<TeacherPair> pairs(Phrasing phrasing, int count, long seed) {
        return new CatalogTeacher(Catalog.standard(), new CatalogTeacher.Settings(4.0, 0.3), phrasing).generate(count, seed, Instant.EPOCH);
    }

    /** Only the request texts: a rule prompt names parts, which would give the label away without words. */
    private static List<TrainingRow> requests(List<TrainingRow> rows) {
        return rows.stream().filter(row -> "request_text".equals(row.sourceType())).toList();
    }

    private static MusicVector mirrored(MusicVector label) {
        int[] values = label.toArray();
        for (int d = 0; d < values.length; d++) {
            values[d] = 100 - values[d];
        }
        return MusicVector.of(values);
    }

    private TrainingOutcome train(List<TrainingRow> rows, Method method) {
        return new ModelTrainer(TrainerSettings.defaults(), rules).train(RowSource.of(rows), PARTS, EnumSet.of(method), null, TrainingProgress.none());
    }

    private double mae(LocalModel model, List<TeacherPair> pairs, boolean mirror) {
        Featurizer featurizer = new Featurizer(model.spec(), null, rules);
        AbsoluteErrors errors = new AbsoluteErrors();
        for (TeacherPair pair : pairs) {
            errors.add(model.predict(featurizer.features(pair.requestText())).vector(), mirror ? mirrored(pair.label()) : pair.label());
        }
        return errors.mean();
    }

    @Test
    void whereTheRulesAreRightTheStackedModelTrustsThemAndReadsWordsItNeverSaw() {
        List<TrainingRow> rows = requests(PairRows.splitByPair(pairs(Phrasing.TRAINING, 500, 11), new GroupedSplitter(0.7, 0.15), 11));
        LocalModel stacked = train(rows, Method.STACKED).model();
        LocalModel ngram = train(rows, Method.NGRAM).model();
        // requests in the evaluation phrasing: none of its words were in training, the rules know most of them
        List<TeacherPair> unseen = pairs(Phrasing.EVALUATION, 300, 12);
        assertThat(mae(stacked, unseen, false)).isLessThan(mae(ngram, unseen, false) - 1.0);
        for (Dimension dimension : Dimension.ALL) {
            assertThat(stacked.weights()[dimension.ordinal()][stacked.spec().ruleOffset() + dimension.ordinal()])
                    .as("trust in the rules' word push on %s", dimension).isGreaterThan(5f);
        }
    }

    @Test
    void whereTheRulesAreWrongTheStackedModelLearnsAgainstThem() {
        // every label is the mirror image of what the words say: "calm" is labelled loud
        List<TrainingRow> rows = new ArrayList<>();
        for (TrainingRow row : requests(PairRows.splitByPair(pairs(Phrasing.TRAINING, 500, 21), new GroupedSplitter(0.7, 0.15), 21))) {
            rows.add(new TrainingRow(row.text(), mirrored(row.label()), row.groupKey(), row.sourceType(), row.language(), row.split()));
        }
        TrainingOutcome outcome = train(rows, Method.STACKED);
        LocalModel stacked = outcome.model();
        for (Dimension dimension : Dimension.ALL) {
            assertThat(stacked.weights()[dimension.ordinal()][stacked.spec().ruleOffset() + dimension.ordinal()])
                    .as("trust in the rules' word push on %s", dimension).isLessThan(-5f);
        }
        List<TeacherPair> unseen = pairs(Phrasing.EVALUATION, 300, 22);
        assertThat(mae(stacked, unseen, true)).isLessThan(mae(train(rows, Method.NGRAM).model(), unseen, true));
        // where the local model has evidence the combination gives the wrong rules next to no share (only what the development
        // suite's few familiar requests demand)
        double[][] familiar = outcome.model().combination().ruleShare()[0][0];
        assertThat(java.util.Arrays.stream(familiar[familiar.length - 1]).max().orElseThrow()).isLessThanOrEqualTo(0.2);
        assertThat(java.util.Arrays.stream(familiar[familiar.length - 1]).average().orElseThrow()).isLessThan(0.1);
    }

    @Test
    void whereTheLocalModelHasNoEvidenceAutoDoesNotAnswerWithTheAverageOfItsLabels() {
        // a generator that labels everything very warm, whatever the words
        List<TrainingRow> rows = new ArrayList<>();
        for (TrainingRow row : requests(PairRows.splitByPair(pairs(Phrasing.TRAINING, 300, 41), new GroupedSplitter(0.7, 0.15), 41))) {
            int[] label = row.label().toArray();
            label[Dimension.WARMTH.ordinal()] = 90;
            rows.add(new TrainingRow(row.text(), MusicVector.of(label), row.groupKey(), row.sourceType(), row.language(), row.split()));
        }
        LocalModel model = train(rows, Method.STACKED).model();
        Featurizer featurizer = new Featurizer(model.spec(), null, rules);
        String unlike = "Something for a space station corridor with blinking consoles.";
        RuleInterpreter.Reading reading = rules.read(unlike, null);
        LocalModel.Prediction local = model.predict(featurizer.features(unlike, reading));
        MusicVector auto = model.combination().blend(local.vector(), reading.vector(), reading.push(), reading.language(), local.namesParts(),
                local.coverage()).vector();
        assertThat(local.vector().get(Dimension.WARMTH)).isGreaterThan(80);
        assertThat(auto.get(Dimension.WARMTH)).isEqualTo(reading.vector().get(Dimension.WARMTH));
        // a request like the training data keeps the local model's reading of what the rules did not move
        TrainingRow familiar = rows.stream().filter(row -> row.split() == Split.TEST).findFirst().orElseThrow();
        RuleInterpreter.Reading familiarReading = rules.read(familiar.text(), null);
        LocalModel.Prediction familiarLocal = model.predict(featurizer.features(familiar.text(), familiarReading));
        assertThat(model.combination().blend(familiarLocal.vector(), familiarReading.vector(), familiarReading.push(), familiarReading.language(),
                familiarLocal.namesParts(), familiarLocal.coverage()).vector().get(Dimension.WARMTH)).isGreaterThan(80);
    }

    @Test
    void aMethodOverTheLatencyBudgetIsReportedNotFitted() {
        TextEmbedder unused = new TextEmbedder() {
            @Override
            public String modelName() {
                return "never-called";
            }

            @Override
            public int dimension() {
                return 4;
            }

            @Override
            public float[] embed(String text) {
                throw new AssertionError("a method over the budget must not be computed");
            }
        };
        List<TrainingRow> rows = PairRows.splitByPair(pairs(Phrasing.TRAINING, 120, 31), new GroupedSplitter(0.7, 0.15), 31);
        TrainingOutcome outcome = new ModelTrainer(TrainerSettings.defaults(), rules).train(RowSource.of(rows), PARTS,
                EnumSet.of(Method.STACKED, Method.STACKED_EMBEDDING), unused, TrainingProgress.none());
        assertThat(outcome.method()).isEqualTo("stacked");
        assertThat(outcome.candidates()).anySatisfy(candidate -> {
            assertThat(candidate.method()).isEqualTo("stacked+embedding");
            assertThat(candidate.excluded()).contains("over the budget of 500");
        });
    }

    @Test
    void aJobOverTheCapIsRefusedNamingIt() {
        TrainerSettings d = TrainerSettings.defaults();
        TrainerSettings capped = new TrainerSettings(d.hashBits(), d.ruleLambdas(), d.partLambdas(), d.ngramLambdas(), d.embeddingLambdas(), d.folds(),
                d.rmseTolerance(), d.seed(), 10, d.latencyBudgetMicros(), d.methodLatencyMicros(), Map.of(), d.combinationStep());
        List<TrainingRow> rows = PairRows.splitByPair(pairs(Phrasing.TRAINING, 40, 41), new GroupedSplitter(0.7, 0.15), 41);
        assertThatThrownBy(() -> new ModelTrainer(capped, rules).train(RowSource.of(rows), PARTS, EnumSet.of(Method.STACKED), null,
                TrainingProgress.none())).hasMessageContaining("at most 10 training rows").hasMessageContaining("kotone.training.max-rows");
    }

    @Test
    void theRulesFeaturesHaveTheirDocumentedWidth() {
        assertThat(RuleFeatures.of(rules.read("very calm, not too dark", null))).hasSize(RuleFeatures.WIDTH);
    }
}
