package raypool.web.dashboard;

/** The newest dashboard, for the page and its live updates. */
public interface DashboardSource {
    Dashboard current();
}
