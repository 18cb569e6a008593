package kotone.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.dataset.GroupedSplitter;
import kotone.core.dataset.PairRows;
import kotone.core.dataset.TeacherPair;
import kotone.core.dataset.TeacherPairLine;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.RowSource;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingOutcome;
import kotone.core.model.train.TrainingProgress;
import kotone.core.model.train.TrainingRow;
import org.junit.jupiter.api.Test;

/** The trainer on the shared teacher pairs, split by pair: the local model and auto on the held-out rule prompts. */
class TeacherPairsTrainingTest {

    static List<TrainingRow> teacherRows(long seed) throws IOException {
        Path file = Path.of(System.getProperty("kotone.shared.dir", "../../shared"), "data", "teacher_pairs.v1.jsonl");
        TeacherPairLine reader = new TeacherPairLine(new ObjectMapper(), Catalog.standard());
        List<TeacherPair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            pairs.add(reader.read(line, Instant.EPOCH).pair());
        }
        return PairRows.splitByPair(pairs, new GroupedSplitter(0.7, 0.15), seed);
    }

    @Test
    void onHeldOutRulePromptsAutoAndTheLocalModelStayWithinTheGoal() throws IOException {
        List<TrainingRow> rows = teacherRows(42);
        List<String> partIds = Catalog.standard().parts().stream().map(Part::id).toList();
        TrainingOutcome outcome = new ModelTrainer(TrainerSettings.defaults(), new RuleInterpreter())
                .train(RowSource.of(rows), partIds, ModelTrainer.defaultMethods(), null, TrainingProgress.none());
        assertThat(outcome.testByMode().get("local").maeBySourceType().get("rule_prompt")).isLessThanOrEqualTo(6.4);
        assertThat(outcome.testByMode().get("auto").maeBySourceType().get("rule_prompt")).isLessThanOrEqualTo(6.4);
        assertThat(outcome.test().vectorMae()).isLessThan(outcome.test().constantBaselineMae());
        // the combination keeps auto close to the local model where it has evidence, and with the words where it has none
        assertThat(outcome.testByMode().get("auto").vectorMae()).isLessThan(outcome.testByMode().get("local").vectorMae() + 0.3);
        assertThat(outcome.combination().suitePassRate().get("en").get("auto")).isGreaterThanOrEqualTo(0.95);
        assertThat(outcome.combination().suitePassRate().get("ja").get("auto")).isGreaterThanOrEqualTo(0.95);
    }
}
