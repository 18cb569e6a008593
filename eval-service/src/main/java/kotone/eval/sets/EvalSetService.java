package kotone.eval.sets;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import kotone.common.client.DependencyDown;
import kotone.common.client.UpstreamRefused;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.text.Sha256;
import kotone.core.text.TextKey;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import kotone.eval.clients.DatasetApi;
import kotone.eval.clients.DatasetCalls;

/** Registers eval sets: imported in the frozen-set format, or taken from a dataset version's split. */
@ApplicationScoped
public class EvalSetService {

    private final EvalSetReader reader;
    private final EvalSetRepository repository;
    private static final int ROWS_PAGE = 5000;

    private final DatasetCalls dataset;

    public EvalSetService(EvalSetReader reader, EvalSetRepository repository, DatasetCalls dataset) {
        this.reader = reader;
        this.repository = repository;
        this.dataset = dataset;
    }

    public record Registered(EvalSet set, boolean created) {
    }

    /** Imports a set in the frozen_eval_set.v1 format (or with expectations), read as a stream. */
    public Registered register(InputStream body) throws IOException {
        EvalSetReader.Parsed parsed = reader.read(body);
        return store(parsed.name(), parsed.declaredVersion(), parsed.scale(), parsed.items(), "import");
    }

    /** A set made of a dataset version's split, read from the dataset service a page at a time. */
    public Registered fromDataset(FromDatasetRequest request) {
        List<EvalItem> items = new ArrayList<>();
        int offset = 0;
        while (true) {
            DatasetApi.RowsPage page;
            try {
                page = dataset.rows(request.datasetId(), request.split(), ROWS_PAGE, offset);
            } catch (UpstreamRefused refused) {
                if (refused.status() == 404) {
                    throw ProblemException.unprocessable("no dataset version " + request.datasetId(),
                            List.of(new FieldError("datasetId", "unknown dataset version")));
                }
                throw refused;
            }
            for (DatasetApi.Row row : page.items()) {
                int[] values = new int[Dimension.COUNT];
                for (Dimension dimension : Dimension.ALL) {
                    Integer value = row.vector().get(dimension.key());
                    values[dimension.ordinal()] = value == null ? MusicVector.NEUTRAL : value;
                }
                items.add(EvalItem.withTarget(items.size(), "row-" + row.rowNo(), row.text(), null, row.sourceType(),
                        row.language() == null ? TextLanguage.of(row.text()).code() : row.language(), MusicVector.of(values)));
            }
            if (page.items().size() < ROWS_PAGE) {
                break;
            }
            offset += ROWS_PAGE;
        }
        if (items.isEmpty()) {
            throw ProblemException.unprocessable("the split is empty", List.of(new FieldError("split", "has no rows")));
        }
        return store(request.datasetId() + " " + request.split(), null, 100, items, "dataset:" + request.datasetId() + "/" + request.split());
    }

    /**
     * Stores a set, after reserving its texts with the dataset service so that no training row may ever share a
     * normalised text with it: when the dataset service cannot take the reservation, nothing is stored (503).
     */
    private Registered store(String name, String version, int scale, List<EvalItem> items, String origin) {
        String id = "es-" + contentHash(items);
        try {
            dataset.reserveTexts(id, new DatasetApi.ReservedTexts(items.stream().map(item -> TextKey.of(item.requestText())).distinct().toList()));
        } catch (DependencyDown down) {
            throw ProblemException.unavailable(down.getMessage() + "; it could not reserve the eval set's texts, so the set was not stored");
        }
        EvalSet existing = repository.find(id).orElse(null);
        if (existing != null) {
            return new Registered(existing, false);
        }
        int targets = (int) items.stream().filter(item -> item.target() != null).count();
        int checks = (int) items.stream().filter(EvalItem::hasChecks).count();
        EvalSet set = new EvalSet(id, name, version, scale, items.size(), origin, null, targets, checks);
        boolean created = repository.insert(set, items);
        return new Registered(repository.find(id).orElseThrow(), created);
    }

    private static String contentHash(List<EvalItem> items) {
        MessageDigest digest = Sha256.digest();
        for (EvalItem item : items) {
            // items of the original format hash as they always did, so their sets keep their ids
            String behaviour = item.hasChecks() || item.category() != null
                    ? '\u0000' + item.category() + '\u0000' + item.expectations() + '\u0000' + item.relation() : "";
            digest.update((item.requestText() + '\u0000' + item.weather() + '\u0000' + item.sourceType() + '\u0000' + item.language()
                    + '\u0000' + item.target() + behaviour + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest).substring(0, 16);
    }
}
