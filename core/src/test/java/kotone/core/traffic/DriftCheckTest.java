package kotone.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class DriftCheckTest {

    private static final DriftThresholds THRESHOLDS = new DriftThresholds(0.2, 0.3, 0.5, 10);

    @Test
    void trafficLikeTheTrainingDataRaisesNoAlert() {
        DriftCheck check = new DriftCheck(THRESHOLDS);
        for (int i = 0; i < 100; i++) {
            check.addTraining("a quiet rainy song " + (i % 5), "en", MusicVector.of(20 + i % 10, 50, 50, 50, 50, 50));
        }
        for (int i = 0; i < 50; i++) {
            check.addLive("a quiet rainy song", "en", MusicVector.of(21 + i % 10, 50, 50, 50, 50, 50));
        }
        DriftReport report = check.report();
        assertThat(report.drifted()).isFalse();
        assertThat(report.decides()).isTrue();
        assertThat(report.liveRequests()).isEqualTo(50);
        assertThat(report.trainingRows()).isEqualTo(100);
        assertThat(report.languages().shift()).isZero();
        assertThat(report.words().unseenShare()).isZero();
        assertThat(report.dimensions().get(0).effectSize()).isGreaterThan(0).isLessThan(0.5);
    }

    @Test
    void anotherLanguageNewWordsAndHigherEnergyEachRaiseTheirAlert() {
        DriftCheck check = new DriftCheck(THRESHOLDS);
        for (int i = 0; i < 100; i++) {
            check.addTraining("a quiet rainy song", "en", MusicVector.of(20 + i % 10, 50, 50, 50, 50, 50));
        }
        for (int i = 0; i < 100; i++) {
            check.addLive(i % 2 == 0 ? "祭りの夜に踊れる曲" : "hype festival banger", i % 2 == 0 ? "ja" : "en",
                    MusicVector.of(80 + i % 10, 50, 50, 50, 50, 50));
        }
        DriftReport report = check.report();
        assertThat(report.languages().shift()).isCloseTo(0.5, within(1e-9));
        assertThat(report.words().unseenShare()).isEqualTo(1.0);
        assertThat(report.dimensions().get(0).effectSize()).isGreaterThan(5);
        assertThat(report.dimensions().get(1).effectSize()).isZero();
        assertThat(report.alerts()).hasSize(3)
                .anyMatch(alert -> alert.startsWith("the language mix moved by 0.50"))
                .anyMatch(alert -> alert.startsWith("100% of live words"))
                .anyMatch(alert -> alert.startsWith("served energy moved up"));
    }

    @Test
    void aLargeSampleOfASmallShiftStaysSmall() {
        DriftCheck check = new DriftCheck(THRESHOLDS);
        for (int i = 0; i < 200_000; i++) {
            check.addTraining("song", "en", MusicVector.of(i % 101, 50, 50, 50, 50, 50));
        }
        for (int i = 0; i < 200_000; i++) {
            check.addLive("song", "en", MusicVector.of(Math.min(100, i % 101 + 2), 50, 50, 50, 50, 50));
        }
        assertThat(check.report().dimensions().get(0).effectSize()).isCloseTo(0.07, within(0.01));
        assertThat(check.report().drifted()).isFalse();
    }

    @Test
    void trainingRowsMustComeFirst() {
        DriftCheck check = new DriftCheck(THRESHOLDS);
        check.addLive("song", "en", MusicVector.neutral());
        assertThatThrownBy(() -> check.addTraining("song", "en", MusicVector.neutral())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void japaneseIsCountedInCharacterPairs() {
        assertThat(WordUnits.of("雨の日 quiet")).containsExactly("quiet", "雨の", "の日");
        Vocabulary vocabulary = new Vocabulary();
        vocabulary.addText("雨の日");
        assertThat(vocabulary.unseenShare("雨の夜")).isCloseTo(0.5, within(1e-9));
        assertThat(vocabulary.unseenShare("!!!")).isZero();
    }

    @Test
    void effectSizeOfConstantSamplesUsesOnePointAsTheSpread() {
        Moments a = new Moments();
        Moments b = new Moments();
        for (int i = 0; i < 10; i++) {
            a.add(53);
            b.add(50);
        }
        assertThat(EffectSize.cohensD(a, b)).isEqualTo(3.0);
        assertThat(EffectSize.cohensD(new Moments(), b)).isZero();
    }

    @Test
    void tooFewLiveRequestsOrNoTrainingDataDecideNothing() {
        DriftCheck few = new DriftCheck(THRESHOLDS);
        few.addTraining("a quiet rainy song", "en", MusicVector.of(20, 50, 50, 50, 50, 50));
        for (int i = 0; i < 9; i++) {
            few.addLive("祭りの夜", "ja", MusicVector.of(90, 50, 50, 50, 50, 50));
        }
        assertThat(few.report().drifted()).isFalse();
        assertThat(few.report().decides()).isFalse();
        assertThat(few.report().languages().shift()).isEqualTo(1.0);

        DriftCheck untrained = new DriftCheck(THRESHOLDS);
        for (int i = 0; i < 20; i++) {
            untrained.addLive("祭りの夜", "ja", MusicVector.of(90, 50, 50, 50, 50, 50));
        }
        assertThat(untrained.report().drifted()).isFalse();
        assertThat(untrained.report().trainingRows()).isZero();
    }
}
