package kotone.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kotone.gateway.auth.ApiKeyRegistry;
import kotone.gateway.auth.Role;
import kotone.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(limits(bucket(2, 3), bucket(10, 5)), now::get);
    private final ApiKeyRegistry.KeyHolder flooder = new ApiKeyRegistry.KeyHolder(Role.CLIENT, "aaaaaaaaaaaa");
    private final ApiKeyRegistry.KeyHolder other = new ApiKeyRegistry.KeyHolder(Role.CLIENT, "bbbbbbbbbbbb");

    @Test
    void aKeyGetsItsBurstThenWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.check(flooder, "10.0.0.1").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.check(flooder, "10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.policy()).isEqualTo("key");
        assertThat(refused.verdict().retryAfterSeconds()).isEqualTo(1);

        now.addAndGet(500_000_000L); // half a second refills one token at 2 per second
        assertThat(limiter.check(flooder, "10.0.0.1").allowed()).isTrue();
        assertThat(limiter.check(flooder, "10.0.0.1").allowed()).isFalse();
    }

    @Test
    void aRefusedKeyDoesNotUseItsAddressesTokens() {
        for (int i = 0; i < 20; i++) {
            limiter.check(flooder, "10.0.0.1");
        }
        // the address allowed 3 of the flooder's calls (5 at once): 2 left for another key there
        assertThat(limiter.check(other, "10.0.0.1").allowed()).isTrue();
        assertThat(limiter.check(other, "10.0.0.1").allowed()).isTrue();
        RateLimiter.Decision addressFull = limiter.check(other, "10.0.0.1");
        assertThat(addressFull.allowed()).isFalse();
        assertThat(addressFull.policy()).isEqualTo("address");
    }

    @Test
    void callsWithoutAKeyAreLimitedByTheirAddressAlone() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.check(null, "10.0.0.2").allowed()).isTrue();
        }
        assertThat(limiter.check(null, "10.0.0.2").allowed()).isFalse();
        assertThat(limiter.check(null, "10.0.0.3").allowed()).isTrue();
    }

    @Test
    void theHeadersFiguresSayWhatIsLeftAndWhenTheBucketIsFull() {
        Verdict first = limiter.check(flooder, "10.0.0.4").verdict();
        assertThat(first.quota()).isEqualTo(3);
        assertThat(first.windowSeconds()).isEqualTo(2);
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(first.resetSeconds()).isEqualTo(1);
    }

    private static GatewayConfig.Bucket bucket(double perSecond, int burst) {
        return new GatewayConfig.Bucket() {
            public double perSecond() {
                return perSecond;
            }

            public int burst() {
                return burst;
            }
        };
    }

    private static GatewayConfig.RateLimits limits(GatewayConfig.Bucket perKey, GatewayConfig.Bucket perAddress) {
        return new GatewayConfig.RateLimits() {
            public boolean enabled() {
                return true;
            }

            public Map<String, GatewayConfig.Bucket> role() {
                return Map.of("client", perKey, "analyst", perKey, "admin", perKey);
            }

            public GatewayConfig.Bucket address() {
                return perAddress;
            }
        };
    }
}
