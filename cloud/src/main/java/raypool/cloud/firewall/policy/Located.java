package raypool.cloud.firewall.policy;

import java.util.List;

/**
 * A YAML or JSON value with the line it starts on: what the policy reader needs to name the line of every
 * field it rejects. Only the three shapes a policy uses: scalars, mappings (keys in file order) and sequences.
 */
sealed interface Located {

    int line();

    /** A scalar's text, e.g. {@code 22}, {@code tcp}, {@code true}; {@code null} in the file is "null". */
    record Scalar(String text, int line) implements Located {
    }

    /** One key of a mapping with the line it is on and its value. */
    record Entry(String key, int line, Located value) {
    }

    record Mapping(List<Entry> entries, int line) implements Located {
    }

    record Sequence(List<Located> items, int line) implements Located {
    }
}
