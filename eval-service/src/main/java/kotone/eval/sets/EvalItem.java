package kotone.eval.sets;

import java.util.List;
import kotone.core.behaviour.BehaviouralItem;
import kotone.core.behaviour.Expectation;
import kotone.core.behaviour.Relation;
import kotone.core.vector.MusicVector;

/**
 * One item of an eval set. The target is on 0-100 whatever scale the set came in; an item may instead (or beside)
 * carry behavioural expectations and a relation to another item of its set.
 *
 * @param target null for an item judged by its expectations alone
 * @param category what a behavioural item tests ("negation", "typo", ...), or null
 */
public record EvalItem(int itemNo, String externalId, String requestText, String weather, String sourceType, String language,
        MusicVector target, String category, List<Expectation> expectations, Relation relation) {

    public EvalItem {
        expectations = expectations == null ? List.of() : List.copyOf(expectations);
    }

    /** An item of the original format: a target and nothing else. */
    public static EvalItem withTarget(int itemNo, String externalId, String requestText, String weather, String sourceType, String language,
            MusicVector target) {
        return new EvalItem(itemNo, externalId, requestText, weather, sourceType, language, target, null, List.of(), null);
    }

    public boolean hasChecks() {
        return !expectations.isEmpty() || relation != null;
    }

    public BehaviouralItem behaviour() {
        return new BehaviouralItem(itemNo, language, category, expectations, relation);
    }
}
