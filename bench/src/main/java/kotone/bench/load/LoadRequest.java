package kotone.bench.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** One request of the mix, ready to send to the gateway: the body is null for a GET. */
record LoadRequest(HttpMethod method, String path, String apiKey, Buffer body) {

    static LoadRequest get(String path, String apiKey) {
        return new LoadRequest(HttpMethod.GET, path, apiKey, null);
    }

    static LoadRequest post(String path, String apiKey, String json) {
        return new LoadRequest(HttpMethod.POST, path, apiKey, Buffer.buffer(json));
    }
}
