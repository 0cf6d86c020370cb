package raypool.xapi.sim;

/**
 * A workload with the pool's own service VMs after its guests: VM numbers from {@code guests} on (the
 * licence server, the VMs a scenario adds) are nearly idle, whatever the wrapped workload knows.
 */
final class InfrastructureLoad implements Workload {
    private static final double CPU = 0.02;
    private final Workload guests;
    private final int guestCount;

    InfrastructureLoad(Workload guests, int guestCount) {
        this.guests = guests instanceof InfrastructureLoad l ? l.guests : guests;
        this.guestCount = guestCount;
    }

    @Override
    public double cpu(int vm, long epochMillis) {
        return vm >= guestCount ? CPU : guests.cpu(vm, epochMillis);
    }

    @Override
    public double networkBytesPerSecond(int vm, long epochMillis) {
        return vm >= guestCount ? 2e4 : guests.networkBytesPerSecond(vm, epochMillis);
    }

    @Override
    public double diskBytesPerSecond(int vm, long epochMillis) {
        return vm >= guestCount ? 5e4 : guests.diskBytesPerSecond(vm, epochMillis);
    }

    @Override
    public String kind(int vm) {
        return vm >= guestCount ? "idle" : guests.kind(vm);
    }

    @Override
    public double memoryDirtyBytesPerSecond(int vm, long epochMillis) {
        return vm >= guestCount ? GuestKind.IDLE.dirtyBytesPerSecond(CPU) : guests.memoryDirtyBytesPerSecond(vm, epochMillis);
    }
}
