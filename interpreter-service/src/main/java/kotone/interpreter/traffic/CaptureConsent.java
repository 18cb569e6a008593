package kotone.interpreter.traffic;

/** A request that carries {@code Kotone-Capture: off} is served as any other and never recorded. */
public final class CaptureConsent {

    public static final String HEADER = "Kotone-Capture";
    static final String OFF = "off";

    private CaptureConsent() {
    }

    public static boolean allows(String header) {
        return header == null || !OFF.equalsIgnoreCase(header.strip());
    }
}
