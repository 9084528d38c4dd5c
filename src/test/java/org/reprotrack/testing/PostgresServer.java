package org.reprotrack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: a fresh cluster in a temp folder, listening on a free
 * 127.0.0.1 port (and a Unix socket in the same folder), with a {@code reprotrack} superuser
 * (trust authentication) and database. {@link #close()} stops it at once and deletes the folder.
 *
 * <p>The server binaries come from {@code /usr/lib/postgresql/<version>/bin} or
 * {@code pg_config --bindir}. When they are missing this fails (never skips): CI must run these
 * tests, and {@code .ci/run} installs the {@code postgresql} package. {@code initdb} refuses to
 * run as root, so as root the binaries run as the {@code postgres} user through {@code runuser}.
 */
public final class PostgresServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 60;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgres;
    private volatile boolean closed;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Creates, starts and returns a new server with an empty {@code reprotrack} database. */
    public static PostgresServer start() {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir;
        try {
            // short path: the Unix socket path must stay under ~100 characters
            dir = Files.createTempDirectory(Path.of("/tmp"), "pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
        try {
            server.init();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The JDBC URL of the {@code reprotrack} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/reprotrack?user=reprotrack";
    }

    public int port() {
        return port;
    }

    /** A new connection to the database (for assertions). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Drops and recreates the database, for a clean slate between tests sharing one server. */
    public void recreateDatabase() {
        run(START_TIMEOUT_SECONDS, tool("dropdb"), "--if-exists", "--force", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "reprotrack", "reprotrack");
        run(START_TIMEOUT_SECONDS, tool("createdb"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "reprotrack",
                "reprotrack");
    }

    private void init() {
        if (asPostgres) {
            run(30, "chown", "-R", "postgres:postgres", dir.toString());
        }
        run(START_TIMEOUT_SECONDS, tool("initdb"), "-U", "reprotrack", "--auth=trust", "--encoding=UTF8", "--no-sync",
                "-D", data.toString());
        run(START_TIMEOUT_SECONDS, tool("pg_ctl"), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "-w", "-t", String.valueOf(START_TIMEOUT_SECONDS), "start");
        run(START_TIMEOUT_SECONDS, tool("createdb"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "reprotrack",
                "reprotrack");
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(START_TIMEOUT_SECONDS, tool("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (RuntimeException e) {
            System.err.println("PostgresServer: could not stop the server in " + dir + ": " + e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs a command (as postgres when we are root), failing with its output when it fails. */
    private void run(long timeoutSeconds, String... command) {
        List<String> argv = new ArrayList<>();
        if (asPostgres && !command[0].equals("chown")) {
            argv.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        argv.addAll(List.of(command));
        try {
            Path out = Files.createTempFile("pg-cmd", ".log");
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", argv)
                            + "\n" + Files.readString(out, StandardCharsets.UTF_8) + serverLog());
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", argv)
                            + "\n" + Files.readString(out, StandardCharsets.UTF_8) + serverLog());
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", argv), e);
        }
    }

    private String serverLog() {
        Path log = dir.resolve("server.log");
        try {
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The folder holding initdb and pg_ctl: the newest under /usr/lib/postgresql, else pg_config's. */
    static Path findBinaries() {
        DebianPackages.ensure(() -> locate() != null, "postgresql");
        Path found = locate();
        if (found != null) {
            return found;
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin"
                + " nor through pg_config: install the postgresql package (apt-get install -y postgresql) to run the"
                + " PostgreSQL tests");
    }

    private static @org.jspecify.annotations.Nullable Path locate() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion)).orElse(null);
                if (found != null) {
                    return found;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
                return Path.of(out);
            }
        } catch (IOException e) {
            // no pg_config either
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temp folder
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
