package raypool.web.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The service's state: an embedded H2 database in the data folder, its schema brought up to date by
 * Flyway's migrations (src/main/resources/db/migration) at every start.
 */
public final class Database implements AutoCloseable {
    private final JdbcConnectionPool connections;

    private Database(JdbcConnectionPool connections) {
        this.connections = connections;
    }

    /** Opens (creating if needed) the database in {@code dataDir} and migrates it. */
    public static Database open(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("web") + ";DB_CLOSE_ON_EXIT=FALSE";
        return migrate(JdbcConnectionPool.create(url, "raypool", ""));
    }

    /** A private database in memory, for tests. */
    public static Database inMemory(String name) {
        return migrate(JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "raypool", ""));
    }

    private static Database migrate(JdbcConnectionPool pool) {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return new Database(pool);
    }

    public Connection connection() throws SQLException {
        return connections.getConnection();
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
