package kotone.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.core.traffic.WordUnits;
import kotone.core.vector.MusicVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AnnotationRankingTest {

    private static final QueueWeights WEIGHTS = new QueueWeights(25, 0.5, 0.7);
    private final AnnotationRanking ranking = new AnnotationRanking(WEIGHTS);

    private static QueueCandidate candidate(long id, String text, String group, int ruleEnergy, int localEnergy, double unseen) {
        return new QueueCandidate(id, text, group, Map.of("rule_baseline", MusicVector.of(ruleEnergy, 50, 50, 50, 50, 50),
                "local_model", MusicVector.of(localEnergy, 50, 50, 50, 50, 50)), unseen);
    }

    @Test
    void theSourcesThatDisagreeMostComeFirst() {
        List<QueuedItem> queue = ranking.rank(List.of(
                candidate(1, "calm piano please", "en/request_text", 40, 42, 0),
                candidate(2, "something to dance to at night", "en/request_text", 20, 80, 0),
                candidate(3, "bright morning tune", "en/request_text", 50, 62, 0)), List.of(), 3);
        assertThat(queue).extracting(item -> item.candidate().id()).containsExactly(2L, 3L, 1L);
        assertThat(queue.get(0).disagreement()).isEqualTo(10.0); // 60 points on one dimension of six
    }

    @Test
    void newWordsRaiseAnItemAndGroupsTakeTurns() {
        List<QueuedItem> queue = ranking.rank(List.of(
                candidate(1, "calm piano please", "en/request_text", 40, 70, 0),
                candidate(2, "lofi beats to study", "en/request_text", 40, 70, 0.2),
                candidate(3, "雨の日に聴きたい曲", "ja/request_text", 40, 60, 0)), List.of(), 3);
        // 2 beats 1 on novelty; 3 disagrees less but is alone in its group, so it comes before the second English item
        assertThat(queue).extracting(item -> item.candidate().id()).containsExactly(2L, 3L, 1L);
    }

    @Test
    void nearDuplicatesAndTextsAlreadyLabelledAreLeftOut() {
        List<QueuedItem> queue = ranking.rank(List.of(
                candidate(1, "calm piano for a rainy night", "en/request_text", 20, 80, 0),
                candidate(2, "Calm piano for a rainy night!", "en/request_text", 20, 79, 0),
                candidate(3, "an upbeat summer anthem", "en/request_text", 20, 60, 0),
                candidate(4, "festival drums all night", "en/request_text", 10, 90, 0)),
                List.of("festival drums all night long"), 10);
        assertThat(queue).extracting(item -> item.candidate().id()).containsExactly(1L, 3L);
    }

    @Property(tries = 200)
    void neverMoreThanTheLimitAndNeverTwoNearDuplicates(@ForAll @Size(max = 30) List<@IntRange(max = 11) Integer> textChoices,
            @ForAll @IntRange(min = 0, max = 12) int limit) {
        String[] texts = {"calm piano", "calm piano please", "rainy jazz night", "rainy jazz", "loud rock", "soft strings",
            "雨の日", "雨の日の曲", "festival", "dance all night", "quiet cafe", "quiet cafe music"};
        List<QueueCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < textChoices.size(); i++) {
            candidates.add(candidate(i, texts[textChoices.get(i)], i % 3 == 0 ? "ja/request_text" : "en/request_text", i * 7 % 100, 50, 0));
        }
        List<QueuedItem> queue = ranking.rank(candidates, List.of(), limit);
        assertThat(queue.size()).isLessThanOrEqualTo(limit);
        Set<Long> ids = new HashSet<>();
        for (int a = 0; a < queue.size(); a++) {
            assertThat(ids.add(queue.get(a).candidate().id())).isTrue();
            for (int b = a + 1; b < queue.size(); b++) {
                assertThat(AnnotationRanking.similarity(new HashSet<>(WordUnits.of(queue.get(a).candidate().text())),
                        new HashSet<>(WordUnits.of(queue.get(b).candidate().text())))).isLessThan(WEIGHTS.nearDuplicate());
            }
        }
    }
}
