package kotone.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** The interpreter, scoring and dataset services played by one WireMock at their REST contracts. */
public class Upstreams implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        BatchFanOut batches = new BatchFanOut();
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40).extensions(batches));
        server.start();
        batches.serveFrom(server.baseUrl());
        batchesFanOut(server);
        return Map.of("quarkus.rest-client.interpreter.url", server.baseUrl(), "quarkus.rest-client.scoring.url", server.baseUrl(),
                "quarkus.rest-client.dataset.url", server.baseUrl(), "kotone.eval.trace-url-template", "http://jaeger.test/trace/{traceId}");
    }

    /** Forgets every stub and request but the batch endpoints'. */
    static void reset(WireMockServer server) {
        server.resetAll();
        batchesFanOut(server);
        noLiveTraffic(server);
    }

    /** No candidate has been shadowed on live traffic: every gate's live part has nothing to judge. */
    static void noLiveTraffic(WireMockServer server) {
        server.stubFor(get(urlMatching("/traffic/shadow/[0-9]+")).atPriority(10).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(liveEvidence(0, 0, 0, 0, 0, 0, 0))));
        server.stubFor(put(urlEqualTo("/models/shadow")).atPriority(10).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"version\":2}")));
    }

    /** Live evidence as the dataset service gives it: requests with a clear rule reading, shares met, the paired interval, p95. */
    static String liveEvidence(int version, int requests, double champion, double candidate, double low, double high, double candidateP95) {
        String ci = requests >= 2 ? "{\"low\":" + low + ",\"high\":" + high + "}" : "null";
        return "{\"candidateVersion\":" + version + ",\"evidence\":{\"requests\":" + requests + ",\"differences\":[],"
                + "\"expectations\":{\"requests\":" + requests + ",\"checked\":" + requests * 2 + ",\"champion\":" + champion
                + ",\"candidate\":" + candidate + ",\"difference\":" + (candidate - champion) + ",\"ci95\":" + ci + "},"
                + "\"servedLatencyMs\":{\"p50\":0.5,\"p95\":1.0,\"p99\":2.0},"
                + "\"candidateLatencyMs\":{\"p50\":0.3,\"p95\":" + candidateP95 + ",\"p99\":" + candidateP95 + "}}}";
    }

    /** The batch endpoints answer from the single-item stubs (see {@link BatchFanOut}). */
    private static void batchesFanOut(WireMockServer server) {
        server.stubFor(post(urlEqualTo("/interpret/batch")).atPriority(1).willReturn(aResponse().withTransformers(BatchFanOut.NAME)));
        server.stubFor(post(urlEqualTo("/score/batch")).atPriority(1).willReturn(aResponse().withTransformers(BatchFanOut.NAME)));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** The interpreter answers this vector for requests containing the text (in the given interpreter mode). */
    static void interpretAs(WireMockServer server, String mode, String text, int... vector) {
        String body = "{\"hiddenParams\":{\"vector\":{\"energy\":" + vector[0] + ",\"warmth\":" + vector[1] + ",\"brightness\":" + vector[2]
                + ",\"acousticness\":" + vector[3] + ",\"complexity\":" + vector[4] + ",\"nostalgia\":" + vector[5] + "},\"tags\":[]},"
                + "\"recommended\":{\"style\":[\"style_80s_citypop\"],\"instrument\":[\"inst_piano_upright\"],\"mood\":[\"mood_rain_ambience\"],"
                + "\"gimmick\":[\"gimmick_beat_mute\"]},\"meta\":{\"modelSource\":\"" + sourceOf(mode) + "\",\"modelVersion\":\"x\","
                + "\"jsonValid\":true,\"parseError\":null,\"fallbackReason\":null,\"traceId\":\"0af7651916cd43dd8448eb211c80319c\"}}";
        server.stubFor(post(urlEqualTo("/interpret")).withRequestBody(containing(text)).withRequestBody(containing("\"mode\":\"" + mode + "\""))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** The interpreter in local mode answers this vector when asked for this model version. */
    static void localVersionAnswers(WireMockServer server, int version, int... vector) {
        String body = "{\"hiddenParams\":{\"vector\":{\"energy\":" + vector[0] + ",\"warmth\":" + vector[1] + ",\"brightness\":" + vector[2]
                + ",\"acousticness\":" + vector[3] + ",\"complexity\":" + vector[4] + ",\"nostalgia\":" + vector[5] + "},\"tags\":[]},"
                + "\"recommended\":{\"style\":[\"style_80s_citypop\"],\"instrument\":[\"inst_piano_upright\"],\"mood\":[\"mood_rain_ambience\"],"
                + "\"gimmick\":[\"gimmick_beat_mute\"]},\"meta\":{\"modelSource\":\"local_model\",\"modelVersion\":\"v" + version + "\","
                + "\"jsonValid\":true,\"traceId\":\"0af7651916cd43dd8448eb211c80319c\"}}";
        server.stubFor(post(urlEqualTo("/interpret")).withRequestBody(containing("\"modelVersion\":" + version))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** The dataset service takes every reservation of an eval set's texts. */
    static void datasetReserves(WireMockServer server) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                "/datasets/reserved-texts/.*")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"evalSetId\":\"es-x\",\"keys\":1,\"added\":1}")));
    }

    /** The interpreter cannot answer requests containing the text (a 500): for eval, the interpreter is down. */
    static void interpretFails(WireMockServer server, String text) {
        server.stubFor(post(urlEqualTo("/interpret")).withRequestBody(containing(text)).willReturn(aResponse().withStatus(500)));
    }

    /** The interpreter refuses requests containing the text (a 422 problem naming the field): an answer about the item. */
    static void interpretRefuses(WireMockServer server, String text) {
        server.stubFor(post(urlEqualTo("/interpret")).withRequestBody(containing(text)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"title\":\"Unprocessable Entity\",\"detail\":\"requestText is not a request\"}")));
    }

    /** The scoring service answers every POST /score with this total. */
    static void scoringTotal(WireMockServer server, int total) {
        server.stubFor(post(urlEqualTo("/score")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"total\":" + total + ",\"rank\":\"A\"}")));
    }

    private static String sourceOf(String mode) {
        return switch (mode) {
            case "local" -> "local_model";
            case "llm" -> "fine_tuned";
            default -> "rule_baseline";
        };
    }
}
