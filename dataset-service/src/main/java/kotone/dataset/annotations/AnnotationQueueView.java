package kotone.dataset.annotations;

import java.util.List;

/** @param considered how many open live requests the ranking chose from (the newest, up to the pool size) */
public record AnnotationQueueView(List<QueueItem> items, int limit, int considered) {
}
