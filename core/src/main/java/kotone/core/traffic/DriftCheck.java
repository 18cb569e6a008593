package kotone.core.traffic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Compares live traffic with the training data, one record at a time: first every training row, then every live request
 * (the vocabulary must be whole before live words are counted against it). Not thread-safe.
 */
public final class DriftCheck {

    private final DriftThresholds thresholds;
    private final Vocabulary vocabulary = new Vocabulary();
    private final Side training = new Side();
    private final Side live = new Side();
    private long liveUnits;
    private long unseenUnits;

    public DriftCheck(DriftThresholds thresholds) {
        this.thresholds = thresholds;
    }

    private static final class Side {
        final Map<String, Long> languages = new LinkedHashMap<>();
        final Moments[] dimensions = new Moments[Dimension.COUNT];
        long count;

        Side() {
            for (int d = 0; d < Dimension.COUNT; d++) {
                dimensions[d] = new Moments();
            }
        }

        void add(String language, MusicVector vector) {
            count++;
            languages.merge(language, 1L, Long::sum);
            for (Dimension dimension : Dimension.ALL) {
                dimensions[dimension.ordinal()].add(vector.get(dimension));
            }
        }

        Map<String, Double> shares(Iterable<String> keys) {
            Map<String, Double> shares = new LinkedHashMap<>();
            for (String key : keys) {
                shares.put(key, count == 0 ? 0 : languages.getOrDefault(key, 0L) / (double) count);
            }
            return shares;
        }
    }

    /** A training row: its text, its language and its label. */
    public void addTraining(String text, String language, MusicVector label) {
        if (live.count > 0) {
            throw new IllegalStateException("every training row must come before the first live request");
        }
        vocabulary.addText(text);
        training.add(language, label);
    }

    /** A live request: its text, its language and the vector it was served. */
    public void addLive(String text, String language, MusicVector served) {
        List<String> units = WordUnits.of(text);
        liveUnits += units.size();
        unseenUnits += vocabulary.unseen(units);
        live.add(language, served);
    }

    public DriftReport report() {
        TreeSet<String> languages = new TreeSet<>(training.languages.keySet());
        languages.addAll(live.languages.keySet());
        Map<String, Double> liveMix = live.shares(languages);
        Map<String, Double> trainingMix = training.shares(languages);
        double shift = 0;
        for (String language : languages) {
            shift += Math.abs(liveMix.get(language) - trainingMix.get(language));
        }
        shift = live.count == 0 || training.count == 0 ? 0 : shift / 2;
        double unseenShare = liveUnits == 0 ? 0 : unseenUnits / (double) liveUnits;

        List<String> alerts = new ArrayList<>();
        boolean decides = live.count >= thresholds.minimumLiveRequests() && training.count > 0;
        if (decides && shift > thresholds.languageShift()) {
            alerts.add(String.format(Locale.ROOT, "the language mix moved by %.2f (threshold %.2f)", shift, thresholds.languageShift()));
        }
        if (decides && unseenShare > thresholds.unseenWordShare()) {
            alerts.add(String.format(Locale.ROOT, "%.0f%% of live words were never in the training data (threshold %.0f%%)",
                    unseenShare * 100, thresholds.unseenWordShare() * 100));
        }
        List<DriftReport.DimensionShift> dimensions = new ArrayList<>();
        for (Dimension dimension : Dimension.ALL) {
            Moments served = live.dimensions[dimension.ordinal()];
            Moments labels = training.dimensions[dimension.ordinal()];
            double d = EffectSize.cohensD(served, labels);
            dimensions.add(new DriftReport.DimensionShift(dimension.key(), round(served.mean()), round(labels.mean()), round(d)));
            if (decides && Math.abs(d) > thresholds.effectSize()) {
                alerts.add(String.format(Locale.ROOT, "served %s moved %s by an effect size of %.2f (threshold %.2f)", dimension.key(),
                        d > 0 ? "up" : "down", Math.abs(d), thresholds.effectSize()));
            }
        }
        return new DriftReport(live.count, training.count,
                new DriftReport.LanguageMix(roundAll(liveMix), roundAll(trainingMix), round(shift)),
                new DriftReport.Words(liveUnits, unseenUnits, round(unseenShare), vocabulary.size()),
                dimensions, thresholds, decides, alerts);
    }

    private static Map<String, Double> roundAll(Map<String, Double> shares) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        shares.forEach((key, value) -> rounded.put(key, round(value)));
        return rounded;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
