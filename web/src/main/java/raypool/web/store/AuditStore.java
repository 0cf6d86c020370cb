package raypool.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The service's audit log: one row per change a user asked for, refused ones included. */
public final class AuditStore {
    /** One change. */
    public record Entry(Instant at, String user, String vmUuid, String vmName, String action, String result) {
    }

    private final Database db;

    public AuditStore(Database db) {
        this.db = db;
    }

    public void add(Entry e) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit (at, user_name, vm_uuid, vm_name, action, result) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(e.at()));
            s.setString(2, e.user());
            s.setString(3, e.vmUuid());
            s.setString(4, e.vmName());
            s.setString(5, e.action());
            s.setString(6, e.result().length() > 500 ? e.result().substring(0, 500) : e.result());
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("write audit", ex);
        }
    }

    public List<Entry> recent(int limit) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT at, user_name, vm_uuid, vm_name, action, result FROM audit ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<Entry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Entry(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException("read audit", ex);
        }
    }
}
