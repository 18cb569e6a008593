package kotone.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP endpoint that keeps what the services export (protobuf request bodies of {@code POST /v1/traces}), so a
 * test can check the spans that really left the services, not only those a test exporter saw in memory. A trace id is
 * 16 raw bytes in the protobuf, and each body names its service in its resource, so both can be found without a
 * protobuf parser.
 */
final class OtlpCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    OtlpCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                bodies.add(body.readAllBytes());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether the named service exported a span of this trace. */
    boolean exported(String service, String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        byte[] name = service.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return bodies.stream().anyMatch(body -> contains(body, name) && contains(body, id));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
