package kotone.dataset.traffic;

import java.util.List;

/** Live requests, the newest first. */
public record TrafficPage(List<LiveRequest> items, long total, int limit, int offset) {
}
