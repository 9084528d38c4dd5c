package org.reprotrack.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.reprotrack.store.OpsStore;

/**
 * {@code /readyz}: the database answers, every migration of this build is applied, and the
 * scheduler runs when this process has one ({@code run}; {@code serve} has none). The answer
 * holds only fixed words, never text from the database or an exception.
 */
public final class Readiness {

    private final OpsStore store;
    private final IntSupplier pendingMigrations;
    private final Supplier<Optional<Boolean>> scheduler;

    /**
     * @param pendingMigrations migrations not applied yet
     * @param scheduler empty when this process has no scheduler, else whether it runs
     */
    public Readiness(OpsStore store, IntSupplier pendingMigrations, Supplier<Optional<Boolean>> scheduler) {
        this.store = store;
        this.pendingMigrations = pendingMigrations;
        this.scheduler = scheduler;
    }

    /** One check: its name and whether it passed. */
    public record Check(String name, boolean ok) {
    }

    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        boolean db = store.ping();
        checks.add(new Check("database", db));
        boolean migrated;
        try {
            migrated = db && pendingMigrations.getAsInt() == 0;
        } catch (RuntimeException e) {
            migrated = false;
        }
        checks.add(new Check("migrations", migrated));
        scheduler.get().ifPresent(running -> checks.add(new Check("scheduler", running)));
        return checks;
    }

    public static boolean ready(List<Check> checks) {
        return checks.stream().allMatch(Check::ok);
    }
}
