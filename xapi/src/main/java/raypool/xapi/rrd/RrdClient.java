package raypool.xapi.rrd;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import raypool.xapi.client.Ref;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiTransportException;

/**
 * {@code GET /rrd_updates} on one host. A VM's RRD lives on the host it runs on, so a pool-wide
 * reading asks every host's address with {@code host=true} (host sources plus its resident VMs).
 * The session is passed as the {@code session_id} query parameter, as xapi's HTTP handlers expect.
 */
public final class RrdClient {
    private final HttpClient http;
    private final Duration timeout;

    public RrdClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Shares the client's HTTP connection and TLS policy (a pinned certificate stays pinned). */
    public static RrdClient sharing(XapiClient client) {
        return new RrdClient(client.http(), client.settings().callTimeout());
    }

    /** {@link #fetch(URI, Ref, long, int, RrdFormat)} on the client's master with its session. */
    public RrdUpdates fetch(XapiClient client, long startEpochSeconds, int intervalSeconds, RrdFormat format) {
        return fetch(client.endpoint(), client.session(), startEpochSeconds, intervalSeconds, format);
    }

    /**
     * Samples since {@code startEpochSeconds} at {@code intervalSeconds} (5 = the finest archive).
     * JSON is asked for both ways xapi has understood: {@code json=true} and the Accept header.
     */
    public RrdUpdates fetch(URI hostBase, Ref session, long startEpochSeconds, int intervalSeconds, RrdFormat format) {
        String query = "session_id=" + URLEncoder.encode(session.value(), StandardCharsets.UTF_8)
                + "&start=" + startEpochSeconds + "&cf=AVERAGE&interval=" + intervalSeconds + "&host=true"
                + (format == RrdFormat.JSON ? "&json=true" : "");
        URI uri = hostBase.resolve("/rrd_updates?" + query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", format == RrdFormat.JSON ? "application/json" : "text/xml")
                .GET()
                .build();
        // the session is part of the query: never put uri in a message
        URI shown = hostBase.resolve("/rrd_updates");
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new XapiTransportException(shown, "rrd_updates: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XapiTransportException(shown, "rrd_updates: interrupted", 0, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new XapiTransportException(shown, "rrd_updates: HTTP " + response.statusCode(),
                        response.statusCode(), null);
            }
            return format == RrdFormat.JSON ? RrdJsonParser.parse(body, shown.toString())
                    : RrdXmlParser.parse(body, shown.toString());
        } catch (IOException e) {
            throw new XapiTransportException(shown, "rrd_updates: reading the reply: " + e, 200, e);
        }
    }
}
