package kotone.core.interpret;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.core.text.Tokens;
import kotone.core.vector.Dimension;

/**
 * What words say about the six dimensions, in English (whole words, phrases of up to three words) and Japanese (stems,
 * so 暗い, 暗く and 暗め all count), read from {@code kotone/lexicon/en.tsv} and {@code ja.tsv}: each entry pushes one or
 * more dimensions up or down from neutral; a push of 20 is a clear statement, 10 a hint, and an entry without pushes is
 * read and ignored. The words that strengthen, soften or turn around the word they stand by are part of the grammar
 * here, not of the files.
 */
final class Lexicon {

    record Push(Dimension dimension, int amount) {
    }

    record Entry(String phrase, List<Push> pushes) {
    }

    static final Set<String> ENGLISH_NEGATIONS = Set.of("not", "no", "never", "without", "isn't", "don't", "doesn't", "nothing", "less",
            "avoid", "neither", "nor", "non", "instead", "zero", "none", "nope", "aren't", "wasn't", "shouldn't", "mustn't", "won't");
    static final Map<String, Double> ENGLISH_INTENSIFIERS = Map.ofEntries(Map.entry("very", 1.5), Map.entry("really", 1.4),
            Map.entry("extremely", 1.8), Map.entry("super", 1.5), Map.entry("so", 1.3), Map.entry("incredibly", 1.7), Map.entry("totally", 1.4),
            Map.entry("utterly", 1.8), Map.entry("absolutely", 1.6), Map.entry("completely", 1.6), Map.entry("truly", 1.4), Map.entry("hella", 1.5),
            Map.entry("mega", 1.6), Map.entry("ultra", 1.7), Map.entry("insanely", 1.8), Map.entry("crazy", 1.5), Map.entry("seriously", 1.4),
            Map.entry("deeply", 1.5), Map.entry("overwhelmingly", 1.8), Map.entry("radically", 1.6), Map.entry("intensely", 1.6),
            Map.entry("extra", 1.4), Map.entry("most", 1.4), Map.entry("more", 1.3), Map.entry("much", 1.2), Map.entry("way", 1.3),
            Map.entry("glacially", 1.6), Map.entry("thoroughly", 1.5), Map.entry("properly", 1.3), Map.entry("damn", 1.4), Map.entry("freaking", 1.5),
            Map.entry("slightly", 0.5), Map.entry("somewhat", 0.6), Map.entry("little", 0.5), Map.entry("bit", 0.5), Map.entry("kinda", 0.6),
            Map.entry("sorta", 0.6), Map.entry("fairly", 0.8), Map.entry("quite", 1.2), Map.entry("too", 1.0), Map.entry("mildly", 0.6),
            Map.entry("tad", 0.5), Map.entry("touch", 0.5), Map.entry("hint", 0.5), Map.entry("lil", 0.5), Map.entry("barely", 0.4),
            Map.entry("rather", 0.8), Map.entry("pretty", 1.1));
    /** Strengtheners that follow their word: "cozy af". */
    static final Map<String, Double> ENGLISH_AFTER = Map.of("af", 1.6, "asf", 1.6);
    static final List<String> JAPANESE_NEGATIONS = List.of("くない", "くなく", "じゃない", "じゃなく", "ではない", "ではなく", "でない", "すぎない",
            "しないで", "ないで", "ないよう", "ないほう", "なくて", "ません", "ずに", "抜き", "なし", "無し", "以外", "苦手", "嫌", "いらない", "不要",
            "ない");
    static final Map<String, Double> JAPANESE_INTENSIFIERS = Map.ofEntries(Map.entry("とても", 1.5), Map.entry("すごく", 1.5),
            Map.entry("すっごく", 1.6), Map.entry("ものすごく", 1.7), Map.entry("かなり", 1.4), Map.entry("めっちゃ", 1.6), Map.entry("めちゃくちゃ", 1.7),
            Map.entry("めちゃ", 1.5), Map.entry("超", 1.5), Map.entry("ちょー", 1.5), Map.entry("非常に", 1.7), Map.entry("極めて", 1.7),
            Map.entry("本当に", 1.4), Map.entry("ほんとに", 1.4), Map.entry("マジで", 1.5), Map.entry("まじで", 1.5), Map.entry("完全に", 1.6),
            Map.entry("とことん", 1.7), Map.entry("限りなく", 1.7), Map.entry("とんでもなく", 1.8), Map.entry("最高に", 1.6), Map.entry("心の底から", 1.6),
            Map.entry("底抜けに", 1.7), Map.entry("思いっきり", 1.6), Map.entry("めいっぱい", 1.6), Map.entry("もっと", 1.3), Map.entry("できるだけ", 1.3),
            Map.entry("なるべく", 1.2), Map.entry("結構", 1.2), Map.entry("けっこう", 1.2), Map.entry("少し", 0.5), Map.entry("すこし", 0.5),
            Map.entry("ちょっと", 0.5), Map.entry("ちょっぴり", 0.5), Map.entry("ちょい", 0.6), Map.entry("やや", 0.6), Map.entry("ほんのり", 0.5),
            Map.entry("若干", 0.6), Map.entry("少々", 0.5), Map.entry("多少", 0.6), Map.entry("ほどよく", 0.7), Map.entry("ほどほど", 0.7));

