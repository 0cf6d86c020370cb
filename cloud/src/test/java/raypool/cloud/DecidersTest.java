package raypool.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import raypool.cloud.auth.AuthEnsure;
import raypool.cloud.boot.BootFix;
import raypool.cloud.licence.LicenceRecovery;
import raypool.cloud.network.NetworkDecider;
import raypool.cloud.plan.Plan;
import raypool.cloud.pool.JoinPreflight;
import raypool.cloud.plan.Step;
import raypool.cloud.ups.UpsStatus;
import raypool.cloud.ups.WatchDecider;
import raypool.cloud.view.HostView;
import raypool.cloud.view.Networks;
import raypool.cloud.view.PoolInfo;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.SrView;
import raypool.cloud.view.TunnelView;
import raypool.cloud.view.VmView;
import raypool.xapi.client.Ref;
import raypool.xapi.connect.CommandFailure;

/** The deciders are pure: views built here by hand, decisions checked without a pool. */
class DecidersTest {
    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");
    private static final Ref POOL = new Ref("OpaqueRef:pool");

    private static HostView host(int i, String edition, Optional<Instant> expiry, String auth) {
        return new HostView(new Ref("OpaqueRef:h" + i), "uuid-h" + i, "host-" + i, "10.0.0." + i, true, true, edition, expiry,
                "10.0.9.9:27000", auth.isEmpty() ? "" : "AD", auth, "8.4.0", new Ref("OpaqueRef:pif" + i), List.of());
    }

    private static VmView vm(String name, String state, String policy, Map<String, String> params, String bootloader,
                             long order, Map<String, String> other) {
        return new VmView(new Ref("OpaqueRef:" + name), "uuid-" + name, name, state, new Ref("OpaqueRef:h1"), false, false, false,
                order, 0, policy, params, bootloader, other, List.of(), Map.of());
    }

    private static PoolView view(List<HostView> hosts, List<VmView> vms) {
        return new PoolView(new PoolInfo(POOL, "uuid-pool", "farm", hosts.getFirst().ref(), false, false, ""), hosts, vms,
                Networks.none(), NOW);
    }

    private static List<String> calls(Plan plan) {
        return plan.steps().stream().map(Step::call).toList();
    }

    @Test
    void bootFixAllLeavesGuestsThatBootAloneAndFixesOnlyWhatDiffers() {
        VmView installer = vm("ubuntu", "Halted", "", Map.of(), "eliloader", 0, Map.of());
        VmView pygrub = vm("debian", "Running", "", Map.of(), "pygrub", 0, Map.of());
        VmView ownOrder = vm("win", "Running", "BIOS order", Map.of("order", "c"), "", 0, Map.of());
        VmView halfFixed = vm("half", "Halted", "BIOS order", Map.of("firmware", "bios"), "", 0, Map.of());
        BootFix.Decision all = BootFix.decide(List.of(installer, pygrub, ownOrder, halfFixed), false);
        assertEquals(List.of("VM.set_HVM_boot_policy(ubuntu, \"BIOS order\")", "VM.set_HVM_boot_params(ubuntu, {order=dc})",
                "VM.set_HVM_boot_params(half, {firmware=bios, order=dc})"), calls(all.plan()));
        assertEquals(List.of(BootFix.Verdict.FIXED, BootFix.Verdict.BOOTS_AS_CONFIGURED, BootFix.Verdict.BOOTS_AS_CONFIGURED,
                BootFix.Verdict.FIXED), all.vms().stream().map(BootFix.VmBoot::verdict).toList());
        BootFix.Decision named = BootFix.decide(List.of(ownOrder), true);
        assertEquals(List.of("VM.set_HVM_boot_params(win, {order=dc})"), calls(named.plan()), "a VM named is set as asked");
    }

    @Test
    void licenceRecoveryFreeFirstThenTheServerThenThePaidEditionAndNothingWhenValid() {
        VmView server = vm("lic", "Halted", "BIOS order", Map.of("order", "dc"), "", 0,
                Map.of(VmView.INFRASTRUCTURE_KEY, "licence-server"));
        Optional<Instant> past = Optional.of(NOW.minus(Duration.ofDays(2)));
        PoolView trap = view(List.of(host(1, "platinum", past, ""), host(2, "platinum", past, "")), List.of(server));
        assertEquals(List.of("host.apply_edition(host-1, \"free\")", "host.apply_edition(host-2, \"free\")",
                "VM.start(lic, false, false)", "host.apply_edition(host-1, \"platinum\")", "host.apply_edition(host-2, \"platinum\")"),
                calls(LicenceRecovery.plan(trap, Optional.empty())));
        Optional<Instant> future = Optional.of(NOW.plus(Duration.ofDays(200)));
        VmView up = vm("lic", "Running", "BIOS order", Map.of("order", "dc"), "", 0, Map.of(VmView.INFRASTRUCTURE_KEY, "licence-server"));
        assertTrue(LicenceRecovery.plan(view(List.of(host(1, "platinum", future, "")), List.of(up)), Optional.empty()).isEmpty());
        assertEquals(List.of("host.apply_edition(host-1, \"enterprise\")"), calls(LicenceRecovery.plan(
                view(List.of(host(1, "platinum", future, "")), List.of(up)), Optional.of("enterprise"))));
    }

