package kotone.core.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Combinations of parts that sound better together (synergy) or clash (anti-synergy). */
public final class SynergyRules {

    static final int POINTS_PER_COMBO = 4;
    static final int CAP = 10;

    private final List<Set<String>> synergies;
    private final List<Set<String>> clashes;

    public SynergyRules(List<Set<String>> synergies, List<Set<String>> clashes) {
        this.synergies = List.copyOf(synergies);
        this.clashes = List.copyOf(clashes);
    }

    /** The combinations of the original game, and a few of ours. */
    public static SynergyRules standard() {
        return new SynergyRules(
                List.of(
                        Set.of("style_80s_citypop", "inst_piano_upright", "mood_rain_ambience", "gimmick_beat_mute"),
                        Set.of("style_2000s_pop", "mood_sun_glow", "gimmick_filter_rise"),
                        Set.of("style_90s_hiphop", "inst_analog_synth", "mood_night_drive"),
                        Set.of("style_70s_folk", "inst_cello_warm", "gimmick_campfire_crackle"),
                        Set.of("style_2010s_edm", "mood_party_face", "gimmick_thunder_pop")),
                List.of(
                        Set.of("style_2000s_pop", "mood_rain_ambience"),
                        Set.of("style_90s_hiphop", "inst_soft_strings", "gimmick_harmony_stack"),
                        Set.of("style_2010s_edm", "mood_cozy_hearth"),
                        Set.of("mood_party_face", "gimmick_whisper_left")));
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
