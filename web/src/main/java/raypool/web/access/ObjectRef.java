package raypool.web.access;

import java.util.Optional;

/**
 * What an ACL entry is on: a VM or a host by uuid, or the pool. Written {@code vm:UUID}, {@code host:UUID}
 * or {@code pool}. A role on a host covers the VMs running there; a role on the pool covers every VM.
 */
public record ObjectRef(Kind kind, String uuid) {
    public enum Kind { VM, HOST, POOL }

    public static final ObjectRef POOL = new ObjectRef(Kind.POOL, "");

    public static ObjectRef vm(String uuid) {
        return new ObjectRef(Kind.VM, uuid);
    }

    public static ObjectRef host(String uuid) {
        return new ObjectRef(Kind.HOST, uuid);
    }

    public static Optional<ObjectRef> parse(String text) {
        if ("pool".equals(text)) {
            return Optional.of(POOL);
        }
        if (text != null && text.startsWith("vm:") && text.length() > 3) {
            return Optional.of(vm(text.substring(3)));
        }
        if (text != null && text.startsWith("host:") && text.length() > 5) {
            return Optional.of(host(text.substring(5)));
        }
        return Optional.empty();
    }

    public String wire() {
        return switch (kind) {
            case VM -> "vm:" + uuid;
            case HOST -> "host:" + uuid;
            case POOL -> "pool";
        };
    }
}
