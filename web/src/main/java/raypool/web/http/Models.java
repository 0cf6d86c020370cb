package raypool.web.http;

import java.util.List;
import raypool.web.SelfService;
import raypool.web.access.AclEntry;
import raypool.web.access.Quota;
import raypool.web.dashboard.Dashboard;
import raypool.web.pool.NetworkView;

/** What each page's template is given. */
public final class Models {
    private Models() {
    }

    /** Who is signed in, for the header, and the session's CSRF token for every form. */
    public record Chrome(String user, boolean admin, String csrf, String title) {
    }

    public record Login(String csrf, String message) {
    }

    public record VmList(Chrome chrome, List<SelfService.Visible> vms, String message) {
    }

    public record VmPage(Chrome chrome, SelfService.Visible vm, List<NetworkView> usableNetworks, String message) {
    }

    public record Access(Chrome chrome, List<String> users, List<AclEntry> acl, List<Quota> quotas, String message) {
    }

    public record DashboardPage(Chrome chrome, Dashboard dashboard) {
    }

    public record ErrorPage(int status, String code, String message) {
    }
}
