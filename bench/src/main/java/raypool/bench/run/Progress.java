package raypool.bench.run;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a long run: a bar on a terminal, nothing when output goes to a file or a pipe. */
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

    /** A terminal bar on stderr when there is a console, else {@link #none()}. */
    static Progress forConsole() {
        return System.console() != null && System.console().isTerminal() ? new TerminalProgress() : none();
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
