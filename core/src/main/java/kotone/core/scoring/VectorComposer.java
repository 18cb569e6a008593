package kotone.core.scoring;

import java.util.List;
import kotone.core.catalog.Part;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * The vector a composition sounds like: starting from neutral, each part in slot order pulls every
 * dimension it specifies halfway toward its own value (rounded), as in the original game. Later slots
 * therefore weigh more: the gimmick has the last word.
 */
public final class VectorComposer {

    public MusicVector compose(List<Part> partsInSlotOrder) {
        int[] values = MusicVector.neutral().toArray();
        for (Part part : partsInSlotOrder) {
            for (Dimension dimension : Dimension.ALL) {
                if (part.vector().has(dimension)) {
                    int i = dimension.ordinal();
                    values[i] = MusicVector.clamp(Math.round((values[i] + part.vector().getOrElse(dimension, 0)) / 2.0));
                }
            }
        }
        return MusicVector.of(values);
    }
}
