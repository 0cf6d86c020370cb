package raypool.xapi.rrd;

/**
 * One column of an rrd_updates reply, from its legend entry {@code CF:owner:uuid:name}, e.g.
 * {@code AVERAGE:host:0d3f...:memory_free_kib} or {@code AVERAGE:vm:6a1c...:cpu0}.
 */
public record DataSource(String consolidation, String ownerType, String ownerUuid, String name) {

    public static DataSource parse(String legendEntry) {
        // the name itself may contain ':' in some plugins' sources; split on the first three only
        String[] parts = legendEntry.split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("legend entry \"" + legendEntry + "\" is not CF:owner:uuid:name");
        }
        return new DataSource(parts[0], parts[1], parts[2], parts[3]);
    }

    public String legend() {
        return consolidation + ":" + ownerType + ":" + ownerUuid + ":" + name;
    }
}
