package kotone.core.scoring;

/** Why a submitted selection cannot be scored, for one slot. */
public record SlotError(String slot, String partId, Kind kind, String message) {

    public enum Kind {
        MISSING_SLOT,
        UNKNOWN_SLOT,
        UNKNOWN_PART,
        WRONG_SLOT
    }
}
