package raypool.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import raypool.web.auth.Directory;
import raypool.web.auth.LdapDirectory;

/** The options of directory sign-in. */
public final class LdapOptions {
    @Option(names = "--ldap-url", paramLabel = "URL", description = "Directory for sign-in, ldap://HOST:PORT (optional).")
    Optional<String> url = Optional.empty();

    @Option(names = "--ldap-base", paramLabel = "DN", description = "Where users and groups are searched, e.g. DC=example,DC=com.")
    Optional<String> base = Optional.empty();

    @Option(names = "--ldap-domain", paramLabel = "D", description = "The domain of user@domain names, e.g. example.com.")
    Optional<String> domain = Optional.empty();

    @Option(names = "--ldap-bind-dn", paramLabel = "DN", description = "Service account that searches the directory (optional).")
    Optional<String> bindDn = Optional.empty();

    @Option(names = "--ldap-bind-password-file", paramLabel = "F", description = "File whose first line is that account's password.")
    Optional<Path> bindPasswordFile = Optional.empty();

    Optional<Directory> directory(CommandLine cmd) {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (base.isEmpty() || domain.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, "option --ldap-url: give --ldap-base and --ldap-domain with it");
        }
        URI u;
        try {
            u = new URI(url.get());
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(cmd, "option --ldap-url: not a URL: " + url.get());
        }
        if (!"ldap".equals(u.getScheme()) || u.getHost() == null) {
            throw new CommandLine.ParameterException(cmd, "option --ldap-url: must be ldap://HOST[:PORT], got " + url.get());
        }
        Optional<String> password = bindPasswordFile.map(f -> WebMain.password(cmd, "--ldap-bind-password-file", f));
        return Optional.of(new LdapDirectory(new LdapDirectory.Settings(u.getHost(), u.getPort() < 0 ? 389 : u.getPort(),
                base.get(), domain.get(), bindDn, password)));
    }
}
