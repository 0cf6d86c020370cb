package raypool.xapi.sim;

/** A logged-in session of the simulated pool. */
record SimSession(String ref, String user, SimUser.Role role, String originator) {
}
