package kotone.core.interpret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kotone.core.vector.Dimension;

/**
 * What words say about the six dimensions, in English (matched on whole words, phrases of up to three words)
 * and Japanese (matched on stems, so 暗い, 暗く and 暗め all count). Each entry pushes one or more dimensions up
 * or down from neutral; a push of 20 is a clear statement, 10 a hint.
 */
final class Lexicon {

    record Push(Dimension dimension, int amount) {
    }

    record Entry(String phrase, List<Push> pushes) {
    }

    private static Push up(Dimension dimension, int amount) {
        return new Push(dimension, amount);
    }

    private static Push down(Dimension dimension, int amount) {
        return new Push(dimension, -amount);
    }

    private static final Dimension E = Dimension.ENERGY;
    private static final Dimension W = Dimension.WARMTH;
    private static final Dimension B = Dimension.BRIGHTNESS;
    private static final Dimension A = Dimension.ACOUSTICNESS;
    private static final Dimension C = Dimension.COMPLEXITY;
    private static final Dimension N = Dimension.NOSTALGIA;

    static final Map<String, List<Push>> ENGLISH = Map.ofEntries(
            // energy
            Map.entry("energetic", List.of(up(E, 22))), Map.entry("upbeat", List.of(up(E, 20), up(B, 6))),
            Map.entry("lively", List.of(up(E, 20), up(B, 5))), Map.entry("driving", List.of(up(E, 18))),
            Map.entry("energy", List.of(up(E, 15))), Map.entry("fast", List.of(up(E, 18))), Map.entry("punchy", List.of(up(E, 15))),
            Map.entry("intense", List.of(up(E, 22), up(C, 5))), Map.entry("loud", List.of(up(E, 20))), Map.entry("heavy", List.of(up(E, 18), down(B, 5))),
            Map.entry("exciting", List.of(up(E, 20))), Map.entry("battle", List.of(up(E, 20), up(C, 5))), Map.entry("festival", List.of(up(E, 18), up(B, 8))),
            Map.entry("dance", List.of(up(E, 18), down(A, 6))), Map.entry("party", List.of(up(E, 16), up(B, 6))), Map.entry("epic", List.of(up(E, 18), up(C, 8))),
            Map.entry("calm", List.of(down(E, 22))), Map.entry("quiet", List.of(down(E, 22))), Map.entry("relaxed", List.of(down(E, 20))),
            Map.entry("relaxing", List.of(down(E, 20))), Map.entry("slow", List.of(down(E, 20))), Map.entry("gentle", List.of(down(E, 18), up(W, 5))),
            Map.entry("peaceful", List.of(down(E, 20))), Map.entry("soft", List.of(down(E, 15), up(W, 4))), Map.entry("sleepy", List.of(down(E, 22))),
            Map.entry("mellow", List.of(down(E, 16), up(W, 5))), Map.entry("serene", List.of(down(E, 18))), Map.entry("tranquil", List.of(down(E, 20))),
            Map.entry("lullaby", List.of(down(E, 24), up(W, 8))), Map.entry("ambient", List.of(down(E, 14), down(C, 4))),
            Map.entry("background", List.of(down(E, 8))), Map.entry("chill", List.of(down(E, 16))), Map.entry("laid back", List.of(down(E, 18))),
            // warmth
            Map.entry("warm", List.of(up(W, 22))), Map.entry("cozy", List.of(up(W, 22), down(E, 6))), Map.entry("cosy", List.of(up(W, 22), down(E, 6))),
            Map.entry("heartfelt", List.of(up(W, 20))), Map.entry("tender", List.of(up(W, 18), down(E, 5))), Map.entry("comforting", List.of(up(W, 20))),
            Map.entry("friendly", List.of(up(W, 15))), Map.entry("kind", List.of(up(W, 12))), Map.entry("loving", List.of(up(W, 18))),
            Map.entry("hearth", List.of(up(W, 15))), Map.entry("homey", List.of(up(W, 18))), Map.entry("sweet", List.of(up(W, 12), up(B, 5))),
            Map.entry("cold", List.of(down(W, 22))), Map.entry("icy", List.of(down(W, 22))), Map.entry("distant", List.of(down(W, 15))),
            Map.entry("detached", List.of(down(W, 18))), Map.entry("clinical", List.of(down(W, 18), down(A, 6))), Map.entry("cool", List.of(down(W, 10))),
            Map.entry("lonely", List.of(down(W, 12), down(B, 8))), Map.entry("sterile", List.of(down(W, 18))),
            // brightness
            Map.entry("bright", List.of(up(B, 22))), Map.entry("sunny", List.of(up(B, 20))), Map.entry("sparkling", List.of(up(B, 20))),
            Map.entry("cheerful", List.of(up(B, 20), up(E, 6))), Map.entry("happy", List.of(up(B, 20), up(E, 5))), Map.entry("joyful", List.of(up(B, 20), up(E, 6))),
            Map.entry("hopeful", List.of(up(B, 15))), Map.entry("light", List.of(up(B, 10))), Map.entry("playful", List.of(up(B, 14), up(E, 6))),
            Map.entry("dark", List.of(down(B, 22))), Map.entry("gloomy", List.of(down(B, 22))), Map.entry("shadowy", List.of(down(B, 20))),
            Map.entry("somber", List.of(down(B, 20))), Map.entry("sombre", List.of(down(B, 20))), Map.entry("moody", List.of(down(B, 16))),
            Map.entry("sad", List.of(down(B, 20), down(E, 6))), Map.entry("melancholy", List.of(down(B, 18), up(N, 6))), Map.entry("melancholic", List.of(down(B, 18), up(N, 6))),
            Map.entry("eerie", List.of(down(B, 20), down(W, 8))), Map.entry("spooky", List.of(down(B, 18))), Map.entry("night", List.of(down(B, 8))),
            Map.entry("mysterious", List.of(down(B, 14), up(C, 6))), Map.entry("rain", List.of(down(B, 6), up(N, 4))), Map.entry("rainy", List.of(down(B, 6), up(N, 4))),
            // acousticness
            Map.entry("acoustic", List.of(up(A, 24))), Map.entry("unplugged", List.of(up(A, 22))), Map.entry("organic", List.of(up(A, 18))),
            Map.entry("real instruments", List.of(up(A, 22))), Map.entry("natural", List.of(up(A, 12))), Map.entry("piano", List.of(up(A, 16))),
            Map.entry("guitar", List.of(up(A, 14))), Map.entry("strings", List.of(up(A, 15))), Map.entry("harp", List.of(up(A, 16))), Map.entry("violin", List.of(up(A, 16))),
            Map.entry("flute", List.of(up(A, 16))), Map.entry("folk", List.of(up(A, 16), up(N, 6))), Map.entry("orchestral", List.of(up(A, 14), up(C, 10))),
            Map.entry("electronic", List.of(down(A, 24))), Map.entry("synthetic", List.of(down(A, 22))), Map.entry("digital", List.of(down(A, 20))),
            Map.entry("synth", List.of(down(A, 20))), Map.entry("synths", List.of(down(A, 20))), Map.entry("synth-heavy", List.of(down(A, 24))),
            Map.entry("edm", List.of(down(A, 22), up(E, 10))), Map.entry("techno", List.of(down(A, 22), up(E, 10))), Map.entry("chiptune", List.of(down(A, 20), up(N, 12))),
            Map.entry("8-bit", List.of(down(A, 20), up(N, 12))), Map.entry("robotic", List.of(down(A, 18), down(W, 6))), Map.entry("cyber", List.of(down(A, 18), down(N, 8))),
            // complexity
            Map.entry("intricate", List.of(up(C, 22))), Map.entry("complex", List.of(up(C, 22))), Map.entry("layered", List.of(up(C, 18))),
            Map.entry("rich", List.of(up(C, 12))), Map.entry("detailed", List.of(up(C, 16))), Map.entry("elaborate", List.of(up(C, 20))),
            Map.entry("sophisticated", List.of(up(C, 18))), Map.entry("jazzy", List.of(up(C, 16), up(W, 5))), Map.entry("jazz", List.of(up(C, 16), up(W, 5))),
            Map.entry("progressive", List.of(up(C, 18))), Map.entry("busy", List.of(up(C, 14), up(E, 6))),
            Map.entry("simple", List.of(down(C, 22))), Map.entry("minimal", List.of(down(C, 22))), Map.entry("minimalist", List.of(down(C, 22))),
            Map.entry("sparse", List.of(down(C, 18))), Map.entry("plain", List.of(down(C, 16))), Map.entry("uncomplicated", List.of(down(C, 20))),
            Map.entry("loop-friendly", List.of(down(C, 10))), Map.entry("repetitive", List.of(down(C, 14))),
            // nostalgia
            Map.entry("nostalgic", List.of(up(N, 24))), Map.entry("retro", List.of(up(N, 22))), Map.entry("old-fashioned", List.of(up(N, 20))),
            Map.entry("old fashioned", List.of(up(N, 20))), Map.entry("wistful", List.of(up(N, 18), down(B, 4))), Map.entry("memory", List.of(up(N, 14))),
            Map.entry("memories", List.of(up(N, 16))), Map.entry("vintage", List.of(up(N, 20))), Map.entry("classic", List.of(up(N, 12))),
            Map.entry("childhood", List.of(up(N, 18), up(W, 6))), Map.entry("old", List.of(up(N, 12))), Map.entry("80s", List.of(up(N, 18))),
            Map.entry("90s", List.of(up(N, 14))), Map.entry("citypop", List.of(up(N, 18))), Map.entry("city pop", List.of(up(N, 18))),
            Map.entry("modern", List.of(down(N, 20))), Map.entry("futuristic", List.of(down(N, 22), down(A, 8))), Map.entry("contemporary", List.of(down(N, 18))),
            Map.entry("cutting-edge", List.of(down(N, 20))), Map.entry("new", List.of(down(N, 10))), Map.entry("fresh", List.of(down(N, 12))),
            Map.entry("sci-fi", List.of(down(N, 18), down(A, 10))));

