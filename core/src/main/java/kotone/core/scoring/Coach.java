package kotone.core.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.Dimension;

/** Finds, for each slot, the swap that would raise the score most, and why. */
public final class Coach {

    private final Catalog catalog;
    private final ScoreCalculator calculator;

    public Coach(ScoreCalculator calculator) {
        this.catalog = calculator.catalog();
        this.calculator = calculator;
    }

    public Map<Slot, SlotAdvice> advise(Selection selection, TargetProfile profile) {
        Score current = calculator.score(selection, profile);
        Map<Slot, SlotAdvice> advice = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.ALL) {
            advice.put(slot, adviseSlot(slot, selection, profile, current));
        }
        return advice;
    }

    private SlotAdvice adviseSlot(Slot slot, Selection selection, TargetProfile profile, Score current) {
        String bestId = null;
        Score best = current;
        for (Part candidate : catalog.parts(slot)) {
            if (candidate.id().equals(selection.get(slot))) {
                continue;
            }
            Score trial = calculator.score(selection.with(slot, candidate.id()), profile);
            if (trial.breakdown().sum() > best.breakdown().sum()) {
                best = trial;
                bestId = candidate.id();
            }
        }
        if (bestId == null) {
            Dimension worst = worstDimension(current, profile);
            return new SlotAdvice(slot, selection.get(slot), null, 0, worst,
                    current.composedVector().get(worst), current.composedVector().get(worst),
                    profile.vector().get(worst), List.of(), List.of(), null);
        }
        Part from = catalog.requirePart(selection.get(slot));
        Part to = catalog.requirePart(bestId);
        Dimension dimension = mostImproved(current, best, profile);
        return new SlotAdvice(slot, from.id(), to.id(), best.breakdown().sum() - current.breakdown().sum(),
                dimension,
                dimension == null ? 0 : current.composedVector().get(dimension),
                dimension == null ? 0 : best.composedVector().get(dimension),
                dimension == null ? 0 : profile.vector().get(dimension),
                addedRequiredTags(selection, slot, to, profile),
                removedForbiddenTags(selection, slot, from, to, profile),
                preferredTag(slot, to, profile));
    }

    private static Dimension worstDimension(Score score, TargetProfile profile) {
        Dimension worst = Dimension.ENERGY;
        int worstGap = -1;
        for (Dimension dimension : Dimension.ALL) {
            int gap = Math.abs(score.composedVector().get(dimension) - profile.vector().get(dimension));
            if (gap > worstGap) {
                worstGap = gap;
                worst = dimension;
            }
        }
        return worst;
    }

    private static Dimension mostImproved(Score before, Score after, TargetProfile profile) {
        Dimension most = null;
        int mostGain = 0;
        for (Dimension dimension : Dimension.ALL) {
            int target = profile.vector().get(dimension);
            int gain = Math.abs(before.composedVector().get(dimension) - target)
                    - Math.abs(after.composedVector().get(dimension) - target);
            if (gain > mostGain) {
                mostGain = gain;
                most = dimension;
            }
        }
        return most;
    }

    private Set<String> tagsWithout(Selection selection, Slot slot) {
        Set<String> tags = new HashSet<>();
        for (Slot other : Slot.ALL) {
            if (other != slot) {
                tags.addAll(catalog.requirePart(selection.get(other)).tags());
            }
        }
        return tags;
    }

    private List<String> addedRequiredTags(Selection selection, Slot slot, Part to, TargetProfile profile) {
        Set<String> others = tagsWithout(selection, slot);
        Set<String> before = new HashSet<>(others);
        before.addAll(catalog.requirePart(selection.get(slot)).tags());
        List<String> added = new ArrayList<>();
        for (String tag : profile.requiredTags()) {
            if (!before.contains(tag) && to.hasTag(tag)) {
                added.add(tag);
            }
        }
        return added;
    }

    private List<String> removedForbiddenTags(Selection selection, Slot slot, Part from, Part to, TargetProfile profile) {
        Set<String> others = tagsWithout(selection, slot);
        List<String> removed = new ArrayList<>();
        for (String tag : profile.forbiddenTags()) {
            if (from.hasTag(tag) && !to.hasTag(tag) && !others.contains(tag)) {
                removed.add(tag);
            }
        }
        return removed;
    }

    private static String preferredTag(Slot slot, Part to, TargetProfile profile) {
        List<String> preferred = switch (slot) {
            case STYLE -> profile.constraints().preferredStyleTags();
            case GIMMICK -> profile.constraints().preferredGimmickTags();
            default -> List.of();
        };
        return preferred.stream().filter(to::hasTag).findFirst().orElse(null);
    }
}
