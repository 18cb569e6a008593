package kotone.gateway.protection;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kotone.gateway.rest.WireMockUpstreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway on the open internet: rate limits, sizes, slow and malformed requests, CORS, headers, key rotation. */
@QuarkusTest
@TestProfile(ProtectionProfile.class)
@QuarkusTestResource(WireMockUpstreams.class)
@QuarkusTestResource(kotone.testsupport.TestDatabase.class)
class GatewayProtectionTest {

    private static final String FLOODER = "test-client-key";
    private static final String OTHER_CLIENT = "second-client-key";
    private static final String ANALYST = "test-analyst-key";
    private static final String ADMIN = "test-admin-key";

    WireMockServer upstream;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void stubEverything() {
        WireMockUpstreams.answerEveryRequest(upstream);
    }

    @Test
    void aFloodingKeyGets429WithRetryAfterWhileOtherKeysAreServed() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(given().header("X-API-Key", FLOODER).when().get("/api/v1/catalog/parts").then().extract().statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 10)).containsOnly(429);
        given().header("X-API-Key", FLOODER).when().get("/api/v1/catalog/parts").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("rate limit"));

        given().header("X-API-Key", OTHER_CLIENT).when().get("/api/v1/catalog/parts").then().statusCode(200)
                .header("RateLimit-Policy", matchesPattern("\"key\";q=5;w=[0-9]+"))
                .header("RateLimit", matchesPattern("\"key\";r=4;t=[0-9]+"));
        given().header("X-API-Key", ANALYST).when().get("/api/v1/eval/runs").then().statusCode(200);
    }

    @Test
    void aCallWithoutAValidKeyIsLimitedByItsAddressAndStillSaysTheLimit() {
        given().when().get("/api/v1/catalog/parts").then().statusCode(401)
                .header("RateLimit-Policy", matchesPattern("\"address\";q=[0-9]+;w=[0-9]+"));
    }

    @Test
    void oversizedBodiesAre413AndOversizedHeaders431() {
        given().header("X-API-Key", ANALYST).contentType(ContentType.JSON).body("{\"requestText\": \"" + "a".repeat(4_000) + "\"}")
                .when().post("/api/v1/eval/runs").then().statusCode(413);
        given().header("X-API-Key", ANALYST).header("X-Padding", "x".repeat(20_000)).when().get("/api/v1/eval/runs").then().statusCode(431);
        upstream.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl()));
    }

    @Test
    void aBodySentTooSlowlyIsDroppedAfterTheReadTimeout() throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/eval/runs HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"datasetId\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the rest never comes: the gateway closes the connection once the read timeout passes, with or without an answer
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read;
            StringBuilder answer = new StringBuilder();
            while ((read = in.read(buffer)) != -1) {
                answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 408");
        }
        upstream.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl()));
    }

    @Test
    void aHeaderValueWithALineBreakIsRefused() throws IOException {
        String answer = raw("GET /api/v1/catalog/parts HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + FLOODER + "\rX-Injected: yes\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        upstream.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl()));
    }

    @Test
    void invalidUtf8InAPathOrAKeyIsAClientError() throws IOException {
        given().header("X-API-Key", ANALYST).urlEncodingEnabled(false).when().get("/api/v1/eval/runs/%FF%FE").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
        String answer = raw("GET /api/v1/catalog/parts HTTP/1.1\r\nHost: localhost\r\nX-API-Key: \u00ff\u00fe\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 401");
    }

    @Test
    void staticPathsCannotClimbOutOfTheDashboard() throws IOException {
        for (String path : List.of("/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/js/..%2f..%2f..%2fapplication.properties",
                "/js/%252e%252e/%252e%252e/application.properties", "/..;/..;/etc/passwd", "/js/....//....//etc/passwd")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 2").doesNotContain("root:").doesNotContain("quarkus.");
        }
    }

    @Test
    void crossOriginCallsOnlyFromListedOrigins() {
        given().header("Origin", "https://game.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/interpret").then().header("Access-Control-Allow-Origin", is("https://game.example.com"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/interpret").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("X-API-Key", FLOODER).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/interpret").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (var response : List.of(given().when().get("/"), given().when().get("/api/v1/catalog/parts"),
                given().header("X-API-Key", ANALYST).when().get("/api/v1/eval/runs"))) {
            response.then().header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("X-Content-Type-Options", is("nosniff")).header("Referrer-Policy", is("no-referrer"));
        }
    }

    @Test
    void theDashboardAndItsChartLibraryAreServedFromTheGateway() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html")).body(containsString("kotone"));
        given().when().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200);
    }

    @Test
    void aKeyRemovedFromTheKeysFileStopsWorkingWithoutARestart() throws IOException {
        given().header("X-API-Key", "rotated-client-key").when().get("/api/v1/interpret/modes").then().statusCode(200);
        Files.writeString(ProtectionProfile.KEYS_FILE, "client=newer-client-key\n");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().header("X-API-Key", "rotated-client-key").when().get("/api/v1/interpret/modes").then().statusCode(401);
            given().header("X-API-Key", "newer-client-key").when().get("/api/v1/interpret/modes").then().statusCode(not(401));
        });
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[512];
            int read = socket.getInputStream().read(buffer);
            return read <= 0 ? "" : new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
        }
    }
}
