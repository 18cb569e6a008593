package kotone.core.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of the game, by id and by slot. Immutable. */
public final class Catalog {

    private final String version;
    private final List<Part> parts;
    private final Map<String, Part> byId;
    private final Map<Slot, List<Part>> bySlot;
    private final List<String> starterPartIds;

    public Catalog(String version, List<Part> parts, List<String> starterPartIds) {
        this.version = version;
        this.parts = List.copyOf(parts);
        this.starterPartIds = List.copyOf(starterPartIds);
        Map<String, Part> ids = new LinkedHashMap<>();
        Map<Slot, List<Part>> slots = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.ALL) {
            slots.put(slot, new ArrayList<>());
        }
        for (Part part : parts) {
            if (ids.put(part.id(), part) != null) {
                throw new IllegalArgumentException("duplicate part id " + part.id());
            }
            slots.get(part.slot()).add(part);
        }
        for (String starter : starterPartIds) {
            if (!ids.containsKey(starter)) {
                throw new IllegalArgumentException("starter part " + starter + " is not in the catalog");
            }
        }
        slots.replaceAll((slot, list) -> List.copyOf(list));
        this.byId = Collections.unmodifiableMap(ids);
        this.bySlot = Collections.unmodifiableMap(slots);
    }

    /** The catalog that ships with kotone. */
    public static Catalog standard() {
        return CatalogReader.readStandard();
    }

    public String version() {
        return version;
    }

    public List<Part> parts() {
        return parts;
    }

    public List<Part> parts(Slot slot) {
        return bySlot.get(slot);
    }

    public Optional<Part> part(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Part requirePart(String id) {
        Part part = byId.get(id);
        if (part == null) {
            throw new IllegalArgumentException("unknown part id " + id);
        }
        return part;
    }

    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }

    public List<String> starterPartIds() {
        return starterPartIds;
    }
}
