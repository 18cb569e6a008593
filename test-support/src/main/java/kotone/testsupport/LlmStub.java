package kotone.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * An OpenAI-compatible provider played by WireMock, configured as the provider "stub" with the models
 * "stub-base", "stub-ft" and "stub-teacher". Tests get the server through a field annotated {@link Server}.
 */
public class LlmStub implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40));
        server.start();
        return Map.of(
                "kotone.llm.providers.stub.base-url", server.baseUrl() + "/v1",
                "kotone.llm.providers.stub.api-key", "test-llm-key",
                "kotone.llm.providers.stub.prompt-baseline-model", "stub-base",
                "kotone.llm.providers.stub.fine-tuned-model", "stub-ft",
                "kotone.llm.providers.stub.teacher-model", "stub-teacher");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A chat-completions body whose message content is the given text. */
    public static String completion(String content) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + quote(content) + "},\"finish_reason\":\"stop\"}]}";
    }

    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
