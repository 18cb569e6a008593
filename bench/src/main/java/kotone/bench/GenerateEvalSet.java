package kotone.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import kotone.core.catalog.Catalog;
import kotone.core.teacher.CatalogEvalSet;

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
            new CatalogEvalSet(Catalog.standard()).write(json, "synthetic_catalog_" + count + "_seed" + seed, count, seed);
        }
        System.out.printf("wrote %d items to %s (%d bytes)%n", count, out, Files.size(out));
    }
}
