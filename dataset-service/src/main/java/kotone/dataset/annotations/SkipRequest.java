package kotone.dataset.annotations;

import jakarta.validation.constraints.Size;

/**
 * @param flag true: the item leaves every queue (it should never be labelled, e.g. it is abuse or personal data); false: it
 *        leaves only this annotator's queue
 */
public record SkipRequest(boolean flag, @Size(max = 500) String reason) {
}
