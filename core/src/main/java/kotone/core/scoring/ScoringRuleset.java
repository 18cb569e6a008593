package kotone.core.scoring;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a composition is scored by. {@link #ORIGINAL} reproduces the original game's scoring exactly (its three
 * synergies and two clashes, and a profile's tag lists counted as given, a repeated tag counting each time); it is
 * the default everywhere. {@link #KOTONE} adds two synergies and two clashes of ours and counts a repeated tag once;
 * it is chosen by name, per request or by configuration.
 */
public enum ScoringRuleset {

    ORIGINAL("original", new SynergyRules(
            List.of(
                    Set.of("style_80s_citypop", "inst_piano_upright", "mood_rain_ambience", "gimmick_beat_mute"),
                    Set.of("style_2000s_pop", "mood_sun_glow", "gimmick_filter_rise"),
                    Set.of("style_90s_hiphop", "inst_analog_synth", "mood_night_drive")),
            List.of(
                    Set.of("style_2000s_pop", "mood_rain_ambience"),
                    Set.of("style_90s_hiphop", "inst_soft_strings", "gimmick_harmony_stack"))), false),

    KOTONE("kotone", new SynergyRules(
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
                    Set.of("mood_party_face", "gimmick_whisper_left"))), true);

    private final String key;
    private final SynergyRules synergies;
    private final boolean repeatedTagsOnce;

    ScoringRuleset(String key, SynergyRules synergies, boolean repeatedTagsOnce) {
        this.key = key;
        this.synergies = synergies;
        this.repeatedTagsOnce = repeatedTagsOnce;
    }

    public String key() {
        return key;
    }

    public SynergyRules synergies() {
        return synergies;
    }

    /** Whether a tag listed twice in a profile counts once (ours) or each time (the original). */
    public boolean repeatedTagsOnce() {
        return repeatedTagsOnce;
    }

    public static Optional<ScoringRuleset> fromKey(String key) {
        for (ScoringRuleset ruleset : values()) {
            if (ruleset.key.equals(key)) {
                return Optional.of(ruleset);
            }
        }
        return Optional.empty();
    }
}
