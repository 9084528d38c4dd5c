package org.reprotrack.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    private final SettingsLoader loader = new SettingsLoader();

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("reprotrack.yml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void builtInDefaultsAreTheDocumentedOnes() {
        Settings s = loader.load(null, Map.of());
        assertEquals("jdbc:h2:file:./data/reprotrack", s.database().url());
        assertEquals("https://api.github.com", s.github().apiUrl());
        assertEquals("https://api.github.com/graphql", s.github().effectiveGraphqlUrl());
        assertEquals("GITHUB_TOKEN", s.github().tokenEnv());
        assertEquals("https://export.arxiv.org/api/query", s.arxiv().apiUrl());
        assertEquals("127.0.0.1", s.dashboard().host());
        assertEquals(List.of("config/sample-papers.csv"), s.ingest().sources());
        assertTrue(s.schedules().audit().enabled());
    }

    @Test
    void fileOverridesOnlyTheKeysItNames() throws IOException {
        Settings s = loader.load(write("dashboard:\n  port: 8080\n"), Map.of());
        assertEquals(8080, s.dashboard().port());
        assertEquals("127.0.0.1", s.dashboard().host());
    }

    @Test
    void environmentOverridesFileForEveryKind() throws IOException {
        Path file = write("dashboard:\n  port: 8080\n");
        Settings s = loader.load(file, Map.of(
                "REPROTRACK_DASHBOARD_PORT", "9090",
                "REPROTRACK_DATABASE_URL", "jdbc:h2:mem:x",
                "REPROTRACK_GITHUB_GRAPHQL", "false",
                "REPROTRACK_INGEST_SOURCES", "a.txt, b/",
                "REPROTRACK_SCHEDULES_AUDIT_CRON", "0 15 * * * ?"));
        assertEquals(9090, s.dashboard().port());
        assertEquals("jdbc:h2:mem:x", s.database().url());
        assertFalse(s.github().graphql());
        assertEquals(List.of("a.txt", "b/"), s.ingest().sources());
        assertEquals("0 15 * * * ?", s.schedules().audit().cron());
    }

    @Test
    void configFileIsFoundThroughTheEnvironment() throws IOException {
        Path file = write("dashboard:\n  port: 7000\n");
        assertEquals(7000, loader.load(null, Map.of("REPROTRACK_CONFIG", file.toString())).dashboard().port());
    }

    @Test
    void unknownKeyIsNamedWithItsFile() throws IOException {
        Path file = write("dashboard:\n  prot: 8080\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file, Map.of()));
        assertTrue(e.getMessage().startsWith(file + ": key 'dashboard.prot' is not a known key"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheKey() throws IOException {
        Path file = write("dashboard:\n  port: eighty\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file, Map.of()));
        assertTrue(e.getMessage().contains("key 'dashboard.port'"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void outOfRangeValueSaysWhatIsAllowed() throws IOException {
        Path file = write("dashboard:\n  port: 70000\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file, Map.of()));
        assertEquals(file + ": key 'dashboard.port' must be between 0 and 65535", e.getMessage());
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        Path file = write("database:\n  url: \"jdbc:h2:mem:x\n  user: [\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file, Map.of()));
        assertTrue(e.getMessage().matches("(?s).*reprotrack\\.yml: line \\d+: not valid YAML.*"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void missingExplicitFileIsAnError() {
        Path missing = dir.resolve("nope.yml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(missing, Map.of()));
        assertTrue(e.getMessage().startsWith(missing + ": config file not found"), e.getMessage());
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(null, Map.of("REPROTRACK_DASHBOARD_PORT", "http")));
        assertEquals("environment variable REPROTRACK_DASHBOARD_PORT: key 'dashboard.port' must be a whole number, got 'http'",
                e.getMessage());
    }

    @Test
    void tokenItselfInTokenEnvIsRejected() throws IOException {
        Path file = write("github:\n  token_env: \"ghp_abc123\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file, Map.of()));
        assertTrue(e.getMessage().contains("key 'github.token_env' must be the name of an environment variable"), e.getMessage());
        assertFalse(e.getMessage().contains("ghp_abc123"), "the would-be token is not echoed");
    }

    @Test
    void emptyFileMeansDefaults() throws IOException {
        assertEquals(4567, loader.load(write(""), Map.of()).dashboard().port());
    }

    @Test
    void databasePasswordNeverPrints() {
        Settings s = loader.load(null, Map.of("REPROTRACK_DATABASE_PASSWORD", "s3cret"));
        assertEquals("s3cret", s.database().password());
        assertFalse(s.toString().contains("s3cret"));
    }

    @Test
    void reportAndArchiveDefaultsPointAtTheRealArchivesWithTheAvailabilityCheckOff() {
        Settings s = loader.load(null, Map.of());
        assertEquals("reports", s.report().outputDir());
        assertEquals(List.of("md", "csv", "json", "html"), s.report().formats());
        assertEquals("https://archive.softwareheritage.org", s.archives().softwareHeritageUrl());
        assertEquals("https://web.archive.org", s.archives().waybackUrl());
        assertFalse(s.archives().availabilityCheck());
        assertEquals(7, s.archives().cacheDays());
    }

    @Test
    void invalidArchiveUrlOrReportFormatNamesTheKey() throws IOException {
        Path url = write("archives:\n  software_heritage_url: archive.softwareheritage.org\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(url, Map.of()));
        assertTrue(e.getMessage().contains("key 'archives.software_heritage_url' must be an http:// or https:// URL"), e.getMessage());
        Path formats = write("report:\n  formats: [md, pdf]\n");
        e = assertThrows(ConfigException.class, () -> loader.load(formats, Map.of()));
        assertTrue(e.getMessage().contains("key 'report.formats'"), e.getMessage());
        assertTrue(loader.load(null, Map.of("REPROTRACK_ARCHIVES_AVAILABILITY_CHECK", "true")).archives().availabilityCheck());
    }
}
