package raypool.xapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.files.AtomicFiles;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.sim.SimConfig;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;

/**
 * What the XAPI client costs per call on top of the HTTP round trip. Both sides send the same
 * JSON-RPC request to the same simulated pool on 127.0.0.1, so server work and network are common;
 * "raw" posts prebuilt bytes and keeps the reply bytes unread, "client" goes through
 * {@link XapiClient} (request building, reply parsing, error mapping) and, for records, {@link PoolApi}
 * (typed records). The difference of the medians is the client's overhead. Cases are interleaved in
 * rounds so that drift on a shared machine hits them alike.
 */
@Command(name = "xapi-bench", mixinStandardHelpOptions = true,
        description = "Client overhead per XAPI call against a plain HTTP round trip, on the simulated pool.")
public final class CallOverhead implements Callable<Integer> {

    @Option(names = "--calls", description = "Measured calls per case (default: ${DEFAULT-VALUE}).")
    int calls = 4000;

    @Option(names = "--warmup", description = "Unmeasured calls per case first (default: ${DEFAULT-VALUE}).")
    int warmup = 2000;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON (via a temporary file).")
    Optional<Path> json = Optional.empty();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Latency percentiles of one case, in microseconds. */
    record Stats(String name, int calls, double p50, double p90, double p99, double mean) {
        static Stats of(String name, long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(name, sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                    Arrays.stream(sorted).average().orElse(Double.NaN) / 1000);
        }

        private static double at(long[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CallOverhead());
        cli.setParameterExceptionHandler((e, badArgs) -> {
            cli.getErr().println("xapi-bench: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (calls < 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "option --calls: at least 100, got " + calls);
        }
        if (warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "option --warmup: must not be negative");
        }
        SimConfig config = SimConfig.defaultStand("root", "bench");
        try (SimServer server = SimServer.start(SimPool.create(config), 0);
             XapiClient client = XapiClient.login(XapiSettings.of(server.url(), "root", "bench"))) {
            HttpClient http = client.http();
            URI endpoint = server.url().resolve("/jsonrpc");
            byte[] poolGetAll = request("pool.get_all", client);
            byte[] vmRecords = request("VM.get_all_records", client);
            PoolApi api = new PoolApi(client);
            List<Case> cases = List.of(
                    new Case("raw pool.get_all", () -> post(http, endpoint, poolGetAll)),
                    new Case("client pool.get_all", () -> client.call("pool.get_all").size()),
                    new Case("raw VM.get_all_records", () -> post(http, endpoint, vmRecords)),
                    new Case("client VM.get_all_records -> VmRecord", () -> api.vms().size()));
            for (int i = 0; i < warmup; i++) {
                for (Case c : cases) {
                    c.body().run();
                }
            }
            long[][] nanos = new long[cases.size()][calls];
            for (int i = 0; i < calls; i++) {
                for (int c = 0; c < cases.size(); c++) {
                    long t0 = System.nanoTime();
                    cases.get(c).body().run();
                    nanos[c][i] = System.nanoTime() - t0;
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-40s %8s %8s %8s %8s  (microseconds)%n", "case", "p50", "p90", "p99", "mean");
            List<Stats> stats = new java.util.ArrayList<>();
            for (int c = 0; c < cases.size(); c++) {
                Stats s = Stats.of(cases.get(c).name(), nanos[c]);
                stats.add(s);
                out.printf("%-40s %8.1f %8.1f %8.1f %8.1f%n", s.name(), s.p50(), s.p90(), s.p99(), s.mean());
            }
            double smallOverhead = stats.get(1).p50() - stats.get(0).p50();
            double recordsOverhead = stats.get(3).p50() - stats.get(2).p50();
            out.printf("client overhead (median): %.1f us per small call, %.1f us per VM.get_all_records of %d VMs%n",
                    smallOverhead, recordsOverhead, api.vms().size());
            result.put("benchmark", "xapi client overhead per call");
            result.put("cases", stats);
            result.put("overhead_us_p50", Map.of("pool.get_all", smallOverhead, "VM.get_all_records", recordsOverhead));
            result.put("calls", calls);
            result.put("warmup", warmup);
            result.put("host", Map.of("logical_cpus", Runtime.getRuntime().availableProcessors(),
                    "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
            result.put("timestamp", Instant.now().toString());
            out.flush();
            if (json.isPresent()) {
                write(json.get(), result);
            }
        }
        return 0;
    }

    private record Case(String name, Runnable body) {
    }

    private static byte[] request(String method, XapiClient client) {
        return ("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[\"" + client.session().value()
                + "\"],\"id\":1}").getBytes(StandardCharsets.UTF_8);
    }

    private static void post(HttpClient http, URI endpoint, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length == 0) {
                throw new IllegalStateException("raw call: HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("raw call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void write(Path file, Object result) throws IOException {
        AtomicFiles.write(file, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, result));
    }
}
