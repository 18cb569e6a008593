package kotone.dataset.annotations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the annotation queue chooses and how many labels an item takes. */
@ConfigMapping(prefix = "kotone.annotations")
public interface AnnotationConfig {

    /** The newest open live requests the ranking chooses from. */
    @WithDefault("2000")
    int pool();

    /** An item with this many labels leaves the queue; 2 or more gives agreement on every item. */
    @WithDefault("1")
    int labelsPerItem();

    /** Sources this many points apart (mean absolute difference) count as a full disagreement. */
    @WithDefault("25")
    double disagreementPoints();

    /** The weight of novelty (the share of unseen words) against a full disagreement's 1. */
    @WithDefault("0.5")
    double noveltyWeight();

    /** Texts whose word units overlap this much (Jaccard) are the same request: only one is queued. */
    @WithDefault("0.7")
    double nearDuplicate();
}
