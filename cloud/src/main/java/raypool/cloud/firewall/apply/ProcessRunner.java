package raypool.cloud.firewall.apply;

import java.util.List;

/** Runs a program to its end: the one side effect of applying flows, replaced by a fake in tests. */
@FunctionalInterface
public interface ProcessRunner {

    /** What a program left: its exit status and what it printed. */
    record Result(int status, String stdout, String stderr) {
        public boolean ok() {
            return status == 0;
        }

        /** The first line of stderr, or of stdout when stderr is empty. */
        public String firstLine() {
            String text = stderr.isBlank() ? stdout : stderr;
            return text.strip().lines().findFirst().orElse("(no message)");
        }
    }

    Result run(List<String> command);
}
