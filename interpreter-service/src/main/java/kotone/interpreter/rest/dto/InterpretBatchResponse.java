package kotone.interpreter.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import kotone.common.problem.Problem;

/** One answer per item, in the items' order: the reading, or the problem a single call would have answered. */
public record InterpretBatchResponse(List<Answer> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(InterpretResponse answer, Problem problem) {
    }
}
