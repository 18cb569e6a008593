package kotone.core.teacher;

import java.util.List;
import java.util.Map;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;

/**
 * How a customer says that a dimension should be high or low, in English and Japanese, with intensity
 * words and some negations ("not too loud", "暗くない"). The catalog teacher draws its request texts from
 * here, so the words of a generated request really express its label.
 */
final class PhrasePool {

    record Phrases(List<String> high, List<String> low) {
    }

    private static final Map<Dimension, Phrases> ENGLISH = Map.of(
            Dimension.ENERGY, new Phrases(
                    List.of("energetic", "upbeat", "lively", "driving", "full of energy", "fast and punchy"),
                    List.of("calm", "quiet", "relaxed", "slow", "gentle", "not too loud")),
            Dimension.WARMTH, new Phrases(
                    List.of("warm", "cozy", "heartfelt", "tender", "comforting"),
                    List.of("cold", "cool and distant", "icy", "detached", "clinical")),
            Dimension.BRIGHTNESS, new Phrases(
                    List.of("bright", "sunny", "sparkling", "cheerful", "not gloomy at all"),
                    List.of("dark", "gloomy", "shadowy", "somber", "moody")),
            Dimension.ACOUSTICNESS, new Phrases(
                    List.of("acoustic", "unplugged", "organic", "played on real instruments", "natural-sounding"),
                    List.of("electronic", "synthetic", "digital", "synth-heavy", "not acoustic")),
            Dimension.COMPLEXITY, new Phrases(
                    List.of("intricate", "complex", "layered", "rich in detail", "elaborate"),
                    List.of("simple", "minimal", "sparse", "plain", "uncomplicated")),
            Dimension.NOSTALGIA, new Phrases(
                    List.of("nostalgic", "retro", "old-fashioned", "wistful", "like a faded memory"),
                    List.of("modern", "futuristic", "fresh and new", "contemporary", "cutting-edge")));

    private static final Map<Dimension, Phrases> JAPANESE = Map.of(
            Dimension.ENERGY, new Phrases(
                    List.of("元気な", "アップテンポな", "にぎやかな", "勢いのある", "ノリのいい"),
                    List.of("静かな", "落ち着いた", "ゆったりした", "穏やかな", "うるさくない")),
            Dimension.WARMTH, new Phrases(
                    List.of("温かい", "あたたかい", "ぬくもりのある", "優しい", "ほっとする"),
                    List.of("冷たい", "クールな", "ひんやりした", "そっけない", "無機質な")),
            Dimension.BRIGHTNESS, new Phrases(
                    List.of("明るい", "きらきらした", "晴れやかな", "陽気な", "暗くない"),
                    List.of("暗い", "重苦しい", "影のある", "陰鬱な", "どんよりした")),
            Dimension.ACOUSTICNESS, new Phrases(
                    List.of("アコースティックな", "生楽器の", "素朴な", "生音の", "自然な響きの"),
                    List.of("電子的な", "シンセの", "デジタルな", "エレクトロな", "機械的な")),
            Dimension.COMPLEXITY, new Phrases(
                    List.of("複雑な", "凝った", "重層的な", "緻密な", "手の込んだ"),
                    List.of("シンプルな", "簡単な", "ミニマルな", "すっきりした", "単純な")),
            Dimension.NOSTALGIA, new Phrases(
                    List.of("懐かしい", "レトロな", "昔ながらの", "ノスタルジックな", "思い出のような"),
                    List.of("現代的な", "未来的な", "新しい", "モダンな", "最先端の")));

    static final List<String> ENGLISH_STRONG = List.of("very ", "really ", "extremely ");
    static final List<String> ENGLISH_MILD = List.of("slightly ", "a little ", "somewhat ");
    static final List<String> JAPANESE_STRONG = List.of("とても", "すごく", "かなり");
    static final List<String> JAPANESE_MILD = List.of("少し", "ちょっと", "やや");

    static final List<String> ENGLISH_SCENES = List.of("for a cafe in the evening", "for a walk through town",
            "for a quiet library", "for the village festival", "for a train ride at dusk", "for a shop by the harbor",
            "for a bakery in the morning", "for a night at the inn", "for a garden party", "for a rooftop at night");
    static final List<String> JAPANESE_SCENES = List.of("夕方のカフェで流す", "街の散歩に合う", "静かな図書館で聴く",
            "村のお祭りのための", "夕暮れの電車で聴く", "港のお店で流す", "朝のパン屋さんの", "宿屋の夜の",
            "庭のパーティーの", "夜の屋上で聴く");

    static final List<String> ENGLISH_TEMPLATES = List.of("Could you write %s music %s?", "I'd like something %s %s.",
            "Please make a %s piece %s.", "Something %s, %s, please.");
    static final List<String> JAPANESE_TEMPLATES = List.of("%2$s、%1$s曲をお願いします。", "%2$s%1$s音楽が欲しいです。",
            "%1$s感じの曲を作ってください。%2$sものです。");

    private PhrasePool() {
    }

    static Phrases phrases(TextLanguage language, Dimension dimension) {
        return (language == TextLanguage.JA ? JAPANESE : ENGLISH).get(dimension);
    }
}
