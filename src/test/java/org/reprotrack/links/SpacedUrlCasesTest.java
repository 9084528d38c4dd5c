package org.reprotrack.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * URLs broken by spaces (issue 12, point 3): the named cases of {@code links/spaced-urls.tsv},
 * repaired ones with the URL as joined, and the prose that must be left alone.
 */
class SpacedUrlCasesTest {

    private final LinkExtractor extractor = new LinkExtractor();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(SpacedUrlCasesTest.class.getResourceAsStream("/links/spaced-urls.tsv"));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 4) {
                    throw new IllegalStateException("want 4 tab-separated columns: " + line);
                }
                List<String> expected = cols[2].equals("-") ? List.of() : Arrays.asList(cols[2].split(" "));
                cases.add(Arguments.of(cols[0], cols[1].replace('⏎', '\n'), expected, cols[3]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void repairsOnlyCodeHostUrlsBrokenBySpaces(String description, String input, List<String> expected, String firstUrl) {
        List<Link> links = extractor.extract(input, null);
        assertEquals(expected, Describe.links(links), description);
        if (!firstUrl.equals("-")) {
            assertEquals(firstUrl, links.get(0).url(), description);
        }
    }

    @Test
    void tableHoldsPositiveAndNegativeCases() throws IOException {
        long positive = cases().filter(a -> !((List<?>) a.get()[2]).isEmpty() && !a.get()[3].equals("-")).count();
        long negative = cases().filter(a -> a.get()[3].equals("-")).count();
        assertFalse(positive < 20 || negative < 15, "positive " + positive + ", negative " + negative);
    }

    @Test
    void repairedLinkKeepsItsSentenceAndPromise() {
        Link link = extractor.extract("The code will be released at https: // github. com/ alice/ fast-net soon.", null).get(0);
        assertEquals("code:github.com/alice/fast-net", Describe.link(link));
        assertEquals("The code will be released at https: // github. com/ alice/ fast-net soon.", link.context());
        assertEquals(true, link.promised());
    }
}
