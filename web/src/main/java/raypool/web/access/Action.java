package raypool.web.access;

/** What a request does to a VM, and the least role that allows it. */
public enum Action {
    VIEW(Role.VIEWER),
    POWER(Role.OPERATOR),
    CONFIGURE(Role.ADMIN);

    private final Role needs;

    Action(Role needs) {
        this.needs = needs;
    }

    public Role needs() {
        return needs;
    }
}
