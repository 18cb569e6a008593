package kotone.interpreter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DatasetStub.class)
class TrafficCaptureTest {

    private final ObjectMapper json = new ObjectMapper();

    @DatasetStub.Server
    WireMockServer dataset;

    @Inject
    CircuitBreakerMaintenance breakers;

    // relative to the management root, /q
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @BeforeEach
    void datasetTakesBatches() {
        DatasetStub.noModel(dataset);
        // other tests on this stub answered the interpreter's batches with 404 and may have opened its breaker
        breakers.resetAll();
        dataset.stubFor(post(urlEqualTo("/traffic/batches")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"received\":1,\"stored\":1}")));
    }

    @AfterEach
    void reset() {
        DatasetStub.noModel(dataset);
        breakers.resetAll(); // a test whose dataset service failed leaves the breaker open for the next
    }

    private static String interpret(String text, String mode, String capture) {
        var request = given().contentType("application/json").body("{\"requestText\":\"" + text + "\",\"mode\":\"" + mode + "\",\"weather\":\"rainy\"}");
        if (capture != null) {
            request = request.header("Kotone-Capture", capture);
        }
        return request.post("/interpret").then().statusCode(200).extract().path("meta.traceId");
    }

    /** Every record the dataset service was sent, across batches. */
    private List<JsonNode> sent() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (LoggedRequest request : dataset.findAll(postRequestedFor(urlEqualTo("/traffic/batches")))) {
            json.readTree(request.getBodyAsString()).path("records").forEach(records::add);
        }
        return records;
    }

    private Optional<JsonNode> sentWithText(String text) throws Exception {
        return sent().stream().filter(record -> record.path("text").asText().equals(text)).findFirst();
    }

    @Test
    void aServedRequestIsSentWithItsReadingsAndTrace() throws Exception {
        String text = "calm piano for a rainy night " + UUID.randomUUID();
        String traceId = interpret(text, "auto", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentWithText(text).isPresent());
        JsonNode record = sentWithText(text).orElseThrow();
        assertThat(record.path("traceId").asText()).isEqualTo(traceId);
        assertThat(record.path("language").asText()).isEqualTo("en");
        assertThat(record.path("inputType").asText()).isEqualTo("request_text");
        assertThat(record.path("weather").asText()).isEqualTo("rainy");
        assertThat(record.path("mode").asText()).isEqualTo("auto");
        assertThat(record.path("servedSource").asText()).isEqualTo("rule_baseline"); // no model is promoted here
        assertThat(record.path("readings").path("rule_baseline").path("energy").isInt()).isTrue();
        assertThat(record.path("served").path("energy").asInt()).isEqualTo(record.path("readings").path("rule_baseline").path("energy").asInt());
        assertThat(record.path("latencyMs").asDouble()).isPositive();
    }

    @Test
    void anOptedOutRequestAndEvalsBatchesAreNeverSent() throws Exception {
        String optedOut = "please do not keep this " + UUID.randomUUID();
        String batched = "a batch item " + UUID.randomUUID();
        String marker = "sent after the others " + UUID.randomUUID();
        interpret(optedOut, "rule", "off");
        given().contentType("application/json").body("{\"items\":[{\"request\":{\"requestText\":\"" + batched + "\",\"mode\":\"rule\"}}]}")
                .post("/interpret/batch").then().statusCode(200);
        interpret(marker, "rule", null);
        // the marker came last: once it has been sent, anything the others had queued would have been sent too
        await().atMost(Duration.ofSeconds(10)).until(() -> sentWithText(marker).isPresent());
        assertThat(sentWithText(optedOut)).isEmpty();
        assertThat(sentWithText(batched)).isEmpty();
        assertThat(dataset.findAll(postRequestedFor(urlEqualTo("/traffic/batches")).withRequestBody(containing(optedOut)))).isEmpty();
    }

    @Test
    void aShadowedCandidateReadsTheRequestInTheBackgroundBesideWhatWasServed() throws Exception {
        DatasetStub.publish(dataset, 1, DatasetStub.trainedModel(11));
        DatasetStub.register(dataset, 2, DatasetStub.trainedModel(12));
        dataset.stubFor(get(urlEqualTo("/models/shadow")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"version\":2,\"setBy\":\"admin:0123456789ab\"}")));
        given().post("/models/reload").then().statusCode(200);
        String text = "calm, warm and nostalgic music for a quiet library " + UUID.randomUUID();
        String traceId = interpret(text, "auto", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentWithText(text).isPresent());
        JsonNode record = sentWithText(text).orElseThrow();
        assertThat(record.path("traceId").asText()).isEqualTo(traceId);
        assertThat(record.path("modelVersion").asText()).isEqualTo("v1");
        assertThat(record.path("shadow").path("version").asInt()).isEqualTo(2);
        assertThat(record.path("shadow").path("vector").path("energy").asInt()).isBetween(0, 100);
        assertThat(record.path("shadow").path("latencyMs").asDouble()).isPositive();
        assertThat(record.path("readings").path("local_model").isObject()).isTrue();
    }

    @Test
    void aDatasetServiceThatFailsNeverFailsAPlayerAndTheLossIsCounted() {
        dataset.stubFor(post(urlEqualTo("/traffic/batches")).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 5; i++) {
            interpret("lively festival drums " + i, "rule", null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get(metricsUrl).then().extract().asString()
                .lines().anyMatch(line -> line.startsWith("kotone_traffic_dropped_total{") && line.contains("reason=\"dataset_unavailable\"")
                        && !line.endsWith(" 0.0")));
    }
}
