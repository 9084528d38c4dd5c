package org.reprotrack.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A report file the application wrote.
 *
 * @param name the file name, e.g. {@code dead-links-2026-11-26.md}
 * @param date the report's date; null for the stable {@code dead-links-latest.*} copies
 * @param extension {@code csv}, {@code json}, {@code md} or {@code html}
 */
public record ReportFile(String name, @Nullable LocalDate date, String extension, long size, Instant modified, Path path) {
}
