package kotone.interpreter.answer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.derive.PartFit;
import kotone.core.profile.TargetProfile;

/**
 * Up to three parts per slot from the player's inventory, best first: parts the profile avoids go last, then
 * parts closer to the target vector (RMS over the dimensions the part sets), then parts with more of the
 * required and preferred tags. Cheap enough for the hot path (a few microseconds).
 */
@ApplicationScoped
public class Recommender {

    private static final int PER_SLOT = 3;

    private final Catalog catalog;

    public Recommender(Catalog catalog) {
        this.catalog = catalog;
    }

    public Map<Slot, List<Part>> recommend(TargetProfile profile, Set<String> inventory) {
        Map<Slot, List<Part>> recommended = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.ALL) {
            // each part's cost once: a comparator that computed it would do so for every comparison of the sort
            recommended.put(slot, catalog.parts(slot).stream()
                    .filter(part -> inventory == null || inventory.contains(part.id()))
                    .map(part -> new Costed(part, cost(part, profile)))
                    .sorted(Comparator.comparingDouble(Costed::cost).thenComparing(costed -> costed.part().id()))
                    .limit(PER_SLOT)
                    .map(Costed::part)
                    .toList());
        }
        return recommended;
    }

    private record Costed(Part part, double cost) {
    }

    private static double cost(Part part, TargetProfile profile) {
        double cost = PartFit.distance(part, profile.vector());
        for (String tag : profile.requiredTags()) {
            if (part.hasTag(tag)) {
                cost -= 4;
            }
        }
        for (String tag : profile.forbiddenTags()) {
            if (part.hasTag(tag)) {
                cost += 12;
            }
        }
        List<String> preferred = part.slot() == Slot.STYLE ? profile.constraints().preferredStyleTags()
                : part.slot() == Slot.GIMMICK ? profile.constraints().preferredGimmickTags() : List.of();
        if (part.hasAnyTag(preferred)) {
            cost -= 6;
        }
        if (profile.constraints().avoidPartIds().contains(part.id())) {
            cost += 1000;
        }
        return cost;
    }
}
