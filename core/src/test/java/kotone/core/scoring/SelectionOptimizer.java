package kotone.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Finds the selection that scores best for a profile, exactly: the score is not separable by slot (parts
 * compose in slot order with rounding, tags and combinations interact), so a greedy or local search can stop
 * one point short, and a property test caught one doing so. Instead every combination of the available
 * parts is scored (8 x 14 x 10 x 13 = 14,560 for the whole catalog) with a flat re-implementation of
 * {@link ScoreCalculator}'s arithmetic over precomputed arrays and bit masks, which a test holds equal to
 * the calculator. One pass also yields, for every part, the best total of any selection that contains it. Nothing in
 * the product needs the exact best, so it lives here, as the oracle of the scoring property tests.
 */
public final class SelectionOptimizer {

    private final Catalog catalog;
    private final ProfileDerivation derivation;
    private final SynergyRules synergyRules;
    private final List<Part> parts;
    private final Map<String, Integer> partIndex = new HashMap<>();
    private final Map<String, Integer> tagIndex = new HashMap<>();
    private final int[][] vectors;
    private final long[][] tagMasks;
    private final long[] synergyMasks;
    private final long[] clashMasks;

    public SelectionOptimizer(ScoreCalculator calculator) {
        this.catalog = calculator.catalog();
        this.derivation = new ProfileDerivation(catalog);
        this.synergyRules = calculator.synergyRules();
        this.parts = catalog.parts();
        this.vectors = new int[parts.size()][];
        this.tagMasks = new long[parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            partIndex.put(part.id(), p);
            vectors[p] = new int[Dimension.COUNT];
            for (Dimension dimension : Dimension.ALL) {
                vectors[p][dimension.ordinal()] = part.vector().getOrElse(dimension, -1);
            }
            for (String tag : part.tags()) {
                tagIndex.putIfAbsent(tag, tagIndex.size());
            }
        }
        if (tagIndex.size() > 128 || parts.size() > 64) {
            throw new IllegalStateException("the search packs tags into 128 bits and parts into 64");
        }
        for (int p = 0; p < parts.size(); p++) {
            tagMasks[p] = mask(parts.get(p).tags());
        }
        this.synergyMasks = partMasks(synergyRules.synergies());
        this.clashMasks = partMasks(synergyRules.clashes());
    }

    /** The top part per slot for a vector: the best selection for the profile derived from it. */
    public Selection topPartPerSlot(MusicVector vector) {
        return best(derivation.profile(vector), null);
    }

    /** The best selection from the given parts ({@code null}: the whole catalog; a slot with none: all). */
    public Selection best(TargetProfile profile, Collection<String> availablePartIds) {
        return search(profile, availablePartIds).best;
    }

