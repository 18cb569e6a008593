package kotone.eval.gate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class CalibrationRepository implements PanacheRepositoryBase<Calibration, Calibration.Key> {

    @Transactional
    public Calibration find(Calibration.Key key) {
        return findById(key);
    }

    /** Stores a measured calibration; when another instance measured the same one first, either is as good. */
    @Transactional
    public void save(Calibration calibration) {
        if (findById(calibration.key) == null) {
            persist(calibration);
        }
    }
}
