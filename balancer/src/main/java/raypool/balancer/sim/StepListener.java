package raypool.balancer.sim;

/** Told after every simulated step; the CLI drives its progress bar from it. */
@FunctionalInterface
public interface StepListener {
    StepListener NONE = (step, total) -> { };

    void stepDone(int step, int totalSteps);
}
