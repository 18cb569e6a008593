package kotone.core.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Combinations of parts that sound better together (synergy) or clash (anti-synergy); see {@link ScoringRuleset}. */
public final class SynergyRules {

    static final int POINTS_PER_COMBO = 4;
    static final int CAP = 10;

    private final List<Set<String>> synergies;
    private final List<Set<String>> clashes;

    public SynergyRules(List<Set<String>> synergies, List<Set<String>> clashes) {
        this.synergies = List.copyOf(synergies);
        this.clashes = List.copyOf(clashes);
    }

    /** 0..10: four points per complete synergy combination. */
    public int synergyScore(Collection<String> partIds) {
        return Math.min(CAP, POINTS_PER_COMBO * completed(synergies, partIds));
    }

    /** -10..0: minus four points per complete clash. */
    public int antiSynergyPenalty(Collection<String> partIds) {
        return Math.max(-CAP, -POINTS_PER_COMBO * completed(clashes, partIds));
    }

    public List<Set<String>> synergies() {
        return synergies;
    }

    public List<Set<String>> clashes() {
        return clashes;
    }

    private static int completed(List<Set<String>> combos, Collection<String> partIds) {
        int count = 0;
        for (Set<String> combo : combos) {
            if (partIds.containsAll(combo)) {
                count++;
            }
        }
        return count;
    }
}
