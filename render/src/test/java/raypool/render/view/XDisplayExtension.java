package raypool.render.view;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives window tests an X display: the developer's DISPLAY, or else an Xvfb started once for the whole
 * test run and stopped at its end. Without either, the tests are reported skipped with the reason on a
 * developer's machine, and fail in CI (CI=true), where ./scripts/test installs Xvfb: a window test must never
 * pass there without having opened a window.
 */
final class XDisplayExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(XDisplayExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Object display = store.getOrComputeIfAbsent("display", key -> {
            try {
                return new Held(XDisplay.acquire(true));
            } catch (NoDisplayException e) {
                return e;
            }
        });
        if (display instanceof NoDisplayException e) {
            String why = "window tests need an X display: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + " (CI must have Xvfb: ./scripts/test installs it through scripts/lib/deps.sh)");
            }
            Assumptions.abort(why);
        }
    }

    /** Closed by JUnit when the root context closes, after the last test. */
    private record Held(XDisplay display) implements AutoCloseable {
        @Override
        public void close() {
            display.close();
        }
    }
}
