package kotone.common.llm;

import java.util.Optional;
import kotone.core.llm.LlmEndpoint;

/** One usable provider: where it is and which model answers each role. */
public record ConfiguredProvider(LlmEndpoint endpoint, Optional<String> promptBaselineModel, Optional<String> fineTunedModel,
        Optional<String> teacherModel) {

    public String name() {
        return endpoint.name();
    }
}
