package kotone.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class LabelAgreementTest {

    private static MusicVector energy(int value) {
        return MusicVector.of(value, 50, 50, 50, 50, 50);
    }

    @Test
    void identicalLabelsAgreeFully() {
        List<LabelAgreement.DimensionAgreement> agreement = LabelAgreement.of(List.of(
                List.of(energy(10), energy(10)), List.of(energy(60), energy(60)), List.of(energy(90), energy(90))));
        assertThat(agreement.get(0).alpha()).isEqualTo(1.0);
        assertThat(agreement.get(0).meanAbsoluteDifference()).isZero();
        assertThat(agreement.get(0).items()).isEqualTo(3);
        assertThat(agreement.get(1).alpha()).as("warmth never varies: alpha is undefined").isNull();
    }

    @Test
    void labelsThatCrossOverAgreeWorseThanChance() {
        // by hand: D_o = 16 / 4 = 4, D_e = 2 (4 * 20 - 64) / 12 = 2.667 (values in tens), alpha = 1 - 4 / 2.667 = -0.5
        List<LabelAgreement.DimensionAgreement> agreement = LabelAgreement.of(List.of(
                List.of(energy(10), energy(30)), List.of(energy(30), energy(10))));
        assertThat(agreement.get(0).alpha()).isEqualTo(-0.5);
        assertThat(agreement.get(0).meanAbsoluteDifference()).isEqualTo(20.0);
    }

    @Test
    void itemsWithOneLabelAreLeftOut() {
        List<LabelAgreement.DimensionAgreement> agreement = LabelAgreement.of(List.of(List.of(energy(10)), List.of(energy(40), energy(44)),
                List.of(energy(80), energy(76))));
        assertThat(agreement.get(0).items()).isEqualTo(2);
        assertThat(agreement.get(0).meanAbsoluteDifference()).isEqualTo(4.0);
        assertThat(agreement.get(0).alpha()).isGreaterThan(0.9);
    }
}
