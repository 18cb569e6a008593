package kotone.core.scoring;

import java.util.ArrayList;
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
import kotone.core.derive.PartRanker;
import kotone.core.derive.ProfileDerivation;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.MusicVector;

/**
 * Finds the selection that scores best for a profile: it starts from the best-fitting part of each slot and
 * swaps one slot at a time while the score improves. Slot order makes the score non-separable, so a few
 * passes are needed; they converge in well under a millisecond.
 */
public final class SelectionOptimizer {

    static final int MAX_PASSES = 6;

    private final Catalog catalog;
    private final ScoreCalculator calculator;
    private final PartRanker ranker;
    private final ProfileDerivation derivation;

    public SelectionOptimizer(ScoreCalculator calculator) {
        this.catalog = calculator.catalog();
        this.calculator = calculator;
        this.ranker = new PartRanker(catalog);
        this.derivation = new ProfileDerivation(catalog);
    }

    /** The top part per slot for a vector: the best selection for the profile derived from it. */
    public Selection topPartPerSlot(MusicVector vector) {
        return best(derivation.profile(vector), null);
    }

    /** The best selection from the given parts ({@code null}: the whole catalog). */
    public Selection best(TargetProfile profile, Collection<String> availablePartIds) {
        Map<Slot, List<Part>> candidates = candidates(availablePartIds, true);
        Selection current = new Selection(
                ranker.rank(candidates.get(Slot.STYLE), profile).get(0).id(),
                ranker.rank(candidates.get(Slot.INSTRUMENT), profile).get(0).id(),
                ranker.rank(candidates.get(Slot.MOOD), profile).get(0).id(),
                ranker.rank(candidates.get(Slot.GIMMICK), profile).get(0).id());
        Objective best = objective(current, profile);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean improved = false;
            for (Slot slot : Slot.ALL) {
                for (Part part : candidates.get(slot)) {
                    Selection trial = current.with(slot, part.id());
                    Objective score = objective(trial, profile);
                    if (score.betterThan(best)) {
                        best = score;
                        current = trial;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return current;
    }

    /**
     * Up to {@code perSlot} available parts per slot, best first: each ranked by the score of the best
     * selection with that part in its slot. A slot with no available part gets an empty list.
     */
    public Map<Slot, List<String>> recommend(TargetProfile profile, Collection<String> availablePartIds, int perSlot) {
        Selection best = best(profile, availablePartIds);
        Map<Slot, List<Part>> available = candidates(availablePartIds, false);
        Map<Slot, List<String>> recommended = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.ALL) {
            List<Part> ranked = new ArrayList<>(available.get(slot));
            Map<String, Objective> scores = new HashMap<>();
            for (Part part : ranked) {
                scores.put(part.id(), objective(best.with(slot, part.id()), profile));
            }
            ranked.sort(Comparator.comparing((Part part) -> scores.get(part.id()), Objective.BEST_FIRST)
                    .thenComparing(Part::id));
            recommended.put(slot, ranked.stream().limit(perSlot).map(Part::id).toList());
        }
        return recommended;
    }

    private Map<Slot, List<Part>> candidates(Collection<String> availablePartIds, boolean fillEmptySlots) {
        Map<Slot, List<Part>> bySlot = new EnumMap<>(Slot.class);
        Set<String> available = availablePartIds == null ? null : Set.copyOf(availablePartIds);
        for (Slot slot : Slot.ALL) {
            List<Part> parts = catalog.parts(slot).stream()
                    .filter(part -> available == null || available.contains(part.id()))
                    .toList();
            bySlot.put(slot, parts.isEmpty() && fillEmptySlots ? catalog.parts(slot) : parts);
        }
        return bySlot;
    }

    private Objective objective(Selection selection, TargetProfile profile) {
        Score score = calculator.score(selection, profile);
        return new Objective(score.breakdown().sum(), score.vectorDistance());
    }

    /** Higher unclamped sum first, then the smaller vector distance. */
    private record Objective(int sum, double distance) {

        static final Comparator<Objective> BEST_FIRST = Comparator.comparingInt((Objective o) -> -o.sum)
                .thenComparingDouble(o -> o.distance);

        boolean betterThan(Objective other) {
            return BEST_FIRST.compare(this, other) < 0;
        }
    }
}
