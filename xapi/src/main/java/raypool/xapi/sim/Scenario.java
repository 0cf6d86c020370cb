package raypool.xapi.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The situations a simulated pool can start in, named on the command line ({@code --scenario NAME}):
 * the default stand, and the operations problems of the original private cloud. Each is the default
 * stand, then changed as the situation has it.
 */
public enum Scenario {
    DEFAULT("the default stand: 4 hosts, 40 guests, a licence server VM, licences valid until 2038"),
    LICENCE_TRAP("the trial licence expired on every host and the licence server VM is down: no VM starts"),
    EXPIRING("licences run out in 10 days on three hosts; host-4 runs the free edition"),
    REBOOTED("Active Directory (CORP.EXAMPLE) was joined, then host-2 rebooted and lost it"),
    UBUNTU("three halted Ubuntu VMs from the standard template fail to start with INVALID_SOURCE"),
    SHUTDOWN_ORDER("VM.order and shutdown_delay set on some guests; one guest ignores clean shutdown"),
    STANDALONE("one host of its own (host-5), local storage only, no guests: ready to join another pool");

    /** The domain the REBOOTED scenario's pool is joined to, and the account that may join machines to it. */
    public static final String DOMAIN = "CORP.EXAMPLE";
    public static final String DOMAIN_USER = "administrator";
    public static final String DOMAIN_PASSWORD = "join-secret";
    /** The STANDALONE scenario's host, ready to join the default stand as its fifth host. */
    public static final String JOINING_HOST = "host-5";
    /** The Ubuntu VMs of the UBUNTU scenario. */
    public static final List<String> UBUNTU_VMS = List.of("ubuntu-1", "ubuntu-2", "ubuntu-3");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    /** The name on the command line: lower case, words joined by '-'. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    public static Optional<Scenario> byLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    /** "default, licence-trap, ...": for the message that rejects an unknown name. */
    public static String labels() {
        return Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "));
    }

    /** A pool in this situation, with {@code user} as its pool-admin. */
    public SimPool build(String user, String password, double timeScale) {
        SimConfig config = SimConfig.defaultStand(user, password).withTimeScale(timeScale);
        if (this == STANDALONE) {
            config = config.withHosts(1).withVms(0).withSeed(7);
        }
        SimPool pool = SimPool.create(config);
        pool.write(() -> {
            pool.auth.setDirectory(DOMAIN, DOMAIN_USER, DOMAIN_PASSWORD);
            setUp(pool, pool.clock().nowMillis());
            return null;
        });
        return pool;
    }

    private void setUp(SimPool pool, long now) {
        switch (this) {
            case DEFAULT -> { }
            case STANDALONE -> {
                pool.membership.setSharedStorage(false);
                pool.membership.setName("standalone host");
                pool.hostList().getFirst().name = JOINING_HOST;
                // a host that joins brings no running VM; its own licence server VM is stopped
                pool.power.hardShutdown(pool.vmNamed(SimPool.LICENCE_SERVER_VM).ref);
            }
            case LICENCE_TRAP -> {
                for (SimHost h : pool.hostList()) {
                    SimLicences.Licence l = pool.licences.of(h.ref);
                    l.edition = "platinum";
                    l.expiryMillis = now - Duration.ofDays(1).toMillis();
                }
                pool.power.hardShutdown(pool.vmNamed(SimPool.LICENCE_SERVER_VM).ref);
            }
            case EXPIRING -> {
                for (SimHost h : pool.hostList()) {
                    SimLicences.Licence l = pool.licences.of(h.ref);
                    l.edition = h.name.equals("host-4") ? "free" : "platinum";
                    l.expiryMillis = now + Duration.ofDays(h.name.equals("host-4") ? 200 : 10).toMillis();
                }
            }
            case REBOOTED -> {
                pool.hostList().forEach(h -> pool.auth.join(h.ref));
                pool.auth.dropOnReboot(pool.hostList().get(1).ref);
            }
            case UBUNTU -> {
                SimIds ids = new SimIds(pool.config().seed() + 5);
                int index = pool.config().vms() + 1;
                for (String name : UBUNTU_VMS) {
                    SimVm vm = pool.addHaltedVm(ids, new SimVm.Spec(name, 2, 4 * SimConfig.GIB, false, index++, false));
                    pool.guests.makeUbuntuInstaller(vm);
                }
            }
            case SHUTDOWN_ORDER -> {
                List<SimVm> guests = pool.vmList().stream().filter(v -> !v.controlDomain && v.running()
                        && !v.otherConfig.containsKey(SimPool.INFRASTRUCTURE_KEY)).toList();
                for (int i = 0; i < guests.size(); i++) {
                    SimGuests.Guest g = pool.guests.of(guests.get(i));
                    g.order = i % 3;
                    g.shutdownDelay = i % 3 == 2 ? 2 : 0;
                }
                pool.guests.of(guests.getFirst()).ignoresCleanShutdown = true;
            }
            default -> throw new IllegalStateException(label());
        }
    }
}
