package raypool.cloud.cli;

import picocli.CommandLine.IVersionProvider;

/** The version {@code cloud -V} prints: the project's, from the jar's manifest when there is one. */
final class CloudVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CloudMain.class.getPackage().getImplementationVersion();
        return new String[] {"cloud " + (v == null ? "(development build)" : v)};
    }
}
