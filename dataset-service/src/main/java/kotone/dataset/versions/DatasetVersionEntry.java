package kotone.dataset.versions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kotone.core.dataset.FilterReport;
import kotone.core.dataset.FilterSettings;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A dataset version as stored; its rows are in dataset_row, written in batches beside it. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersionEntry {

    @Id
    public String id;

    @Column(nullable = false)
    public long seed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public DatasetVersion.Shares shares;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "filter_settings", nullable = false)
    public FilterSettings filterSettings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "filter_report", nullable = false)
    public FilterReport filterReport;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, DatasetVersion.SplitStats> stats;

    @Column(name = "pair_count", nullable = false)
    public int pairCount;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(nullable = false)
    public String[] sources;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static DatasetVersionEntry of(DatasetVersion version) {
        DatasetVersionEntry entry = new DatasetVersionEntry();
        entry.id = version.id();
        entry.seed = version.seed();
        entry.shares = version.shares();
        entry.filterSettings = version.filterSettings();
        entry.filterReport = version.filterReport();
        entry.stats = version.stats();
        entry.pairCount = version.pairCount();
        entry.rowCount = version.rowCount();
        entry.sources = version.sources().toArray(String[]::new);
        entry.createdAt = Instant.now();
        return entry;
    }

    DatasetVersion view() {
        return new DatasetVersion(id, seed, shares, filterSettings, filterReport, stats, pairCount, rowCount, List.of(sources), createdAt);
    }
}
