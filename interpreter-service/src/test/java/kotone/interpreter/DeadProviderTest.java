package kotone.interpreter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A provider that refuses connections: the first calls fall back at once, then its circuit opens and it costs nothing. */
@QuarkusTest
@TestProfile(DeadProviderTest.Profile.class)
@QuarkusTestResource(value = DatasetStub.class, restrictToAnnotatedClass = true)
class DeadProviderTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kotone.llm.providers.dead.base-url", "http://127.0.0.1:9/v1",
                    "kotone.llm.providers.dead.fine-tuned-model", "dead-ft",
                    "kotone.interpreter.llm.breaker-failures", "3",
                    "kotone.interpreter.llm.breaker-open-ms", "60000");
        }
    }

    @Test
    void connectionRefusedFallsBackAndThenTheCircuitOpens() {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonPath body = given().contentType("application/json").body("{\"requestText\":\"quiet piano music\"}").post("/interpret")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(body.getString("meta.modelSource")).isEqualTo("rule_baseline");
            reasons.add(body.getString("meta.fallbackReason"));
        }
        assertThat(reasons.subList(0, 3)).allMatch(reason -> reason.startsWith("llm_unreachable"));
        assertThat(reasons.subList(3, 6)).allMatch(reason -> reason.startsWith("llm_circuit_open"));
    }
}
