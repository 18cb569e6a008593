package kotone.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bad-input corpus ({@code bad-input.jsonl}): every case through the gateway of a real stack. An answer is a 2xx or
 * a 4xx problem+json (naming the field where the case names one), never a 5xx; and a request that is turned away leaves
 * every table as it was. The corpus covers every operation the gateway's OpenAPI document lists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(\\d+):(.*?)}}");
    /** Tables whose rows change without a request's doing: the gateway's audit of requests, and Flyway's own. */
    private static final List<String> UNWATCHED = List.of("gateway.audit_entry", "flyway_schema_history");

    static TestStack stack;
    static Map<String, String> keys;
    static Map<String, String> ids = new HashMap<>();
    static String databaseUrl;

    /**
     * One case of the corpus; expect is a status, "4xx", or "ok" (any answer below 500). problem is false only where
     * the HTTP server refuses the request before any of kotone's code sees it (a header past the limit), so that no
     * problem body can be written.
     */
    record Case(String name, String role, String method, String path, String contentType, String body, String bodyBase64,
            Map<String, String> headers, String expect, String field, Boolean problem) {

        boolean changesState() {
            return !method.equals("GET");
        }
    }

    @BeforeAll
    static void up() throws Exception {
        stack = TestStack.create(Map.of("KOTONE_RATE_LIMITS_ENABLED", "false"));
        stack.stack.up();
        keys = kotone.cli.stack.AccessKeys.readEnvFile(stack.settings.envFile());
        databaseUrl = stack.settings.externalDatabaseUrl()
                .orElse("jdbc:postgresql://127.0.0.1:" + stack.settings.postgresPort() + "/" + kotone.cli.stack.StackSettings.DATABASE);
        seed();
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stack.down();
        }
    }

    /** What the cases refer to: an eval set, a completed run of it, and a dataset version. */
    private static void seed() throws Exception {
        byte[] frozen = Files.readAllBytes(Path.of(System.getProperty("kotone.shared.dir"), "data", "frozen_eval_set.v1.json"));
        ids.put("set", as("admin").contentType(ContentType.JSON).body(frozen).post("/api/v1/eval/datasets").then().statusCode(201)
                .extract().path("id"));
        String run = as("admin").contentType(ContentType.JSON).body(Map.of("datasetId", ids.get("set"), "mode", "rule_baseline"))
                .post("/api/v1/eval/runs").then().statusCode(202).extract().path("id");
        ids.put("run", run);
        byte[] pairs = Files.readAllBytes(Path.of(System.getProperty("kotone.shared.dir"), "data", "teacher_pairs.v1.jsonl"));
        as("admin").contentType("application/x-ndjson").body(pairs).post("/api/v1/datasets/teacher-pairs").then().statusCode(201);
        ids.put("version", as("admin").contentType(ContentType.JSON).body("{\"seed\": 1}").post("/api/v1/datasets").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(
                as("analyst").get("/api/v1/eval/runs/" + run).then().statusCode(200).extract().path("status")));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyCaseIsAnsweredCleanlyAndARejectedOneChangesNothing() throws Exception {
        return corpus().stream().map(item -> DynamicTest.dynamicTest(item.name(), () -> check(item)));
    }

    @Test
    @Order(2)
    void theCorpusIsLargeAndCoversEveryOperationTheGatewayServes() throws Exception {
        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(80);
        JsonNode paths = JSON.readTree(given().baseUri(stack.gatewayUrl()).get("/openapi").then().statusCode(200).extract().asString())
                .get("paths");
        List<String> uncovered = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            Pattern template = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/?]+") + "(\\?.*)?");
            boolean covered = corpus.stream().anyMatch(item -> item.method().equalsIgnoreCase(method)
                    && template.matcher(substitute(item.path())).matches());
            if (!covered) {
                uncovered.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(uncovered).as("operations without a bad-input case").isEmpty();
    }

    /** After the corpus: no service wrote a key or a request's text into its log at INFO (the stacks' level). */
    @Test
    @Order(3)
    void noLogHoldsAKeyOrARequestText() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (String role : List.of("CLIENT", "ANALYST", "ADMIN")) {
            secrets.add(keys.get("KOTONE_" + role + "_KEY"));
        }
        List<String> texts = new ArrayList<>();
        for (Case item : corpus()) {
            if (item.body() != null && item.body().startsWith("{") && readable(expand(substitute(item.body())))) {
                JsonNode body = JSON.readTree(expand(substitute(item.body())));
                for (String field : List.of("requestText", "request_text", "reason", "note")) {
                    if (body.path(field).isTextual() && body.path(field).asText().strip().length() >= 12) {
                        texts.add(body.path(field).asText().strip());
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(5);
        for (kotone.cli.stack.ServiceSpec service : kotone.cli.stack.ServiceSpec.ALL) {
            String log = Files.readString(stack.settings.logFile(service), StandardCharsets.UTF_8);
            assertThat(log).as("the log of " + service.name()).isNotEmpty();
            for (String secret : secrets) {
                assertThat(log).as("the log of " + service.name() + " holds a key").doesNotContain(secret);
            }
            for (String text : texts) {
                assertThat(log).as("the log of " + service.name() + " holds a request's text").doesNotContain(text);
            }
        }
    }

    private static boolean readable(String json) {
        try {
            JSON.readTree(json);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The analysts' SQL role reads the eval schema and the audit log, and can change nothing. */
    @Test
    @Order(4)
    void theAnalystSqlRoleCannotWrite() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, stack.settings.databaseUser(), stack.settings.databasePassword());
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set role kotone_analyst");
            try (ResultSet runs = statement.executeQuery("select count(*) from eval.eval_run")) {
                runs.next();
                assertThat(runs.getLong(1)).isPositive();
            }
            connection.commit();
            for (String write : List.of("update eval.eval_run set status = status", "delete from eval.eval_sample",
                    "insert into eval.eval_guard select * from eval.eval_guard", "truncate eval.eval_run cascade",
                    "create table eval.intruder (id int)", "delete from gateway.audit_entry", "drop schema eval cascade",
                    "delete from dataset.model_version")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute(write)).as(write)
                        .isInstanceOf(SQLException.class).hasMessageMatching("(?s).*(permission denied|must be owner).*");
                connection.rollback();
                statement.execute("set role kotone_analyst");
            }
        }
    }

    private static void check(Case item) throws Exception {
        Map<String, String> before = item.changesState() ? fingerprint() : Map.of();
        Response response = request(item);
        int status = response.statusCode();
        String body = response.asString();
        assertThat(status).as("%s answered %s", item.name(), body).isLessThan(500);
        switch (item.expect()) {
            case "ok" -> { }
            case "4xx" -> assertThat(status).as(body).isBetween(400, 499);
            default -> assertThat(status).as(body).isEqualTo(Integer.parseInt(item.expect()));
        }
        if (status >= 400 && !Boolean.FALSE.equals(item.problem())) {
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(body);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("title").asText()).isNotBlank();
            if (item.field() != null) {
                assertThat(body).as("the problem names the field").contains(item.field());
            }
        }
        if (status >= 400 && item.changesState()) {
            assertThat(fingerprint()).as("the tables after a rejected request").isEqualTo(before);
        }
    }

    private static Response request(Case item) {
        RequestSpecification request = item.role().equals("none") ? given().baseUri(stack.gatewayUrl())
                : item.role().equals("forged") ? given().baseUri(stack.gatewayUrl()).header("X-API-Key", "forged-key-0000")
                : as(item.role());
        request = request.config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)))
                .urlEncodingEnabled(false);
        // the corpus is not players' traffic: an accepted interpretation would otherwise be stored in the background and
        // change the tables while a later, rejected case is checked (a rejected one is never recorded: it is not served)
        request = request.header("Kotone-Capture", "off");
        if (item.headers() != null) {
            for (Map.Entry<String, String> header : item.headers().entrySet()) {
                request = request.header(header.getKey(), expand(header.getValue()));
            }
        }
        if (item.body() != null || item.bodyBase64() != null) {
            byte[] body = item.bodyBase64() != null ? Base64.getDecoder().decode(item.bodyBase64())
                    : expand(substitute(item.body())).getBytes(StandardCharsets.UTF_8);
            request = request.contentType(item.contentType() == null ? "application/json" : item.contentType()).body(body);
        }
        return request.request(item.method(), substitute(item.path()));
    }

    private static RequestSpecification as(String role) {
        String key = keys.get("KOTONE_" + role.toUpperCase() + "_KEY");
        assertThat(key).as("the key of " + role).isNotNull();
        return given().baseUri(stack.gatewayUrl()).header("X-API-Key", key);
    }

    private static List<Case> corpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                BadInputIT.class.getResourceAsStream("/bad-input.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(JSON.readValue(line, Case.class));
                }
            }
        }
        return cases;
    }

    /** {set}, {run} and {version} stand for what {@link #seed()} made. */
    private static String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            result = result.replace("{" + id.getKey() + "}", id.getValue());
        }
        return result;
    }

    /** {{repeat:N:text}} stands for text N times, so that large inputs stay readable in the corpus. */
    private static String expand(String text) {
        Matcher matcher = REPEAT.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(matcher.group(2).repeat(Integer.parseInt(matcher.group(1)))));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    /** Each table's row count and a hash of its rows: equal fingerprints mean nothing was added, changed or removed. */
    private static Map<String, String> fingerprint() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, stack.settings.databaseUser(), stack.settings.databasePassword());
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_schema || '.' || table_name from information_schema.tables "
                    + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                if (UNWATCHED.stream().anyMatch(name::endsWith)) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("select count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from " + name
                        + " t")) {
                    rows.next();
                    tables.put(name, rows.getString(1));
                }
            }
        }
        return tables;
    }
}
