package kotone.core.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kotone.core.catalog.Slot;
import kotone.core.vector.Dimension;

/** Writes a teacher pair as one line in the format of {@code teacher_pairs.v1.jsonl}, which {@link TeacherPairLine} reads. */
public final class TeacherPairJson {

    private final ObjectMapper json;

    public TeacherPairJson(ObjectMapper json) {
        this.json = json;
    }

    public String line(TeacherPair pair) {
        ObjectNode node = json.createObjectNode();
        node.put("id", pair.externalId());
        node.put("request_text", pair.requestText());
        node.put("rule_prompt", pair.rulePrompt());
        node.put("weather", pair.weather());
        ObjectNode parts = node.putObject("selected_parts_by_slot");
        for (Slot slot : Slot.ALL) {
            if (pair.selectedParts().containsKey(slot)) {
                parts.put(slot.key(), pair.selectedParts().get(slot));
            }
        }
        ObjectNode params = node.putObject("target_hidden_params");
        ObjectNode vector = params.putObject("vector");
        for (Dimension dimension : Dimension.ALL) {
            vector.put(dimension.key(), pair.label().get(dimension));
        }
        pair.tags().forEach(params.putArray("tags")::add);
        ObjectNode meta = node.putObject("meta");
        meta.put("generation_source", pair.provenance().generator());
        if (pair.provenance().seed() != null) {
            meta.put("seed", pair.provenance().seed());
        }
        if (pair.provenance().model() != null) {
            meta.put("teacher_model", pair.provenance().model());
        }
        meta.put("generated_at", pair.provenance().createdAt().toString());
        return node.toString();
    }
}
