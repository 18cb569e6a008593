package kotone.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kotone.core.catalog.Catalog;
import kotone.core.teacher.CatalogTeacher;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

/** The audit tells a teacher whose texts say its labels from one whose labels were shuffled among its texts. */
class ConsistencyAuditTest {

    private static List<CandidateRow> rows(boolean shuffled) {
        List<TeacherPair> pairs = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults()).generate(600, 3, Instant.EPOCH);
        List<MusicVector> labels = new ArrayList<>(pairs.stream().map(TeacherPair::label).toList());
        if (shuffled) {
            Collections.shuffle(labels, new Random(9));
        }
        List<CandidateRow> rows = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            rows.add(new CandidateRow(i, SourceType.REQUEST_TEXT, pairs.get(i).requestText(), labels.get(i)));
            rows.add(new CandidateRow(i, SourceType.RULE_PROMPT, pairs.get(i).rulePrompt(), labels.get(i)));
        }
        return rows;
    }

    @Test
    void consistentLabelsPassAndShuffledLabelsAreFlagged() {
        ConsistencyAudit audit = new ConsistencyAudit(ConsistencyAudit.Settings.defaults());
        Map<String, ConsistencyAudit.SourceConsistency> consistent = audit.audit(rows(false));
        Map<String, ConsistencyAudit.SourceConsistency> shuffled = audit.audit(rows(true));
        for (String source : List.of("request_text", "rule_prompt")) {
            assertThat(consistent.get(source).consistent()).as(source + ": " + consistent.get(source).verdict()).isTrue();
            assertThat(consistent.get(source).crossValidatedR2()).isGreaterThan(0.1);
            assertThat(shuffled.get(source).consistent()).as(source + ": " + shuffled.get(source).verdict()).isFalse();
            assertThat(shuffled.get(source).crossValidatedR2()).isLessThan(0.05);
            assertThat(shuffled.get(source).verdict()).contains("do not explain");
        }
        // near duplicates of the consistent teacher agree more than random pairs; shuffled ones as much as random pairs
        assertThat(consistent.get("rule_prompt").distanceRatio()).isLessThan(shuffled.get("rule_prompt").distanceRatio());
        assertThat(shuffled.get("rule_prompt").distanceRatio()).isGreaterThan(0.9);
    }
}
