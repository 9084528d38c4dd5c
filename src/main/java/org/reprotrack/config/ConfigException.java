package org.reprotrack.config;

import org.jspecify.annotations.Nullable;

/** A missing or invalid configuration: the file, the key and what is wrong, in one line. */
public final class ConfigException extends RuntimeException {

    private final @Nullable String file;
    private final @Nullable String key;
    private final String problem;

    public ConfigException(@Nullable String key, String problem) {
        this(null, key, problem);
    }

    public ConfigException(@Nullable String file, @Nullable String key, String problem) {
        super(format(file, key, problem));
        this.file = file;
        this.key = key;
        this.problem = problem;
    }

    /** The same problem, said of a file. */
    ConfigException inFile(String file) {
        return this.file != null ? this : new ConfigException(file, key, problem);
    }

    public @Nullable String key() {
        return key;
    }

    private static String format(@Nullable String file, @Nullable String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (key != null) {
            sb.append("key '").append(key).append("' ");
        }
        return sb.append(problem).toString();
    }
}
