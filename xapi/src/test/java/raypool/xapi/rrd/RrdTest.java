package raypool.xapi.rrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import raypool.xapi.client.HostRecord;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.Ref;
import raypool.xapi.client.TlsPolicy;
import raypool.xapi.client.VmRecord;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiTransportException;
import raypool.xapi.client.JsonRpcTransport;
import raypool.xapi.sim.SimFixture;

class RrdTest {
    private static SimFixture sim;
    private static XapiClient client;
    private static RrdClient rrd;

    @BeforeAll
    static void start() {
        sim = SimFixture.start(1);
        client = sim.login();
        rrd = new RrdClient(JsonRpcTransport.httpClient(new TlsPolicy.SystemTrust(), Duration.ofSeconds(5)),
                Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    private static long aMinuteAgo() {
        return sim.pool().clock().nowMillis() / 1000 - 60;
    }

    @Test
    void hostAndVmSourcesFromXmlAndJsonAgree() {
        RrdUpdates xml = rrd.fetch(client.endpoint(), client.session(), aMinuteAgo(), 5, RrdFormat.XML);
        RrdUpdates json = rrd.fetch(client.endpoint(), client.session(), aMinuteAgo(), 5, RrdFormat.JSON);
        assertEquals(5, xml.step());
        assertTrue(xml.rows() >= 10, "a minute of 5-second rows");
        assertEquals(xml.columns(), json.columns());
        // both replies share most timestamps; the workload is a function of time, so values agree there
        int compared = 0;
        for (int r = 0; r < xml.rows(); r++) {
            for (int s = 0; s < json.rows(); s++) {
                if (xml.times()[r] == json.times()[s]) {
                    for (int c = 0; c < xml.columns().size(); c += 97) {
                        assertEquals(xml.values()[r][c], json.values()[s][c], 1e-9, xml.columns().get(c).legend());
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 0);
    }

    @Test
    void loadsSummariseTheStand() {
        RrdUpdates updates = rrd.fetch(client.endpoint(), client.session(), aMinuteAgo(), 5, RrdFormat.JSON);
        PoolApi api = new PoolApi(client);
        for (HostRecord h : api.hosts().values()) {
            HostLoad load = HostLoad.of(updates, h.uuid());
            assertEquals(80, load.cpus());
            assertTrue(load.cpuUtilisation() > 0 && load.cpuUtilisation() <= 1, "cpu " + load.cpuUtilisation());
            assertEquals(150L * 1024 * 1024, load.memoryTotalKib(), 1e-6);
            assertEquals(api.hostMetrics().get(h.metrics()).memoryFree() / 1024.0, load.memoryFreeKib(), 1e-6);
            assertTrue(load.networkRxBytesPerSecond() >= 0);
        }
        Map<Ref, VmRecord> vms = api.vms();
        VmRecord busy = vms.values().stream().filter(VmRecord::isMovableGuest).findFirst().orElseThrow();
        VmLoad vm = VmLoad.of(updates, busy.uuid());
        assertEquals(busy.vcpusMax(), vm.vcpus());
        assertEquals(busy.memoryStaticMax(), vm.memoryBytes(), 1e-6);
        assertTrue(vm.networkBytesPerSecond() > 0 && vm.diskBytesPerSecond() > 0);
        VmRecord halted = vms.values().stream().filter(v -> v.powerState().equals("Halted")).findFirst().orElseThrow();
        assertEquals(0, VmLoad.of(updates, halted.uuid()).vcpus(), "a halted VM has no samples");
    }

    @Test
    void aNegativeStartCountsBackFromNow() {
        RrdUpdates updates = rrd.fetch(client, -30, 5, RrdFormat.XML);
        assertTrue(updates.rows() >= 5 && updates.rows() <= 7, "30 s of 5 s rows: " + updates.rows());
        assertTrue(updates.times()[0] > updates.times()[updates.rows() - 1], "newest row first");
    }

    @Test
    void anInvalidSessionIsRefused() {
        XapiTransportException e = assertThrows(XapiTransportException.class, () -> rrd.fetch(client.endpoint(),
                new Ref("OpaqueRef:nope"), aMinuteAgo(), 5, RrdFormat.XML));
        assertEquals(403, e.httpStatus());
        assertTrue(!e.getMessage().contains("nope"), "the session stays out of messages");
    }

    @Test
    void xportWithNaNAndNewestFirst() {
        String xml = "<xport><meta><start>100</start><step>5</step><end>110</end><rows>3</rows><columns>2</columns>"
                + "<legend><entry>AVERAGE:host:h1:cpu0</entry><entry>AVERAGE:vm:v1:memory</entry></legend></meta>"
                + "<data><row><t>110</t><v>NaN</v><v>1.0E9</v></row><row><t>105</t><v>0.5</v><v>2.0E9</v></row>"
                + "<row><t>100</t><v>0.25</v><v>NaN</v></row></data></xport>";
        RrdUpdates u = RrdXmlParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test");
        assertEquals(3, u.rows());
        assertEquals(0.5, u.latest("h1", "cpu0").orElseThrow(), "NaN at 110 is skipped");
        assertEquals(1.0e9, u.latest("v1", "memory").orElseThrow());
        assertTrue(u.latest("v1", "cpu0").isEmpty());
        assertEquals(new DataSource("AVERAGE", "vm", "v1", "memory"), u.columns().get(1));
    }

    @Test
    void javascriptStyleJsonWithUnquotedKeysAndBareNaN() {
        String js = "{meta: {start: 100, step: 5, end: 105, rows: 2, columns: 1, legend: ['AVERAGE:host:h1:memory_free_kib']},"
                + " data: [{t: 105, values: [NaN]}, {t: 100, values: [\"2048\"]}]}";
        RrdUpdates u = RrdJsonParser.parse(new ByteArrayInputStream(js.getBytes(StandardCharsets.UTF_8)), "test");
        assertEquals(2048.0, u.latest("h1", "memory_free_kib").orElseThrow());
    }

    @Test
    void malformedInputNamesItsSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RrdXmlParser.parse(
                new ByteArrayInputStream("<xport><data><row><t>x</t></row></data></xport>".getBytes()), "host-9"));
        assertTrue(e.getMessage().startsWith("host-9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSource.parse("cpu0"));
    }
}
