package kotone.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.dataset.GroupedSplitter;
import kotone.core.dataset.PairRows;
import kotone.core.dataset.TeacherPair;
import kotone.core.dataset.TeacherPairLine;
import kotone.core.model.train.CandidateReport;
import kotone.core.model.train.Method;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingOutcome;
import kotone.core.model.train.TrainingProgress;
import kotone.core.model.train.TrainingRow;
import kotone.embeddings.MiniLmEmbedder;

/**
 * Compares the local model's methods on {@code teacher_pairs.v1.jsonl}, split 70/15/15 by teacher call: for each
 * method alone and for the job that compares them all, the cross-validated and held-out MAE and the wall time.
 * <pre>java -cp bench/target/benchmarks.jar kotone.bench.TrainingComparison ../shared/data/teacher_pairs.v1.jsonl [seed]</pre>
 */
public final class TrainingComparison {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/teacher_pairs.v1.jsonl");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        TeacherPairLine reader = new TeacherPairLine(new ObjectMapper(), Catalog.standard());
        List<TeacherPair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            pairs.add(reader.read(line, Instant.EPOCH).pair());
        }
        List<TrainingRow> rows = PairRows.splitByPair(pairs, new GroupedSplitter(0.7, 0.15), seed);
        List<String> partIds = Catalog.standard().parts().stream().map(Part::id).toList();
        long loadStart = System.nanoTime();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        System.out.printf("rows %d (pairs %d), embedding model loaded in %d ms%n", rows.size(), pairs.size(),
                (System.nanoTime() - loadStart) / 1_000_000);
        System.out.println("| run | method chosen | lambdas | valid MAE | CV MAE | test MAE | rule_prompt | request_text | const. | latency µs | wall ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Method method : Method.values()) {
            report(method.key() + " alone", rows, partIds, EnumSet.of(method), embedder);
        }
        report("job comparing all three", rows, partIds, EnumSet.allOf(Method.class), embedder);
    }

    private static void report(String name, List<TrainingRow> rows, List<String> partIds, EnumSet<Method> methods, MiniLmEmbedder embedder) {
        long start = System.nanoTime();
        TrainingOutcome outcome = new ModelTrainer(TrainerSettings.defaults()).train(rows, partIds, methods,
                methods.stream().anyMatch(Method::embedding) ? embedder : null, TrainingProgress.none());
        long wall = (System.nanoTime() - start) / 1_000_000;
        CandidateReport chosen = outcome.candidates().stream().filter(c -> c.method().equals(outcome.method())).findFirst().orElseThrow();
        System.out.printf("| %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %d |%n", name, outcome.method(), outcome.lambdas(),
                chosen.validMae(), chosen.crossValidatedMae(), outcome.test().vectorMae(),
                outcome.test().maeBySourceType().get("rule_prompt"), outcome.test().maeBySourceType().get("request_text"),
                outcome.test().constantBaselineMae(), chosen.latencyMicros(), wall);
        if (methods.size() > 1) {
            outcome.candidates().forEach(c -> System.out.printf("  candidate %s: valid %.2f, CV %.2f, latency %.0f µs%n",
                    c.method(), c.validMae(), c.crossValidatedMae(), c.latencyMicros()));
            System.out.println("  test MAE by dimension: " + outcome.test().maeByDimension());
        }
    }
}
