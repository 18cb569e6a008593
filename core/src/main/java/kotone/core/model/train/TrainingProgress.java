package kotone.core.model.train;

/** Hears how far a training job is. */
@FunctionalInterface
public interface TrainingProgress {

    void step(String phase, int done, int total);

    static TrainingProgress none() {
        return (phase, done, total) -> {
        };
    }
}
