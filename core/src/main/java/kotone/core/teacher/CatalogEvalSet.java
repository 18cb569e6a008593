package kotone.core.teacher;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.vector.Dimension;

/**
 * An eval set in the format of {@code frozen_eval_set.v1.json} (targets on 0-100) made by the catalog teacher from its
 * evaluation phrasing, which no training pair uses, written item by item: bootstrap's default eval set and the eval
 * benchmarks' synthetic sets.
 */
public final class CatalogEvalSet {

    private final CatalogTeacher teacher;

    public CatalogEvalSet(Catalog catalog) {
        this.teacher = new CatalogTeacher(catalog, CatalogTeacher.Settings.defaults(), Phrasing.EVALUATION);
    }

    public void write(JsonGenerator json, String version, int count, long seed) throws IOException {
        json.writeStartObject();
        json.writeStringField("dataset_version", version);
        json.writeNumberField("target_scale", 100);
        json.writeArrayFieldStart("items");
        teacher.generate(count, seed, Instant.EPOCH, List.of(), pair -> {
            try {
                json.writeStartObject();
                json.writeStringField("id", pair.externalId());
                json.writeStringField("source_type", "request_text");
                json.writeStringField("request_text", pair.requestText());
                json.writeStringField("weather", pair.weather());
                json.writeObjectFieldStart("target_hidden_params");
                json.writeObjectFieldStart("vector");
                for (Dimension dimension : Dimension.ALL) {
                    json.writeNumberField(dimension.key(), pair.label().get(dimension));
                }
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        json.writeEndArray();
        json.writeEndObject();
    }
}
