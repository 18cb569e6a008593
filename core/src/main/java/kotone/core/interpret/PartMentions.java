package kotone.core.interpret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.text.Tokens;
import kotone.core.vector.Dimension;

/**
 * Catalog parts a request names, by id ("inst_recorder_tall"), English name ("Thunder Pop") or Japanese name
 * ("80年代シティポップ"): each pushes the dimensions its vector defines towards its value, by a share of its distance from
 * neutral. A request that names a part asks for what the part sounds like.
 */
final class PartMentions {

    /** How much of a part's distance from neutral a mention carries. */
    static final double SHARE = 0.6;

    record Mention(Part part, String name) {
    }

    private final List<Mention> names = new ArrayList<>();

    PartMentions(Catalog catalog) {
        for (Part part : catalog.parts()) {
            names.add(new Mention(part, part.id().toLowerCase(Locale.ROOT)));
            names.add(new Mention(part, Tokens.normalize(part.nameEn())));
            names.add(new Mention(part, Tokens.normalize(part.nameJa())));
        }
        // the longest name first, so "80s city pop" is one part, not the lexicon's "80s" and "city pop"
        names.sort((a, b) -> Integer.compare(b.name().length(), a.name().length()));
    }

    /** The parts a normalised text names, each once, in the order of their longest names. */
    List<Part> in(String normalized) {
        List<Part> found = new ArrayList<>();
        for (Mention mention : names) {
            if (!found.contains(mention.part()) && contains(normalized, mention.name())) {
                found.add(mention.part());
            }
        }
        return found;
    }

    /** The span of the text a part's mention covers, so the lexicon does not read its words again; -1 when absent. */
    int[] span(String normalized, Part part) {
        for (Mention mention : names) {
            if (mention.part().equals(part)) {
                int at = indexOf(normalized, mention.name());
                if (at >= 0) {
                    return new int[] {at, at + mention.name().length()};
                }
            }
        }
        return new int[] {-1, -1};
    }

    static double push(Part part, Dimension dimension) {
        return part.vector().get(dimension).isPresent() ? (part.vector().get(dimension).getAsInt() - 50) * SHARE : 0;
    }

    private static boolean contains(String text, String name) {
        return indexOf(text, name) >= 0;
    }

    /** Where a name stands in the text as a whole (English names and ids not inside a longer word). */
    private static int indexOf(String text, String name) {
        int from = 0;
        while (true) {
            int at = text.indexOf(name, from);
            if (at < 0) {
                return -1;
            }
            boolean startOk = at == 0 || !isWordChar(text.charAt(at - 1)) || !isWordChar(name.charAt(0));
            int end = at + name.length();
            boolean endOk = end == text.length() || !isWordChar(text.charAt(end)) || !isWordChar(name.charAt(name.length() - 1));
            if (startOk && endOk) {
                return at;
            }
            from = at + 1;
        }
    }

    private static boolean isWordChar(char c) {
        return c < 0x3000 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
