package raypool.bench.run;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long run: a bar on a terminal; one line per phase when stderr goes to a file or a pipe
 * (a log then still shows where a run is: warming up, measuring, checking frames, measuring the peak).
 */
public interface Progress extends AutoCloseable {

    void step();

    /** Switches the bar to a new phase (warm-up has no known length; measuring has). */
    void phase(String name, long total);

    @Override
    void close();

    static Progress none() {
        return new Progress() {
            @Override
            public void step() {
            }

            @Override
            public void phase(String name, long total) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A terminal bar on stderr when there is a console, else a line per phase on {@code err}. */
    static Progress forConsole(java.io.PrintStream err) {
        return System.console() != null && System.console().isTerminal() && err == System.err
            ? new TerminalProgress() : new LineProgress(err);
    }

    /** One line per phase, e.g. "raybench: measuring (100 frames)...". */
    final class LineProgress implements Progress {
        private final java.io.PrintStream out;

        public LineProgress(java.io.PrintStream out) {
            this.out = out;
        }

        @Override
        public void step() {
        }

        @Override
        public void phase(String name, long total) {
            out.println("raybench: " + name + (total > 0 ? " (" + total + " frames)" : "") + "...");
        }

        @Override
        public void close() {
        }
    }

    /** me.tongfei's progress bar, one per phase. */
    final class TerminalProgress implements Progress {
        private ProgressBar bar;

        @Override
        public void step() {
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public void phase(String name, long total) {
            close();
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
