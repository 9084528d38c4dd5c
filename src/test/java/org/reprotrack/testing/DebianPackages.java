package org.reprotrack.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the Debian packages a test's real server needs (PostgreSQL, Chromium) when they are
 * missing and this process may: the README's test command must work on a fresh machine with only
 * Java and Maven, and these tests must fail, never skip, when their server cannot be had. Without
 * root or apt-get the caller fails with a message saying what to install.
 */
public final class DebianPackages {

    private static final Path LOG = Path.of("target", "apt-get.log");

    private DebianPackages() {
    }

    /**
     * Makes sure the packages are installed; a no-op when {@code present} already holds.
     *
     * @return whether {@code present} holds afterwards
     */
    public static synchronized boolean ensure(java.util.function.BooleanSupplier present, String... packages) {
        if (present.getAsBoolean()) {
            return true;
        }
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return false;
        }
        try {
            Files.createDirectories(LOG.getParent());
            run(List.of("apt-get", "update"));
            List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
            install.addAll(List.of(packages));
            run(install);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return present.getAsBoolean();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        Files.writeString(LOG, "exit " + p.exitValue() + ": " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
    }
}
