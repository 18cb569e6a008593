package kotone.bench;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.dataset.GroupedSplitter;
import kotone.core.dataset.PairRows;
import kotone.core.dataset.TeacherPair;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.Featurizer;
import kotone.core.model.LocalModel;
import kotone.core.model.Combination;
import kotone.core.model.train.Method;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.RowSource;
import kotone.core.teacher.Phrasing;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingProgress;
import kotone.core.model.train.TrainingRow;
import kotone.core.teacher.CatalogTeacher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interpreter's in-process modes on one request: {@code rule} (the lexicon), {@code local} (the rules' reading, the
 * features and the prediction of a model trained on 600 catalog-teacher pairs, as bootstrap makes them, by each method
 * a training job may choose without an embedding) and {@code auto} without an LLM (the same, and the fitted
 * combination). Its p99 per method is what {@code kotone.training.method-latency-micros} records. Requests rotate over 512 generated texts in English
 * and Japanese, half in the phrasing the model was trained on and half in words it never saw. Sample-time mode, so p50
 * and p99 come out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class InterpretBenchmark {

    @Param({"stacked", "rules", "ngram"})
    public String method;

    private final RuleInterpreter rules = new RuleInterpreter();
    private LocalModel model;
    private Featurizer featurizer;
    private List<String> texts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        CatalogTeacher teacher = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults());
        List<TeacherPair> pairs = teacher.generate(600, 3, Instant.EPOCH);
        List<TrainingRow> rows = PairRows.splitByPair(pairs, new GroupedSplitter(0.7, 0.15), 3);
        List<String> partIds = Catalog.standard().parts().stream().map(Part::id).toList();
        model = new ModelTrainer(TrainerSettings.defaults(), rules).train(RowSource.of(rows), partIds, EnumSet.of(Method.fromKey(method)), null,
                TrainingProgress.none()).model();
        featurizer = new Featurizer(model.spec(), null, rules);
        CatalogTeacher unseen = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults(), Phrasing.EVALUATION);
        List<String> mixed = new java.util.ArrayList<>();
        teacher.generate(256, 99, Instant.EPOCH).forEach(pair -> mixed.add(pair.requestText()));
        unseen.generate(256, 98, Instant.EPOCH).forEach(pair -> mixed.add(pair.requestText()));
        java.util.Collections.shuffle(mixed, new java.util.Random(5));
        texts = List.copyOf(mixed);
    }

    private String nextText() {
        next = (next + 1) & 511;
        return texts.get(next);
    }

    @Benchmark
    public RuleInterpreter.Reading rule() {
        return rules.read(nextText(), "rainy");
    }

    @Benchmark
    public LocalModel.Prediction local() {
        String text = nextText();
        return model.predict(featurizer.features(text, rules.read(text, null)));
    }

    @Benchmark
    public Combination.Blend auto() {
        String text = nextText();
        RuleInterpreter.Reading reading = rules.read(text, "rainy");
        LocalModel.Prediction prediction = model.predict(featurizer.features(text, reading));
        return model.combination().blend(prediction.vector(), reading.vector(), reading.push(), reading.language(), prediction.namesParts(),
                prediction.coverage());
    }
}
