package kotone.core.teacher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.dataset.Provenance;
import kotone.core.dataset.TeacherPair;
import kotone.core.derive.ProfileDerivation;
import kotone.core.scoring.VectorComposer;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Generates teacher pairs from the catalog alone: a random part per slot, the vector those parts compose with
 * Gaussian noise as the label, a rule prompt that names the parts, and a request text whose words express
 * the label's strongest dimensions in English or Japanese, written from the training or the evaluation phrasing (see
 * {@link Phrasing}). The same seed gives the same pairs.
 */
public final class CatalogTeacher {

    /**
     * @param noise standard deviation of the label noise, on 0-100
     * @param japaneseShare the share of request texts written in Japanese
     */
    public record Settings(double noise, double japaneseShare) {
        public static Settings defaults() {
            return new Settings(4.0, 0.3);
        }
    }

    private final Catalog catalog;
    private final VectorComposer composer = new VectorComposer();
    private final ProfileDerivation derivation;
    private final Settings settings;
    private final Phrasing phrasing;

    /** A teacher of training pairs. */
    public CatalogTeacher(Catalog catalog, Settings settings) {
        this(catalog, settings, Phrasing.TRAINING);
    }

    public CatalogTeacher(Catalog catalog, Settings settings, Phrasing phrasing) {
        this.catalog = catalog;
        this.derivation = new ProfileDerivation(catalog);
        this.settings = settings;
        this.phrasing = phrasing;
    }

    public List<TeacherPair> generate(int count, long seed, Instant createdAt) {
        List<TeacherPair> pairs = new ArrayList<>(count);
        generate(count, seed, createdAt, List.of(), pairs::add);
        return pairs;
    }

    /**
     * Streams pairs to a sink, so callers can write any number without holding them. With focus dimensions every
     * label is pushed away from neutral on those dimensions (augmentation aimed at a model's weak spots).
     */
    public void generate(int count, long seed, Instant createdAt, List<Dimension> focus, Consumer<TeacherPair> sink) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            sink.accept(pair(random, seed, i, createdAt, focus.isEmpty() ? null : focus));
        }
    }

    private TeacherPair pair(Random random, long seed, int index, Instant createdAt, List<Dimension> focus) {
        Map<Slot, String> selected = new EnumMap<>(Slot.class);
        List<Part> parts = new ArrayList<>();
        for (Slot slot : Slot.ALL) {
            List<Part> candidates = catalog.parts(slot);
            Part part = candidates.get(random.nextInt(candidates.size()));
            selected.put(slot, part.id());
            parts.add(part);
        }
        MusicVector composed = composer.compose(parts);
        int[] values = composed.toArray();
        for (int d = 0; d < values.length; d++) {
            values[d] = MusicVector.clamp(Math.round(values[d] + random.nextGaussian() * settings.noise()));
        }
        if (focus != null) {
            for (Dimension dimension : focus) {
                int value = values[dimension.ordinal()];
                int pushed = value >= MusicVector.NEUTRAL ? value + 10 + random.nextInt(15) : value - 10 - random.nextInt(15);
                values[dimension.ordinal()] = MusicVector.clamp(pushed);
            }
        }
        MusicVector label = MusicVector.of(values);
        TextLanguage language = random.nextDouble() < settings.japaneseShare() ? TextLanguage.JA : TextLanguage.EN;
        String weather = List.of("sunny", "cloudy", "rainy").get(random.nextInt(3));
        String id = "catalog-" + seed + "-" + index;
        return new TeacherPair(id, requestText(label, language, random), rulePrompt(parts, label), weather, selected,
                label, derivation.requiredTags(label), new Provenance("catalog_teacher", phrasing.generator(), seed, null, createdAt));
    }

    private String requestText(MusicVector label, TextLanguage language, Random random) {
        boolean japanese = language == TextLanguage.JA;
        PhrasePool.Language pool = phrasing.pool().language(language);
        List<Dimension> salient = new ArrayList<>(Dimension.ALL);
        salient.removeIf(dimension -> Math.abs(label.get(dimension) - MusicVector.NEUTRAL) < 10);
        salient.sort(Comparator.comparingInt((Dimension dimension) -> -Math.abs(label.get(dimension) - MusicVector.NEUTRAL)));
        List<String> words = new ArrayList<>();
        for (Dimension dimension : salient.subList(0, Math.min(3, salient.size()))) {
            int offset = label.get(dimension) - MusicVector.NEUTRAL;
            PhrasePool.Phrases phrases = pool.phrases().get(dimension);
            String phrase = pick(offset > 0 ? phrases.high() : phrases.low(), random);
            String intensity = "";
            boolean plainWord = !phrase.contains(" ") && !phrase.endsWith("ない");
            if (Math.abs(offset) >= 30 && plainWord) {
                intensity = pick(pool.strong(), random);
            } else if (Math.abs(offset) < 18 && plainWord) {
                intensity = pick(pool.mild(), random);
            }
            words.add(intensity + phrase);
        }
        if (words.isEmpty()) {
            words.add(pool.balanced());
        }
        String adjectives = japanese ? String.join("、", words) : joinEnglish(words);
        String scene = pick(pool.scenes(), random);
        return String.format(pick(pool.templates(), random), adjectives, scene);
    }

    private static String joinEnglish(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static String rulePrompt(List<Part> parts, MusicVector label) {
        StringBuilder prompt = new StringBuilder("Compose instrumental music for a game scene from the selected Kotone parts.\n");
        prompt.append("Selected Kotone combination:\n");
        for (Part part : parts) {
            prompt.append("- ").append(part.slot().key()).append(": ").append(part.nameEn()).append(" (").append(part.id()).append(")\n");
        }
        prompt.append("Style: ").append(String.join(", ", parts.get(0).tags())).append(", non-vocal, loop-friendly.");
        return prompt.toString();
    }

    private static String pick(List<String> pool, Random random) {
        return pool.get(random.nextInt(pool.size()));
    }
}
