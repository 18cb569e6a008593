package kotone.core.derive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.profile.TargetProfile;

/**
 * Ranks the parts of one slot against a profile: closeness to the vector first, adjusted by the tags the
 * profile asks for or forbids and by its constraints. Ties break on the part id, so rankings are stable.
 */
public final class PartRanker {

    static final double REQUIRED_TAG_BONUS = 6;
    static final double OPTIONAL_TAG_BONUS = 2;
    static final double FORBIDDEN_TAG_PENALTY = 12;
    static final double PREFERRED_TAG_BONUS = 5;
    static final double AVOIDED_PART_PENALTY = 20;

    private final Catalog catalog;

    public PartRanker(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every part of the slot, best first. */
    public List<Part> rank(Slot slot, TargetProfile profile) {
        return rank(catalog.parts(slot), profile);
    }

    /** The given parts, best first. */
    public List<Part> rank(Collection<Part> candidates, TargetProfile profile) {
        List<Part> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble((Part part) -> -fit(part, profile)).thenComparing(Part::id));
        return ranked;
    }

    /** Higher is better; 100 for a part that matches the vector exactly and carries no tag of interest. */
    public double fit(Part part, TargetProfile profile) {
        double fit = 100 - PartFit.distance(part, profile.vector());
        for (String tag : part.tags()) {
            if (profile.requiredTags().contains(tag)) {
                fit += REQUIRED_TAG_BONUS;
            }
            if (profile.optionalTags().contains(tag)) {
                fit += OPTIONAL_TAG_BONUS;
            }
            if (profile.forbiddenTags().contains(tag)) {
                fit -= FORBIDDEN_TAG_PENALTY;
            }
        }
        List<String> preferred = switch (part.slot()) {
            case STYLE -> profile.constraints().preferredStyleTags();
            case GIMMICK -> profile.constraints().preferredGimmickTags();
            default -> List.of();
        };
        if (part.tags().stream().anyMatch(preferred::contains)) {
            fit += PREFERRED_TAG_BONUS;
        }
        if (profile.constraints().avoidPartIds().contains(part.id())) {
            fit -= AVOIDED_PART_PENALTY;
        }
        return fit;
    }
}
