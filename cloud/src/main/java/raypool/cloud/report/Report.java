package raypool.cloud.report;

/**
 * What a command prints: a record whose components are its JSON document ({@code --json}), and the
 * same facts as text for a person. Only the record's components go into the JSON.
 */
public interface Report {
    /** The text form, ending with a line end. */
    String text();

    /** 0 done; a report of findings may ask for 1 (the pool is in a state the command warns about). */
    default int exitStatus() {
        return 0;
    }
}
