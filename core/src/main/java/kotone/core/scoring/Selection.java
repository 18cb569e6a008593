package kotone.core.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kotone.core.catalog.Slot;

/** One part id per slot: a composition as the player submits it. */
public record Selection(String style, String instrument, String mood, String gimmick) {

    public Selection {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(mood, "mood");
        Objects.requireNonNull(gimmick, "gimmick");
    }

    public String get(Slot slot) {
        return switch (slot) {
            case STYLE -> style;
            case INSTRUMENT -> instrument;
            case MOOD -> mood;
            case GIMMICK -> gimmick;
        };
    }

    public Selection with(Slot slot, String partId) {
        return switch (slot) {
            case STYLE -> new Selection(partId, instrument, mood, gimmick);
            case INSTRUMENT -> new Selection(style, partId, mood, gimmick);
            case MOOD -> new Selection(style, instrument, partId, gimmick);
            case GIMMICK -> new Selection(style, instrument, mood, partId);
        };
    }

    /** Part ids in slot order (style, instrument, mood, gimmick), the order in which parts are composed. */
    public List<String> partIds() {
        return List.of(style, instrument, mood, gimmick);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Slot slot : Slot.ALL) {
            map.put(slot.key(), get(slot));
        }
        return map;
    }
}
