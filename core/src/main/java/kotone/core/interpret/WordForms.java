package kotone.core.interpret;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the lexicon entry an English word stands for when it is not one itself: letters a player held down
 * ("sooothing"), plurals and comparatives ("flutes", "brighter", "happier"), and one slip of the keyboard ("digitel",
 * "relaxng", "cheerfull") in words of five letters or more. A slip that could stand for two entries is left unread, and
 * common words are never corrected ("quite" is not "quiet").
 */
final class WordForms {

    private static final int MIN_TYPO_LENGTH = 5;
    private static final Set<String> NEVER_CORRECTED = Set.of("quite", "these", "those", "there", "their", "where", "which", "while", "about",
            "would", "could", "should", "right", "sight", "might", "tight", "night's", "shop", "store", "stage", "scene", "songs", "song", "track",
            "tracks", "music", "please", "thanks", "something", "anything", "nothing", "other", "under", "after", "before", "really", "level",
            "party", "place", "plays", "played", "playing", "great", "first", "water", "house", "heart", "start", "story", "street", "hours",
            "light", "lights", "world", "words", "coffee", "listen", "make", "sound", "sounds", "tones", "notes", "theme", "style");

    private final Set<String> words = new HashSet<>();
    private final Map<String, Set<String>> byDeletion = new HashMap<>();

    WordForms(Set<String> lexiconWords) {
        for (String word : lexiconWords) {
            if (word.contains(" ")) {
                continue;
            }
            words.add(word);
            if (word.length() >= MIN_TYPO_LENGTH) {
                for (String deleted : deletions(word)) {
                    byDeletion.computeIfAbsent(deleted, key -> new HashSet<>()).add(word);
                }
            }
        }
    }

    /** The lexicon word this word stands for, or null. */
    String lexiconForm(String word) {
        if (words.contains(word)) {
            return word;
        }
        for (String held : heldLetters(word)) {
            if (words.contains(held)) {
                return held;
            }
        }
        for (String stem : stems(word)) {
            if (words.contains(stem)) {
                return stem;
            }
        }
        return typo(word);
    }

    /** "sooothing" -> "soothing", "coolll" -> "cool": each run of one letter read once or twice (up to four runs). */
    private static List<String> heldLetters(String word) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < word.length();) {
            int end = i;
            while (end < word.length() && word.charAt(end) == word.charAt(i)) {
                end++;
            }
            runs.add(new int[] {i, end - i});
            i = end;
        }
        List<int[]> repeated = runs.stream().filter(run -> run[1] >= 2).toList();
        if (repeated.isEmpty() || repeated.size() > 4) {
            return List.of();
        }
        List<String> forms = new ArrayList<>();
        for (int mask = 0; mask < 1 << repeated.size(); mask++) {
            StringBuilder form = new StringBuilder();
            int r = 0;
            for (int[] run : runs) {
                char c = word.charAt(run[0]);
                int length = run[1] >= 2 ? ((mask >> r++) & 1) + 1 : 1;
                form.append(String.valueOf(c).repeat(length));
            }
            if (!form.toString().equals(word)) {
                forms.add(form.toString());
            }
        }
        return forms;
    }

    private static List<String> stems(String word) {
        List<String> stems = new ArrayList<>();
        suffix(stems, word, "iest", "y");
        suffix(stems, word, "ier", "y");
        suffix(stems, word, "ily", "y");
        suffix(stems, word, "est", "");
        suffix(stems, word, "est", "e");
        suffix(stems, word, "er", "");
        suffix(stems, word, "er", "e");
        suffix(stems, word, "es", "");
        suffix(stems, word, "s", "");
        suffix(stems, word, "ly", "");
        suffix(stems, word, "ish", "");
        suffix(stems, word, "ness", "");
        suffix(stems, word, "ed", "");
        suffix(stems, word, "ing", "");
        // "sadder", "hottest": the doubled consonant before the suffix
        for (String stem : List.copyOf(stems)) {
            if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                stems.add(stem.substring(0, stem.length() - 1));
            }
        }
        return stems;
    }

    private static void suffix(List<String> stems, String word, String suffix, String replacement) {
        if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
            stems.add(word.substring(0, word.length() - suffix.length()) + replacement);
        }
    }

    /** One deletion, insertion, substitution or transposition away from exactly one lexicon word. */
    private String typo(String word) {
        if (word.length() < MIN_TYPO_LENGTH || NEVER_CORRECTED.contains(word) || Lexicon.ENGLISH_INTENSIFIERS.containsKey(word)
                || Lexicon.ENGLISH_NEGATIONS.contains(word) || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        Set<String> candidates = new HashSet<>();
        // a letter too many: deleting one gives a lexicon word
        for (String deleted : deletions(word)) {
            if (words.contains(deleted) && deleted.length() >= MIN_TYPO_LENGTH) {
                candidates.add(deleted);
            }
        }
        // a letter missing: the word is a lexicon word with one deleted
        candidates.addAll(byDeletion.getOrDefault(word, Set.of()));
        // a wrong or swapped letter: both lose one letter to the same string
        for (String deleted : deletions(word)) {
            for (String candidate : byDeletion.getOrDefault(deleted, Set.of())) {
                if (candidate.length() == word.length() && differsByOneEdit(candidate, word)) {
                    candidates.add(candidate);
                }
            }
        }
        return candidates.size() == 1 ? candidates.iterator().next() : null;
    }

    private static boolean differsByOneEdit(String a, String b) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        if (count == 1) {
            return true;
        }
        // a swap of two neighbours
        return count == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
    }

    private static Set<String> deletions(String word) {
        Set<String> deleted = new HashSet<>();
        for (int i = 0; i < word.length(); i++) {
            deleted.add(word.substring(0, i) + word.substring(i + 1));
        }
        return deleted;
    }
}
