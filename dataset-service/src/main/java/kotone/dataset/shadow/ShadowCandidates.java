package kotone.dataset.shadow;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.dataset.models.ModelRepository;

/**
 * The shadow slot: which candidate the interpreter also reads live requests with, in the background, so that the gate
 * can weigh live evidence. A cycle sets it for its candidate once trained; an admin may set it before a gate check.
 */
@ApplicationScoped
public class ShadowCandidates {

    private final DataSource dataSource;
    private final ModelRepository models;

    public ShadowCandidates(DataSource dataSource, ModelRepository models) {
        this.dataSource = dataSource;
        this.models = models;
    }

    public Optional<ShadowSlot> current() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select version, set_by, set_at from model_shadow where slot = 1"); ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(new ShadowSlot(rows.getInt(1), rows.getString(2), rows.getTimestamp(3).toInstant())) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the shadow slot", e);
        }
    }

    public ShadowSlot set(int version, String caller) {
        if (models.find(version).isEmpty()) {
            throw ProblemException.unprocessable("no model version " + version, List.of(new FieldError("version", "unknown model version")));
        }
        if (models.promoted().map(model -> model.version() == version).orElse(false)) {
            throw ProblemException.unprocessable("v" + version + " is the champion: it is served, not shadowed",
                    List.of(new FieldError("version", "is the promoted version")));
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement("""
                insert into model_shadow (slot, version, set_by, set_at) values (1, ?, ?, now())
                on conflict (slot) do update set version = excluded.version, set_by = excluded.set_by, set_at = excluded.set_at""")) {
            upsert.setInt(1, version);
            upsert.setString(2, caller);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the shadow slot", e);
        }
        return current().orElseThrow();
    }

    /** @return whether a candidate was shadowed */
    public boolean clear() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from model_shadow where slot = 1")) {
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not clear the shadow slot", e);
        }
    }
}
