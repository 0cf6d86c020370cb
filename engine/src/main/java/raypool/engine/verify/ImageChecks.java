package raypool.engine.verify;

import java.util.List;

/**
 * The frames of one run that were checked against the reference; the run's image is verified only when
 * every one of them is.
 */
public record ImageChecks(List<FrameCheck> frames) {

    public ImageChecks {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frame was checked");
        }
        frames = List.copyOf(frames);
    }

    public boolean verified() {
        return frames.stream().allMatch(FrameCheck::verified);
    }

    public int framesVerified() {
        return (int) frames.stream().filter(FrameCheck::verified).count();
    }

    /** The worst channel difference of any frame checked. */
    public int maxChannelDiff() {
        return frames.stream().mapToInt(FrameCheck::maxChannelDiff).max().orElseThrow();
    }

    /** The smallest share of pixels within the tolerance of any frame checked. */
    public double fractionWithin() {
        return frames.stream().mapToDouble(FrameCheck::fractionWithin).min().orElseThrow();
    }

    /** The last frame checked (the run's last frame). */
    public FrameCheck last() {
        return frames.getLast();
    }

    /** One line for a console: VERIFIED or NOT VERIFIED, with the worst figures and the frames. */
    public String summary() {
        StringBuilder s = new StringBuilder(verified() ? "VERIFIED" : "NOT VERIFIED");
        s.append(String.format(java.util.Locale.ROOT, "  max channel diff %d vs scalar reference, %.4f%% within 2",
            maxChannelDiff(), 100 * fractionWithin()));
        s.append("  frames ");
        for (int i = 0; i < frames.size(); i++) {
            FrameCheck f = frames.get(i);
            s.append(i == 0 ? "" : ", ").append(f.frameIndex()).append(f.verified() ? "" : " (wrong)");
        }
        return s.toString();
    }
}
