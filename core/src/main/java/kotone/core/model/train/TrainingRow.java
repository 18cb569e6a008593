package kotone.core.model.train;

import kotone.core.vector.MusicVector;

/**
 * One labelled text of a dataset version.
 *
 * @param groupKey rows of one teacher pair share it, so they always fall in the same split and fold
 * @param sourceType "request_text" or "rule_prompt"
 * @param language "en", "ja" or "unknown"
 */
public record TrainingRow(String text, MusicVector label, String groupKey, String sourceType, String language, Split split) {
}
