package org.reprotrack.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads {@link Settings}: the defaults built into the jar (a copy of {@code config/reprotrack.yml}),
 * then the config file, then {@code REPROTRACK_*} environment variables. Unknown keys and wrong
 * types are errors that name the file and the key, so a typo never silently keeps a default.
 */
public final class SettingsLoader {

    /** Where the config file is looked for when none is named. */
    public static final Path DEFAULT_FILE = Path.of("config", "reprotrack.yml");
    /** Names a config file when {@code --config} is not given. */
    public static final String CONFIG_ENV = "REPROTRACK_CONFIG";

    private static final String DEFAULTS = "/org/reprotrack/config/reprotrack.yml";
    private static final String ENV_PREFIX = "REPROTRACK_";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /**
     * Loads the settings.
     *
     * @param explicitFile the file named by {@code --config}, which must exist; null to use
     *     {@code $REPROTRACK_CONFIG}, else {@code config/reprotrack.yml} if present, else the defaults
     * @param env the environment, for {@code REPROTRACK_*} overrides
     * @throws ConfigException naming the file, the key and the problem
     */
    public Settings load(@Nullable Path explicitFile, Map<String, String> env) {
        ObjectNode tree = defaults();
        Path file = explicitFile;
        if (file == null && env.containsKey(CONFIG_ENV)) {
            file = Path.of(env.get(CONFIG_ENV));
        }
        String origin = "built-in defaults";
        if (file != null || Files.isRegularFile(DEFAULT_FILE)) {
            Path chosen = file != null ? file : DEFAULT_FILE;
            origin = chosen.toString();
            merge(tree, readFile(chosen), "", origin);
        }
        applyEnvironment(tree, "", env);
        return bind(tree, origin);
    }

    private ObjectNode defaults() {
        try (InputStream in = SettingsLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("built-in defaults missing from the jar: " + DEFAULTS);
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readFile(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException(file.toString(), null,
                    "config file not found; pass --config with an existing file, or copy config/reprotrack.yml from the reprotrack sources");
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = yaml.readTree(in);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file.toString(), null, "must be a YAML mapping of keys (database:, github:, ...)");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new ConfigException(file.toString(), null, where + "not valid YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot be read: " + e.getMessage());
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String path, String origin) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            String key = path + field.getKey();
            JsonNode current = target.get(field.getKey());
            if (current == null) {
                throw new ConfigException(origin, key, "is not a known key (see config/reprotrack.yml for the keys)");
            }
            if (current.isObject()) {
                if (!field.getValue().isObject()) {
                    throw new ConfigException(origin, key, "must be a mapping with the keys " + names(current));
                }
                merge((ObjectNode) current, field.getValue(), key + ".", origin);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode node, String path, Map<String, String> env) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = node.get(name);
            String key = path + name;
            if (value.isObject()) {
                applyEnvironment((ObjectNode) value, key + ".", env);
                continue;
            }
            String variable = ENV_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
            String override = env.get(variable);
            if (override == null) {
                continue;
            }
            node.set(name, fromEnvironment(override, value, variable, key));
        }
    }

    private static JsonNode fromEnvironment(String text, JsonNode template, String variable, String key) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (template.isArray()) {
            ArrayNode array = f.arrayNode();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    array.add(part.trim());
                }
            }
            return array;
        }
        if (template.isBoolean()) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new ConfigException("environment variable " + variable, key, "must be true or false, got '" + text + "'");
            }
            return f.booleanNode(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
        }
        if (template.isIntegralNumber()) {
            try {
                return f.numberNode(Integer.parseInt(text.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException("environment variable " + variable, key, "must be a whole number, got '" + text + "'");
            }
        }
        return f.textNode(text);
    }

    private Settings bind(ObjectNode tree, String origin) {
        try {
            return yaml.treeToValue(tree, Settings.class);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ConfigException config) {
                throw config.inFile(origin);
            }
            throw new ConfigException(origin, pathOf(e), "is invalid: " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw new ConfigException(origin, pathOf(e), "has the wrong type: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin, null, "cannot be read: " + e.getOriginalMessage());
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s+", " ").trim();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
