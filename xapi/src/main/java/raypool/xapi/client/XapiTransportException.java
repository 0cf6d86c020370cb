package raypool.xapi.client;

import java.net.URI;

/**
 * The call did not produce an XAPI answer: connection refused, TLS rejected, a timeout, an HTTP status
 * other than 200 (XAPI answers a malformed request with HTTP 500), or a body that is not JSON-RPC.
 * Kept apart from {@link XapiError} because the remedy differs: retry or reconnect, not a decision
 * about the pool.
 */
@SuppressWarnings("serial") // never serialised: errors are handled in-process
public final class XapiTransportException extends RuntimeException {
    private final URI endpoint;
    private final int httpStatus;

    public XapiTransportException(URI endpoint, String what, int httpStatus, Throwable cause) {
        super(endpoint + ": " + what, cause);
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The HTTP status when one was received, else 0. */
    public int httpStatus() {
        return httpStatus;
    }
}
