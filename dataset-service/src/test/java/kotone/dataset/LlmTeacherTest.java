package kotone.dataset;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kotone.testsupport.LlmStub;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(LlmStub.class)
class LlmTeacherTest {

    @LlmStub.Server
    WireMockServer llm;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clear() throws Exception {
        DatasetTables.clear(dataSource);
        llm.resetAll();
    }

    @Test
    void labelsTheTextItIsGivenAndKeepsTheModelAsProvenance() throws Exception {
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("quiet"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(LlmStub.completion(
                        "```json\n{\"vector\":{\"energy\":15,\"warmth\":70,\"brightness\":40,\"acousticness\":80,\"complexity\":20,\"nostalgia\":60},\"tags\":[\"calm\"]}\n```"))));
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("broken"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(LlmStub.completion("I cannot help with that."))));

        given().contentType("application/json")
                .body("{\"generator\":\"llm\",\"texts\":[\"A quiet piano piece for the library\",\"broken request\"],\"inputFormat\":\"request_text\"}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(201)
                .body("imported", is(1)).body("rejected", is(1))
                .body("errors[0].errors[0]", containsString("rejected"));

        llm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer test-llm-key"))
                .withRequestBody(containing("\"model\":\"stub-teacher\"")));
        try (var connection = dataSource.getConnection(); var rows = connection.createStatement().executeQuery(
                "select source, teacher_model, energy, request_text from dataset.teacher_pair")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("llm_teacher");
            assertThat(rows.getString(2)).isEqualTo("stub-teacher");
            assertThat(rows.getInt(3)).isEqualTo(15);
            assertThat(rows.getString(4)).isEqualTo("A quiet piano piece for the library");
        }
    }

    @Test
    void aProviderThatFailsEveryTextIsA422() {
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
        given().contentType("application/json").body("{\"generator\":\"llm\",\"texts\":[\"anything at all\"]}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("texts[0]"));
    }
}
