package raypool.render.view;

import raypool.engine.kernel.KernelKind;
import raypool.engine.schedule.StripePolicy;

/** What the live view renders with; the keys step from one settings value to the next. */
public record ViewSettings(int threads, StripePolicy policy, KernelKind kernel, boolean buffered) {

    /** raybench's own limit for --threads; the original system ran 80 on 80 logical CPUs. */
    public static final int MAX_THREADS = 1024;

    public ViewSettings {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1.." + MAX_THREADS + ", got " + threads);
        }
    }

    /** The settings after {@code command}; commands that do not change settings return these. */
    public ViewSettings after(ViewCommand command) {
        return switch (command) {
            case MORE_THREADS -> withThreads(Math.min(MAX_THREADS, threads + 1));
            case FEWER_THREADS -> withThreads(Math.max(1, threads - 1));
            case NEXT_POLICY -> new ViewSettings(threads, next(policy, StripePolicy.values()), kernel, buffered);
            case NEXT_KERNEL -> new ViewSettings(threads, policy, next(kernel, KernelKind.values()), buffered);
            case TOGGLE_BUFFERING -> new ViewSettings(threads, policy, kernel, !buffered);
            case SAVE_PNG, QUIT -> this;
        };
    }

    private ViewSettings withThreads(int n) {
        return new ViewSettings(n, policy, kernel, buffered);
    }

    private static <E extends Enum<E>> E next(E current, E[] all) {
        return all[(current.ordinal() + 1) % all.length];
    }
}
