package kotone.scoring.rest.dto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Part;
import kotone.core.i18n.Language;
import kotone.core.vector.Dimension;

/** A catalog part; {@code name} and {@code description} follow Accept-Language, both languages are included. */
public record PartDto(String id, String slot, String name, String description, Map<String, String> names,
        Map<String, String> descriptions, int price, List<String> tags, Map<String, Integer> vector) {

    public static PartDto of(Part part, Language language) {
        Map<String, Integer> vector = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.ALL) {
            part.vector().get(dimension).ifPresent(value -> vector.put(dimension.key(), value));
        }
        return new PartDto(part.id(), part.slot().key(), part.name(language), part.description(language),
                Map.of("en", part.nameEn(), "ja", part.nameJa()),
                Map.of("en", part.descriptionEn(), "ja", part.descriptionJa()),
                part.price(), part.tags(), vector);
    }
}
