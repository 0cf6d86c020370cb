package raypool.xapi.rrd;

/** The two encodings of rrd_updates. */
public enum RrdFormat {
    XML,
    JSON
}
