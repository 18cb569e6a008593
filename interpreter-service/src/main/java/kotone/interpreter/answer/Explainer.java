package kotone.interpreter.answer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.i18n.Language;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/** Says to the player, in the request's language, what the customer wants and which parts to try. */
@ApplicationScoped
public class Explainer {

    private static final Map<Dimension, String[]> ENGLISH = Map.of(
            Dimension.ENERGY, new String[] {"energetic", "calm"}, Dimension.WARMTH, new String[] {"warm", "cool"},
            Dimension.BRIGHTNESS, new String[] {"bright", "dark"}, Dimension.ACOUSTICNESS, new String[] {"acoustic", "electronic"},
            Dimension.COMPLEXITY, new String[] {"intricate", "simple"}, Dimension.NOSTALGIA, new String[] {"nostalgic", "modern"});
    private static final Map<Dimension, String[]> JAPANESE = Map.of(
            Dimension.ENERGY, new String[] {"元気な", "落ち着いた"}, Dimension.WARMTH, new String[] {"温かい", "クールな"},
            Dimension.BRIGHTNESS, new String[] {"明るい", "暗めの"}, Dimension.ACOUSTICNESS, new String[] {"アコースティックな", "電子的な"},
            Dimension.COMPLEXITY, new String[] {"凝った", "シンプルな"}, Dimension.NOSTALGIA, new String[] {"懐かしい", "モダンな"});

    /** The first line of the rationale: who read the request, in the request's language. */
    public String summary(String source, String version, boolean blended, Language language) {
        boolean japanese = language == Language.JA;
        String who = switch (source) {
            case "local_model" -> japanese ? "ローカルモデル " + version : "the local model " + version;
            case "prompt_baseline", "fine_tuned" -> japanese ? "LLM（" + version + "）" : "the LLM (" + version + ")";
            default -> japanese ? "キーワードのルール" : "the keyword rules";
        };
        if (japanese) {
            return who + "が依頼を読み取りました" + (blended ? "（ルールの読みと組み合わせています）。" : "。");
        }
        return "Read by " + who + (blended ? ", combined with the keyword rules." : ".");
    }

    public String hint(MusicVector vector, Map<Slot, List<Part>> recommended, Language language) {
        List<String> words = new ArrayList<>();
        Dimension.ALL.stream()
                .filter(dimension -> Math.abs(vector.get(dimension) - MusicVector.NEUTRAL) >= 10)
                .sorted(Comparator.comparingInt((Dimension dimension) -> -Math.abs(vector.get(dimension) - MusicVector.NEUTRAL)))
                .limit(2)
                .forEach(dimension -> words.add((language == Language.JA ? JAPANESE : ENGLISH).get(dimension)[vector.get(dimension) >= MusicVector.NEUTRAL ? 0 : 1]));
        List<String> names = new ArrayList<>();
        for (Slot slot : Slot.ALL) {
            List<Part> parts = recommended.get(slot);
            if (parts != null && !parts.isEmpty()) {
                names.add(parts.get(0).name(language));
            }
        }
        if (language == Language.JA) {
            String wish = words.isEmpty() ? "ほどよいバランスの曲" : String.join("、", words) + "曲";
            return wish + "が求められています。" + (names.isEmpty() ? "" : String.join("、", names) + "を組み合わせてみましょう。");
        }
        String wish = words.isEmpty() ? "something balanced" : "something " + String.join(" and ", words);
        return "The customer wants " + wish + "." + (names.isEmpty() ? "" : " Try " + joinEnglish(names) + ".");
    }

    private static String joinEnglish(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
