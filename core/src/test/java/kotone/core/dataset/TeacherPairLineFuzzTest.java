package kotone.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import kotone.core.catalog.Catalog;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the teacher-pair line reader with near-JSON lines: pairs in the seed's format with values of every JSON type
 * in every field, then cut, spliced and garbled. Nothing may escape the reader, a rejected line says why, and an
 * accepted pair is one a database and a model can take.
 */
class TeacherPairLineFuzzTest {

    private static final Instant IMPORTED = Instant.parse("2026-12-03T00:00:00Z");

    private final TeacherPairLine reader = new TeacherPairLine(new ObjectMapper(), Catalog.standard());

    @Property(tries = 3000)
    void noExceptionEscapesAndAnAcceptedPairIsWhole(@ForAll("nearJsonLines") String line) {
        TeacherPairLine.Result result = reader.read(line, IMPORTED);
        if (!result.ok()) {
            assertThat(result.errors()).isNotEmpty().allSatisfy(error -> assertThat(error).isNotBlank());
            return;
        }
        TeacherPair pair = result.pair();
        assertThat(pair.requestText() != null || pair.rulePrompt() != null).isTrue();
        for (String text : new String[] {pair.requestText(), pair.rulePrompt(), pair.weather(), pair.externalId()}) {
            if (text != null) {
                assertThat(text).doesNotContain("\u0000");
            }
        }
        for (Dimension dimension : Dimension.ALL) {
            assertThat(pair.label().get(dimension)).isBetween(MusicVector.MIN, MusicVector.MAX);
        }
        assertThat(pair.tags()).allSatisfy(tag -> assertThat(tag).isNotBlank().doesNotContain("\u0000"));
        assertThat(pair.provenance().createdAt()).isNotNull();
    }

    @Property(tries = 500)
    void aLineInTheSeedsFormatIsAccepted(@ForAll("lines") String line) {
        assertThat(reader.read(line, IMPORTED).ok()).as(line).isTrue();
    }

    private static final String[] ANY_VALUE = {"null", "true", "0", "-1", "100.4", "1e400", "\"\"", "\" \"", "\"calm\"", "\"a\\u0000b\"",
            "[]", "[\"x\"]", "[1, null, {}]", "{}", "{\"energy\": 50}", "\"sunny\"", "\"2026-13-45\""};

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<Integer> dimension = Arbitraries.integers().between(0, 100);
        Arbitrary<String> text = Arbitraries.of("a rainy night in the old town", "雨の夜に静かなピアノ", "BGM for a festival!!", "calm");
        return Combinators.combine(text, dimension.list().ofSize(Dimension.COUNT), Arbitraries.of("sunny", "cloudy", "rainy"))
                .as((request, values, weather) -> {
                    StringBuilder vector = new StringBuilder();
                    for (Dimension each : Dimension.ALL) {
                        vector.append(each.ordinal() == 0 ? "" : ", ").append('"').append(each.key()).append("\": ").append(values.get(each.ordinal()));
                    }
                    return "{\"id\": \"t1\", \"request_text\": \"" + request + "\", \"weather\": \"" + weather
                            + "\", \"selected_parts_by_slot\": {\"style\": \"style_80s_citypop\"}, \"target_hidden_params\": {\"vector\": {"
                            + vector + "}, \"tags\": [\"calm\"]}, \"meta\": {\"generation_source\": \"fuzz\", \"seed\": 3}}";
                });
    }

    /** Seed-format lines with one field's value replaced by any JSON value, then cut, spliced or garbled. */
    @Provide
    Arbitrary<String> nearJsonLines() {
        Arbitrary<String> fields = Arbitraries.of("request_text", "rule_prompt", "weather", "style", "energy", "nostalgia", "tags", "vector",
                "target_hidden_params", "meta", "id", "seed", "generated_at");
        Arbitrary<String> replaced = Combinators.combine(lines(), fields, Arbitraries.of(ANY_VALUE)).as((line, field, value) ->
                line.replaceFirst("\"" + field + "\": (\"[^\"]*\"|-?[0-9.]+|\\[[^\\]]*\\]|\\{[^{}]*\\})", "\"" + field + "\": " + value));
        Arbitrary<String> garbled = Combinators.combine(replaced, Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 5000),
                Arbitraries.strings().withChars("{}[]\":,\\ \u0000é雨").ofMaxLength(12)).as((line, kind, at, noise) -> {
                    int position = at % (line.length() + 1);
                    return switch (kind) {
                        case 0 -> line;
                        case 1 -> line.substring(0, position);
                        case 2 -> line.substring(0, position) + noise + line.substring(position);
                        case 3 -> line + line;
                        default -> noise;
                    };
                });
        return Arbitraries.oneOf(garbled, Arbitraries.strings().all().ofMaxLength(60));
    }
}
