package raypool.xapi.client;

import java.util.Objects;
import java.util.Optional;

/**
 * An XAPI object reference, {@code OpaqueRef:<uuid>} on the wire. XAPI writes an absent reference as
 * {@code OpaqueRef:NULL} (e.g. a halted VM's resident_on); {@link #asOptional()} turns that into
 * "no answer" so that callers never compare strings with the magic value.
 */
public record Ref(String value) {
    public static final Ref NULL = new Ref("OpaqueRef:NULL");

    public Ref {
        Objects.requireNonNull(value, "ref");
    }

    public boolean isNull() {
        return NULL.value.equals(value) || value.isEmpty();
    }

    public Optional<Ref> asOptional() {
        return isNull() ? Optional.empty() : Optional.of(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
