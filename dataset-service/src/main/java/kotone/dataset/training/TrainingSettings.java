package kotone.dataset.training;

import java.util.List;

/**
 * What a training job was asked for.
 *
 * @param methods the methods compared
 * @param hashBits the n-gram hash size (2^hashBits features)
 * @param seed the cross-validation folds' seed
 * @param promote whether the trained model is promoted (the first model only)
 */
public record TrainingSettings(List<String> methods, int hashBits, long seed, boolean promote) {
}
