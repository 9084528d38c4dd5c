package org.reprotrack.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report folder: writes report files under the app's naming pattern and lists or opens only
 * files that match it. A name from outside (a dashboard download link) is matched against the
 * pattern, never joined to the folder as given, so {@code ../} and absolute paths cannot escape.
 */
public final class ReportFiles {

    /** {@code dead-links-YYYY-MM-DD.ext} or {@code dead-links-latest.ext}. */
    private static final Pattern NAME = Pattern.compile("dead-links-(\\d{4}-\\d{2}-\\d{2}|latest)\\.(csv|json|md|html)");

    private final Path folder;

    public ReportFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** The dated file name of a report. */
    public static String datedName(LocalDate date, String extension) {
        return checked("dead-links-" + date + "." + extension);
    }

    /** The stable name that always holds the newest report of a format. */
    public static String latestName(String extension) {
        return checked("dead-links-latest." + extension);
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a report file name: " + name);
        }
        return name;
    }

    /**
     * Writes a report file whole or not at all (a reader of {@code latest} never sees half a file):
     * to a temporary file in the folder, then moved over the name.
     */
    public Path write(String name, String content) {
        Path target = folder.resolve(checked(name));
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".dead-links-", ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The report files in the folder, newest date first, then by name; other files are ignored. */
    public List<ReportFile> list() {
        List<ReportFile> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                describe(p).ifPresent(files::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing((ReportFile f) -> f.date() == null ? LocalDate.MAX : f.date()).reversed()
                .thenComparing(ReportFile::name));
        return files;
    }

    /** The report file of this name, if it is one the app wrote; anything else (paths, other files) is empty. */
    public Optional<ReportFile> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return describe(folder.resolve(name));
    }

    private static Optional<ReportFile> describe(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            // a symbolic link planted in the folder could point anywhere: only regular files count
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            LocalDate date = m.group(1).equals("latest") ? null : LocalDate.parse(m.group(1));
            return Optional.of(new ReportFile(m.group(0), date, m.group(2), a.size(), a.lastModifiedTime().toInstant(), p));
        } catch (IOException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
