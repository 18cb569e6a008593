package kotone.core.derive;

import kotone.core.catalog.Part;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/** How far a part sits from a target vector, over the dimensions the part specifies. */
public final class PartFit {

    private PartFit() {
    }

    /** Root-mean-square difference on the part's own dimensions; 0 is a perfect fit, 100 the worst. */
    public static double distance(Part part, MusicVector target) {
        double sum = 0;
        int count = 0;
        for (Dimension dimension : Dimension.ALL) {
            if (part.vector().has(dimension)) {
                double diff = part.vector().getOrElse(dimension, 0) - target.get(dimension);
                sum += diff * diff;
                count++;
            }
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }
}
