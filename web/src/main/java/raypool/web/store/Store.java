package raypool.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import raypool.web.access.AclEntry;
import raypool.web.access.ObjectRef;
import raypool.web.access.Quota;
import raypool.web.access.Role;
import raypool.web.access.SubjectRef;

/** Reads and writes users, groups, ACL entries and quotas (sessions: {@link SessionStore}). */
public final class Store {
    private final Database db;

    public Store(Database db) {
        this.db = db;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T with(String what, Work<T> work) {
        try (Connection c = db.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    public boolean hasUsers() {
        return with("count users", c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                r.next();
                return r.getLong(1) > 0;
            }
        });
    }

    /** Adds a user; false when the name is taken. */
    public boolean addUser(UserRecord u, Instant now) {
        return with("add user", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO users (name, password_hash, source, service_admin, created_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, u.name());
                s.setString(2, u.passwordHash().orElse(null));
                s.setString(3, u.source());
                s.setBoolean(4, u.serviceAdmin());
                s.setTimestamp(5, Timestamp.from(now));
                return s.executeUpdate() == 1;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    public Optional<UserRecord> user(String name) {
        return with("read user", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, password_hash, source, service_admin FROM users WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new UserRecord(r.getString(1), Optional.ofNullable(r.getString(2)),
                            r.getString(3), r.getBoolean(4))) : Optional.empty();
                }
            }
        });
    }

    public List<String> userNames() {
        return with("list users", c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("SELECT name FROM users ORDER BY name")) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    public void addToGroup(String group, String user) {
        with("add group member", c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO group_members KEY (group_name, user_name) VALUES (?, ?)")) {
                s.setString(1, group);
                s.setString(2, user);
                return s.executeUpdate();
            }
        });
    }

    public Set<String> groupsOf(String user) {
        return with("read groups", c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT group_name FROM group_members WHERE user_name = ?")) {
                s.setString(1, user);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Grants (or changes) a role; one entry per subject and object. */
    public void grant(AclEntry e) {
        with("grant", c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO acl (subject_kind, subject, object_kind, object_uuid, role)"
                    + " KEY (subject_kind, subject, object_kind, object_uuid) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, e.subject().kind().name());
                s.setString(2, e.subject().name());
                s.setString(3, e.object().kind().name());
                s.setString(4, e.object().uuid());
                s.setString(5, e.role().name());
                return s.executeUpdate();
            }
        });
    }

    public List<AclEntry> acl() {
        return with("read acl", c -> {
            List<AclEntry> out = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery(
                    "SELECT subject_kind, subject, object_kind, object_uuid, role FROM acl ORDER BY id")) {
                while (r.next()) {
                    out.add(new AclEntry(new SubjectRef(SubjectRef.Kind.valueOf(r.getString(1)), r.getString(2)),
                            new ObjectRef(ObjectRef.Kind.valueOf(r.getString(3)), r.getString(4)),
                            Role.valueOf(r.getString(5))));
                }
            }
            return out;
        });
    }

    public void setQuota(Quota q) {
        with("set quota", c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO quotas (subject_kind, subject, vcpus, memory_mib, vms,"
                    + " networks, disk_gib) KEY (subject_kind, subject) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, q.subject().kind().name());
                s.setString(2, q.subject().name());
                setLimit(s, 3, q.vcpus());
                setLimit(s, 4, q.memoryMib());
                setLimit(s, 5, q.vms());
                s.setString(6, String.join("\n", q.networks()));
                setLimit(s, 7, q.diskGib());
                return s.executeUpdate();
            }
        });
    }

    public List<Quota> quotas() {
        return with("read quotas", c -> {
            List<Quota> out = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery(
                    "SELECT subject_kind, subject, vcpus, memory_mib, vms, networks, disk_gib FROM quotas"
                            + " ORDER BY subject_kind, subject")) {
                while (r.next()) {
                    out.add(new Quota(new SubjectRef(SubjectRef.Kind.valueOf(r.getString(1)), r.getString(2)),
                            limit(r, 3), limit(r, 4), limit(r, 5), limit(r, 7),
                            r.getString(6).isEmpty() ? List.of() : List.of(r.getString(6).split("\n"))));
                }
            }
            return out;
        });
    }

    private static void setLimit(PreparedStatement s, int index, OptionalLong v) throws SQLException {
        if (v.isPresent()) {
            s.setLong(index, v.getAsLong());
        } else {
            s.setNull(index, java.sql.Types.BIGINT);
        }
    }

    private static OptionalLong limit(ResultSet r, int index) throws SQLException {
        long v = r.getLong(index);
        return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
