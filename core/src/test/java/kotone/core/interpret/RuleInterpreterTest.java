package kotone.core.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class RuleInterpreterTest {

    private final RuleInterpreter rules = new RuleInterpreter();

    private MusicVector read(String text) {
        return rules.read(text, null).vector();
    }

    @Test
    void understandsEnglish() {
        MusicVector calm = read("A quiet, warm and nostalgic piano piece for a rainy evening");
        assertThat(calm.energy()).isLessThan(40);
        assertThat(calm.warmth()).isGreaterThan(60);
        assertThat(calm.nostalgia()).isGreaterThan(60);
        assertThat(calm.acousticness()).isGreaterThan(60);
        MusicVector loud = read("Something energetic, bright and electronic, very modern");
        assertThat(loud.energy()).isGreaterThan(60);
        assertThat(loud.acousticness()).isLessThan(40);
        assertThat(loud.nostalgia()).isLessThan(35);
    }

    @Test
    void understandsJapaneseInKanaAndKanji() {
        MusicVector calm = read("静かで温かい、懐かしいピアノの曲をお願いします");
        assertThat(calm.energy()).isLessThan(40);
        assertThat(calm.warmth()).isGreaterThan(60);
        assertThat(calm.nostalgia()).isGreaterThan(60);
        assertThat(read("あたたかくてレトロな曲").nostalgia()).isGreaterThan(60);
        assertThat(read("明るい電子音楽").acousticness()).isLessThan(40);
    }

    @Test
    void handlesNegation() {
        assertThat(read("not too heavy, please").energy()).isLessThan(50);
        assertThat(read("nothing loud").energy()).isLessThan(50);
        assertThat(read("暗くない曲").brightness()).isGreaterThan(50);
        assertThat(read("うるさくない曲").energy()).isLessThan(50);
        assertThat(read("静かじゃない曲").energy()).isGreaterThan(50);
    }

    @Test
    void intensityScalesAndVeryNeverMovesADimensionTheOtherWay() {
        assertThat(read("very calm").energy()).isLessThan(read("calm").energy());
        assertThat(read("とても明るい").brightness()).isGreaterThan(read("明るい").brightness());
        assertThat(read("slightly dark").brightness()).isGreaterThan(read("dark").brightness());
        List<String> words = List.copyOf(Lexicon.standard().englishWords());
        qt().forAll(integers().between(0, words.size() - 1)).checkAssert(index -> {
            String word = words.get(index);
            MusicVector plain = read("something " + word + " for the shop");
            MusicVector very = read("something very " + word + " for the shop");
            for (Dimension dimension : Dimension.ALL) {
                int neutral = MusicVector.NEUTRAL;
                int before = plain.get(dimension) - neutral;
                int after = very.get(dimension) - neutral;
                assertThat(Math.signum(after) * Math.signum(before)).as("%s on %s", word, dimension).isGreaterThanOrEqualTo(0);
                assertThat(Math.abs(after)).as("%s on %s", word, dimension).isGreaterThanOrEqualTo(Math.abs(before));
            }
        });
    }

    @Test
    void weatherIsAWeakPriorAndUnknownTextIsNeutral() {
        assertThat(rules.read("music please", "rainy").vector().brightness()).isBetween(40, 49);
        assertThat(rules.read("🎵🎵", null).vector()).isEqualTo(MusicVector.neutral());
        assertThat(rules.read("🎵🎵", null).hits()).isZero();
    }
}
