package kotone.core.model;

import kotone.core.interpret.RuleInterpreter;
import kotone.core.vector.Dimension;

/**
 * The rules' reading of a text as features of the local model, so it learns per dimension how far to trust them:
 * per dimension how far the words moved it from neutral and how far the named parts did (each divided by 50), then how
 * many lexicon entries fired, how many were negated and how many strengthened or softened (as log(1 + count)).
 */
public final class RuleFeatures {

    public static final int WIDTH = 2 * Dimension.COUNT + 3;

    private RuleFeatures() {
    }

    public static float[] of(RuleInterpreter.Reading reading) {
        float[] features = new float[WIDTH];
        for (int d = 0; d < Dimension.COUNT; d++) {
            features[d] = (float) ((reading.push()[d] - reading.partPush()[d]) / 50.0);
            features[Dimension.COUNT + d] = (float) (reading.partPush()[d] / 50.0);
        }
        features[2 * Dimension.COUNT] = (float) Math.log1p(reading.hits());
        features[2 * Dimension.COUNT + 1] = (float) Math.log1p(reading.negations());
        features[2 * Dimension.COUNT + 2] = (float) Math.log1p(reading.intensified());
        return features;
    }
}
