package raypool.cloud.firewall.policy;

/** Where a rule was written: a policy file and line, or the built-in default rules (line 0). */
public record Origin(String file, int line) {

    public static final String BUILTIN_FILE = "builtin";

    public static Origin builtin() {
        return new Origin(BUILTIN_FILE, 0);
    }

    public boolean isBuiltin() {
        return BUILTIN_FILE.equals(file) && line == 0;
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
