package raypool.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raypool.web.Api;
import raypool.web.WebFixture;
import raypool.web.WebServer;
import raypool.web.http.WebSettings;

/** Directory sign-in against a real LDAP server (UnboundID's in-memory directory), Active Directory style names. */
class LdapSignInTest {
    private InMemoryDirectoryServer ldap;
    private LdapDirectory directory;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("DC=example,DC=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.addAdditionalBindCredentials("CN=svc,DC=example,DC=com", "svc-password");
        config.setSchema(null); // Active Directory's attributes (userPrincipalName) are not in the standard schema
        ldap = new InMemoryDirectoryServer(config);
        ldap.add("dn: DC=example,DC=com", "objectClass: top", "objectClass: domain", "dc: example");
        ldap.add("dn: OU=People,DC=example,DC=com", "objectClass: organizationalUnit", "ou: People");
        ldap.add("dn: CN=Erin Ops,OU=People,DC=example,DC=com", "objectClass: person", "cn: Erin Ops", "sn: Ops",
                "userPrincipalName: erin@example.com", "userPassword: erin-secret");
        ldap.add("dn: CN=Frank,OU=People,DC=example,DC=com", "objectClass: person", "cn: Frank", "sn: F",
                "userPrincipalName: frank@example.com", "userPassword: frank-secret");
        ldap.add("dn: CN=vm-operators,DC=example,DC=com", "objectClass: groupOfNames", "cn: vm-operators",
                "member: CN=Erin Ops,OU=People,DC=example,DC=com");
        ldap.startListening();
        directory = new LdapDirectory(new LdapDirectory.Settings("127.0.0.1", ldap.getListenPort(), "DC=example,DC=com",
                "example.com", Optional.of("CN=svc,DC=example,DC=com"), Optional.of("svc-password")));
    }

    @AfterEach
    void stop() {
        ldap.shutDown(true);
    }

    @Test
    void aDirectoryUserSignsInWithUserAtDomainAndBringsTheirGroups() {
        assertEquals(Optional.of(new Directory.Accepted("erin@example.com", Set.of("vm-operators"))),
                directory.authenticate("erin@example.com", "erin-secret"));
        assertEquals(Optional.of(new Directory.Accepted("frank@example.com", Set.of())),
                directory.authenticate("frank", "frank-secret"), "a bare name is in the configured domain");
    }

    @Test
    void wrongPasswordsOtherDomainsAndEmptyPasswordsAreRefused() {
        assertEquals(Optional.empty(), directory.authenticate("erin@example.com", "wrong"));
        assertEquals(Optional.empty(), directory.authenticate("erin@other.org", "erin-secret"));
        assertEquals(Optional.empty(), directory.authenticate("erin@example.com", ""));
        assertEquals(Optional.empty(), directory.authenticate("nobody@example.com", "x"));
    }

    @Test
    void aGrantToTheDirectoryGroupReachesTheDirectoryUserOverTheApi() throws Exception {
        try (WebFixture fx = new WebFixture(4, WebSettings.DEFAULTS, Clock.systemUTC()) {
            @Override
            protected WebServer.Spec spec(WebServer.Spec base) {
                return base.withDirectory(directory);
            }
        }) {
            String admin = fx.login("admin", WebFixture.ADMIN_PASSWORD);
            String vm = fx.pool().vms().get(1).uuid();
            assertEquals(201, fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", "group:vm-operators",
                    "object", "vm:" + vm, "role", "operator"))).statusCode());
            String erin = fx.login("erin@example.com", "erin-secret");
            var vms = Api.read(fx.send("GET", "/api/vms", erin, null).body()).get("vms");
            assertEquals(1, vms.size());
            assertEquals(vm, vms.get(0).get("uuid").asText());
            assertEquals("operator", vms.get(0).get("role").asText());
            String frank = fx.login("frank@example.com", "frank-secret");
            assertEquals(0, Api.read(fx.send("GET", "/api/vms", frank, null).body()).get("vms").size());
            assertTrue(fx.send("POST", "/api/login", null, Api.json(Map.of("user", "erin@example.com", "password", "bad")))
                    .statusCode() == 401);
        }
    }
}
