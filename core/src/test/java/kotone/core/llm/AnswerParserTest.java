package kotone.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class AnswerParserTest {

    private static final String CLEAN =
            "{\"vector\":{\"energy\":20,\"warmth\":80,\"brightness\":40,\"acousticness\":70,\"complexity\":30,\"nostalgia\":90},\"tags\":[\"calm\",\"Calm\",\"warm\"]}";

    private final AnswerParser parser = new AnswerParser(new ObjectMapper());

    @Test
    void readsCleanJsonAndDeduplicatesTags() {
        ParsedAnswer answer = parser.parse(CLEAN);
        assertThat(answer.vector()).isEqualTo(MusicVector.of(20, 80, 40, 70, 30, 90));
        assertThat(answer.tags()).containsExactly("calm", "warm");
        assertThat(answer.stages()).containsExactly("whole_body:ok", "schema:ok", "repair:tags_deduplicated");
    }

    @Test
    void findsFencedBlocksAndBraceSpans() {
        assertThat(parser.parse("Here you go:\n```json\n" + CLEAN + "\n```").stages()).startsWith("whole_body:fail", "fenced_block:ok");
        ParsedAnswer reasoning = parser.parse("Reasoning: calm and warm. " + CLEAN + " Hope this helps.");
        assertThat(reasoning.stages()).startsWith("whole_body:fail", "fenced_block:fail", "brace_span:ok");
        assertThat(reasoning.valid()).isTrue();
    }

    @Test
    void liftsTheTenScaleAndClamps() {
        ParsedAnswer ten = parser.parse("{\"energy\":2,\"warmth\":8.5,\"brightness\":4,\"acousticness\":7,\"complexity\":3,\"nostalgia\":9}");
        assertThat(ten.vector()).isEqualTo(MusicVector.of(20, 85, 40, 70, 30, 90));
        assertThat(ten.stages()).contains("repair:scale_0_10");
        ParsedAnswer wild = parser.parse("{\"energy\":250,\"warmth\":-3,\"brightness\":40,\"acousticness\":70,\"complexity\":30,\"nostalgia\":90}");
        assertThat(wild.vector()).isEqualTo(MusicVector.of(100, 0, 40, 70, 30, 90));
        assertThat(wild.stages()).contains("repair:clamped");
    }

    @Test
    void rejectsWhatFailsValidation() {
        assertThat(parser.parse("{\"energy\":20,\"warmth\":80}").parseError()).isEqualTo("brightness is missing");
        assertThat(parser.parse("{\"vector\":{\"energy\":\"loud\",\"warmth\":1,\"brightness\":1,\"acousticness\":1,\"complexity\":1,\"nostalgia\":1}}").valid()).isFalse();
        assertThat(parser.parse("{\"energy\":NaN,\"warmth\":1,\"brightness\":1,\"acousticness\":1,\"complexity\":1,\"nostalgia\":1}").valid()).isFalse();
        assertThat(parser.parse("{\"vector\":{\"energy\":20,\"warmth\":8").valid()).isFalse();
        assertThat(parser.parse("").parseError()).isEqualTo("empty answer");
    }

    @Test
    void neverThrowsAndServesOnlyVectorsInRange() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 200)).checkAssert(text -> {
            ParsedAnswer answer = parser.parse(text);
            assertThat(answer.valid()).isEqualTo(answer.parseError() == null);
        });
    }

    @Test
    void findsAValidObjectWhateverProseSurroundsIt() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 80).map(s -> s.replace("{", "").replace("}", "").replace("`", "")),
                        integers().between(0, 100), strings().basicLatinAlphabet().ofLengthBetween(0, 80)
                                .map(s -> s.replace("{", "").replace("}", "").replace("`", "")))
                .checkAssert((before, energy, after) -> {
                    String body = "{\"energy\":" + energy + ",\"warmth\":50,\"brightness\":50,\"acousticness\":50,\"complexity\":50,\"nostalgia\":50}";
                    ParsedAnswer answer = parser.parse(before + body + after);
                    assertThat(answer.valid()).isTrue();
                    assertThat(answer.vector().energy()).isEqualTo(energy);
                });
    }
}
