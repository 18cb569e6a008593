package kotone.interpreter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.dataset.GroupedSplitter;
import kotone.core.dataset.PairRows;
import kotone.core.dataset.TeacherPair;
import kotone.core.model.ModelCodec;
import kotone.core.model.train.Method;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.RowSource;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingProgress;
import kotone.core.model.train.TrainingRow;
import kotone.core.teacher.CatalogTeacher;
import kotone.core.text.Sha256;

/** The dataset service's model registry played by WireMock: no model is promoted until a test publishes one. */
public class DatasetStub implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        noModel(server);
        return Map.of("quarkus.rest-client.dataset.url", server.baseUrl(), "kotone.interpreter.model-poll-ms", "1000");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        server.stop();
    }

    static void noModel(WireMockServer server) {
        server.resetAll();
        server.stubFor(get(urlEqualTo("/models/promoted")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"title\":\"Not Found\"}")));
    }

    /** Promotes a model: the registry now names this version and serves its weights. */
    static void publish(WireMockServer server, int version, byte[] weights) throws Exception {
        String sha = Sha256.hex(weights);
        server.stubFor(get(urlEqualTo("/models/promoted")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"version\":" + version + ",\"method\":\"ngram\",\"weightsSha256\":\"" + sha + "\"}")));
        server.stubFor(get(urlEqualTo("/models/" + version + "/weights")).willReturn(aResponse()
                .withHeader("Content-Type", "application/octet-stream").withBody(weights)));
    }

    /** Registers a version without promoting it: the registry knows it and serves its weights. */
    static void register(WireMockServer server, int version, byte[] weights) throws Exception {
        String sha = Sha256.hex(weights);
        server.stubFor(get(urlEqualTo("/models/" + version)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"version\":" + version + ",\"method\":\"ngram\",\"weightsSha256\":\"" + sha + "\"}")));
        server.stubFor(get(urlEqualTo("/models/" + version + "/weights")).willReturn(aResponse()
                .withHeader("Content-Type", "application/octet-stream").withBody(weights)));
    }

    /** A small stacked model (the rules' reading, n-grams and parts) trained on English catalog-teacher pairs. */
    static byte[] trainedModel(long seed) {
        CatalogTeacher teacher = new CatalogTeacher(Catalog.standard(), new CatalogTeacher.Settings(4.0, 0.0));
        List<TeacherPair> pairs = teacher.generate(150, seed, Instant.EPOCH);
        List<TrainingRow> rows = PairRows.splitByPair(pairs, new GroupedSplitter(0.7, 0.15), seed);
        List<String> partIds = Catalog.standard().parts().stream().map(Part::id).toList();
        return new ModelCodec().encode(new ModelTrainer(TrainerSettings.defaults(), new RuleInterpreter())
                .train(RowSource.of(rows), partIds, EnumSet.of(Method.STACKED), null, TrainingProgress.none()).model());
    }
}
