package raypool.xapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raypool.xapi.sim.SimFixture;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;

class SessionTest {
    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start(100);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        Ref session;
        try (XapiClient client = sim.login()) {
            session = client.session();
            assertEquals(1, sim.pool().openSessions());
            assertEquals(4, client.call("host.get_all").size());
        }
        assertEquals(0, sim.pool().openSessions());
        JsonRpcTransport raw = new JsonRpcTransport(sim.server.url(),
                JsonRpcTransport.httpClient(new TlsPolicy.SystemTrust(), Duration.ofSeconds(5)));
        XapiError.SessionInvalid e = assertThrows(XapiError.SessionInvalid.class,
                () -> raw.call("host.get_all", List.of(session.value()), Duration.ofSeconds(5)));
        assertEquals(session.value(), e.handle());
    }

    @Test
    void closedClientRefusesCalls() {
        XapiClient client = sim.login();
        client.close();
        client.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> client.call("host.get_all"));
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureKeptWithItsCode() {
        XapiSettings bad = XapiSettings.of(sim.server.url(), SimFixture.USER, "wrong");
        XapiError e = assertThrows(XapiError.class, () -> XapiClient.login(bad));
        assertTrue(e instanceof XapiError.Other);
        assertEquals("SESSION_AUTHENTICATION_FAILED", e.code());
        assertEquals(List.of(SimFixture.USER, "Authentication failure"), e.params());
        assertEquals("session.login_with_password", e.method());
        assertFalse(e.getMessage().contains("wrong"), "the password must not appear in errors");
    }

    @Test
    void expiredSessionLogsInAgainAndRetries() {
        try (XapiClient client = sim.login()) {
            Ref first = client.session();
            sim.faults().expireAllSessions();
            assertEquals(0, sim.pool().openSessions());
            assertEquals(4, client.call("host.get_all").size());
            assertNotEquals(first, client.session());
            assertEquals(1, sim.pool().openSessions());
        }
        assertEquals(0, sim.pool().openSessions());
    }

    @Test
    void hostIsSlaveSendsTheClientToTheMaster() throws Exception {
        SimPool memberState = SimPool.create(sim.pool().config());
        try (SimServer member = SimServer.start(memberState, 0, Optional.empty(),
                Optional.of(sim.server.masterAddress()));
             XapiClient client = XapiClient.login(XapiSettings.of(member.url(), SimFixture.USER, SimFixture.PASSWORD))) {
            assertEquals(sim.server.url(), client.endpoint());
            assertEquals(1, sim.pool().openSessions());
            assertEquals(0, memberState.openSessions());
            assertEquals(4, client.call("host.get_all").size());
        }
    }

    @Test
    void masterAddressWithoutPortKeepsSchemeAndPort() {
        URI member = URI.create("https://10.0.0.2:443/");
        assertEquals(URI.create("https://10.0.0.1:443/"), XapiClient.masterUri(member, "10.0.0.1"));
        assertEquals(URI.create("https://10.0.0.1:8443/"), XapiClient.masterUri(member, "10.0.0.1:8443"));
        assertEquals(URI.create("https://[fd00::1]:443/"), XapiClient.masterUri(member, "fd00::1"));
        assertEquals(URI.create("https://[fd00::1]:8443/"), XapiClient.masterUri(member, "[fd00::1]:8443"));
        assertThrows(IllegalArgumentException.class, () -> XapiClient.masterUri(member, "master:http"));
    }

    @Test
    void settingsNeverPrintThePassword() {
        assertFalse(sim.settings().toString().contains(SimFixture.PASSWORD));
    }
}
