package kotone.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kotone.core.vector.Dimension;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private final Catalog catalog = Catalog.standard();

    @Test
    void hasFortyFivePartsAcrossFourSlots() {
        assertThat(catalog.parts()).hasSize(45);
        assertThat(catalog.parts(Slot.STYLE)).hasSize(8);
        assertThat(catalog.parts(Slot.INSTRUMENT)).hasSize(14);
        assertThat(catalog.parts(Slot.MOOD)).hasSize(10);
        assertThat(catalog.parts(Slot.GIMMICK)).hasSize(13);
        assertThat(catalog.starterPartIds()).hasSize(23).allMatch(catalog::contains);
    }

    @Test
    void everyPartHasBothLanguages() {
        for (Part part : catalog.parts()) {
            assertThat(part.nameEn()).isNotBlank();
            assertThat(part.nameJa()).isNotBlank();
            assertThat(part.descriptionEn()).isNotBlank();
            assertThat(part.descriptionJa()).isNotBlank();
        }
    }

    /** Our catalog must agree with the original on everything but the words. */
    @Test
    void agreesWithTheOriginalCatalogOnIdsSlotsTagsVectorsAndPrices() throws IOException {
        JsonNode original = new ObjectMapper().readTree(SharedData.file("catalog.json").toFile());
        List<String> ids = new ArrayList<>();
        for (JsonNode node : original.get("parts")) {
            String id = node.get("id").asText();
            ids.add(id);
            Part part = catalog.requirePart(id);
            assertThat(part.slot().key()).as(id).isEqualTo(node.get("slot").asText());
            assertThat(part.price()).as(id).isEqualTo(node.get("price").asInt());
            List<String> tags = new ArrayList<>();
            node.get("tags").forEach(tag -> tags.add(tag.asText()));
            assertThat(part.tags()).as(id).isEqualTo(tags);
            for (Dimension dimension : Dimension.ALL) {
                JsonNode value = node.get("vector").get(dimension.key());
                if (value == null) {
                    assertThat(part.vector().has(dimension)).as(id + " " + dimension).isFalse();
                } else {
                    assertThat(part.vector().getOrElse(dimension, -1)).as(id + " " + dimension).isEqualTo(value.asInt());
                }
            }
        }
        assertThat(catalog.parts()).extracting(Part::id).containsExactlyElementsOf(ids);
        List<String> starters = new ArrayList<>();
        original.get("starter_part_ids").forEach(id -> starters.add(id.asText()));
        assertThat(catalog.starterPartIds()).isEqualTo(starters);
    }

    /** The shared data directory beside the project, as the build passes it. */
    static final class SharedData {
        static Path file(String name) {
            return Path.of(System.getProperty("kotone.shared.dir", "../../shared"), "data", name);
        }
    }
}
