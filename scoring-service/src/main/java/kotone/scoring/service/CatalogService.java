package kotone.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import kotone.common.problem.ProblemException;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Slot;
import kotone.core.i18n.Language;
import kotone.scoring.rest.dto.PartDto;

@ApplicationScoped
public class CatalogService {

    private final Catalog catalog;

    public CatalogService(Catalog catalog) {
        this.catalog = catalog;
    }

    /** All parts, or those of one slot when {@code slotKey} is given. */
    public List<PartDto> parts(String slotKey, Language language) {
        if (slotKey == null || slotKey.isBlank()) {
            return catalog.parts().stream().map(part -> PartDto.of(part, language)).toList();
        }
        Slot slot = Slot.fromKey(slotKey).orElseThrow(() ->
                ProblemException.badRequest("slot", "must be one of style, instrument, mood, gimmick"));
        return catalog.parts(slot).stream().map(part -> PartDto.of(part, language)).toList();
    }

    public PartDto part(String id, Language language) {
        return catalog.part(id).map(part -> PartDto.of(part, language))
                .orElseThrow(() -> ProblemException.notFound("no part with id '" + id + "'"));
    }
}
