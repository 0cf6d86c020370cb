package raypool.balancer.cli;

/** Every default of the balancer command in one place, so the help text and the docs agree. */
public final class Defaults {
    public static final String RULES = "raypool";
    public static final String POLICY = "wlb-density";
    /** Where the tables and plots are kept with the code. */
    public static final String RESULTS_DIR = "results/balancer";
    /** Resolved against the repository root: the shared PlanetLab days. */
    public static final String PLANETLAB_DIR = "../shared/planetlab";

    private Defaults() {
    }
}
