package kotone.interpreter.answer;

import jakarta.enterprise.context.ApplicationScoped;
import kotone.interpreter.config.InterpreterConfig;

/** The configured price of a request per model source; null means unknown (never reported as 0). */
@ApplicationScoped
public class Prices {

    private final InterpreterConfig config;

    public Prices(InterpreterConfig config) {
        this.config = config;
    }

    /** @param sourceKey a model source's key, as in meta.sources */
    public Double perRequest(String sourceKey) {
        return config.pricesUsd().get(sourceKey);
    }
}
