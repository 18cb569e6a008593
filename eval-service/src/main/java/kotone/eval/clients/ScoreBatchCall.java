package kotone.eval.clients;

import java.util.List;

/** The body of the scoring service's POST /score/batch, without the per-slot coaching an eval sample does not keep. */
public record ScoreBatchCall(List<ScoreCall> items, boolean coaching) {
}
