package raypool.web.pool;

/** A network of the pool: what a VM's interface may be attached to. */
public record NetworkView(String ref, String uuid, String name) {
}
