package kotone.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzes the LLM answer parser and its repairs with near-JSON: answers as models write them (wrapped in prose or
 * fences, numbers as text or on a 0-10 scale, nested under other keys), then cut, spliced, doubled and garbled. Nothing
 * may escape the parser, and whatever it serves is a whole vector inside 0-100.
 */
class AnswerParserFuzzTest {

    private final AnswerParser parser = new AnswerParser(new ObjectMapper());

    @Property(tries = 3000)
    void noExceptionEscapesAndAServedVectorIsValid(@ForAll("nearJson") String answer) {
        ParsedAnswer parsed = parser.parse(answer);
        assertThat(parsed.stages()).isNotEmpty();
        if (parsed.valid()) {
            assertThat(parsed.parseError()).isNull();
            assertWithinRange(parsed.vector());
            assertThat(parsed.tags()).allSatisfy(tag -> assertThat(tag).isNotBlank());
        } else {
            assertThat(parsed.parseError()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void anAnswerCutBeforeItsEndIsNeverServed(@ForAll("answers") String answer, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        String whole = answer.strip();
        String prefix = whole.substring(0, cut % whole.length());
        assertThat(parser.parse(prefix).valid()).as("served from the cut answer %s", prefix).isFalse();
    }

    @Property(tries = 1000)
    void aWellFormedAnswerIsServedWhateverItIsWrappedIn(@ForAll("answers") String answer, @ForAll("wrappers") String wrapper) {
        assertThat(parser.parse(wrapper.replace("%s", answer)).valid()).isTrue();
    }

    private static void assertWithinRange(MusicVector vector) {
        for (Dimension dimension : Dimension.ALL) {
            assertThat(vector.get(dimension)).isBetween(MusicVector.MIN, MusicVector.MAX);
        }
    }

    @Provide
    Arbitrary<String> answers() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.integers().between(-50, 150).map(String::valueOf),
                Arbitraries.doubles().between(0, 10).ofScale(2).map(String::valueOf),
                Arbitraries.integers().between(0, 100).map(value -> "\"" + value + "\""));
        Arbitrary<String> vector = number.list().ofSize(Dimension.COUNT).map(values -> {
            StringBuilder json = new StringBuilder("{");
            for (Dimension dimension : Dimension.ALL) {
                json.append(dimension.ordinal() == 0 ? "" : ", ").append('"').append(dimension.key()).append("\": ")
                        .append(values.get(dimension.ordinal()));
            }
            return json.append('}').toString();
        });
        Arbitrary<String> tags = Arbitraries.of("calm", "rain", "Nostalgic", "festival", "夜", " ").list().ofMaxSize(4)
                .map(list -> list.stream().map(tag -> "\"" + tag + "\"").toList().toString());
        return Combinators.combine(vector, tags, Arbitraries.integers().between(0, 3)).as((body, tagList, shape) -> switch (shape) {
            case 0 -> body;
            case 1 -> "{\"vector\": " + body + ", \"tags\": " + tagList + "}";
            case 2 -> "{\"hiddenParams\": {\"vector\": " + body + ", \"tags\": " + tagList + "}, \"rationale\": \"because\"}";
            default -> "{\"target_hidden_params\": " + body + "}";
        });
    }

    @Provide
    Arbitrary<String> wrappers() {
        return Arbitraries.of("%s", "  %s\n", "```json\n%s\n```", "```\n%s```", "Here is the reading:\n%s\nHope it helps!",
                "Sure! ```JSON %s ``` Let me know.", "The answer is %s.");
    }

    /** Answers and wrappers, then zero to three mutations: cuts, inserted or deleted characters, splices and repeats. */
    @Provide
    Arbitrary<String> nearJson() {
        Arbitrary<String> wrapped = Combinators.combine(answers(), wrappers()).as((answer, wrapper) -> wrapper.replace("%s", answer));
        Arbitrary<String> noise = Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,.-+eE0123456789 \n\\`").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("null", "NaN", "Infinity", "1e400", "-0", "\"\"", "{}", "[]", "{{{{", "\\u0000", "\uD800", "\"energy\": \"lots\"",
                        "\"energy\": 1, \"energy\": 2", "[".repeat(3000)));
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 100_000),
                noise).as(Mutation::new);
        return Combinators.combine(wrapped, mutation.list().ofMaxSize(3)).as((text, mutations) -> {
            String result = text;
            for (Mutation each : mutations) {
                result = each.apply(result);
            }
            return result;
        });
    }

    private record Mutation(int kind, int at, String noise) {

        String apply(String text) {
            int position = text.isEmpty() ? 0 : at % (text.length() + 1);
            return switch (kind) {
                case 0 -> text.substring(0, position);
                case 1 -> text.substring(0, position) + noise + text.substring(position);
                case 2 -> text.substring(0, position) + text.substring(Math.min(text.length(), position + 1 + at % 7));
                case 3 -> text + text.substring(position);
                case 4 -> text.substring(position) + text.substring(0, position);
                default -> noise;
            };
        }
    }

    @Property(tries = 200)
    void deepNestingIsRefusedQuietly(@ForAll @IntRange(min = 1, max = 20_000) int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        List<String> answers = List.of(nested, "{\"vector\": " + nested + "}", "{\"energy\": " + nested + "}");
        for (String answer : answers) {
            assertThat(parser.parse(answer).valid()).isFalse();
        }
    }
}
