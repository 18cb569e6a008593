package kotone.eval.sets;

import kotone.core.vector.MusicVector;

/** One item of an eval set; the target is on 0-100 whatever scale the set came in. */
public record EvalItem(int itemNo, String externalId, String requestText, String weather, String sourceType, String language,
        MusicVector target) {
}
