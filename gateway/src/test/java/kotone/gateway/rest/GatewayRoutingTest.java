package kotone.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(WireMockUpstreams.class)
@QuarkusTestResource(kotone.testsupport.TestDatabase.class)
class GatewayRoutingTest {

    static final String CLIENT = "test-client-key";
    static final String ANALYST = "test-analyst-key";
    static final String ADMIN = "test-admin-key";

    WireMockServer upstream;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        upstream.resetAll();
        breakers.resetAll();
    }

    @Test
    void forwardsAScoreWithItsBodyAndHeaders() {
        upstream.stubFor(post("/score").willReturn(okJson("{\"total\": 88, \"rank\": \"A\"}")));

        given().header("X-API-Key", CLIENT).header("Accept-Language", "ja").contentType(ContentType.JSON)
                .body("{\"selectedPartsBySlot\": {}}")
                .when().post("/api/v1/score")
                .then().statusCode(200).body("total", is(88));

        upstream.verify(postRequestedFor(urlEqualTo("/score"))
                .withHeader("Accept-Language", equalTo("ja"))
                .withHeader("Content-Type", containing("application/json"))
                .withoutHeader("X-API-Key")
                .withRequestBody(equalToJson("{\"selectedPartsBySlot\": {}}")));
    }

    @Test
    void tellsTheServiceWhoAskedAndNeverTakesTheClientsWordForIt() {
        upstream.stubFor(post("/eval/guards").willReturn(okJson("{}")));
        given().header("X-API-Key", ADMIN).header("X-Kotone-Caller", "admin:forged").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/eval/guards").then().statusCode(200);
        String keyId = kotone.core.text.Sha256.hex(ADMIN).substring(0, 12);
        upstream.verify(postRequestedFor(urlEqualTo("/eval/guards")).withHeader("X-Kotone-Caller", equalTo("admin:" + keyId)));
    }

    @Test
    void routesTheGateAndTheModesWithTheirRoles() {
        upstream.stubFor(get("/interpret/modes").willReturn(okJson("{\"modes\":[]}")));
        upstream.stubFor(post("/eval/gate-checks").willReturn(okJson("{}")));
        upstream.stubFor(get("/eval/guards").willReturn(okJson("{}")));
        given().header("X-API-Key", CLIENT).when().get("/api/v1/interpret/modes").then().statusCode(200);
        given().header("X-API-Key", ANALYST).when().get("/api/v1/eval/guards").then().statusCode(200);
        given().header("X-API-Key", ANALYST).contentType(ContentType.JSON).body("{}").when().post("/api/v1/eval/gate-checks").then().statusCode(403);
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("{}").when().post("/api/v1/eval/gate-checks").then().statusCode(200);
        given().header("X-API-Key", ANALYST).when().post("/api/v1/models/rollback").then().statusCode(403);
        // routed to the dataset service, which is down in these tests
        given().header("X-API-Key", ADMIN).when().post("/api/v1/models/rollback").then().statusCode(503);
    }

    @Test
    void keepsTheQueryString() {
        upstream.stubFor(get(urlPathEqualTo("/eval/runs")).willReturn(okJson("[]")));

        given().header("X-API-Key", ANALYST).when().get("/api/v1/eval/runs?mode=rule_baseline&limit=5")
                .then().statusCode(200);

        upstream.verify(getRequestedFor(urlEqualTo("/eval/runs?mode=rule_baseline&limit=5")));
    }

    @Test
    void passesUpstreamErrorsThroughAsTheyAre() {
        upstream.stubFor(post("/score").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\": 422, \"errors\": [{\"field\": \"selectedPartsBySlot.style\"}]}")));

        given().header("X-API-Key", CLIENT).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/score")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("selectedPartsBySlot.style"));
    }

    @Test
    void rewritesTheLocationOfCreatedThings() {
        upstream.stubFor(post("/eval/runs").willReturn(aResponse().withStatus(202)
                .withHeader("Location", upstream.baseUrl() + "/eval/runs/7")
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 7, \"status\": \"queued\"}")));

        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("{\"datasetId\": \"x\", \"mode\": \"rule_baseline\"}")
                .when().post("/api/v1/eval/runs")
                .then().statusCode(202).header("Location", "/api/v1/eval/runs/7").body("status", is("queued"));
    }

    @Test
    void passesTheTraceContextOn() {
        upstream.stubFor(get("/catalog/parts").willReturn(okJson("[]")));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        given().header("X-API-Key", CLIENT).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when().get("/api/v1/catalog/parts")
                .then().statusCode(200);

        // the upstream's parent is the gateway's own span for this request, a child of the caller's
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            SpanData gatewaySpan = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER)
                    .findFirst().orElseThrow();
            assertThat(gatewaySpan.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
            upstream.verify(getRequestedFor(urlEqualTo("/catalog/parts"))
                    .withHeader("traceparent", equalTo("00-" + traceId + "-" + gatewaySpan.getSpanId() + "-01")));
        });
    }

    @Test
    void anUpstreamThatIsDownIsA503NamingIt() {
        given().header("X-API-Key", ANALYST).when().get("/api/v1/models")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("dataset-service"))
                .time(lessThan(3000L), TimeUnit.MILLISECONDS);
    }

    @Test
    void aDeadUpstreamOpensItsCircuitAndStopsCostingTime() {
        for (int i = 0; i < 20; i++) {
            given().header("X-API-Key", ANALYST).when().get("/api/v1/models").then().statusCode(503);
        }
        given().header("X-API-Key", ANALYST).when().get("/api/v1/models")
                .then().statusCode(503).body("detail", containsString("circuit open"));
        upstream.stubFor(get("/catalog/parts").willReturn(okJson("[]")));
        given().header("X-API-Key", CLIENT).when().get("/api/v1/catalog/parts").then().statusCode(200);
    }

    // relative to the management root, /q
    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    @Test
    void eachBreakersStateIsAGaugeAndNoCallIsCountedByFaultTolerance() {
        for (int i = 0; i < 21; i++) {
            given().header("X-API-Key", ANALYST).when().get("/api/v1/models").then().statusCode(503);
        }
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(metrics).contains("kotone_gateway_breaker_state{upstream=\"dataset\"} 2.0")
                .contains("kotone_gateway_breaker_state{upstream=\"scoring\"} 0.0")
                .doesNotContain("ft_invocations_total").doesNotContain("ft_circuitbreaker_calls_total");
    }

    @Test
    void callersWhoHangUpDoNotOpenTheCircuit() throws Exception {
        upstream.stubFor(get("/catalog/parts/slow").willReturn(okJson("{}").withFixedDelay(400)));
        upstream.stubFor(get("/catalog/parts").willReturn(okJson("[]")));
        java.net.http.HttpClient impatient = java.net.http.HttpClient.newHttpClient();
        java.net.URI slow = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/api/v1/catalog/parts/slow");
        for (int i = 0; i < 25; i++) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(slow).header("X-API-Key", CLIENT)
                    .timeout(java.time.Duration.ofMillis(60)).GET().build();
            try {
                impatient.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (java.net.http.HttpTimeoutException expected) {
                // the caller hangs up before the upstream answers
            }
        }
        given().header("X-API-Key", CLIENT).when().get("/api/v1/catalog/parts").then().statusCode(200);
    }

    @Test
    void aHangingUpstreamIsA504NamingIt() {
        upstream.stubFor(get("/catalog/parts").willReturn(okJson("[]").withFixedDelay(5000)));

        given().header("X-API-Key", CLIENT).when().get("/api/v1/catalog/parts")
                .then().statusCode(504).contentType("application/problem+json")
                .body("detail", containsString("scoring-service"))
                .time(lessThan(3000L), TimeUnit.MILLISECONDS);
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(value);
    }
}
