package kotone.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Catalog;
import org.junit.jupiter.api.Test;

class SlotIntegrityTest {

    private final SlotIntegrity integrity = new SlotIntegrity(Catalog.standard());

    @Test
    void acceptsOneKnownPartPerSlot() {
        Map<String, String> selection = Map.of("style", "style_70s_folk", "instrument", "inst_cello_warm",
                "mood", "mood_cozy_hearth", "gimmick", "gimmick_campfire_crackle");
        assertThat(integrity.check(selection)).isEmpty();
        assertThat(integrity.toSelection(selection).instrument()).isEqualTo("inst_cello_warm");
    }

    @Test
    void listsEveryError() {
        Map<String, String> selection = new LinkedHashMap<>();
        selection.put("style", "inst_piano_upright");
        selection.put("instrument", "inst_kazoo");
        selection.put("mood", "mood_cozy_hearth");
        selection.put("drums", "gimmick_rainfall");

        List<SlotError> errors = integrity.check(selection);

        assertThat(errors).extracting(SlotError::slot, SlotError::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("style", SlotError.Kind.WRONG_SLOT),
                org.assertj.core.groups.Tuple.tuple("instrument", SlotError.Kind.UNKNOWN_PART),
                org.assertj.core.groups.Tuple.tuple("gimmick", SlotError.Kind.MISSING_SLOT),
                org.assertj.core.groups.Tuple.tuple("drums", SlotError.Kind.UNKNOWN_SLOT));
        assertThat(errors.get(0).message()).contains("belongs to slot instrument");
    }
}
