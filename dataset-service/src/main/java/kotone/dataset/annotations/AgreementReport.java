package kotone.dataset.annotations;

import java.util.List;
import kotone.core.annotation.LabelAgreement;

/**
 * How far annotators agree.
 *
 * @param itemsWithSeveralLabels the items two or more people labelled: the only ones agreement is measured on
 */
public record AgreementReport(long labels, long labelledItems, long itemsWithSeveralLabels, List<LabelAgreement.DimensionAgreement> dimensions) {
}
