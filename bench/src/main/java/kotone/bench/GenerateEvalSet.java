package kotone.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.teacher.CatalogTeacher;
import kotone.core.vector.Dimension;

/**
 * Writes a synthetic eval set in the format of frozen_eval_set.v1.json (targets on 0-100) from catalog-teacher
 * request texts, streamed, for eval benchmarks.
 * <pre>java -cp bench/target/benchmarks.jar kotone.bench.GenerateEvalSet /tmp/eval-100k.json 100000 [seed]</pre>
 */
public final class GenerateEvalSet {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 5;
        try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(Files.newOutputStream(out), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("dataset_version", "synthetic_catalog_" + count + "_seed" + seed);
            json.writeNumberField("target_scale", 100);
            json.writeArrayFieldStart("items");
            new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults()).generate(count, seed, Instant.EPOCH, List.of(), pair -> {
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
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        }
        System.out.printf("wrote %d items to %s (%d bytes)%n", count, out, Files.size(out));
    }
}
