package kotone.core.behaviour;

import java.util.List;

/**
 * The behavioural side of one eval item: its expectations and its relation to another item, if any.
 *
 * @param category what the item tests ("negation", "typo", ...), for slicing the results; may be null
 */
public record BehaviouralItem(int itemNo, String language, String category, List<Expectation> expectations, Relation relation) {

    public BehaviouralItem {
        expectations = List.copyOf(expectations);
    }

    public boolean hasChecks() {
        return !expectations.isEmpty() || relation != null;
    }
}
