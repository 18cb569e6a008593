package kotone.core.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import kotone.core.model.train.Split;

/**
 * Assigns whole groups (teacher pairs) to splits, so the rows of one pair never land in different splits.
 * The same groups and seed always give the same assignment: groups are sorted, shuffled with the seed, and
 * cut by the ratios.
 */
public final class GroupedSplitter {

    private final double trainShare;
    private final double validShare;

    public GroupedSplitter(double trainShare, double validShare) {
        if (trainShare <= 0 || validShare <= 0 || trainShare + validShare >= 1) {
            throw new IllegalArgumentException("shares must be positive and leave room for a test split");
        }
        this.trainShare = trainShare;
        this.validShare = validShare;
    }

    public Map<String, Split> assign(Collection<String> groupKeys, long seed) {
        List<String> groups = new ArrayList<>(new TreeSet<>(groupKeys));
        Collections.shuffle(groups, new Random(seed));
        Map<String, Split> splits = new HashMap<>();
        int trainEnd = (int) Math.round(groups.size() * trainShare);
        int validEnd = (int) Math.round(groups.size() * (trainShare + validShare));
        for (int i = 0; i < groups.size(); i++) {
            splits.put(groups.get(i), i < trainEnd ? Split.TRAIN : i < validEnd ? Split.VALID : Split.TEST);
        }
        return splits;
    }
}
