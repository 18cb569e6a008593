package kotone.dataset.models;

import java.time.Instant;
import java.util.UUID;

/**
 * One move of the promoted version.
 *
 * @param kind "first" (no champion before, no check needed), "promote" (through a passed gate check), "forced" (an
 *        admin's override, with the reason) or "rollback" (back to the previous champion)
 * @param movedBy who moved it, as the gateway named them ({@code role:keyId}), or the cycle that did
 * @param gateCheckId the passed gate check the move rests on, for "promote"
 */
public record AliasMove(long id, int version, Integer previousVersion, String kind, String movedBy, String reason, UUID gateCheckId,
        Instant movedAt) {
}
