package kotone.eval.sets;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

@ApplicationScoped
public class EvalSetRepository {

    private static final String TARGET = "energy, warmth, brightness, acousticness, complexity, nostalgia";

    private final DataSource dataSource;

    public EvalSetRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new set with its items in one transaction; false when a set with this id already exists. */
    public boolean insert(EvalSet set, List<EvalItem> items) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into eval_set (id, name, declared_version, source_scale, "
                    + "item_count, origin) values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing")) {
                insert.setString(1, set.id());
                insert.setString(2, set.name());
                insert.setString(3, set.declaredVersion());
                insert.setInt(4, set.sourceScale());
                insert.setInt(5, set.count());
                insert.setString(6, set.origin());
                if (insert.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into eval_item (set_id, item_no, external_id, request_text, "
                    + "weather, source_type, language, " + TARGET + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (EvalItem item : items) {
                    insert.setString(1, set.id());
                    insert.setInt(2, item.itemNo());
                    insert.setString(3, item.externalId());
                    insert.setString(4, item.requestText());
                    insert.setString(5, item.weather());
                    insert.setString(6, item.sourceType());
                    insert.setString(7, item.language());
                    int[] target = item.target().toArray();
                    for (int d = 0; d < target.length; d++) {
                        insert.setShort(8 + d, (short) target[d]);
                    }
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store eval set " + set.id(), e);
        }
    }

    public Optional<EvalSet> find(String id) {
        List<EvalSet> sets = select("where id = ?", id, 1, 0);
        return sets.isEmpty() ? Optional.empty() : Optional.of(sets.get(0));
    }

    public List<EvalSet> list(int limit, int offset) {
        return select("", null, limit, offset);
    }

    private List<EvalSet> select(String where, String id, int limit, int offset) {
        List<EvalSet> sets = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select id, name, declared_version, source_scale, item_count, origin, created_at from eval_set " + where
                        + " order by created_at desc, id limit ? offset ?")) {
            int i = 1;
            if (id != null) {
                select.setString(i++, id);
            }
            select.setInt(i++, limit);
            select.setInt(i, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sets.add(new EvalSet(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5),
                            rows.getString(6), rows.getTimestamp(7).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read eval sets", e);
        }
        return sets;
    }

    /** Items first..last that a run has no sample for yet, in item order. */
    public List<EvalItem> pendingItems(String setId, java.util.UUID runId, int firstItemNo, int lastItemNo) {
        List<EvalItem> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select i.item_no, i.external_id, i.request_text, i.weather, i.source_type, i.language, " + prefixed("i.")
                        + " from eval_item i where i.set_id = ? and i.item_no between ? and ? and not exists (select 1 from eval_sample s where s.run_id = ? and s.item_no = i.item_no)"
                        + " order by i.item_no")) {
            select.setString(1, setId);
            select.setInt(2, firstItemNo);
            select.setInt(3, lastItemNo);
            select.setObject(4, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int[] values = new int[Dimension.COUNT];
                    for (int d = 0; d < values.length; d++) {
                        values[d] = rows.getShort(7 + d);
                    }
                    items.add(new EvalItem(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), MusicVector.of(values)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the items of eval set " + setId, e);
        }
        return items;
    }

    private static String prefixed(String prefix) {
        return prefix + TARGET.replace(", ", ", " + prefix);
    }
}
