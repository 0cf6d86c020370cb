package raypool.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import raypool.balancer.plan.Severity;
import raypool.xapi.rrd.DataSource;
import raypool.xapi.rrd.RrdUpdates;

/** The dashboard's pure parts: chart scaling, licence findings, stars, CPU history from rrd_updates. */
class DashboardPartsTest {
    @Test
    void chartsRunLeftToRightAndBottomToTop() {
        Chart c = Chart.of(List.of(0.0, 0.5, 1.0, 2.0));
        assertEquals("0.0,80.0 106.7,40.0 213.3,0.0 320.0,0.0", c.points(), "values past 100% are clipped");
        assertEquals(4, c.samples());
        assertEquals("200%", c.lastPercent());
        assertEquals("", Chart.of(List.of()).points());
    }

    @Test
    void licenceFindings() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        assertTrue(Licences.finding("20260501T00:00:00Z", now).startsWith("EXPIRED"));
        assertEquals("expires within 30 days", Licences.finding("20260615T00:00:00Z", now));
        assertEquals("valid until 2038-01-19", Licences.finding("20380119T03:14:07Z", now));
        assertEquals("does not expire", Licences.finding("never", now));
        assertTrue(Licences.finding("soon", now).contains("not a date"));
    }

    @Test
    void starsFollowSeverity() {
        assertEquals(5, Stars.of(Severity.CRITICAL));
        assertEquals(2, Stars.of(Severity.LOW));
    }

    @Test
    void historyAveragesEachHostsCpusInTimeOrderAndKeepsItsCapacity() {
        List<DataSource> cols = List.of(new DataSource("AVERAGE", "host", "h1", "cpu0"),
                new DataSource("AVERAGE", "host", "h1", "cpu1"), new DataSource("AVERAGE", "host", "h1", "memory_total_kib"),
                new DataSource("AVERAGE", "host", "h1", "memory_free_kib"), new DataSource("AVERAGE", "vm", "v1", "cpu0"));
        // newest row first, as rrd_updates' JSON sends them
        RrdUpdates u = new RrdUpdates(0, 5, 15, cols, new long[] {15, 10, 5},
                new double[][] {{0.2, 0.4, 100, 25, 1}, {0.1, 0.1, 100, 50, 1}, {Double.NaN, 0.6, 100, 100, 1}});
        HostHistory h = new HostHistory(2);
        h.add(u);
        assertEquals(Chart.of(List.of(0.1, 0.30000000000000004)).points(), h.cpu("h1").points(), "oldest dropped");
        assertEquals(Chart.of(List.of(0.5, 0.75)).points(), h.memory("h1").points());
        assertEquals(0, h.cpu("v1").samples(), "VM sources are not host load");
        h.add(u);
        assertEquals(2, h.cpu("h1").samples(), "samples already seen are not added twice");
    }
}
