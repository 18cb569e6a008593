package kotone.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLanguageTest {

    @Test
    void readsScriptsAsTheInterpreterServesThem() {
        assertThat(TextLanguage.of("something calm for a rainy night")).isEqualTo(TextLanguage.EN);
        assertThat(TextLanguage.of("雨の夜に静かな曲をお願いします")).isEqualTo(TextLanguage.JA);
        assertThat(TextLanguage.of("カフェでlo-fiっぽいの")).isEqualTo(TextLanguage.JA);
        assertThat(TextLanguage.of("🎵🎵 123")).isEqualTo(TextLanguage.UNKNOWN);
    }

    @Test
    void fullWidthLettersAreEnglishAsTheirNfkcFormIs() {
        assertThat(TextLanguage.of("ＨＹＰＥ ＭＵＳＩＣ ＰＬＺ")).isEqualTo(TextLanguage.EN);
        assertThat(TextLanguage.of("ｓｏｆｔ ａｎｄ ｍｅｌｌｏｗ please")).isEqualTo(TextLanguage.EN);
    }
}
