package kotone.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MusicVectorTest {

    @Test
    void rejectsValuesOutsideTheScale() {
        assertThatThrownBy(() -> new MusicVector(101, 0, 0, 0, 0, 0)).hasMessageContaining("energy");
        assertThatThrownBy(() -> new MusicVector(0, 0, 0, 0, 0, -1)).hasMessageContaining("nostalgia");
    }

    @Test
    void roundsAndClampsRealNumbers() {
        assertThat(MusicVector.rounded(-3, 49.5, 100.4, 250, 12.2, 0))
                .isEqualTo(new MusicVector(0, 50, 100, 100, 12, 0));
    }

    @Test
    void distanceAndSpread() {
        MusicVector a = MusicVector.of(0, 0, 0, 0, 0, 0);
        MusicVector b = MusicVector.of(100, 100, 100, 100, 100, 100);
        assertThat(a.distanceTo(b)).isEqualTo(MusicVector.MAX_DISTANCE);
        assertThat(MusicVector.of(10, 20, 90, 30, 40, 50).spread()).isEqualTo(80);
        assertThat(a.with(Dimension.WARMTH, 7).warmth()).isEqualTo(7);
    }
}
