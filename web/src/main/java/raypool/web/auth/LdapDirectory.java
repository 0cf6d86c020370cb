package raypool.web.auth;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Directory sign-in over LDAP (UnboundID LDAP SDK), Active Directory style: the user types {@code name} or
 * {@code name@domain}; the directory is searched under {@code baseDn} for
 * {@code userPrincipalName=name@domain} (or {@code uid=name}), the password is checked by binding as that
 * entry, and the user's groups are the {@code cn} of the groups whose {@code member} is the entry. The search
 * runs with the service account when one is given (Active Directory refuses anonymous searches).
 */
public final class LdapDirectory implements Directory {
    /** Where the directory is and how to search it. */
    public record Settings(String host, int port, String baseDn, String domain, Optional<String> bindDn,
                           Optional<String> bindPassword) {
    }

    private final Settings settings;

    public LdapDirectory(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<Accepted> authenticate(String user, String password) {
        if (password.isEmpty()) {
            return Optional.empty(); // an empty password is an anonymous bind in LDAP: never a sign-in
        }
        String name = user.contains("@") ? user.substring(0, user.indexOf('@')) : user;
        String domain = user.contains("@") ? user.substring(user.indexOf('@') + 1) : settings.domain();
        if (!domain.equalsIgnoreCase(settings.domain())) {
            return Optional.empty();
        }
        try (LDAPConnection c = new LDAPConnection(settings.host(), settings.port())) {
            if (settings.bindDn().isPresent()) {
                c.bind(settings.bindDn().get(), settings.bindPassword().orElse(""));
            }
            Filter who = Filter.createORFilter(Filter.createEqualityFilter("userPrincipalName", name + "@" + domain),
                    Filter.createEqualityFilter("uid", name));
            SearchResult found = c.search(settings.baseDn(), SearchScope.SUB, who, "cn");
            if (found.getEntryCount() != 1) {
                return Optional.empty();
            }
            String dn = found.getSearchEntries().getFirst().getDN();
            try (LDAPConnection asUser = new LDAPConnection(settings.host(), settings.port())) {
                asUser.bind(dn, password);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    return Optional.empty();
                }
                throw e;
            }
            Set<String> groups = new HashSet<>();
            SearchResult memberOf = c.search(settings.baseDn(), SearchScope.SUB, Filter.createEqualityFilter("member", dn), "cn");
            for (SearchResultEntry g : memberOf.getSearchEntries()) {
                Optional.ofNullable(g.getAttributeValue("cn")).ifPresent(groups::add);
            }
            return Optional.of(new Accepted(name + "@" + domain, groups));
        } catch (LDAPException e) {
            System.getLogger(LdapDirectory.class.getName()).log(System.Logger.Level.WARNING,
                    "directory " + settings.host() + ":" + settings.port() + " failed: " + e.getResultCode());
            return Optional.empty();
        }
    }
}
