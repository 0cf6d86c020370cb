package raypool.engine.verify;

/** Rendered frames that do not match the reference: whatever was to be made of them is not made. */
public final class FramesNotVerifiedException extends RuntimeException {

    private final transient ImageChecks checks;

    public FramesNotVerifiedException(String what, ImageChecks checks) {
        super(what + ": " + checks.summary());
        this.checks = checks;
    }

    public ImageChecks checks() {
        return checks;
    }
}
