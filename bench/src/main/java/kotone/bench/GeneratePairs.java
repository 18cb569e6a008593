package kotone.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.dataset.TeacherPairJson;
import kotone.core.teacher.CatalogTeacher;

/**
 * Writes catalog-teacher pairs as JSON lines in the teacher_pairs.v1 format, for import benchmarks.
 * <pre>java -cp bench/target/benchmarks.jar kotone.bench.GeneratePairs /tmp/pairs-100k.jsonl 100000 [seed]</pre>
 */
public final class GeneratePairs {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        TeacherPairJson json = new TeacherPairJson(new ObjectMapper());
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults()).generate(count, seed, Instant.now(), List.of(), pair -> {
                try {
                    writer.write(json.line(pair));
                    writer.newLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        System.out.printf("wrote %d pairs to %s (%d bytes)%n", count, out, Files.size(out));
    }
}
