package kotone.core.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.core.traffic.WordUnits;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Chooses which live requests are worth a person's label: where the sources disagree most and the words are newest,
 * balanced across languages and input types, with no two near duplicates (nor a near duplicate of a request already
 * labelled). Greedy: each pick's priority is divided by one plus the picks its group already has.
 */
public final class AnnotationRanking {

    private final QueueWeights weights;

    public AnnotationRanking(QueueWeights weights) {
        this.weights = weights;
    }

    public List<QueuedItem> rank(List<QueueCandidate> candidates, List<String> labelledTexts, int limit) {
        List<QueuedItem> open = new ArrayList<>(candidates.size());
        for (QueueCandidate candidate : candidates) {
            double disagreement = disagreement(candidate.readings().values());
            double priority = Math.min(1, disagreement / weights.disagreementPoints()) + weights.novelty() * candidate.unseenShare();
            open.add(new QueuedItem(candidate, round(disagreement), round(candidate.unseenShare()), round(priority)));
        }
        List<Set<String>> taken = new ArrayList<>();
        for (String text : labelledTexts) {
            taken.add(new HashSet<>(WordUnits.of(text)));
        }
        Map<String, Integer> picksByGroup = new HashMap<>();
        List<QueuedItem> picked = new ArrayList<>();
        while (picked.size() < limit && !open.isEmpty()) {
            int best = -1;
            double bestScore = -1;
            for (int i = 0; i < open.size(); i++) {
                QueuedItem item = open.get(i);
                double score = item.priority() / (1 + picksByGroup.getOrDefault(item.candidate().group(), 0));
                if (score > bestScore || score == bestScore && item.candidate().id() > open.get(best).candidate().id()) {
                    best = i;
                    bestScore = score;
                }
            }
            QueuedItem item = open.remove(best);
            Set<String> units = new HashSet<>(WordUnits.of(item.candidate().text()));
            if (taken.stream().anyMatch(other -> similarity(units, other) >= weights.nearDuplicate())) {
                continue;
            }
            taken.add(units);
            picked.add(item);
            picksByGroup.merge(item.candidate().group(), 1, Integer::sum);
        }
        return picked;
    }

    /** The largest mean absolute difference over the six dimensions between any two readings; 0 with fewer than two. */
    static double disagreement(Iterable<MusicVector> readings) {
        List<MusicVector> list = new ArrayList<>();
        readings.forEach(list::add);
        double largest = 0;
        for (int a = 0; a < list.size(); a++) {
            for (int b = a + 1; b < list.size(); b++) {
                double sum = 0;
                for (Dimension dimension : Dimension.ALL) {
                    sum += Math.abs(list.get(a).get(dimension) - list.get(b).get(dimension));
                }
                largest = Math.max(largest, sum / Dimension.COUNT);
            }
        }
        return largest;
    }

    /** Jaccard similarity of two sets of word units; two empty texts are the same. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int shared = 0;
        for (String unit : a) {
            if (b.contains(unit)) {
                shared++;
            }
        }
        return shared / (double) (a.size() + b.size() - shared);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
