package kotone.core.interpret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kotone.core.text.TextLanguage;
import kotone.core.text.Tokens;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * The rule mode: reads a request in English or Japanese with a lexicon, starting from neutral (50) and letting
 * each recognised word push its dimensions. Intensity words scale the push of the word they precede ("very",
 * "とても"); negation turns it around and weakens it ("not too loud" is quieter, not silent; "暗くない" is
 * brighter). Weather is a weak prior. Deterministic, no I/O.
 */
public final class RuleInterpreter {

    private static final double NEGATED = -0.6;
    private static final int LOOK_BACK = 3;

    private final Map<Character, List<Lexicon.Entry>> japaneseByFirstChar = Lexicon.japaneseByFirstChar();

    /**
     * @param matched what was recognised, for the rationale: "very quiet: energy -33"
     * @param hits how many lexicon words were recognised; 0 means the rules understood nothing
     */
    public record Reading(MusicVector vector, List<String> matched, int hits, TextLanguage language) {
    }

    public Reading read(String text, String weather) {
        String normalized = Tokens.normalize(text);
        double[] push = new double[Dimension.COUNT];
        List<String> matched = new ArrayList<>();
        int hits = readEnglish(normalized, push, matched) + readJapanese(normalized, push, matched);
        applyWeather(weather, push);
        double[] values = new double[Dimension.COUNT];
        for (int d = 0; d < values.length; d++) {
            values[d] = MusicVector.NEUTRAL + push[d];
        }
        return new Reading(MusicVector.rounded(values), matched, hits, TextLanguage.of(text));
    }

    private int readEnglish(String normalized, double[] push, List<String> matched) {
        List<String> words = Tokens.words(normalized);
        int hits = 0;
        int i = 0;
        while (i < words.size()) {
            int length = 0;
            List<Lexicon.Push> pushes = null;
            String phrase = null;
            int longest = Lexicon.PHRASE_STARTS.contains(words.get(i)) ? Math.min(3, words.size() - i) : 1;
            for (int n = longest; n >= 1 && pushes == null; n--) {
                if (n == 1) {
                    pushes = Lexicon.ENGLISH.get(words.get(i));
                    phrase = words.get(i);
                    length = 1;
                    break;
                }
                List<String> span = words.subList(i, i + n);
                for (String candidate : List.of(String.join(" ", span), String.join("-", span), String.join("", span))) {
                    pushes = Lexicon.ENGLISH.get(candidate);
                    if (pushes != null) {
                        phrase = candidate;
                        length = n;
                        break;
                    }
                }
            }
            if (pushes == null) {
                i++;
                continue;
            }
            double factor = 1;
            boolean negated = false;
            for (int back = 1; back <= LOOK_BACK && i - back >= 0; back++) {
                String previous = words.get(i - back);
                if (Lexicon.ENGLISH.containsKey(previous)) {
                    break;
                }
                if (Lexicon.ENGLISH_NEGATIONS.contains(previous) || previous.endsWith("n't")) {
                    negated = true;
                } else if (back <= 2 && Lexicon.ENGLISH_INTENSIFIERS.containsKey(previous)) {
                    factor *= Lexicon.ENGLISH_INTENSIFIERS.get(previous);
                }
            }
            apply(pushes, negated ? factor * NEGATED : factor, push, matched, (negated ? "not " : "") + phrase);
            hits++;
            i += length;
        }
        return hits;
    }

    private int readJapanese(String normalized, double[] push, List<String> matched) {
        int hits = 0;
        int i = 0;
        while (i < normalized.length()) {
            if (!Tokens.isJapanese(normalized.charAt(i))) {
                i++;
                continue;
            }
            Lexicon.Entry hit = null;
            for (Lexicon.Entry entry : japaneseByFirstChar.getOrDefault(normalized.charAt(i), List.of())) {
                if (normalized.startsWith(entry.phrase(), i)) {
                    hit = entry;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            int end = i + hit.phrase().length();
            boolean negated = negatedAfter(normalized, end);
            double factor = 1;
            String before = normalized.substring(Math.max(0, i - 5), i);
            for (Map.Entry<String, Double> intensifier : Lexicon.JAPANESE_INTENSIFIERS.entrySet()) {
                if (before.contains(intensifier.getKey())) {
                    factor *= intensifier.getValue();
                }
            }
            apply(hit.pushes(), negated ? factor * NEGATED : factor, push, matched, hit.phrase() + (negated ? "(否定)" : ""));
            hits++;
            i = end;
        }
        return hits;
    }

    /** A negation right after the stem, before the next clause: 暗くない, 静かじゃない, うるさすぎない. */
    private static boolean negatedAfter(String text, int from) {
        int limit = Math.min(text.length(), from + 6);
        StringBuilder after = new StringBuilder();
        for (int j = from; j < limit; j++) {
            char c = text.charAt(j);
            if ("、。,.!?！？ ".indexOf(c) >= 0) {
                break;
            }
            after.append(c);
        }
        String window = after.toString();
        for (String negation : Lexicon.JAPANESE_NEGATIONS) {
            if (window.contains(negation)) {
                return !window.contains("しかない") && !window.contains("少ない");
            }
        }
        return false;
    }

    private static void apply(List<Lexicon.Push> pushes, double factor, double[] push, List<String> matched, String label) {
        StringBuilder description = new StringBuilder(label).append(':');
        for (Lexicon.Push p : pushes) {
            double amount = p.amount() * factor;
            push[p.dimension().ordinal()] += amount;
            description.append(' ').append(p.dimension().key()).append(' ').append(amount >= 0 ? "+" : "").append(Math.round(amount));
        }
        matched.add(description.toString());
    }

    private static void applyWeather(String weather, double[] push) {
        if (weather == null) {
            return;
        }
        switch (weather) {
            case "rainy" -> {
                push[Dimension.BRIGHTNESS.ordinal()] -= 4;
                push[Dimension.NOSTALGIA.ordinal()] += 4;
                push[Dimension.ENERGY.ordinal()] -= 3;
            }
            case "sunny" -> {
                push[Dimension.BRIGHTNESS.ordinal()] += 4;
                push[Dimension.ENERGY.ordinal()] += 3;
            }
            case "cloudy" -> push[Dimension.BRIGHTNESS.ordinal()] -= 2;
            default -> {
            }
        }
    }
}
