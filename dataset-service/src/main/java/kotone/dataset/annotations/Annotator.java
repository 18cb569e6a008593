package kotone.dataset.annotations;

import kotone.common.http.Caller;

/** Who labels: the key id the gateway names ({@code role:keyId}), or {@code direct} for a call that did not come through it. */
final class Annotator {

    static final String DIRECT = "direct";

    private Annotator() {
    }

    static String of(String callerHeader) {
        String caller = Caller.of(callerHeader);
        if (caller.equals(Caller.DIRECT)) {
            return DIRECT;
        }
        int colon = caller.indexOf(':');
        return colon >= 0 ? caller.substring(colon + 1) : caller;
    }
}
