package raypool.render.view;

import raypool.engine.kernel.KernelKind;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.schedule.StripePolicy;

import java.nio.file.Path;
import java.util.Optional;

/** Runs the view in a JVM of its own, so a test can choose its environment: {@code frames screenshot}. */
public final class ViewProbeMain {

    private ViewProbeMain() {
    }

    public static void main(String[] args) {
        long frames = Long.parseLong(args[0]);
        Optional<Path> shot = args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty();
        ViewOptions options = new ViewOptions(new FiveSpheres(), 160, 120,
            new ViewSettings(1, StripePolicy.STATIC, KernelKind.SCALAR, true), frames, shot, Path.of("."));
        System.exit(LiveView.run(options, System.err));
    }
}
