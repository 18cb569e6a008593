package kotone.core.scoring;

import java.util.ArrayList;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.profile.Constraints;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.MusicVector;

/** Rates a selection against a profile with the breakdown of the original game. Stateless and thread-safe. */
public final class ScoreCalculator {

    static final int VECTOR_MAX = 60;
    static final int TAG_MAX = 25;
    static final int REQUIRED_TAG_POINTS = 18;
    static final int OPTIONAL_TAG_POINTS = 7;
    static final int FORBIDDEN_TAG_PENALTY = 4;
    static final int FORBIDDEN_PENALTY_CAP = 10;
    static final int PREFERENCE_CAP = 10;

    private final Catalog catalog;
    private final ScoringRuleset ruleset;
    private final SynergyRules synergyRules;
    private final VectorComposer composer = new VectorComposer();

    public ScoreCalculator(Catalog catalog, ScoringRuleset ruleset) {
        this.catalog = catalog;
        this.ruleset = ruleset;
        this.synergyRules = ruleset.synergies();
    }

    /** The original game's scoring. */
    public static ScoreCalculator standard(Catalog catalog) {
        return new ScoreCalculator(catalog, ScoringRuleset.ORIGINAL);
    }

    public ScoringRuleset ruleset() {
        return ruleset;
    }

    public Catalog catalog() {
        return catalog;
    }

    public SynergyRules synergyRules() {
        return synergyRules;
    }

    /** Scores a selection whose parts are known and in their slots (see {@link SlotIntegrity}). */
    public Score score(Selection selection, TargetProfile profile) {
        List<Part> parts = new ArrayList<>(4);
        for (String id : selection.partIds()) {
            parts.add(catalog.requirePart(id));
        }
        MusicVector composed = composer.compose(parts);
        double distance = composed.distanceTo(profile.vector());
        ScoreBreakdown breakdown = new ScoreBreakdown(
                vectorScore(distance),
                tagScore(profile, parts, ruleset.repeatedTagsOnce()),
                preferenceScore(profile.constraints(), selection, parts),
                synergyRules.synergyScore(selection.partIds()),
                synergyRules.antiSynergyPenalty(selection.partIds()));
        int total = Math.max(0, Math.min(100, breakdown.sum()));
        return new Score(total, Rank.of(total), breakdown, composed, distance);
    }

    static int vectorScore(double distance) {
        return (int) Math.max(0, Math.round((1 - distance / MusicVector.MAX_DISTANCE) * VECTOR_MAX));
    }

    static int tagScore(TargetProfile profile, List<Part> parts, boolean repeatedTagsOnce) {
        double required = share(tags(profile.requiredTags(), repeatedTagsOnce), parts) * REQUIRED_TAG_POINTS;
        double optional = share(tags(profile.optionalTags(), repeatedTagsOnce), parts) * OPTIONAL_TAG_POINTS;
        int forbiddenHits = 0;
        for (String tag : tags(profile.forbiddenTags(), repeatedTagsOnce)) {
            if (anyCarries(parts, tag)) {
                forbiddenHits++;
            }
        }
        int penalty = Math.min(FORBIDDEN_PENALTY_CAP, forbiddenHits * FORBIDDEN_TAG_PENALTY);
        return (int) Math.max(0, Math.min(TAG_MAX, Math.round(required + optional - penalty)));
    }

    private static List<String> tags(List<String> listed, boolean repeatedOnce) {
        return repeatedOnce ? List.copyOf(new java.util.LinkedHashSet<>(listed)) : listed;
    }

    /** The share of wanted tags that some part carries; a profile that wants none is fully satisfied. */
    private static double share(List<String> wanted, List<Part> parts) {
        if (wanted.isEmpty()) {
            return 1;
        }
        int hits = 0;
        for (String tag : wanted) {
            if (anyCarries(parts, tag)) {
                hits++;
            }
        }
        return (double) hits / wanted.size();
    }

    // Four parts of at most a handful of tags each: scanning them beats building a set per call.
    private static boolean anyCarries(List<Part> parts, String tag) {
        for (Part part : parts) {
            if (part.hasTag(tag)) {
                return true;
            }
        }
        return false;
    }

    static int preferenceScore(Constraints constraints, Selection selection, List<Part> parts) {
        int result = 0;
        Part style = parts.get(0);
        Part gimmick = parts.get(3);
        if (!constraints.preferredStyleTags().isEmpty()) {
            result += style.hasAnyTag(constraints.preferredStyleTags()) ? 6 : -4;
        }
        if (!constraints.preferredGimmickTags().isEmpty()) {
            result += gimmick.hasAnyTag(constraints.preferredGimmickTags()) ? 4 : -3;
        }
        if (!constraints.avoidPartIds().isEmpty()) {
            int avoided = 0;
            for (String id : selection.partIds()) {
                if (constraints.avoidPartIds().contains(id)) {
                    avoided++;
                }
            }
            result -= Math.min(6, avoided * 3);
        }
        return Math.max(-PREFERENCE_CAP, Math.min(PREFERENCE_CAP, result));
    }
}
