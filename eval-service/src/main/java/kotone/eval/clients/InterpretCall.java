package kotone.eval.clients;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of the interpreter's POST /interpret as eval asks it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterpretCall(String requestText, String weather, String mode, String llmModel, Integer modelVersion) {
}
