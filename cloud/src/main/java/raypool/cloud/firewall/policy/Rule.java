package raypool.cloud.firewall.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One firewall rule as the policy file states it, with where it was written. {@code target} is empty for
 * global rules and names a pool, network or VM (name or UUID) otherwise; {@code port} is empty for "any port"
 * and only set for TCP and UDP; {@code id} optionally fixes the rule's OpenFlow cookie so that its flows keep
 * their identity when the rule is edited.
 */
public record Rule(Level level, Optional<String> target, Kind kind, Action action, Protocol protocol,
                   Direction direction, Optional<PortRange> port, Ipv4Cidr remote, OptionalLong id, Origin origin) {

    public Rule {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        if ((level == Level.GLOBAL) == target.isPresent()) {
            throw new IllegalArgumentException(level == Level.GLOBAL ? "a global rule has no target" : "a " + level.word()
                    + " rule needs a target");
        }
        if (port.isPresent() && !protocol.takesPort()) {
            throw new IllegalArgumentException("a port needs protocol tcp or udp, not " + protocol.word());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same rule as if written elsewhere: what two rules that say the same thing share. */
    public Rule at(Origin other) {
        return new Rule(level, target, kind, action, protocol, direction, port, remote, id, other);
    }

    /** A short human form, e.g. {@code network lab mandatory deny tcp in port 22 remote 10.0.0.0/8}. */
    public String describe() {
        StringBuilder b = new StringBuilder(level.word());
        target.ifPresent(t -> b.append(' ').append(t));
        b.append(' ').append(kind.word()).append(' ').append(action.word()).append(' ').append(protocol.word());
        b.append(' ').append(direction.word());
        port.ifPresent(p -> b.append(" port ").append(p));
        if (!remote.isAny()) {
            b.append(" remote ").append(remote);
        }
        return b.toString();
    }

    /** Builds a rule; direction defaults to both, remote to any, origin to the built-in file. */
    public static final class Builder {
        private Level level = Level.GLOBAL;
        private Optional<String> target = Optional.empty();
        private Kind kind = Kind.DEFAULT;
        private Action action = Action.ALLOW;
        private Protocol protocol = Protocol.ANY;
        private Direction direction = Direction.BOTH;
        private Optional<PortRange> port = Optional.empty();
        private Ipv4Cidr remote = Ipv4Cidr.ANY;
        private OptionalLong id = OptionalLong.empty();
        private Origin origin = Origin.builtin();

        public Builder level(Level value) {
            level = value;
            return this;
        }

        public Builder target(String value) {
            target = Optional.of(value);
            return this;
        }

        public Builder kind(Kind value) {
            kind = value;
            return this;
        }

        public Builder action(Action value) {
            action = value;
            return this;
        }

        public Builder protocol(Protocol value) {
            protocol = value;
            return this;
        }

        public Builder direction(Direction value) {
            direction = value;
            return this;
        }

        public Builder port(PortRange value) {
            port = Optional.of(value);
            return this;
        }

        public Builder remote(Ipv4Cidr value) {
            remote = value;
            return this;
        }

        public Builder id(long value) {
            id = OptionalLong.of(value);
            return this;
        }

        public Builder origin(Origin value) {
            origin = value;
            return this;
        }

        public Rule build() {
            return new Rule(level, target, kind, action, protocol, direction, port, remote, id, origin);
        }
    }
}
