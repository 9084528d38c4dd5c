package org.reprotrack.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of extraction cases in {@code links/cases.tsv}: one input, the links expected in order. */
class LinkCasesTest {

    private final LinkExtractor extractor = new LinkExtractor();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(LinkCasesTest.class.getResourceAsStream("/links/cases.tsv"));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 3) {
                    throw new IllegalStateException("want 3 tab-separated columns: " + line);
                }
                List<String> expected = cols[2].equals("-") ? List.of() : Arrays.asList(cols[2].split(" "));
                cases.add(Arguments.of(cols[0], cols[1].replace('⏎', '\n'), expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsTheExpectedLinks(String description, String input, List<String> expected) {
        assertEquals(expected, Describe.links(extractor.extract(input, null)), description);
    }
}
