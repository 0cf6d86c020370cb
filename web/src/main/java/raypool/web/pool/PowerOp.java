package raypool.web.pool;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The power operations an operator may run, by their XAPI names. */
public enum PowerOp {
    START("start"),
    CLEAN_SHUTDOWN("clean_shutdown"),
    CLEAN_REBOOT("clean_reboot"),
    SUSPEND("suspend"),
    RESUME("resume");

    private final String wire;

    PowerOp(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<PowerOp> parse(String text) {
        return Arrays.stream(values()).filter(op -> op.wire.equals(text)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(PowerOp::wire).toList();
    }
}
