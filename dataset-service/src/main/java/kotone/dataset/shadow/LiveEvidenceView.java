package kotone.dataset.shadow;

import kotone.core.traffic.ShadowEvidence;

/**
 * The live evidence on a candidate: its readings of live requests beside what the champion served.
 *
 * @param clearDistance how far from 50 the rules' reading had to be for an expectation; {@code expectedDistance} how far a
 *        reading had to be on their side to meet it
 */
public record LiveEvidenceView(int candidateVersion, int clearDistance, int expectedDistance, ShadowEvidence evidence) {
}
