package kotone.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.dataset.GroupedSplitter;
import kotone.core.dataset.PairRows;
import kotone.core.dataset.TeacherPair;
import kotone.core.dataset.TeacherPairLine;
import kotone.core.model.train.Method;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingOutcome;
import kotone.core.model.train.TrainingProgress;
import kotone.core.model.train.TrainingRow;
import org.junit.jupiter.api.Test;

/** The n-gram model on the shared teacher pairs, split by pair: the quality the dataset issue asks for. */
class TeacherPairsTrainingTest {

    static List<TrainingRow> teacherRows(long seed) throws IOException {
        Path file = Path.of(System.getProperty("kotone.shared.dir", "../../shared"), "data", "teacher_pairs.v1.jsonl");
        TeacherPairLine reader = new TeacherPairLine(new ObjectMapper(), Catalog.standard());
        List<TeacherPair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            pairs.add(reader.read(line, Instant.EPOCH).pair());
        }
        List<TrainingRow> rows = PairRows.splitByPair(pairs, new GroupedSplitter(0.7, 0.15), seed);
        return rows;
    }

    @Test
    void ngramModelBeatsTheConstantOnHeldOutPairs() throws IOException {
        List<TrainingRow> rows = teacherRows(42);
        List<String> partIds = Catalog.standard().parts().stream().map(Part::id).toList();
        TrainingOutcome outcome = new ModelTrainer(TrainerSettings.defaults())
                .train(rows, partIds, EnumSet.of(Method.NGRAM), null, TrainingProgress.none());
        System.out.println(outcome.candidates());
        System.out.println(outcome.test());
        System.out.println("ms " + outcome.trainingMillis());
        assertThat(outcome.test().maeBySourceType().get("rule_prompt")).isLessThan(7.5);
        assertThat(outcome.test().vectorMae()).isLessThan(outcome.test().constantBaselineMae());
    }
}
