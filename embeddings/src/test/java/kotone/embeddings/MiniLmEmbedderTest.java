package kotone.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private final MiniLmEmbedder embedder = new MiniLmEmbedder();

    @Test
    void similarRequestsEmbedCloserThanUnrelatedOnes() {
        float[] calm = embedder.embed("a quiet, gentle piano piece for a rainy night");
        float[] soft = embedder.embed("soft and calm piano music for an evening of rain");
        float[] loud = embedder.embed("an aggressive, very loud electronic track for a boss battle");
        assertThat(calm).hasSize(embedder.dimension());
        assertThat(dot(calm, soft)).isGreaterThan(dot(calm, loud));
        assertThat(dot(calm, calm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
