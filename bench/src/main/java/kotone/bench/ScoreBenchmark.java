package kotone.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.profile.TargetProfile;
import kotone.core.scoring.Coach;
import kotone.core.scoring.Score;
import kotone.core.scoring.ScoreCalculator;
import kotone.core.scoring.Selection;
import kotone.core.scoring.SlotAdvice;
import kotone.core.vector.MusicVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One score in-process, and one score with coaching (what {@code POST /score} computes). Sample-time mode,
 * so JMH reports the p50 and p99 of single calls. Inputs rotate over 1,024 random selections and profiles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ScoreBenchmark {

    private static final int INPUTS = 1024;

    private ScoreCalculator calculator;
    private Coach coach;
    private final List<Selection> selections = new ArrayList<>();
    private final List<TargetProfile> profiles = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Catalog catalog = Catalog.standard();
        calculator = ScoreCalculator.standard(catalog);
        coach = new Coach(calculator);
        ProfileDerivation derivation = new ProfileDerivation(catalog);
        Random random = new Random(20261125);
        for (int i = 0; i < INPUTS; i++) {
            selections.add(new Selection(pick(catalog, Slot.STYLE, random), pick(catalog, Slot.INSTRUMENT, random),
                    pick(catalog, Slot.MOOD, random), pick(catalog, Slot.GIMMICK, random)));
            profiles.add(derivation.profile(MusicVector.of(random.nextInt(101), random.nextInt(101), random.nextInt(101),
                    random.nextInt(101), random.nextInt(101), random.nextInt(101))));
        }
    }

    @Benchmark
    public Score score() {
        int i = next++ & (INPUTS - 1);
        return calculator.score(selections.get(i), profiles.get(i));
    }

    /** The exact search over all 14,560 selections that recommendations and slot_exact_match rest on. */
    @Benchmark
    public Map<Slot, SlotAdvice> scoreWithCoaching() {
        int i = next++ & (INPUTS - 1);
        calculator.score(selections.get(i), profiles.get(i));
        return coach.advise(selections.get(i), profiles.get(i));
    }

    private static String pick(Catalog catalog, Slot slot, Random random) {
        var parts = catalog.parts(slot);
        return parts.get(random.nextInt(parts.size())).id();
    }
}
