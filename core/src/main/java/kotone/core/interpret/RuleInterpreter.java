package kotone.core.interpret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.text.TextLanguage;
import kotone.core.text.Tokens;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * The rule mode: reads a request in English or Japanese with a lexicon, starting from neutral (50) and letting each
 * recognised word push its dimensions. Intensity words scale the push of the word they stand by ("very", "とても",
 * "cozy af"); negation turns it around and weakens it ("not too loud" is quieter, not silent; "暗くない" is brighter).
 * English words are found through their plurals, comparatives and small typos; catalog parts named in the request
 * push towards their own vector. Weather is a weak prior. Deterministic, no I/O.
 */
public final class RuleInterpreter {

    private static final double NEGATED = -0.6;
    private static final int LOOK_BACK = 3;
    private static final int NEGATION_WINDOW = 10;
    private static final double MAX_FACTOR = 2.2;

    private final Lexicon lexicon;
    private final WordForms forms;
    private final PartMentions parts;

    public RuleInterpreter() {
        this(Catalog.standard());
    }

    public RuleInterpreter(Catalog catalog) {
        this.lexicon = Lexicon.standard();
        this.forms = new WordForms(lexicon.englishWords());
        this.parts = new PartMentions(catalog);
    }

    /**
     * @param push per dimension, how far the words and parts moved it from neutral (before the weather and the clamp to 0-100)
     * @param partPush the share of {@code push} that named catalog parts brought
     * @param matched what was recognised, for the rationale: "very quiet: energy -33"
     * @param hits how many lexicon words and parts were recognised; 0 means the rules understood nothing
     * @param negations how many of them were negated
     * @param intensified how many of them were strengthened or softened
     * @param partsNamed how many catalog parts the request named
     */
    public record Reading(MusicVector vector, double[] push, double[] partPush, List<String> matched, int hits, int negations, int intensified,
            int partsNamed, TextLanguage language) {
    }

    /** What one reading found, gathered as it goes. */
    private static final class Found {
        final double[] push = new double[Dimension.COUNT];
        final double[] partPush = new double[Dimension.COUNT];
        final List<String> matched = new ArrayList<>();
        int partsNamed;
        int hits;
        int negations;
        int intensified;

        void apply(List<Lexicon.Push> pushes, double factor, boolean negated, String label) {
            StringBuilder description = new StringBuilder(label).append(':');
            double signed = negated ? factor * NEGATED : factor;
            for (Lexicon.Push p : pushes) {
                double amount = p.amount() * signed;
                push[p.dimension().ordinal()] += amount;
                description.append(' ').append(p.dimension().key()).append(' ').append(amount >= 0 ? "+" : "").append(Math.round(amount));
            }
            if (pushes.isEmpty()) {
                return;
            }
            matched.add(description.toString());
            hits++;
            negations += negated ? 1 : 0;
            intensified += factor != 1 ? 1 : 0;
        }
    }

    public Reading read(String text, String weather) {
        String normalized = Tokens.normalize(text);
        Found found = new Found();
        String unread = readParts(normalized, found);
        readEnglish(unread, found);
        readJapanese(unread, found);
        double[] push = found.push.clone();
        double[] values = new double[Dimension.COUNT];
        for (int d = 0; d < values.length; d++) {
            values[d] = MusicVector.NEUTRAL + push[d] + weather(weather, d);
        }
        return new Reading(MusicVector.rounded(values), push, found.partPush.clone(), found.matched, found.hits, found.negations,
                found.intensified, found.partsNamed, TextLanguage.of(text));
    }

    /** Reads the parts the text names and blanks their mentions out, so their words are not read again. */
    private String readParts(String normalized, Found found) {
        StringBuilder unread = new StringBuilder(normalized);
        for (Part part : parts.in(normalized)) {
            List<Lexicon.Push> pushes = new ArrayList<>();
            for (Dimension dimension : Dimension.ALL) {
                double amount = PartMentions.push(part, dimension);
                if (amount != 0) {
                    pushes.add(new Lexicon.Push(dimension, (int) Math.round(amount)));
                }
            }
            found.apply(pushes, 1, false, "part " + part.id());
            found.partsNamed++;
            for (Lexicon.Push push : pushes) {
                found.partPush[push.dimension().ordinal()] += push.amount();
            }
            int[] span = parts.span(normalized, part);
            for (int i = span[0]; i >= 0 && i < span[1]; i++) {
                unread.setCharAt(i, ' ');
            }
        }
        return unread.toString();
    }

