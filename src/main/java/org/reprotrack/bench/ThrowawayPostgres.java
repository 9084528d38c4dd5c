package org.reprotrack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server for the cluster benchmark: a fresh cluster in a temp folder on a free
 * 127.0.0.1 port, trust authentication for a {@code reprotrack} superuser, fsync off (it is thrown
 * away). The binaries come from {@code /usr/lib/postgresql/<version>/bin} or {@code pg_config}; as
 * root they run as the {@code postgres} user ({@code initdb} refuses root). {@link #close()} stops it
 * and deletes the folder.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    static ThrowawayPostgres start() throws IOException {
        Path bin = binaries();
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, Files.createTempDirectory(Path.of("/tmp"), "pgbench"), freePort(),
                "root".equals(System.getProperty("user.name")));
        try {
            if (pg.asPostgres) {
                pg.run("chown", "-R", "postgres:postgres", pg.dir.toString());
            }
            Path data = pg.dir.resolve("data");
            pg.run(pg.tool("initdb"), "-U", "reprotrack", "--auth=trust", "--encoding=UTF8", "--no-sync", "-D", data.toString());
            pg.run(pg.tool("pg_ctl"), "-D", data.toString(), "-l", pg.dir.resolve("server.log").toString(), "-o",
                    "-p " + pg.port + " -k " + pg.dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                            + " -c full_page_writes=off -c max_connections=200", "-w", "start");
            pg.createDatabase();
            return pg;
        } catch (RuntimeException | IOException e) {
            pg.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/reprotrack?user=reprotrack";
    }

    /** Drops the database and creates it empty again. */
    void recreateDatabase() throws IOException {
        run(tool("dropdb"), "--if-exists", "--force", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "reprotrack",
                "reprotrack");
        createDatabase();
    }

    private void createDatabase() throws IOException {
        run(tool("createdb"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "reprotrack", "reprotrack");
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    @Override
    public void close() {
        try {
            Path data = dir.resolve("data");
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(tool("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the benchmark's PostgreSQL in " + dir + ": " + e.getMessage());
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp folder: best effort
            }
        }
    }

    private void run(String... command) throws IOException {
        List<String> argv = new ArrayList<>();
        if (asPostgres && !command[0].equals("chown")) {
            argv.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        argv.addAll(List.of(command));
        Path out = Files.createTempFile("pgbench-cmd", ".log");
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", argv));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", argv) + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", argv), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                @Nullable Path found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> b.getParent().getFileName().toString())).orElse(null);
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
        throw new IllegalStateException("the cluster benchmark needs the PostgreSQL server binaries (initdb, pg_ctl): "
                + "install the postgresql package (apt-get install -y postgresql)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
