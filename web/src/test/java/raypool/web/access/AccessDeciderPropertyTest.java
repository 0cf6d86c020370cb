package raypool.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The access rules over random users, groups and ACLs, against a second, independent reading of the rules. */
class AccessDeciderPropertyTest {
    private static final List<String> USERS = List.of("ann", "bob", "cid", "dee");
    private static final List<String> GROUPS = List.of("ops", "dev");
    private static final List<String> VMS = List.of("v1", "v2", "v3", "v4", "v5");
    private static final List<String> HOSTS = List.of("h1", "h2");

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    /** One random case: a user, an ACL, a VM's place, and one more entry someone wants to add. */
    private record Case(Principal p, List<AclEntry> acl, VmPlace vm, AclEntry wanted) {
        static Case of(long seed) {
            Random r = new Random(seed);
            List<AclEntry> acl = new ArrayList<>();
            int n = r.nextInt(13);
            for (int i = 0; i < n; i++) {
                acl.add(entry(r));
            }
            Set<String> groups = new java.util.HashSet<>();
            GROUPS.forEach(g -> {
                if (r.nextBoolean()) {
                    groups.add(g);
                }
            });
            Principal p = new Principal(USERS.get(r.nextInt(USERS.size())), groups, false);
            VmPlace vm = new VmPlace(VMS.get(r.nextInt(VMS.size())),
                    r.nextInt(3) == 0 ? Optional.empty() : Optional.of(HOSTS.get(r.nextInt(HOSTS.size()))));
            return new Case(p, acl, vm, entry(r));
        }

        private static AclEntry entry(Random r) {
            SubjectRef s = r.nextBoolean() ? SubjectRef.user(USERS.get(r.nextInt(USERS.size())))
                    : SubjectRef.group(GROUPS.get(r.nextInt(GROUPS.size())));
            int k = r.nextInt(10);
            ObjectRef o = k < 6 ? ObjectRef.vm(VMS.get(r.nextInt(VMS.size())))
                    : k < 9 ? ObjectRef.host(HOSTS.get(r.nextInt(HOSTS.size()))) : ObjectRef.POOL;
            return new AclEntry(s, o, Role.values()[r.nextInt(3)]);
        }
    }

    /** The rule written out differently: collect every role that applies, then take the largest. */
    private static Optional<Role> oracle(Principal p, List<AclEntry> acl, VmPlace vm) {
        List<Role> roles = new ArrayList<>();
        for (AclEntry e : acl) {
            boolean mine = e.subject().kind() == SubjectRef.Kind.USER ? e.subject().name().equals(p.user())
                    : p.groups().contains(e.subject().name());
            boolean reaches = switch (e.object().kind()) {
                case POOL -> true;
                case HOST -> vm.hostUuid().isPresent() && vm.hostUuid().get().equals(e.object().uuid());
                case VM -> vm.vmUuid().equals(e.object().uuid());
            };
            if (mine && reaches) {
                roles.add(e.role());
            }
        }
        return roles.stream().max(Enum::compareTo);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void roleIsTheStrongestGrantThatReachesTheVm(long seed) {
        Case c = Case.of(seed);
        assertEquals(oracle(c.p(), c.acl(), c.vm()), AccessDecider.role(c.p(), c.acl(), c.vm()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void entriesForOthersNeverGrantAnything(long seed) {
        Case c = Case.of(seed);
        List<AclEntry> others = c.acl().stream().filter(e -> !c.p().is(e.subject())).toList();
        assertEquals(Optional.empty(), AccessDecider.role(c.p(), others, c.vm()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void actionsFollowTheRoleOrder(long seed) {
        Case c = Case.of(seed);
        boolean view = AccessDecider.allows(c.p(), c.acl(), c.vm(), Action.VIEW);
        boolean power = AccessDecider.allows(c.p(), c.acl(), c.vm(), Action.POWER);
        boolean configure = AccessDecider.allows(c.p(), c.acl(), c.vm(), Action.CONFIGURE);
        assertTrue(!configure || power, "admin includes operator");
        assertTrue(!power || view, "operator includes viewer");
        assertEquals(view, oracle(c.p(), c.acl(), c.vm()).isPresent());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aVmOwnEntryReachesNoOtherVm(long seed) {
        Case c = Case.of(seed);
        String other = VMS.stream().filter(v -> !v.equals(c.vm().vmUuid())).findFirst().orElseThrow();
        List<AclEntry> acl = List.of(new AclEntry(SubjectRef.user(c.p().user()), ObjectRef.vm(other), Role.ADMIN));
        assertFalse(AccessDecider.allows(c.p(), acl, c.vm(), Action.VIEW));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void nonAdminsMayGrantOnlyOnVmsTheyAdminister(long seed) {
        Case c = Case.of(seed);
        VmPlace target = new VmPlace(c.wanted().object().uuid(), c.vm().hostUuid());
        boolean may = GrantPolicy.mayGrant(c.p(), c.acl(), c.wanted(), Optional.of(target));
        boolean expected = c.wanted().object().kind() == ObjectRef.Kind.VM
                && oracle(c.p(), c.acl(), target).map(r -> r == Role.ADMIN).orElse(false);
        assertEquals(expected, may);
    }

    @Test
    void aHostGrantFollowsTheVmWhileItRunsThere() {
        Principal ann = new Principal("ann", Set.of(), false);
        List<AclEntry> acl = List.of(new AclEntry(SubjectRef.user("ann"), ObjectRef.host("h1"), Role.OPERATOR));
        assertEquals(Optional.of(Role.OPERATOR), AccessDecider.role(ann, acl, new VmPlace("v1", Optional.of("h1"))));
        assertEquals(Optional.empty(), AccessDecider.role(ann, acl, new VmPlace("v1", Optional.of("h2"))));
        assertEquals(Optional.empty(), AccessDecider.role(ann, acl, new VmPlace("v1", Optional.empty())));
    }

    @Test
    void serviceAdminsHoldAdminEverywhere() {
        assertEquals(Optional.of(Role.ADMIN), AccessDecider.role(new Principal("root", Set.of(), true), List.of(),
                new VmPlace("v9", Optional.empty())));
    }
}