    private final Map<String, List<Push>> english;
    private final Set<String> phraseStarts = new HashSet<>();
    private final Map<Character, List<Entry>> japaneseByFirstChar = new HashMap<>();

    private Lexicon(Map<String, List<Push>> english, List<Entry> japanese) {
        this.english = Map.copyOf(english);
        for (String phrase : english.keySet()) {
            if (phrase.contains(" ") || phrase.contains("-")) {
                phraseStarts.add(phrase.split("[ -]")[0]);
            }
        }
        for (Entry entry : japanese) {
            japaneseByFirstChar.computeIfAbsent(entry.phrase().charAt(0), key -> new ArrayList<>()).add(entry);
        }
        // the longest stem first, so a scan takes 心温まる before 温
        japaneseByFirstChar.values().forEach(entries -> entries.sort((a, b) -> Integer.compare(b.phrase().length(), a.phrase().length())));
    }

    static Lexicon standard() {
        return new Lexicon(read("kotone/lexicon/en.tsv").stream().collect(java.util.stream.Collectors.toMap(Entry::phrase, Entry::pushes,
                (a, b) -> {
                    throw new IllegalStateException("an English phrase is in the lexicon twice");
                })), read("kotone/lexicon/ja.tsv"));
    }

    /** The pushes of an English word or phrase (its words joined by a space or a hyphen), or null when it is not an entry. */
    List<Push> english(String phrase) {
        return english.get(phrase);
    }

    Set<String> englishWords() {
        return english.keySet();
    }

    /** Whether a word starts a phrase of more than one word ("laid back", "synth-heavy" read as synth heavy). */
    boolean startsPhrase(String word) {
        return phraseStarts.contains(word);
    }

    /** The Japanese entries that start with this character, the longest first. */
    List<Entry> japaneseStartingWith(char first) {
        return japaneseByFirstChar.getOrDefault(first, List.of());
    }

    private static List<Entry> read(String resource) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the lexicon " + resource + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException(resource + " line " + number + ": a phrase, a tab and its pushes");
                }
                entries.add(new Entry(Tokens.normalize(columns[0]), pushes(columns[1], resource, number)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static List<Push> pushes(String text, String resource, int number) {
        if (text.equals("-")) {
            return List.of();
        }
        List<Push> pushes = new ArrayList<>();
        for (String push : text.trim().split(" ")) {
            Dimension dimension = switch (push.charAt(0)) {
                case 'E' -> Dimension.ENERGY;
                case 'W' -> Dimension.WARMTH;
                case 'B' -> Dimension.BRIGHTNESS;
                case 'A' -> Dimension.ACOUSTICNESS;
                case 'C' -> Dimension.COMPLEXITY;
                case 'N' -> Dimension.NOSTALGIA;
                default -> throw new IllegalStateException(resource + " line " + number + ": unknown dimension in '" + push + "'");
            };
            pushes.add(new Push(dimension, Integer.parseInt(push.substring(1))));
        }
        return List.copyOf(pushes);
    }
}