    static final List<Entry> JAPANESE = List.of(
            new Entry("元気", List.of(up(E, 22))), new Entry("アップテンポ", List.of(up(E, 22))), new Entry("にぎやか", List.of(up(E, 20), up(B, 5))),
            new Entry("賑やか", List.of(up(E, 20), up(B, 5))), new Entry("勢い", List.of(up(E, 18))), new Entry("ノリ", List.of(up(E, 16))),
            new Entry("激し", List.of(up(E, 22))), new Entry("うるさ", List.of(up(E, 20))), new Entry("騒がし", List.of(up(E, 18))),
            new Entry("速", List.of(up(E, 14))), new Entry("お祭り", List.of(up(E, 18), up(B, 8))), new Entry("祭", List.of(up(E, 14), up(B, 6))),
            new Entry("重", List.of(up(E, 10), down(B, 8))), new Entry("戦闘", List.of(up(E, 20), up(C, 5))), new Entry("バトル", List.of(up(E, 20), up(C, 5))),
            new Entry("静か", List.of(down(E, 22))), new Entry("落ち着", List.of(down(E, 22))), new Entry("ゆったり", List.of(down(E, 20))),
            new Entry("穏やか", List.of(down(E, 20))), new Entry("のんびり", List.of(down(E, 20))), new Entry("ゆっくり", List.of(down(E, 18))),
            new Entry("眠", List.of(down(E, 18))), new Entry("癒", List.of(down(E, 16), up(W, 8))), new Entry("しっとり", List.of(down(E, 14), down(B, 5))),
            new Entry("温か", List.of(up(W, 22))), new Entry("暖か", List.of(up(W, 22))), new Entry("あたたか", List.of(up(W, 22))),
            new Entry("ぬくもり", List.of(up(W, 22))), new Entry("優し", List.of(up(W, 18), down(E, 5))), new Entry("やさし", List.of(up(W, 18), down(E, 5))),
            new Entry("ほっと", List.of(up(W, 18))), new Entry("心地よ", List.of(up(W, 14), down(E, 5))),
            new Entry("冷た", List.of(down(W, 22))), new Entry("クール", List.of(down(W, 16))), new Entry("ひんやり", List.of(down(W, 20))),
            new Entry("そっけな", List.of(down(W, 18))), new Entry("無機質", List.of(down(W, 20), down(A, 6))), new Entry("寂し", List.of(down(W, 12), down(B, 8))),
            new Entry("明る", List.of(up(B, 22))), new Entry("きらきら", List.of(up(B, 20))), new Entry("キラキラ", List.of(up(B, 20))),
            new Entry("晴れ", List.of(up(B, 16))), new Entry("陽気", List.of(up(B, 20), up(E, 5))), new Entry("楽し", List.of(up(B, 18), up(E, 6))),
            new Entry("爽やか", List.of(up(B, 16))), new Entry("さわやか", List.of(up(B, 16))), new Entry("ハッピー", List.of(up(B, 20))),
            new Entry("暗", List.of(down(B, 22))), new Entry("重苦し", List.of(down(B, 20), up(E, 4))), new Entry("影", List.of(down(B, 14))),
            new Entry("陰鬱", List.of(down(B, 22))), new Entry("どんより", List.of(down(B, 20))), new Entry("悲し", List.of(down(B, 20), down(E, 5))),
            new Entry("切な", List.of(down(B, 14), up(N, 8))), new Entry("不気味", List.of(down(B, 20), down(W, 8))), new Entry("夜", List.of(down(B, 8))),
            new Entry("雨", List.of(down(B, 6), up(N, 4))),
            new Entry("アコースティック", List.of(up(A, 24))), new Entry("生楽器", List.of(up(A, 24))), new Entry("生音", List.of(up(A, 22))),
            new Entry("素朴", List.of(up(A, 18), down(C, 6))), new Entry("自然な響き", List.of(up(A, 18))), new Entry("ピアノ", List.of(up(A, 16))),
            new Entry("ギター", List.of(up(A, 14))), new Entry("弦", List.of(up(A, 14))), new Entry("ハープ", List.of(up(A, 16))), new Entry("笛", List.of(up(A, 14))),
            new Entry("電子", List.of(down(A, 24))), new Entry("シンセ", List.of(down(A, 22))), new Entry("デジタル", List.of(down(A, 20))),
            new Entry("エレクトロ", List.of(down(A, 22))), new Entry("機械", List.of(down(A, 18), down(W, 5))), new Entry("ピコピコ", List.of(down(A, 18), up(N, 10))),
            new Entry("複雑", List.of(up(C, 22))), new Entry("凝った", List.of(up(C, 20))), new Entry("重層", List.of(up(C, 20))), new Entry("緻密", List.of(up(C, 20))),
            new Entry("手の込んだ", List.of(up(C, 20))), new Entry("豪華", List.of(up(C, 14), up(E, 5))), new Entry("ジャズ", List.of(up(C, 16), up(W, 5))),
            new Entry("シンプル", List.of(down(C, 22))), new Entry("簡単", List.of(down(C, 18))), new Entry("ミニマル", List.of(down(C, 22))),
            new Entry("すっきり", List.of(down(C, 16))), new Entry("単純", List.of(down(C, 20))),
            new Entry("懐かし", List.of(up(N, 24))), new Entry("なつかし", List.of(up(N, 24))), new Entry("レトロ", List.of(up(N, 22))),
            new Entry("昔ながら", List.of(up(N, 20))), new Entry("ノスタルジ", List.of(up(N, 24))), new Entry("思い出", List.of(up(N, 18))),
            new Entry("昭和", List.of(up(N, 20))), new Entry("昔", List.of(up(N, 12))),
            new Entry("現代", List.of(down(N, 20))), new Entry("未来", List.of(down(N, 22), down(A, 6))), new Entry("新し", List.of(down(N, 14))),
            new Entry("モダン", List.of(down(N, 20))), new Entry("最先端", List.of(down(N, 22))), new Entry("近未来", List.of(down(N, 22), down(A, 8))));

