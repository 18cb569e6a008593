package kotone.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.dataset.PairRows;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.RowSource;
import kotone.core.model.train.Split;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingOutcome;
import kotone.core.model.train.TrainingProgress;
import kotone.core.model.train.TrainingRow;
import kotone.core.teacher.CatalogTeacher;

/**
 * How the trainer scales: N catalog-teacher pairs (2N rows), generated again on every pass the trainer makes over a
 * split (as the dataset service streams them from a cursor), so nothing but the trainer's own state is held. Prints the
 * wall time, the peak heap, the method chosen and the test MAE of the local model and auto.
 * <pre>java -Xmx512m -cp bench/target/benchmarks.jar kotone.bench.TrainingScale 100000</pre>
 */
public final class TrainingScale {

    public static void main(String[] args) {
        int pairs = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        CatalogTeacher teacher = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults());
        RowSource rows = new RowSource() {
            @Override
            public int count(Split split) {
                int[] count = {0};
                forEach(split, row -> count[0]++);
                return count[0];
            }

            @Override
            public void forEach(Split split, Consumer<TrainingRow> sink) {
                teacher.generate(pairs, 42, Instant.EPOCH, List.of(), pair -> {
                    Split of = splitOf(pair.externalId());
                    if (of == split) {
                        PairRows.of(pair, pair.externalId(), of).forEach(sink);
                    }
                });
            }
        };
        List<String> partIds = Catalog.standard().parts().stream().map(Part::id).toList();
        resetPeaks();
        long start = System.nanoTime();
        TrainingOutcome outcome = new ModelTrainer(TrainerSettings.defaults(), new RuleInterpreter()).train(rows, partIds,
                ModelTrainer.defaultMethods(), null, TrainingProgress.none());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("pairs %d, train rows %d: %d ms (the job's own clock %d ms), peak heap %d MB of %d MB, method %s, test MAE local %.2f, auto %.2f%n",
                pairs, outcome.trainRows(), millis, outcome.trainingMillis(), peakHeapMb(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                outcome.method(), outcome.testByMode().get("local").vectorMae(), outcome.testByMode().get("auto").vectorMae());
    }

    /** 70% train, 15% valid, 15% test, by a hash of the pair's id (the same pair always in the same split). */
    static Split splitOf(String id) {
        int bucket = Math.floorMod(id.hashCode() * 0x9E3779B1, 100);
        return bucket < 70 ? Split.TRAIN : bucket < 85 ? Split.VALID : Split.TEST;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