    /**
     * Up to {@code perSlot} available parts per slot, best first: each ranked by the best total of any
     * selection that contains it. A slot with no available part gets an empty list.
     */
    public Map<Slot, List<String>> recommend(TargetProfile profile, Collection<String> availablePartIds, int perSlot) {
        Result result = search(profile, availablePartIds);
        Set<String> available = availablePartIds == null ? null : Set.copyOf(availablePartIds);
        Map<Slot, List<String>> recommended = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.ALL) {
            List<Part> ranked = new ArrayList<>();
            for (Part part : catalog.parts(slot)) {
                if (available == null || available.contains(part.id())) {
                    ranked.add(part);
                }
            }
            ranked.sort(Comparator.comparingLong((Part part) -> -result.bestKeyByPart[partIndex.get(part.id())])
                    .thenComparing(Part::id));
            recommended.put(slot, ranked.stream().limit(perSlot).map(Part::id).toList());
        }
        return recommended;
    }

    /** The unclamped total the search computes for a selection; equal to the calculator's breakdown sum. */
    int total(Selection selection, TargetProfile profile) {
        Target target = new Target(profile);
        int[] ids = new int[4];
        for (int s = 0; s < 4; s++) {
            ids[s] = partIndex.get(selection.get(Slot.ALL.get(s)));
        }
        int[] composed = MusicVector.neutral().toArray();
        for (int id : ids) {
            composed = pull(composed, id);
        }
        return (int) (evaluate(composed, ids[0], ids[1], ids[2], ids[3], target) >> 32);
    }

    private Result search(TargetProfile profile, Collection<String> availablePartIds) {
        Target target = new Target(profile);
        int[][] candidates = new int[4][];
        Set<String> available = availablePartIds == null ? null : Set.copyOf(availablePartIds);
        for (int s = 0; s < 4; s++) {
            List<Part> slotParts = catalog.parts(Slot.ALL.get(s));
            List<Integer> chosen = new ArrayList<>();
            for (Part part : slotParts) {
                if (available == null || available.contains(part.id())) {
                    chosen.add(partIndex.get(part.id()));
                }
            }
            if (chosen.isEmpty()) {
                slotParts.forEach(part -> chosen.add(partIndex.get(part.id())));
            }
            candidates[s] = chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        long[] bestKeyByPart = new long[parts.size()];
        Arrays.fill(bestKeyByPart, Long.MIN_VALUE);
        long bestKey = Long.MIN_VALUE;
        int[] best = null;
        int[] neutral = MusicVector.neutral().toArray();
        for (int style : candidates[0]) {
            int[] afterStyle = pull(neutral, style);
            for (int instrument : candidates[1]) {
                int[] afterInstrument = pull(afterStyle, instrument);
                for (int mood : candidates[2]) {
                    int[] afterMood = pull(afterInstrument, mood);
                    for (int gimmick : candidates[3]) {
                        long key = evaluate(pull(afterMood, gimmick), style, instrument, mood, gimmick, target);
                        if (key > bestKey || (key == bestKey && tieBreak(style, instrument, mood, gimmick, best))) {
                            bestKey = key;
                            best = new int[] {style, instrument, mood, gimmick};
                        }
                        bestKeyByPart[style] = Math.max(bestKeyByPart[style], key);
                        bestKeyByPart[instrument] = Math.max(bestKeyByPart[instrument], key);
                        bestKeyByPart[mood] = Math.max(bestKeyByPart[mood], key);
                        bestKeyByPart[gimmick] = Math.max(bestKeyByPart[gimmick], key);
                    }
                }
            }
        }
        Selection selection = new Selection(parts.get(best[0]).id(), parts.get(best[1]).id(), parts.get(best[2]).id(),
                parts.get(best[3]).id());
        return new Result(selection, bestKeyByPart);
    }

    /** Equal keys: the lexicographically smaller ids win, so the answer never depends on iteration order. */
    private boolean tieBreak(int style, int instrument, int mood, int gimmick, int[] best) {
        int[] candidate = {style, instrument, mood, gimmick};
        for (int s = 0; s < 4; s++) {
            int order = parts.get(candidate[s]).id().compareTo(parts.get(best[s]).id());
            if (order != 0) {
                return order < 0;
            }
        }
        return false;
    }

    private int[] pull(int[] values, int part) {
        int[] next = values.clone();
        int[] vector = vectors[part];
        for (int d = 0; d < next.length; d++) {
            if (vector[d] >= 0) {
                next[d] = MusicVector.clamp(Math.round((next[d] + vector[d]) / 2.0));
            }
        }
        return next;
    }

    /**
     * The unclamped total in the high 32 bits and the negated distance (fixed point) in the low bits, so one
     * comparison orders by total, then by closeness.
     */
    private long evaluate(int[] composed, int style, int instrument, int mood, int gimmick, Target target) {
        double sum = 0;
        for (int d = 0; d < composed.length; d++) {
            double diff = composed[d] - target.vector[d];
            sum += diff * diff;
        }
        double distance = Math.sqrt(sum);
        int vectorScore = ScoreCalculator.vectorScore(distance);
        long tagsLow = tagMasks[style][0] | tagMasks[instrument][0] | tagMasks[mood][0] | tagMasks[gimmick][0];
        long tagsHigh = tagMasks[style][1] | tagMasks[instrument][1] | tagMasks[mood][1] | tagMasks[gimmick][1];
        double required = target.requiredCount == 0 ? 1
                : (double) hits(target.required, tagsLow, tagsHigh) / target.requiredCount;
        double optional = target.optionalCount == 0 ? 1
                : (double) hits(target.optional, tagsLow, tagsHigh) / target.optionalCount;
        int penalty = Math.min(ScoreCalculator.FORBIDDEN_PENALTY_CAP,
                hits(target.forbidden, tagsLow, tagsHigh) * ScoreCalculator.FORBIDDEN_TAG_PENALTY);
        int tagScore = (int) Math.max(0, Math.min(ScoreCalculator.TAG_MAX, Math.round(
                required * ScoreCalculator.REQUIRED_TAG_POINTS + optional * ScoreCalculator.OPTIONAL_TAG_POINTS - penalty)));
        int preference = 0;
        if (target.styleTagsWanted) {
            preference += intersects(tagMasks[style], target.styleTags) ? 6 : -4;
        }
        if (target.gimmickTagsWanted) {
            preference += intersects(tagMasks[gimmick], target.gimmickTags) ? 4 : -3;
        }
        if (target.avoidAny) {
            int avoided = (target.avoided[style] ? 1 : 0) + (target.avoided[instrument] ? 1 : 0)
                    + (target.avoided[mood] ? 1 : 0) + (target.avoided[gimmick] ? 1 : 0);
            preference -= Math.min(6, avoided * 3);
        }
        preference = Math.max(-ScoreCalculator.PREFERENCE_CAP, Math.min(ScoreCalculator.PREFERENCE_CAP, preference));
        long selection = (1L << style) | (1L << instrument) | (1L << mood) | (1L << gimmick);
        int synergy = Math.min(SynergyRules.CAP, SynergyRules.POINTS_PER_COMBO * completed(synergyMasks, selection));
        int clash = Math.max(-SynergyRules.CAP, -SynergyRules.POINTS_PER_COMBO * completed(clashMasks, selection));
        int total = vectorScore + tagScore + preference + synergy + clash;
        long closeness = (long) ((MusicVector.MAX_DISTANCE - distance) * 1_000_000);
        return ((long) total << 32) | (closeness & 0xFFFFFFFFL);
    }

    private static int hits(long[][] wanted, long low, long high) {
        int count = 0;
        for (long[] tag : wanted) {
            if ((tag[0] & low) != 0 || (tag[1] & high) != 0) {
                count++;
            }
        }
        return count;
    }

    private static boolean intersects(long[] a, long[] b) {
        return (a[0] & b[0]) != 0 || (a[1] & b[1]) != 0;
    }

    private static int completed(long[] combos, long selection) {
        int count = 0;
        for (long combo : combos) {
            if ((selection & combo) == combo) {
                count++;
            }
        }
        return count;
    }

    private long[] mask(Collection<String> tags) {
        long[] mask = new long[2];
        for (String tag : tags) {
            Integer index = tagIndex.get(tag);
            if (index != null) {
                mask[index / 64] |= 1L << (index % 64);
            }
        }
        return mask;
    }

    private long[] partMasks(List<Set<String>> combos) {
        long[] masks = new long[combos.size()];
        for (int c = 0; c < combos.size(); c++) {
            for (String id : combos.get(c)) {
                Integer index = partIndex.get(id);
                if (index == null) {
                    masks[c] = -1L; // names a part outside the catalog: never completed
                    break;
                }
                masks[c] |= 1L << index;
            }
        }
        return masks;
    }

    /** A profile in the search's terms: one mask per wanted tag (a tag no part carries has an empty mask). */
    private final class Target {
        final int[] vector;
        final long[][] required;
        final long[][] optional;
        final long[][] forbidden;
        final int requiredCount;
        final int optionalCount;
        final boolean styleTagsWanted;
        final boolean gimmickTagsWanted;
        final long[] styleTags;
        final long[] gimmickTags;
        final boolean[] avoided = new boolean[parts.size()];
        final boolean avoidAny;

        Target(TargetProfile profile) {
            vector = profile.vector().toArray();
            required = perTag(profile.requiredTags());
            optional = perTag(profile.optionalTags());
            forbidden = perTag(profile.forbiddenTags());
            requiredCount = profile.requiredTags().size();
            optionalCount = profile.optionalTags().size();
            styleTagsWanted = !profile.constraints().preferredStyleTags().isEmpty();
            gimmickTagsWanted = !profile.constraints().preferredGimmickTags().isEmpty();
            styleTags = mask(profile.constraints().preferredStyleTags());
            gimmickTags = mask(profile.constraints().preferredGimmickTags());
            avoidAny = !profile.constraints().avoidPartIds().isEmpty();
            for (String id : profile.constraints().avoidPartIds()) {
                Integer index = partIndex.get(id);
                if (index != null) {
                    avoided[index] = true;
                }
            }
        }

        private long[][] perTag(List<String> tags) {
            long[][] masks = new long[tags.size()][];
            for (int t = 0; t < tags.size(); t++) {
                masks[t] = mask(List.of(tags.get(t)));
            }
            return masks;
        }
    }

    private record Result(Selection best, long[] bestKeyByPart) {
    }
}
