package kotone.dataset.reservations;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The normalised texts of every registered eval set, by key (see {@link kotone.core.text.TextKey}): no dataset version
 * may hold a training row with one of them. Reserving a set's texts again adds nothing.
 */
@ApplicationScoped
public class ReservedTexts {

    private final DataSource dataSource;

    public ReservedTexts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how many keys were new for this set */
    public int reserve(String evalSetId, List<String> textKeys) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into reserved_text (text_key, eval_set_id) select unnest(?::text[]), ? on conflict do nothing")) {
            insert.setArray(1, connection.createArrayOf("text", textKeys.toArray()));
            insert.setString(2, evalSetId);
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reserve the texts of eval set " + evalSetId, e);
        }
    }

    /** Every reserved key with the eval sets that reserve it. */
    public Map<String, Set<String>> all() {
        Map<String, Set<String>> reserved = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select text_key, eval_set_id from reserved_text")) {
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reserved.computeIfAbsent(rows.getString(1), key -> new HashSet<>(2)).add(rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reserved texts", e);
        }
        return reserved;
    }

    /** How many texts each eval set reserves. */
    public Map<String, Integer> countsBySet() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select eval_set_id, count(*) from reserved_text group by eval_set_id order by min(reserved_at), eval_set_id")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the reserved texts", e);
        }
        return counts;
    }
}
