package kotone.interpreter.answer;

import jakarta.enterprise.context.ApplicationScoped;
import kotone.interpreter.config.InterpreterConfig;
import kotone.interpreter.modes.ModelSource;

/** The configured price of a request per model source; null means unknown (never reported as 0). */
@ApplicationScoped
public class Prices {

    private final InterpreterConfig config;

    public Prices(InterpreterConfig config) {
        this.config = config;
    }

    public Double perRequest(ModelSource source) {
        return config.pricesUsd().get(source.key());
    }
}
