package raypool.daemon;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Placement rules an administrator sets on the pool itself, on VMs and hosts, as tags or other_config
 * keys, plus the Xen Orchestra-style lists of the daemon's configuration (tags chosen by the
 * administrator whose VMs are ignored, spread or kept together, and hosts left out by name or uuid).
 * See the daemon's README for the keys. A VM has at most one affinity and one anti-affinity group; of
 * several, the first in alphabetical order counts and {@link VmRule#note()} says so.
 */
public final class PlacementRules {
    public static final String PREFIX = "raypool-balancer";
    /** VM or host tag: never moved by the daemon / never touched (neither source nor destination). */
    public static final String IGNORE_TAG = PREFIX + ":ignore";
    /** VM tag prefix: {@code raypool-balancer:affinity=GROUP}. */
    public static final String AFFINITY_TAG = PREFIX + ":affinity=";
    public static final String ANTI_AFFINITY_TAG = PREFIX + ":anti-affinity=";
    /** other_config keys with the same meanings: {@code raypool-balancer-ignore = true}, ... */
    public static final String IGNORE_KEY = PREFIX + "-ignore";
    public static final String AFFINITY_KEY = PREFIX + "-affinity";
    public static final String ANTI_AFFINITY_KEY = PREFIX + "-anti-affinity";

    private final Set<String> ignoredVmTags;
    private final Set<String> affinityTags;
    private final Set<String> antiAffinityTags;
    private final Set<String> excludedHosts;

    public PlacementRules(List<String> ignoredVmTags, List<String> affinityTags, List<String> antiAffinityTags,
                          List<String> excludedHosts) {
        this.ignoredVmTags = Set.copyOf(ignoredVmTags);
        this.affinityTags = Set.copyOf(affinityTags);
        this.antiAffinityTags = Set.copyOf(antiAffinityTags);
        this.excludedHosts = Set.copyOf(excludedHosts);
    }

    public static PlacementRules of(DaemonConfig c) {
        return new PlacementRules(c.ignoredVmTags(), c.affinityTags(), c.antiAffinityTags(), c.excludedHosts());
    }

    /** What the rules say about one VM. */
    public record VmRule(Optional<String> excluded, Optional<String> affinity, Optional<String> antiAffinity,
                         Optional<String> note) {
        public static final VmRule NONE = new VmRule(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public VmRule forVm(PoolState.Vm vm) {
        if (vm.tags().isEmpty() && vm.otherConfig().isEmpty()) {
            return VmRule.NONE;   // most VMs: nothing to read
        }
        Optional<String> excluded = Optional.empty();
        if (vm.tags().contains(IGNORE_TAG)) {
            excluded = Optional.of("tag " + IGNORE_TAG);
        } else if (truthy(vm.otherConfig().get(IGNORE_KEY))) {
            excluded = Optional.of("other_config " + IGNORE_KEY);
        } else {
            for (String tag : new TreeSet<>(vm.tags())) {
                if (ignoredVmTags.contains(tag)) {
                    excluded = Optional.of("tag " + tag + " (ignored-vm-tags)");
                    break;
                }
            }
        }
        TreeSet<String> affinity = groups(vm, AFFINITY_TAG, AFFINITY_KEY, affinityTags);
        TreeSet<String> anti = groups(vm, ANTI_AFFINITY_TAG, ANTI_AFFINITY_KEY, antiAffinityTags);
        Optional<String> note = Optional.empty();
        if (affinity.size() > 1 || anti.size() > 1) {
            note = Optional.of(vm.name() + " has several groups (affinity " + affinity + ", anti-affinity " + anti
                    + "): the first of each counts");
        }
        return new VmRule(excluded, affinity.isEmpty() ? Optional.empty() : Optional.of(affinity.first()),
                anti.isEmpty() ? Optional.empty() : Optional.of(anti.first()), note);
    }

    private static TreeSet<String> groups(PoolState.Vm vm, String tagPrefix, String key, Set<String> listed) {
        TreeSet<String> out = new TreeSet<>();
        for (String tag : vm.tags()) {
            if (tag.startsWith(tagPrefix) && tag.length() > tagPrefix.length()) {
                out.add(tag.substring(tagPrefix.length()));
            } else if (listed.contains(tag)) {
                out.add(tag);
            }
        }
        String value = vm.otherConfig().get(key);
        if (value != null && !value.isBlank()) {
            out.add(value.strip());
        }
        return out;
    }

    /** Why a host is left out of balancing (neither a source nor a destination), if it is. */
    public Optional<String> hostExcluded(PoolState.Host host) {
        if (host.tags().contains(IGNORE_TAG)) {
            return Optional.of("tag " + IGNORE_TAG);
        }
        if (truthy(host.otherConfig().get(IGNORE_KEY))) {
            return Optional.of("other_config " + IGNORE_KEY);
        }
        if (excludedHosts.contains(host.name()) || excludedHosts.contains(host.key())) {
            return Optional.of("excluded-hosts");
        }
        return Optional.empty();
    }

    private static boolean truthy(String value) {
        return value != null && Set.of("true", "yes", "1", "on").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** For the audit log: every rule in force, in words. */
    public static Map<String, List<String>> describe(List<PoolState.Vm> vms, Map<String, VmRule> rules) {
        List<String> excluded = new java.util.ArrayList<>();
        List<String> affinity = new java.util.ArrayList<>();
        List<String> anti = new java.util.ArrayList<>();
        for (PoolState.Vm vm : vms) {
            VmRule r = rules.getOrDefault(vm.key(), VmRule.NONE);
            if (r == VmRule.NONE) {
                continue;
            }
            r.excluded().ifPresent(why -> excluded.add(vm.name() + " (" + why + ")"));
            r.affinity().ifPresent(g -> affinity.add(vm.name() + " in " + g));
            r.antiAffinity().ifPresent(g -> anti.add(vm.name() + " in " + g));
        }
        return Map.of("excluded", excluded, "affinity", affinity, "antiAffinity", anti);
    }
}
