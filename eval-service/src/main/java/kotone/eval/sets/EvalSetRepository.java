package kotone.eval.sets;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import kotone.common.jdbc.ContentLock;
import kotone.common.jdbc.JsonColumns;
import kotone.core.behaviour.BehaviouralItem;
import kotone.core.behaviour.CheckKind;
import kotone.core.behaviour.Expectation;
import kotone.core.behaviour.ExpectationOp;
import kotone.core.behaviour.Relation;
import kotone.core.behaviour.Towards;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Eval sets: the set as an entity; its items in bulk with native statements (an import of 100,000 items is one
 * transaction of batched inserts, measured in docs/BENCHMARKS.md), read a chunk at a time while a run goes.
 */
@ApplicationScoped
public class EvalSetRepository implements PanacheRepositoryBase<EvalSetEntry, String> {

    private static final String TARGET = "energy, warmth, brightness, acousticness, complexity, nostalgia";

    private final DataSource dataSource;
    private final EntityManager entities;
    private final JsonColumns columns;

    public EvalSetRepository(DataSource dataSource, EntityManager entities, JsonColumns columns) {
        this.dataSource = dataSource;
        this.entities = entities;
        this.columns = columns;
    }

    /** Stores a new set with its items in one transaction; false when a set with this id already exists. */
    @Transactional
    public boolean insert(EvalSet set, List<EvalItem> items) {
        // imports of the same content meet on this lock: the second finds the set stored and stops
        ContentLock.acquire(entities, set.id());
        if (findById(set.id()) != null) {
            return false;
        }
        persistAndFlush(EvalSetEntry.of(set));
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("insert into eval_item "
                + "(set_id, item_no, external_id, request_text, weather, source_type, language, " + TARGET + ", category, expectations, "
                + "relation_kind, relation_base_item, relation_dimension, relation_towards, relation_max_shift) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (EvalItem item : items) {
                insert.setString(1, set.id());
                insert.setInt(2, item.itemNo());
                insert.setString(3, item.externalId());
                insert.setString(4, item.requestText());
                insert.setString(5, item.weather());
                insert.setString(6, item.sourceType());
                insert.setString(7, item.language());
                for (Dimension dimension : Dimension.ALL) {
                    if (item.target() == null) {
                        insert.setNull(8 + dimension.ordinal(), Types.SMALLINT);
                    } else {
                        insert.setShort(8 + dimension.ordinal(), (short) item.target().get(dimension));
                    }
                }
                insert.setString(14, item.category());
                insert.setString(15, item.expectations().isEmpty() ? null : columns.write(item.expectations().stream()
                        .map(StoredExpectation::of).toList()));
                Relation relation = item.relation();
                insert.setString(16, relation == null ? null : relation.kind().key());
                insert.setObject(17, relation == null ? null : relation.baseItemNo(), Types.INTEGER);
                insert.setString(18, relation == null || relation.dimension() == null ? null : relation.dimension().key());
                insert.setString(19, relation == null || relation.towards() == null ? null : relation.towards().key());
                insert.setObject(20, relation == null || relation.kind() != CheckKind.INVARIANCE ? null : relation.maxShift(), Types.INTEGER);
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the items of eval set " + set.id(), e);
        }
        return true;
    }

    @Transactional
    public Optional<EvalSet> find(String id) {
        return findByIdOptional(id).map(EvalSetEntry::view);
    }

    @Transactional
    public List<EvalSet> list(int limit, int offset) {
        return findAll(Sort.descending("createdAt").and("id")).range(offset, offset + limit - 1).stream().map(EvalSetEntry::view).toList();
    }

    /** Items first..last that a run has no sample for yet, in item order (what the run sends; no behavioural checks). */
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
                    items.add(EvalItem.withTarget(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), target(rows, 7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the items of eval set " + setId, e);
        }
        return items;
    }

    /** The items of a set that carry behavioural checks, and the items their relations pair them with. */
    public List<BehaviouralItem> behaviouralItems(String setId) {
        List<BehaviouralItem> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select item_no, language, category, expectations::text, relation_kind, relation_base_item, relation_dimension, relation_towards, "
                        + "relation_max_shift from eval_item where set_id = ? and (expectations is not null or relation_kind is not null) order by item_no")) {
            select.setString(1, setId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(new BehaviouralItem(rows.getInt(1), rows.getString(2), rows.getString(3), expectations(rows.getString(4)),
                            relation(rows)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the behavioural items of eval set " + setId, e);
        }
        return items;
    }

    /** An expectation as stored in the jsonb column, in the eval-set format. */
    record StoredExpectation(String dimension, String op, int value) {

        static StoredExpectation of(Expectation expectation) {
            return new StoredExpectation(expectation.dimension().key(), expectation.op().symbol(), expectation.value());
        }

        Expectation expectation() {
            return new Expectation(Dimension.fromKey(dimension).orElseThrow(), ExpectationOp.fromSymbol(op).orElseThrow(), value);
        }
    }

    private List<Expectation> expectations(String json) {
        List<StoredExpectation> stored = columns.read(json, new TypeReference<List<StoredExpectation>>() {
        });
        return stored == null ? List.of() : stored.stream().map(StoredExpectation::expectation).toList();
    }

    private static Relation relation(ResultSet rows) throws SQLException {
        String kind = rows.getString(5);
        if (kind == null) {
            return null;
        }
        int base = rows.getInt(6);
        return "invariance".equals(kind) ? Relation.invariance(base, rows.getInt(9))
                : Relation.direction(base, Dimension.fromKey(rows.getString(7)).orElseThrow(), Towards.fromKey(rows.getString(8)).orElseThrow());
    }

    private static MusicVector target(ResultSet rows, int first) throws SQLException {
        if (rows.getObject(first) == null) {
            return null;
        }
        int[] values = new int[Dimension.COUNT];
        for (int d = 0; d < values.length; d++) {
            values[d] = rows.getShort(first + d);
        }
        return MusicVector.of(values);
    }

    private static String prefixed(String prefix) {
        return prefix + TARGET.replace(", ", ", " + prefix);
    }
}