    static final java.util.Set<String> ENGLISH_NEGATIONS = java.util.Set.of("not", "no", "never", "without", "isn't", "don't", "doesn't", "nothing",
            "less", "avoid", "neither", "nor", "non", "instead");
    static final Map<String, Double> ENGLISH_INTENSIFIERS = Map.ofEntries(Map.entry("very", 1.5), Map.entry("really", 1.4),
            Map.entry("extremely", 1.8), Map.entry("super", 1.5), Map.entry("so", 1.3), Map.entry("incredibly", 1.7), Map.entry("totally", 1.4),
            Map.entry("slightly", 0.5), Map.entry("somewhat", 0.6), Map.entry("little", 0.5), Map.entry("bit", 0.5), Map.entry("kinda", 0.6),
            Map.entry("fairly", 0.8), Map.entry("quite", 1.2), Map.entry("too", 1.0));
    static final List<String> JAPANESE_NEGATIONS = List.of("くない", "くなく", "じゃない", "ではない", "でない", "ない", "すぎない", "控えめ");
    static final Map<String, Double> JAPANESE_INTENSIFIERS = Map.of("とても", 1.5, "すごく", 1.5, "かなり", 1.4, "めっちゃ", 1.6,
            "超", 1.5, "非常に", 1.7, "少し", 0.5, "ちょっと", 0.5, "やや", 0.6, "ほんのり", 0.5);

    /** First words of the English phrases of more than one word ("laid back", "synth-heavy" read as synth heavy). */
    static final java.util.Set<String> PHRASE_STARTS = ENGLISH.keySet().stream()
            .filter(phrase -> phrase.contains(" ") || phrase.contains("-"))
            .map(phrase -> phrase.split("[ -]")[0])
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Japanese entries by their first character, longest first, so a scan tries only the few that can match. */
    static Map<Character, List<Entry>> japaneseByFirstChar() {
        Map<Character, List<Entry>> byFirst = new java.util.HashMap<>();
        for (Entry entry : JAPANESE) {
            byFirst.computeIfAbsent(entry.phrase().charAt(0), key -> new ArrayList<>()).add(entry);
        }
        byFirst.values().forEach(entries -> entries.sort((a, b) -> Integer.compare(b.phrase().length(), a.phrase().length())));
        return Map.copyOf(byFirst);
    }

    private Lexicon() {
    }
}
