package kotone.eval.cycles;

import kotone.core.gate.GateSettings;

/**
 * How a cycle runs, fixed when it starts.
 *
 * @param augmentPairs new catalog-teacher pairs aimed at the focus dimensions
 * @param topK hard cases analysed and replayed
 * @param seed of the augmentation and the new split
 * @param mode the eval mode both models answer in
 */
public record CycleSettings(int augmentPairs, int topK, long seed, String mode, GateSettings gate) {
}