    private void readEnglish(String normalized, Found found) {
        List<String> words = Tokens.words(normalized);
        int i = 0;
        while (i < words.size()) {
            Match match = englishAt(words, i);
            if (match == null) {
                i++;
                continue;
            }
            double factor = 1;
            boolean negated = false;
            for (int back = 1; back <= LOOK_BACK && i - back >= 0; back++) {
                String previous = words.get(i - back);
                if (lexicon.english(previous) != null && !Lexicon.ENGLISH_INTENSIFIERS.containsKey(previous)) {
                    break;
                }
                if (Lexicon.ENGLISH_NEGATIONS.contains(previous) || previous.endsWith("n't")) {
                    negated = true;
                } else if (back <= 2 && Lexicon.ENGLISH_INTENSIFIERS.containsKey(previous)) {
                    factor *= Lexicon.ENGLISH_INTENSIFIERS.get(previous);
                } else if ("of".equals(previous) && i - back - 1 >= 0 && List.of("kind", "sort").contains(words.get(i - back - 1))) {
                    factor *= 0.6;
                    break;
                }
            }
            int after = i + match.length();
            if (after < words.size() && Lexicon.ENGLISH_AFTER.containsKey(words.get(after))) {
                factor *= Lexicon.ENGLISH_AFTER.get(words.get(after));
            }
            found.apply(match.pushes(), Math.min(MAX_FACTOR, factor), negated, (negated ? "not " : "") + match.phrase());
            i = after;
        }
    }

    private record Match(String phrase, List<Lexicon.Push> pushes, int length) {
    }

    /** The longest entry at this word: a phrase of up to three words, else the word in any of its forms. */
    private Match englishAt(List<String> words, int i) {
        if (lexicon.startsPhrase(words.get(i))) {
            for (int n = Math.min(3, words.size() - i); n >= 2; n--) {
                List<String> span = words.subList(i, i + n);
                for (String candidate : List.of(String.join(" ", span), String.join("-", span), String.join("", span))) {
                    List<Lexicon.Push> pushes = lexicon.english(candidate);
                    if (pushes != null) {
                        return new Match(candidate, pushes, n);
                    }
                }
            }
        }
        String word = words.get(i);
        String form = word.contains("-") ? null : forms.lexiconForm(word);
        if (form == null && word.contains("-")) {
            form = lexicon.english(word) != null ? word : null;
        }
        return form == null ? null : new Match(form.equals(word) ? word : word + " (" + form + ")", lexicon.english(form), 1);
    }

    private void readJapanese(String normalized, Found found) {
        List<int[]> hits = new ArrayList<>();
        List<Lexicon.Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < normalized.length()) {
            if (!Tokens.isJapanese(normalized.charAt(i)) && !Character.isDigit(normalized.charAt(i))) {
                i++;
                continue;
            }
            Lexicon.Entry hit = null;
            for (Lexicon.Entry entry : lexicon.japaneseStartingWith(normalized.charAt(i))) {
                if (normalized.startsWith(entry.phrase(), i)) {
                    hit = entry;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            hits.add(new int[] {i, i + hit.phrase().length()});
            entries.add(hit);
            i += hit.phrase().length();
        }
        for (int h = 0; h < hits.size(); h++) {
            int start = hits.get(h)[0];
            int end = hits.get(h)[1];
            int nextStart = h + 1 < hits.size() ? hits.get(h + 1)[0] : normalized.length();
            boolean negated = negatedAfter(normalized, end, nextStart);
            double factor = 1;
            String before = normalized.substring(Math.max(0, start - 6), start);
            for (Map.Entry<String, Double> intensifier : Lexicon.JAPANESE_INTENSIFIERS.entrySet()) {
                if (before.contains(intensifier.getKey())) {
                    factor *= intensifier.getValue();
                }
            }
            found.apply(entries.get(h).pushes(), Math.min(MAX_FACTOR, factor), negated, entries.get(h).phrase() + (negated ? "(否定)" : ""));
        }
    }

    /**
     * A negation after the stem and before the next stem or clause: 暗くない, 静かじゃない, うるさすぎない, 機械っぽい音じゃない,
     * 一昔前っぽい音にはしないで. "しかない" (nothing but) and "少ない" (few) are not negations.
     */
    private static boolean negatedAfter(String text, int from, int nextStem) {
        int limit = Math.min(Math.min(text.length(), from + NEGATION_WINDOW), nextStem);
        StringBuilder after = new StringBuilder();
        for (int j = from; j < limit; j++) {
            char c = text.charAt(j);
            if ("、。,.!?！？ ・〜~…".indexOf(c) >= 0) {
                break;
            }
            after.append(c);
        }
        String window = after.toString();
        if (window.contains("しかない") || window.contains("少ない") || window.contains("すくない")) {
            return false;
        }
        for (String negation : Lexicon.JAPANESE_NEGATIONS) {
            if (window.contains(negation)) {
                return true;
            }
        }
        return false;
    }

    private static double weather(String weather, int dimension) {
        if (weather == null) {
            return 0;
        }
        Dimension d = Dimension.ALL.get(dimension);
        return switch (weather) {
            case "rainy" -> d == Dimension.BRIGHTNESS ? -4 : d == Dimension.NOSTALGIA ? 4 : d == Dimension.ENERGY ? -3 : 0;
            case "sunny" -> d == Dimension.BRIGHTNESS ? 4 : d == Dimension.ENERGY ? 3 : 0;
            case "cloudy" -> d == Dimension.BRIGHTNESS ? -2 : 0;
            default -> 0;
        };
    }
}
