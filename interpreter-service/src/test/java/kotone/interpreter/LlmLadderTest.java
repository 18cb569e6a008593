package kotone.interpreter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import kotone.testsupport.LlmStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM rung of the ladder against recorded answer shapes: what is served, why it fell back, and how long it took. */
@QuarkusTest
@TestProfile(LlmLadderTest.Profile.class)
@QuarkusTestResource(value = LlmStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DatasetStub.class, restrictToAnnotatedClass = true)
class LlmLadderTest {

    static final long DEADLINE_MS = 1000;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kotone.interpreter.deadline-ms", String.valueOf(DEADLINE_MS),
                    "kotone.interpreter.llm.breaker-failures", "1000",
                    "kotone.interpreter.llm.backoff-ms", "50",
                    "kotone.interpreter.prices-usd.fine_tuned", "0.0019");
        }
    }

    private static final String VECTOR = "{\"energy\":20,\"warmth\":80,\"brightness\":40,\"acousticness\":70,\"complexity\":30,\"nostalgia\":90}";

    @LlmStub.Server
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    private void answer(String content) {
        answer(aResponse().withHeader("Content-Type", "application/json").withBody(LlmStub.completion(content)));
    }

    private void answer(ResponseDefinitionBuilder response) {
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(response));
    }

    private JsonPath interpret() {
        return given().contentType("application/json").body("{\"requestText\":\"calm and warm music for the inn\"}")
                .post("/interpret").then().statusCode(200).extract().jsonPath();
    }

    private void servedByTheLlm(JsonPath body) {
        assertThat(body.getString("meta.modelSource")).isEqualTo("fine_tuned");
        assertThat(body.getString("meta.modelVersion")).isEqualTo("stub-ft");
        assertThat(body.getString("meta.fallbackReason")).isNull();
        assertThat(body.getBoolean("meta.jsonValid")).isTrue();
        assertThat(body.getMap("hiddenParams.vector")).containsEntry("energy", 20).containsEntry("nostalgia", 90);
        assertThat(body.getDouble("meta.costUsd")).isEqualTo(0.0019, org.assertj.core.data.Offset.offset(1e-9));
    }

    private void fellBackToRules(JsonPath body, String reason) {
        assertThat(body.getString("meta.modelSource")).isEqualTo("rule_baseline");
        assertThat(body.getString("meta.fallbackReason")).startsWith(reason);
    }

    @Test
    void theModesNameTheConfiguredProvider() {
        given().get("/interpret/modes").then().statusCode(200)
                .body("modes.find { it.mode == 'llm' }.available", org.hamcrest.Matchers.is(true))
                .body("evalModes.find { it.mode == 'fine_tuned' }.available", org.hamcrest.Matchers.is(true))
                .body("modes.find { it.mode == 'auto' }.why", org.hamcrest.Matchers.containsString("llm"));
    }

    @Test
    void cleanJson() {
        answer("{\"vector\":" + VECTOR + ",\"tags\":[\"calm\"]}");
        servedByTheLlm(interpret());
    }

    @Test
    void fencedJson() {
        answer("```json\n{\"vector\":" + VECTOR + "}\n```");
        JsonPath body = interpret();
        servedByTheLlm(body);
        assertThat(body.getList("rationale", String.class)).anyMatch(line -> line.contains("fenced_block:ok"));
    }

    @Test
    void proseAroundJson() {
        answer("Sure! Here are the parameters: {\"vector\":" + VECTOR + "} Let me know if you need more.");
        servedByTheLlm(interpret());
    }

    @Test
    void reasoningPrefix() {
        answer("Reasoning: the customer wants calm, warm, nostalgic music.\n{\"vector\":" + VECTOR + "}");
        servedByTheLlm(interpret());
    }

    @Test
    void tenPointScaleIsLifted() {
        answer("{\"vector\":{\"energy\":2,\"warmth\":8,\"brightness\":4,\"acousticness\":7,\"complexity\":3,\"nostalgia\":9}}");
        JsonPath body = interpret();
        servedByTheLlm(body);
        assertThat(body.getList("rationale", String.class)).anyMatch(line -> line.contains("repair:scale_0_10"));
    }

    @Test
    void missingDimensionIsNeverServed() {
        answer("{\"vector\":{\"energy\":20,\"warmth\":80,\"brightness\":40,\"acousticness\":70,\"complexity\":30}}");
        JsonPath body = interpret();
        fellBackToRules(body, "llm_invalid_json");
        assertThat(body.getBoolean("meta.jsonValid")).isFalse();
        assertThat(body.getString("meta.parseError")).isEqualTo("nostalgia is missing");
    }

    @Test
    void numbersAsStringsAreRead() {
        answer("{\"vector\":{\"energy\":\"20\",\"warmth\":\"80\",\"brightness\":\"40\",\"acousticness\":\"70\",\"complexity\":\"30\",\"nostalgia\":\"90\"}}");
        JsonPath body = interpret();
        servedByTheLlm(body);
        assertThat(body.getList("rationale", String.class)).anyMatch(line -> line.contains("repair:numbers_from_strings"));
    }

    @Test
    void nanIsRejected() {
        answer("{\"vector\":{\"energy\":NaN,\"warmth\":80,\"brightness\":40,\"acousticness\":70,\"complexity\":30,\"nostalgia\":90}}");
        JsonPath body = interpret();
        fellBackToRules(body, "llm_invalid_json");
        assertThat(body.getBoolean("meta.jsonValid")).isFalse();
    }

    @Test
    void truncatedJsonIsRejected() {
        answer("{\"vector\":{\"energy\":20,\"warmth\":80,\"bright");
        fellBackToRules(interpret(), "llm_invalid_json");
    }

    @Test
    void emptyContentIsRejected() {
        answer("");
        JsonPath body = interpret();
        fellBackToRules(body, "llm_invalid_json");
        assertThat(body.getString("meta.parseError")).isEqualTo("empty answer");
    }

    @Test
    void contentAsAnArrayOfParts() {
        answer(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"{\\\"vector\\\":\"},"
                        + "{\"type\":\"text\",\"text\":" + LlmStub.quote(VECTOR + "}") + "}]}}]}"));
        servedByTheLlm(interpret());
    }

    @Test
    void rateLimitedThenAnswersAfterRetryAfter() {
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.2")).willSetStateTo("ready"));
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("429").whenScenarioStateIs("ready")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(LlmStub.completion("{\"vector\":" + VECTOR + "}"))));
        JsonPath body = interpret();
        servedByTheLlm(body);
        assertThat(body.getDouble("meta.latencyMs")).isGreaterThanOrEqualTo(200);
        llm.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void rateLimitedLongerThanTheDeadlineAllowsFallsBackAtOnce() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "30"));
        JsonPath body = interpret();
        fellBackToRules(body, "llm_http_429");
        // no retry was waited for: the one call was the only one
        llm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void serverErrorsAreRetriedThenFallBack() {
        answer(aResponse().withStatus(500));
        fellBackToRules(interpret(), "llm_http_500");
        llm.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aClientErrorIsNotRetried() {
        answer(aResponse().withStatus(401));
        fellBackToRules(interpret(), "llm_http_401");
        llm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aHangPastTheDeadlineNeverMakesThePlayerWait() {
        // the one test that measures time: the deadline is the interpreter's promise, so it is checked here, once
        answer(aResponse().withFixedDelay(5000).withHeader("Content-Type", "application/json")
                .withBody(LlmStub.completion("{\"vector\":" + VECTOR + "}")));
        long start = System.nanoTime();
        JsonPath body = interpret();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        fellBackToRules(body, "llm_timeout");
        assertThat(body.getDouble("meta.latencyMs")).isGreaterThan(DEADLINE_MS - 200).isLessThan(DEADLINE_MS + 50);
        // the caller also pays for HTTP and a loaded CI machine; the hung provider (5 s) would still fail this
        assertThat(elapsedMs).isLessThan(DEADLINE_MS + 3000);
    }

    @Test
    void explicitLlmModeNamesWhatWentWrongAndStillAnswers() {
        answer("I'd rather not.");
        given().contentType("application/json").body("{\"requestText\":\"calm\",\"mode\":\"llm\",\"llmModel\":\"prompt_baseline\"}")
                .post("/interpret").then().statusCode(200)
                .body("meta.modelSource", org.hamcrest.Matchers.is("rule_baseline"))
                .body("meta.jsonValid", org.hamcrest.Matchers.is(false))
                .body("meta.fallbackReason", org.hamcrest.Matchers.is("llm_invalid_json"));
        answer("{\"vector\":" + VECTOR + "}");
        given().contentType("application/json").body("{\"requestText\":\"calm\",\"mode\":\"llm\",\"llmModel\":\"prompt_baseline\"}")
                .post("/interpret").then().statusCode(200)
                .body("meta.modelSource", org.hamcrest.Matchers.is("prompt_baseline"))
                .body("meta.modelVersion", org.hamcrest.Matchers.is("stub-base"))
                .body("meta.costUsd", org.hamcrest.Matchers.nullValue());
    }
}
