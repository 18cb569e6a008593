package kotone.gateway.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Stands in for the services: interpreter, scoring and eval are one WireMock server on a free port; the
 * dataset service points at a port where nothing listens, as a service that is down.
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String url = server.baseUrl();
        return Map.of(
                "kotone.gateway.upstreams.interpreter.url", url,
                "kotone.gateway.upstreams.scoring.url", url,
                "kotone.gateway.upstreams.eval.url", url,
                "kotone.gateway.upstreams.dataset.url", "http://127.0.0.1:" + closedPort());
    }

    /** Forgets earlier stubs and requests, then answers every request with an empty JSON object. */
    public static void answerEveryRequest(WireMockServer upstream) {
        upstream.resetAll();
        upstream.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.okJson("{}")));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
