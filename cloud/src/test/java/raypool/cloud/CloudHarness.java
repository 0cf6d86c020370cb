package raypool.cloud;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import raypool.cloud.audit.AuditLog;
import raypool.cloud.audit.AuditRecord;
import raypool.cloud.cli.CloudMain;
import raypool.cloud.view.PoolReader;
import raypool.cloud.view.PoolView;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.sim.Scenario;
import raypool.xapi.sim.SimServer;

/**
 * A simulated pool in a scenario, served over HTTP on 127.0.0.1, and the cloud command run against it
 * as a user would run it: {@code --url http://127.0.0.1:PORT --user root --password-file F}.
 */
public final class CloudHarness implements AutoCloseable {
    public static final String USER = "root";
    public static final String PASSWORD = "s3cret";

    public final SimServer server;
    public final Path dir;
    public final Path passwordFile;
    public final Path auditLog;
    private final XapiClient client;

    /** What one command line did. */
    public record Run(int status, String out, String err) {
    }

    public CloudHarness(Scenario scenario, Path dir) {
        this.dir = dir;
        try {
            this.server = SimServer.start(scenario.build(USER, PASSWORD, 1), 0);
            this.passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.auditLog = dir.resolve("audit.jsonl");
        this.client = XapiClient.login(XapiSettings.of(server.url(), USER, PASSWORD).withTaskPoll(Duration.ofMillis(10)));
    }

    /** {@code cloud --url ... --audit-log ... ARGS}. */
    public Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.url().toString(), "--user", USER, "--password-file",
                passwordFile.toString(), "--audit-log", auditLog.toString()));
        all.addAll(List.of(args));
        return raw(all.toArray(String[]::new));
    }

    /** {@code cloud ARGS}, with no options added. */
    public static Run raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CloudMain.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    public PoolView view() {
        return PoolReader.read(client);
    }

    public XapiClient client() {
        return client;
    }

    public List<AuditRecord> audit() {
        return Files.exists(auditLog) ? AuditLog.read(auditLog) : List.of();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
