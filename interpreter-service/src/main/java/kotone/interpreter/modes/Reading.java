package kotone.interpreter.modes;

import java.util.List;
import kotone.core.vector.MusicVector;

/**
 * One mode's reading of a request.
 *
 * @param modelVersion the rules' version, the local model's version or the LLM's model id
 * @param jsonValid for the LLM, whether its answer passed validation; true for modes that produce no JSON
 * @param tags tags the mode proposed (the LLM's); derived tags are added later
 * @param notes what the mode saw, for the rationale
 * @param coverage how familiar the request was to the local model (0-1), or -1 when not measured
 */
public record Reading(MusicVector vector, ModelSource source, String modelVersion, boolean jsonValid, String parseError,
        List<String> tags, List<String> notes, double coverage) {
}
