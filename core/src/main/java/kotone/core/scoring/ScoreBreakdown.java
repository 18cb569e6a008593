package kotone.core.scoring;

/**
 * The parts of a score: vector 0..60, tags 0..25, preferences -10..10, synergy 0..10, anti-synergy -10..0.
 */
public record ScoreBreakdown(int vectorScore, int tagScore, int preferenceScore, int synergyScore,
        int antiSynergyPenalty) {

    /** The total before it is clamped to 0-100. */
    public int sum() {
        return vectorScore + tagScore + preferenceScore + synergyScore + antiSynergyPenalty;
    }
}
