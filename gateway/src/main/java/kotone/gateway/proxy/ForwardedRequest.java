package kotone.gateway.proxy;

/** What the gateway sends on: the method, the full upstream URL with its query, the body and its headers. */
public record ForwardedRequest(String method, String url, String accept, String acceptLanguage, String contentType,
        byte[] body) {
}
