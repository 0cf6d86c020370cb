package raypool.render.view;

/** What a key asks the live view to do. */
public enum ViewCommand {
    MORE_THREADS,
    FEWER_THREADS,
    NEXT_POLICY,
    NEXT_KERNEL,
    TOGGLE_BUFFERING,
    SAVE_PNG,
    QUIT
}
