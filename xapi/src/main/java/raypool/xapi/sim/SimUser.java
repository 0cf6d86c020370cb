package raypool.xapi.sim;

/** A local account the simulated pool accepts, with its RBAC role (pool-admin or read-only). */
public record SimUser(String name, String password, Role role) {
    public enum Role {
        POOL_ADMIN("pool-admin"),
        READ_ONLY("read-only");

        private final String xapiName;

        Role(String xapiName) {
            this.xapiName = xapiName;
        }

        public String xapiName() {
            return xapiName;
        }
    }

    @Override
    public String toString() {
        return "SimUser[" + name + ", " + role.xapiName() + "]";
    }
}
