package org.reprotrack.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The application's database: a connection pool over H2 (embedded, the default) or PostgreSQL,
 * migrated to the current schema when opened.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final boolean h2;

    private Database(HikariDataSource dataSource, boolean h2) {
        this.dataSource = dataSource;
        this.h2 = h2;
    }

    /**
     * Opens the database and applies pending migrations.
     *
     * @throws StoreException with a message a user can act on when the database cannot be opened
     */
    /**
     * Where the migrations are: the shared SQL; db/vendor/{h2,postgresql}, the few tables whose DDL
     * cannot be shared (Quartz's BLOB vs BYTEA); store/migration, the Java migrations (data moves
     * that SQL cannot do in bounded memory).
     */
    static String[] migrations(boolean h2) {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + (h2 ? "h2" : "postgresql"),
                "classpath:org/reprotrack/store/migration"};
    }

    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        boolean h2 = jdbcUrl.startsWith("jdbc:h2:");
        if (!h2 && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new StoreException("unsupported database URL (use jdbc:h2:... or jdbc:postgresql:...): " + redact(jdbcUrl));
        }
        if (h2) {
            createParentDirectory(jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(h2 ? closedByUs(withCache(durable(jdbcUrl), Runtime.getRuntime().maxMemory())) : jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("reprotrack");
        config.setInitializationFailTimeout(1);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException(describe(jdbcUrl, e.getCause() != null ? e.getCause() : e), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations(migrations(h2)).load().migrate();
        } catch (FlywayException e) {
            ds.close();
            throw new StoreException("cannot migrate the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        return new Database(ds, h2);
    }

    /** How many migrations this build has that the database has not applied (readiness: 0 once migrated). */
    public int pendingMigrations() {
        try {
            return Flyway.configure().dataSource(dataSource).locations(migrations(h2)).load().info().pending().length;
        } catch (FlywayException e) {
            throw new StoreException("cannot read the migration state: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True for H2, where a few statements (e.g. bulk hints) differ from PostgreSQL. */
    public boolean isH2() {
        return h2;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * An H2 file URL whose commits reach the file when they return. H2 otherwise keeps up to
     * 500 ms of committed transactions in memory (WRITE_DELAY): a killed process (SIGKILL, OOM
     * killer) would lose checks an audit had already recorded and marked done, and the next start
     * would check them again. An explicit WRITE_DELAY in the URL is kept.
     */
    static String durable(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    /**
     * An H2 URL whose database only this application closes ({@code DB_CLOSE_ON_EXIT=FALSE}). H2's
     * own shutdown hook otherwise closes it when the JVM starts to exit, which on SIGTERM or Ctrl-C
     * was while an audit still recorded its last checks and its usage ("Database is already
     * closed"). The commands stop their work, then close the pool ({@link #close()}), and the last
     * connection closed closes the file. Applies to every H2 URL, the config's and {@code --db}'s;
     * an explicit DB_CLOSE_ON_EXIT is kept, and a server URL (tcp:, ssl:) is the server's business.
     */
    static String closedByUs(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || jdbcUrl.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * An H2 file URL with a page cache of 1/16 of the heap (at least 16 MiB, H2's fixed default).
     * 16 MiB holds less than the pages a dashboard reads in a second at 100,000 papers: every list
     * page decoded papers and repositories from the file again, and the garbage's GC pauses were
     * the 99th percentile (BENCHMARKS.md, "Dashboard"). A larger share starves a one-file ingest
     * with a small heap (1M abstracts at -Xmx512m: 79 to 86 s with a quarter, 67 s with 1/16).
     * An explicit CACHE_SIZE in the URL is kept.
     */
    static String withCache(String jdbcUrl, long maxHeapBytes) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || jdbcUrl.toUpperCase(Locale.ROOT).contains(";CACHE_SIZE=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";CACHE_SIZE=" + Math.max(16 * 1024, maxHeapBytes / 16 / 1024);
    }

    private static void createParentDirectory(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int semicolon = rest.indexOf(';');
        String file = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private static String describe(String jdbcUrl, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof SQLException sql && sql.getErrorCode() == 90020) {
            return "the database " + redact(jdbcUrl)
                    + " is in use by another process (is `reprotrack run` running?); stop it or pass --db with another URL";
        }
        if (message.toLowerCase(Locale.ROOT).contains("password")) {
            return "cannot log in to the database " + redact(jdbcUrl) + ": check database.user and database.password";
        }
        int newline = message.indexOf('\n');
        return "cannot open the database " + redact(jdbcUrl) + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    /** A JDBC URL without any password parameter, for messages. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
