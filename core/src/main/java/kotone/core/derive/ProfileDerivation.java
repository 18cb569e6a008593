package kotone.core.derive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.profile.Constraints;
import kotone.core.profile.HiddenParams;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.MusicVector;

/**
 * Everything that follows from a vector alone: the tags a customer would ask for, the constraints, and a
 * full target profile. Interpreter, scoring and eval all derive through this one class, so a predicted
 * vector and a target vector are always compared on the same terms.
 */
public final class ProfileDerivation {

    /** Parts further than this (RMS over their own dimensions) from the vector are worth avoiding. */
    static final double AVOID_DISTANCE = 32;
    static final int MAX_AVOIDED_PARTS = 3;

    private final Catalog catalog;

    public ProfileDerivation(Catalog catalog) {
        this.catalog = catalog;
    }

    public TargetProfile profile(MusicVector vector) {
        return new TargetProfile(vector, requiredTags(vector), optionalTags(vector), forbiddenTags(vector),
                constraints(vector));
    }

    public HiddenParams hiddenParams(MusicVector vector) {
        Set<String> tags = new LinkedHashSet<>(requiredTags(vector));
        tags.addAll(optionalTags(vector));
        return new HiddenParams(vector, List.copyOf(tags), constraints(vector));
    }

    /** Tags that parts of the catalog carry, asked for where a dimension is clearly high. */
    public List<String> requiredTags(MusicVector v) {
        List<String> tags = new ArrayList<>();
        if (v.nostalgia() >= 65) {
            tags.add("nostalgic");
        }
        if (v.acousticness() >= 62) {
            tags.add("acoustic");
        }
        if (v.warmth() >= 60) {
            tags.add("warm");
        }
        if (v.brightness() >= 66) {
            tags.add("bright");
        }
        if (v.energy() >= 66) {
            tags.add("festival");
        }
        return tags;
    }

    public List<String> optionalTags(MusicVector v) {
        List<String> tags = new ArrayList<>();
        if (v.warmth() >= 58) {
            tags.add("cozy");
        }
        if (v.energy() <= 40) {
            tags.add("calm");
        }
        if (v.complexity() >= 58) {
            tags.add("emotional");
        }
        if (v.brightness() <= 38) {
            tags.add("night");
        }
        if (v.energy() >= 60 && v.brightness() >= 60) {
            tags.add("playful");
        }
        return tags;
    }

    public List<String> forbiddenTags(MusicVector v) {
        List<String> tags = new ArrayList<>();
        if (v.energy() <= 30) {
            tags.add("festival");
        }
        if (v.brightness() >= 70) {
            tags.add("dark");
        }
        if (v.acousticness() >= 75) {
            tags.add("digital");
        }
        return tags;
    }

    /** The signature tag of the nearest style and gimmick, and the parts that sit far from the vector. */
    public Constraints constraints(MusicVector v) {
        return new Constraints(
                List.of(signatureTag(nearest(Slot.STYLE, v))),
                List.of(signatureTag(nearest(Slot.GIMMICK, v))),
                avoidedParts(v));
    }

    /** The part of the slot that fits the vector best (smallest RMS difference over the part's own dimensions; ties by id). */
    private Part nearest(Slot slot, MusicVector v) {
        Part best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Part part : catalog.parts(slot)) {
            double distance = PartFit.distance(part, v);
            if (distance < bestDistance || (distance == bestDistance && part.id().compareTo(best.id()) < 0)) {
                best = part;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** A part's first tag names what it is (citypop_80s, beat_mute, ...). */
    private static String signatureTag(Part part) {
        return part.tags().get(0);
    }

    private List<String> avoidedParts(MusicVector v) {
        // each distance once: a comparator that measured again would do it for every comparison of the sort
        return catalog.parts().stream()
                .map(part -> new Fit(part, PartFit.distance(part, v)))
                .filter(fit -> fit.distance() > AVOID_DISTANCE)
                .sorted(Comparator.comparingDouble((Fit fit) -> -fit.distance()).thenComparing(fit -> fit.part().id()))
                .limit(MAX_AVOIDED_PARTS)
                .map(fit -> fit.part().id())
                .toList();
    }

    private record Fit(Part part, double distance) {
    }

    /**
     * The part of each slot that fits the vector best (smallest RMS difference over the part's own dimensions;
     * ties by id). Microseconds, so eval can compare predicted and target for every sample.
     */
    public Map<Slot, String> nearestPartPerSlot(MusicVector vector) {
        Map<Slot, String> nearest = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.ALL) {
            nearest.put(slot, nearest(slot, vector).id());
        }
        return nearest;
    }
}
