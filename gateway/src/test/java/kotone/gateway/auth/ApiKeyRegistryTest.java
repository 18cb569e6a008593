package kotone.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kotone.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {

    @Test
    void refusesToStartWithoutAKeyForEveryRoleWhenKeysAreRequired() {
        assertThatThrownBy(() -> new ApiKeyRegistry(config(true, List.of("c"), List.of(), List.of("a"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KOTONE_ANALYST_KEYS");
    }

    @Test
    void acceptsPlainAndHashedKeys() {
        ApiKeyRegistry registry = new ApiKeyRegistry(config(true, List.of("c1", " c2 "), List.of("an"),
                List.of("sha256:" + kotone.core.text.Sha256.hex("admin-secret"))));

        assertThat(registry.roleOf("c2")).contains(Role.CLIENT);
        assertThat(registry.roleOf("an")).contains(Role.ANALYST);
        assertThat(registry.roleOf("admin-secret")).contains(Role.ADMIN);
        assertThat(registry.roleOf("sha256:" + kotone.core.text.Sha256.hex("admin-secret"))).isEmpty();
        assertThat(registry.roleOf(null)).isEmpty();
    }

    @Test
    void rolesIncludeTheLesserOnes() {
        assertThat(Role.ADMIN.includes(Role.ANALYST)).isTrue();
        assertThat(Role.ANALYST.includes(Role.CLIENT)).isTrue();
        assertThat(Role.CLIENT.includes(Role.ANALYST)).isFalse();
    }

    private static GatewayConfig config(boolean required, List<String> client, List<String> analyst, List<String> admin) {
        GatewayConfig.Keys keys = new GatewayConfig.Keys() {
            public Optional<List<String>> client() {
                return Optional.of(client);
            }

            public Optional<List<String>> analyst() {
                return Optional.of(analyst);
            }

            public Optional<List<String>> admin() {
                return Optional.of(admin);
            }
        };
        return new GatewayConfig() {
            public Keys keys() {
                return keys;
            }

            public boolean requireKeys() {
                return required;
            }

            public int connectTimeoutMs() {
                return 1000;
            }

            public Breaker breaker() {
                return null;
            }

            public int connectionPoolSize() {
                return 1;
            }

            public Map<String, UpstreamConfig> upstreams() {
                return Map.of();
            }

            public OpenApi openapi() {
                return null;
            }

            public KeysFile keysFile() {
                return new KeysFile() {
                    public Optional<String> path() {
                        return Optional.empty();
                    }

                    public java.time.Duration reloadEvery() {
                        return java.time.Duration.ofSeconds(10);
                    }
                };
            }

            public RateLimits rateLimits() {
                return null;
            }

            public java.time.Duration bodyTimeout() {
                return java.time.Duration.ofSeconds(30);
            }
        };
    }
}
