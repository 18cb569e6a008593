package kotone.core.llm;

import java.util.List;
import kotone.core.vector.MusicVector;

/**
 * What the staged parser made of an LLM's answer.
 *
 * @param vector the validated and repaired vector, or null when the answer failed validation (never served)
 * @param stages each stage that ran, in order, with its outcome ("whole_body:fail", "fenced_block:ok", ...)
 * @param parseError why the answer was rejected, or null
 */
public record ParsedAnswer(MusicVector vector, List<String> tags, List<String> stages, String parseError) {

    public boolean valid() {
        return vector != null;
    }
}
