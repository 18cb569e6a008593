package kotone.scoring.rest;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import kotone.core.i18n.Language;
import kotone.scoring.rest.dto.BatchScoreRequest;
import kotone.scoring.rest.dto.BatchScoreResponse;
import kotone.scoring.rest.dto.ScoreRequest;
import kotone.scoring.rest.dto.ScoreResponse;
import kotone.scoring.service.ScoringService;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final ScoringService scoring;

    public ScoreResource(ScoringService scoring) {
        this.scoring = scoring;
    }

    // One score is tens of microseconds of arithmetic with no I/O, so it runs on the event loop that read the
    // request: handing it to a worker thread and back cost more CPU than the scoring (docs/BENCHMARKS.md).
    @POST
    @NonBlocking
    @Operation(summary = "Score one composition against a target profile, with coaching per slot")
    public ScoreResponse score(@NotNull @Valid ScoreRequest request,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return scoring.score(request, Language.fromAcceptLanguage(acceptLanguage));
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Score many compositions in one call; any invalid item fails the whole batch with 422")
    public BatchScoreResponse batch(@NotNull @Valid BatchScoreRequest request,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return scoring.scoreAll(request, Language.fromAcceptLanguage(acceptLanguage));
    }
}