    @Test
    void authEnsureEnablesRejoinsOrDoesNothingAndNeverSwitchesDomain() {
        AuthEnsure.Credentials c = new AuthEnsure.Credentials("CORP.EXAMPLE", "administrator", "pw", Optional.empty());
        Optional<Instant> never = Optional.empty();
        PoolView off = view(List.of(host(1, "free", never, ""), host(2, "free", never, "")), List.of());
        assertEquals(List.of("pool.enable_external_auth(farm, {user=administrator, pass=***}, \"CORP.EXAMPLE\", \"AD\")"),
                calls(AuthEnsure.plan(off, c)));
        PoolView partial = view(List.of(host(1, "free", never, "CORP.EXAMPLE"), host(2, "free", never, "")), List.of());
        assertEquals("pool.disable_external_auth(farm, {})", calls(AuthEnsure.plan(partial, c)).getFirst());
        PoolView on = view(List.of(host(1, "free", never, "CORP.EXAMPLE"), host(2, "free", never, "CORP.EXAMPLE")), List.of());
        assertTrue(AuthEnsure.plan(on, c).isEmpty());
        PoolView other = view(List.of(host(1, "free", never, "OTHER.EXAMPLE")), List.of());
        assertEquals(2, assertThrows(CommandFailure.class, () -> AuthEnsure.plan(other, c)).status());
        assertFalse(c.toString().contains("pw"), "credentials never print their password");
    }

    @Test
    void createPrivateOnAPoolWithoutPifsIsRefusedNotGuessed() {
        PoolView bare = view(List.of(host(1, "free", Optional.empty(), "")), List.of());
        CommandFailure f = assertThrows(CommandFailure.class, () -> NetworkDecider.createPrivate(bare, "render"));
        assertEquals(1, f.status());
        assertTrue(f.getMessage().contains("has no management PIF"), f.getMessage());
    }

    @Test
    void joinPreflightNamesEachCheckXapiWouldFail() {
        HostView joining = new HostView(new Ref("OpaqueRef:j"), "uuid-j", "host-9", "10.0.0.9", true, true, "free", Optional.empty(),
                "10.0.9.9:27000", "", "", "8.2.1", new Ref("OpaqueRef:pj"), List.of());
        Networks withTunnelAndSharedSr = new Networks(List.of(), List.of(), List.of(new TunnelView(new Ref("OpaqueRef:t"),
                new Ref("OpaqueRef:a"), new Ref("OpaqueRef:pj"), "gre", true)), List.of(),
                List.of(new SrView(new Ref("OpaqueRef:sr"), "uuid-sr", "NFS", "nfs", true)));
        PoolView joiner = new PoolView(new PoolInfo(new Ref("OpaqueRef:jp"), "uuid-jp", "alone", joining.ref(), false, false, ""),
                List.of(joining), List.of(vm("busy", "Running", "BIOS order", Map.of("order", "dc"), "", 0, Map.of())),
                withTunnelAndSharedSr, NOW);
        PoolView master = new PoolView(new PoolInfo(POOL, "uuid-pool", "farm", new Ref("OpaqueRef:h1"), true, false, ""),
                List.of(host(1, "platinum", Optional.empty(), "CORP.EXAMPLE")), List.of(), Networks.none(), NOW);
        List<String> failed = JoinPreflight.checks(joiner, master).stream().filter(c -> !c.passed())
                .map(JoinPreflight.Check::code).toList();
        assertEquals(List.of("JOINING_HOST_CANNOT_HAVE_RUNNING_VMS", "JOINING_HOST_CANNOT_CONTAIN_SHARED_SRS",
                "POOL_JOINING_HOST_HAS_TUNNELS", "POOL_JOINING_EXTERNAL_AUTH_MISMATCH",
                "POOL_JOINING_HOST_MUST_HAVE_SAME_PRODUCT_VERSION", "LICENSE_HOST_POOL_MISMATCH", "HA_IS_ENABLED"), failed);
        assertTrue(JoinPreflight.checks(joiner, master).stream().filter(c -> c.code().equals("POOL_JOINING_HOST_MUST_HAVE_SAME_PRODUCT_VERSION"))
                .findFirst().orElseThrow().explanation().contains("it runs 8.2.1, the pool 8.4.0"));
    }

    @Test
    void theWatchArmsOnBatteryShutsDownOnLowBatteryOrAfterTheGraceAndCancelsOnMains() {
        Duration grace = Duration.ofSeconds(60);
        WatchDecider.Decision ol = WatchDecider.decide(WatchDecider.State.ON_MAINS, UpsStatus.parse("OL"), NOW, grace);
        assertEquals(WatchDecider.Action.KEEP_WATCHING, ol.action());
        WatchDecider.Decision ob = WatchDecider.decide(ol.next(), UpsStatus.parse("OB DISCHRG"), NOW, grace);
        assertEquals(WatchDecider.Action.ARMED, ob.action());
        assertEquals(WatchDecider.Action.KEEP_WATCHING,
                WatchDecider.decide(ob.next(), UpsStatus.parse("OB DISCHRG"), NOW.plusSeconds(59), grace).action());
        assertEquals(WatchDecider.Action.SHUT_DOWN,
                WatchDecider.decide(ob.next(), UpsStatus.parse("OB DISCHRG"), NOW.plusSeconds(60), grace).action());
        assertEquals(WatchDecider.Action.SHUT_DOWN, WatchDecider.decide(ob.next(), UpsStatus.parse("OB LB"), NOW, grace).action());
        assertEquals(WatchDecider.Action.SHUT_DOWN,
                WatchDecider.decide(WatchDecider.State.ON_MAINS, UpsStatus.parse("OL FSD"), NOW, grace).action());
        WatchDecider.Decision back = WatchDecider.decide(ob.next(), UpsStatus.parse("OL CHRG"), NOW.plusSeconds(10), grace);
        assertEquals(WatchDecider.Action.CANCELLED, back.action());
        assertEquals(WatchDecider.State.ON_MAINS, back.next());
    }
}
