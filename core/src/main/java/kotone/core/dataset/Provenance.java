package kotone.core.dataset;

import java.time.Instant;

/**
 * Where a teacher pair came from.
 *
 * @param source "import", "catalog_teacher" or "llm_teacher"
 * @param generator the generator or the original generation source named in the imported line
 * @param seed the generator's seed, when there was one
 * @param model the teacher model, when an LLM labelled the pair
 * @param createdAt when the pair was generated (or imported, when the line does not say)
 */
public record Provenance(String source, String generator, Long seed, String model, Instant createdAt) {
}
