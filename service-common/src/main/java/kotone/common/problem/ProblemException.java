package kotone.common.problem;

import java.util.List;

/** Thrown by services for anything the caller got wrong or a dependency that is down; becomes problem+json. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(400, "Bad Request", field + ": " + message,
                List.of(new FieldError(field, message))));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", detail, errors));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "Service Unavailable", detail));
    }

    public Problem problem() {
        return problem;
    }
}
