package raypool.balancer.plan;

/** WLB's four threshold levels; a recommendation carries the level that triggered it. */
public enum Severity { CRITICAL, HIGH, MEDIUM, LOW }
