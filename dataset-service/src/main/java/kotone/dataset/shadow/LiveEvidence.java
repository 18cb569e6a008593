package kotone.dataset.shadow;

import jakarta.enterprise.context.ApplicationScoped;
import kotone.core.traffic.ShadowComparison;
import kotone.dataset.traffic.TrafficConfig;
import kotone.dataset.traffic.TrafficStore;

/** Compares a candidate's readings of the newest live requests it was shadowed on with what was served. */
@ApplicationScoped
public class LiveEvidence {

    private final TrafficStore traffic;
    private final TrafficConfig.Shadow config;

    public LiveEvidence(TrafficStore traffic, TrafficConfig config) {
        this.traffic = traffic;
        this.config = config.shadow();
    }

    public LiveEvidenceView of(int candidateVersion) {
        return new LiveEvidenceView(candidateVersion, config.clearDistance(), config.expectedDistance(),
                new ShadowComparison(config.clearDistance(), config.expectedDistance())
                        .compare(traffic.shadowPairs(candidateVersion, config.evidenceRequests()), candidateVersion));
    }
}
