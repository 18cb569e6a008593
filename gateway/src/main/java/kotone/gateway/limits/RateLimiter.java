package kotone.gateway.limits;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import kotone.gateway.auth.ApiKeyRegistry;
import kotone.gateway.auth.Role;
import kotone.gateway.config.GatewayConfig;

/**
 * Rate limits at the gateway: a token bucket per key, sized by the key's role, and one per client address over all
 * its calls. A key over its limit is refused without using its address's tokens, so one key's flood leaves the
 * other keys of the same address served. Buckets left full are forgotten once a minute.
 */
@ApplicationScoped
public class RateLimiter {

    /** The bucket that decided, and its verdict: the one that refused, else the key's (else the address's). */
    public record Decision(String policy, Verdict verdict) {

        public boolean allowed() {
            return verdict.allowed();
        }
    }

    private final GatewayConfig.RateLimits limits;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> byKey = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> byAddress = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(config.rateLimits(), System::nanoTime);
    }

    RateLimiter(GatewayConfig.RateLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        for (Role role : Role.values()) {
            if (!limits.role().containsKey(role.key())) {
                throw new IllegalStateException("no rate limit for role " + role.key() + ": set kotone.gateway.rate-limits.role."
                        + role.key() + ".per-second and .burst");
            }
        }
    }

    public boolean enabled() {
        return limits.enabled();
    }

    /** @param holder the key's holder, or null for a call without a valid key (limited by its address only) */
    public Decision check(ApiKeyRegistry.KeyHolder holder, String address) {
        long now = clock.getAsLong();
        Decision key = null;
        if (holder != null) {
            GatewayConfig.Bucket size = limits.role().get(holder.role().key());
            key = new Decision("key", byKey.computeIfAbsent(holder.keyId(), id -> new TokenBucket(size.perSecond(), size.burst(), now)).take(now));
            if (!key.allowed()) {
                return key;
            }
        }
        Decision fromAddress = new Decision("address", byAddress.computeIfAbsent(address,
                ignored -> new TokenBucket(limits.address().perSecond(), limits.address().burst(), now)).take(now));
        return fromAddress.allowed() && key != null ? key : fromAddress;
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetFullBuckets() {
        long now = clock.getAsLong();
        byKey.values().removeIf(bucket -> bucket.isFull(now));
        byAddress.values().removeIf(bucket -> bucket.isFull(now));
    }
}
