package kotone.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.train.Method;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.RowSource;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingOutcome;
import kotone.core.model.train.TrainingProgress;
import kotone.core.model.train.TrainingRow;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    private final ModelCodec codec = new ModelCodec();
    private final RuleInterpreter rules = new RuleInterpreter();

    @Test
    void aDecodedModelPredictsAndCombinesExactlyAsTheOriginal() throws Exception {
        List<TrainingRow> rows = TeacherPairsTrainingTest.teacherRows(3);
        List<String> partIds = Catalog.standard().parts().stream().map(Part::id).toList();
        TrainingOutcome outcome = new ModelTrainer(TrainerSettings.defaults(), rules)
                .train(RowSource.of(rows), partIds, EnumSet.of(Method.STACKED), null, TrainingProgress.none());
        LocalModel decoded = codec.decode(codec.encode(outcome.model()));
        assertThat(decoded.spec()).isEqualTo(outcome.model().spec());
        assertThat(decoded.combination().describe()).isEqualTo(outcome.model().combination().describe());
        Featurizer featurizer = new Featurizer(decoded.spec(), null, rules);
        for (TrainingRow row : rows.subList(0, 40)) {
            TextFeatures features = featurizer.features(row.text());
            assertThat(decoded.predict(features)).isEqualTo(outcome.model().predict(features));
        }
    }

    @Test
    void refusesWhatIsNotAModel() {
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }
}
