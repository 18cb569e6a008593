package kotone.core.catalog;

import java.util.List;
import kotone.core.i18n.Language;
import kotone.core.vector.PartVector;

/** One part a player can place in a slot: its tags and its (partial) position in the space. */
public record Part(
        String id,
        Slot slot,
        String nameEn,
        String nameJa,
        String descriptionEn,
        String descriptionJa,
        int price,
        List<String> tags,
        PartVector vector) {

    public Part {
        tags = List.copyOf(tags);
    }

    public String name(Language language) {
        return language == Language.JA ? nameJa : nameEn;
    }

    public String description(Language language) {
        return language == Language.JA ? descriptionJa : descriptionEn;
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public boolean hasAnyTag(List<String> candidates) {
        for (String candidate : candidates) {
            if (tags.contains(candidate)) {
                return true;
            }
        }
        return false;
    }
}
