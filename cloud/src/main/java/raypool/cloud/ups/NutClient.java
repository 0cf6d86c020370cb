package raypool.cloud.ups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of a Network UPS Tools server (upsd) over its network protocol, TCP port 3493 by default:
 * {@code LIST VAR <ups>} answers {@code BEGIN LIST VAR <ups>}, one {@code VAR <ups> <name> "<value>"} per
 * variable and {@code END LIST VAR <ups>}; errors are {@code ERR <CODE>}. One connection per question,
 * closed with LOGOUT, so a watch survives upsd restarting.
 *
 * <p>Written here rather than taken from a library: the only Java client on Maven Central
 * (org.shredzone.commons:commons-nut) calls itself experimental, and this needs one request.
 */
public final class NutClient {
    /** upsd did not answer, or answered an error (the message says which). */
    public static final class NutException extends Exception {
        private static final long serialVersionUID = 1L;

        NutException(String message) {
            super(message);
        }
    }

    private final String host;
    private final int port;
    private final Duration timeout;

    public NutClient(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    public String address() {
        return host + ":" + port;
    }

    /** Every variable of {@code ups}, by name. */
    public Map<String, String> variables(String ups) throws NutException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(("LIST VAR " + ups + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Map<String, String> vars = new LinkedHashMap<>();
            String prefix = "VAR " + ups + " ";
            for (String line = in.readLine(); ; line = in.readLine()) {
                if (line == null) {
                    throw new NutException("upsd at " + address() + " closed the connection in the middle of LIST VAR " + ups);
                }
                if (line.startsWith("ERR ")) {
                    throw new NutException("upsd at " + address() + " answered " + line + " for UPS " + ups);
                }
                if (line.equals("END LIST VAR " + ups)) {
                    break;
                }
                if (line.startsWith(prefix)) {
                    String rest = line.substring(prefix.length());
                    int space = rest.indexOf(' ');
                    if (space > 0) {
                        vars.put(rest.substring(0, space), unquote(rest.substring(space + 1)));
                    }
                }
            }
            out.write("LOGOUT\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            return vars;
        } catch (IOException e) {
            throw new NutException("no answer from upsd at " + address() + " (" + e.getMessage() + ")");
        }
    }

    /** ups.status of {@code ups}. */
    public UpsStatus status(String ups) throws NutException {
        String status = variables(ups).get("ups.status");
        if (status == null) {
            throw new NutException("UPS " + ups + " at " + address() + " reports no ups.status");
        }
        return UpsStatus.parse(status);
    }

    /** A quoted value, with the protocol's escapes (\" and \\) undone. */
    static String unquote(String v) {
        if (v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"")) {
            return v;
        }
        return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
