package kotone.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kotone.core.model.train.Split;
import org.junit.jupiter.api.Test;

class GroupedSplitterTest {

    private final GroupedSplitter splitter = new GroupedSplitter(0.7, 0.15);
    private final List<String> groups = IntStream.range(0, 200).mapToObj(i -> "pair-" + i).toList();

    @Test
    void theSameSeedGivesTheSameSplitWhateverTheOrder() {
        Map<String, Split> first = splitter.assign(groups, 11);
        List<String> backwards = new java.util.ArrayList<>(groups);
        java.util.Collections.reverse(backwards);
        Map<String, Split> reversed = splitter.assign(backwards, 11);
        assertThat(reversed).isEqualTo(first);
        assertThat(splitter.assign(groups, 12)).isNotEqualTo(first);
    }

    @Test
    void cutsByTheShares() {
        Map<String, Split> splits = splitter.assign(groups, 5);
        assertThat(splits.values().stream().filter(s -> s == Split.TRAIN).count()).isEqualTo(140);
        assertThat(splits.values().stream().filter(s -> s == Split.VALID).count()).isEqualTo(30);
        assertThat(splits.values().stream().filter(s -> s == Split.TEST).count()).isEqualTo(30);
    }
}
