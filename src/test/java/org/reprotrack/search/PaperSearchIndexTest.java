package org.reprotrack.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.store.PaperQuery;
import org.reprotrack.store.PaperSort;

class PaperSearchIndexTest {

    private static final Instant JAN_2_2023 = Instant.parse("2023-01-02T00:00:00Z");

    /** Every abstract holds "study", so a search for it lists every fixture. */
    private static final List<SearchDoc> FIXTURES = List.of(
            doc("2108.08839", "Diffusion Models Beat GANs", "We study image synthesis.", List.of("github.com/lab123/project"),
                    PaperStatus.HAS_CODE, 2021, List.of("github.com"), Instant.parse("2021-08-20T00:00:00Z"), 4, false, false),
            doc("hep-th/9901001", "Strings on branes", "A study of string theory in d dimensions.", List.of(),
                    PaperStatus.NO_CODE_LINK, 1999, List.of(), Instant.parse("1999-01-05T00:00:00Z"), null, false, false),
            doc("2301.00001", "Learning to rank", "A study of transformers for retrieval.",
                    List.of("huggingface.co/datasets/acme/rankset", "gitlab.com/acme/ranker"), PaperStatus.CODE_GONE, 2023,
                    List.of("gitlab.com", "huggingface.co"), JAN_2_2023, 2, true, true),
            doc("2302.00002", "Graph learning", "Graph neural networks learn; a study.", List.of("github.com/deepgraph/gnn-kit"),
                    PaperStatus.NO_CODE_YET, null, List.of("github.com"), null, 0, false, true),
            doc("2303.00003", "Learning without dates", "A study of the diffusion of ideas.", List.of(),
                    PaperStatus.PENDING, 2023, List.of(), null, null, false, true),
            doc("2304.00004", "Same day", "Another study published on the same day.", List.of("codeberg.org/x/sameday"),
                    PaperStatus.HAS_CODE, 2023, List.of("codeberg.org"), JAN_2_2023, 1, false, false));

    private PaperSearchIndex index;

    @BeforeEach
    void fill() {
        index = PaperSearchIndex.open(null);
        index.apply(FIXTURES, List.of(), 1);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void wordsMatchAsPrefixesOfTitleAndAbstractWords() {
        assertEquals(List.of("2108.08839", "2303.00003"), ids("diffu"), "title of one, abstract of the other");
        assertEquals(List.of("2108.08839"), ids("Bea"));
        assertEquals(List.of("2108.08839"), ids("synth"));
        assertEquals(List.of("2301.00001"), ids("TRANSFORM"));
    }

    @Test
    void prefixesOfAnyLengthMatch() {
        assertEquals(List.of("2108.08839", "2303.00003", "hep-th/9901001"), ids("di"), "diffusion, dimensions");
        assertEquals(List.of("2108.08839", "2303.00003"), ids("diffus"));
        assertEquals(List.of("2108.08839", "2303.00003"), ids("diffusi"), "longer than the indexed prefixes");
        assertEquals(List.of("2108.08839", "2303.00003"), ids("diffusion"));
        assertEquals(List.of(), ids("diffusions"));
        assertEquals(List.of("2301.00001"), ids("transformers"));
        assertEquals(List.of("2301.00001"), ids("huggingface.co/datasets/acme/r"), "a key prefix longer than the indexed ones");
        assertEquals(List.of("2301.00001"), ids("huggingface.co/datasets/acme/rankset"));
        assertEquals(List.of(), ids("huggingface.co/datasets/acme/ranksets"));
    }

    @Test
    void prefixesCountCharactersNotBytes() {
        index.apply(List.of(doc("2305.00005", "Naïve Διάχυση", "study", List.of(), PaperStatus.PENDING, null, List.of(), null,
                null, false, false)), List.of(), 2);
        assertEquals(List.of("2305.00005"), ids("naï"));
        assertEquals(List.of("2305.00005"), ids("ΔΙΆΧ"));
        assertEquals(List.of("2305.00005"), ids("διάχυσ"));
    }

    @Test
    void everyWordMustMatch() {
        assertEquals(List.of("2302.00002"), ids("graph learning"));
        assertEquals(List.of("2303.00003"), ids("diffusion ideas"));
        assertEquals(List.of(), ids("diffusion graph"));
    }

    @Test
    void wordsAfterTheTenthAreIgnored() {
        assertEquals(List.of("2303.00003"), ids("diffusion ideas study diffusion ideas study diffusion ideas study diffusion nowhere"));
        assertEquals(List.of(), ids("diffusion ideas study diffusion ideas study diffusion ideas study nowhere"));
    }

    @Test
    void aWordOfOneCharacterMatchesWholeWordsOnly() {
        assertEquals(List.of("hep-th/9901001"), ids("d"), "not every word starting with d");
    }

    @Test
    void repositoryKeysMatchWholeAsPrefixes() {
        assertEquals(List.of("2108.08839"), ids("github.com/lab12"));
        assertEquals(List.of("2301.00001"), ids("HuggingFace.co/datasets/ac"));
        assertEquals(List.of("2108.08839", "2302.00002"), ids("github.com"));
    }

    @Test
    void repositoryOwnersAndNamesMatchAsPrefixes() {
        assertEquals(List.of("2108.08839"), ids("lab12"));
        assertEquals(List.of("2302.00002"), ids("deepgr"));
        assertEquals(List.of("2302.00002"), ids("gnn-k"), "a part with a dash matches whole, as a key");
        assertEquals(List.of("2301.00001"), ids("ranks"));
        assertEquals(List.of("2301.00001"), ids("acme"));
    }

    @Test
    void paperIdsMatchAsPrefixesInAnyCase() {
        assertEquals(List.of("2108.08839"), ids("2108.088"));
        assertEquals(List.of("hep-th/9901001"), ids("HEP-TH/99"));
        assertEquals(List.of("2301.00001", "2302.00002", "2303.00003", "2304.00004"), ids("230"));
        assertEquals(List.of("2302.00002"), ids("2302 graph"));
    }

    static List<String> hostile() {
        return List.of("a*b?\"(:)", "\\", "\"", "title:foo", "(diffusion", "+-&&||!(){}[]^\"~*?:\\/", "AND OR NOT",
                "\uD800", "*", "?", "/", "github.com/", "x".repeat(10_000), "learn ".repeat(500), "a-b-c-d-e-f-g-h-i-j-k-l-m");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void querySyntaxIsJustText(String text) {
        assertDoesNotThrow(() -> index.search(query(text, PaperSort.ID, 0, 10)));
    }

    @Test
    void wildcardsAndParenthesesAreNotOperators() {
        assertEquals(List.of("2108.08839", "2303.00003"), ids("diffu*"), "the star is punctuation, the word still matches");
        assertEquals(List.of("2303.00003"), ids("(diffusion) \"ideas\""));
        assertEquals(List.of(), ids("dif?usion"), "no single-character wildcard: 'dif' and 'usion' must both match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "\\", "a*b?\"(:)?", "* ? ( ) :", "—"})
    void textWithoutAnyWordMatchesNothing(String text) {
        SearchHits hits = index.search(query(text, PaperSort.ID, 0, 10));
        assertEquals(List.of(), hits.paperIds());
        assertFalse(hits.hasNext());
    }

    @Test
    void aSearchNeedsText() {
        assertThrows(IllegalArgumentException.class,
                () -> index.search(new PaperQuery(null, null, null, null, PaperSort.ID, 0, 10)));
    }

    @Test
    void statusFilter() {
        assertEquals(List.of("2301.00001"), ids(filtered(PaperStatus.CODE_GONE, null, null, null, false, null)));
        assertEquals(List.of("2108.08839", "2304.00004"), ids(filtered(PaperStatus.HAS_CODE, null, null, null, false, null)));
    }

    @Test
    void yearFilter() {
        assertEquals(List.of("2301.00001", "2303.00003", "2304.00004"), ids(filtered(null, null, 2023, null, false, null)));
        assertEquals(List.of(), ids(filtered(null, null, 2022, null, false, null)));
    }

    @Test
    void hostFilterIgnoresCase() {
        assertEquals(List.of("2108.08839", "2302.00002"), ids(filtered(null, "GitHub.com", null, null, false, null)));
        assertEquals(List.of("2301.00001"), ids(filtered(null, "huggingface.co", null, null, false, null)));
    }

    @Test
    void minScoreFilterSkipsPapersWithoutSignals() {
        assertEquals(List.of("2108.08839", "2301.00001"), ids(filtered(null, null, null, 2, false, null)));
        assertEquals(List.of("2108.08839", "2301.00001", "2302.00002", "2304.00004"), ids(filtered(null, null, null, 0, false, null)));
        assertEquals(List.of(), ids(filtered(null, null, null, 5, false, null)));
    }

    @Test
    void placeholderFilter() {
        assertEquals(List.of("2301.00001"), ids(filtered(null, null, null, null, true, null)));
    }

    @Test
    void promiseFilterNeedsAnOpenPromiseAndADateBeforeTheCutoff() {
        assertEquals(List.of("2301.00001"), ids(filtered(null, null, null, null, false, Instant.parse("2024-01-01T00:00:00Z"))),
                "2302 and 2303 have open promises but no date; 2304 has none open");
        assertEquals(List.of(), ids(filtered(null, null, null, null, false, JAN_2_2023)), "strictly before the cutoff");
        assertEquals(List.of("2301.00001"), ids(filtered(null, null, null, null, false, JAN_2_2023.plusMillis(1))));
        assertEquals(List.of("2301.00001"), ids(filtered(null, null, null, null, false, JAN_2_2023.plusNanos(1))));
    }

    @Test
    void filtersCombineWithEachOtherAndWithTheText() {
        assertEquals(List.of("2304.00004"), ids(filtered(PaperStatus.HAS_CODE, null, 2023, null, false, null)));
        assertEquals(List.of(), ids(new PaperQuery("diffusion", PaperStatus.NO_CODE_YET, null, null, PaperSort.ID, 0, 10)));
        assertEquals(List.of("2303.00003"), ids(new PaperQuery("diffusion", null, null, 2023, PaperSort.ID, 0, 10)));
    }

    @Test
    void idOrdersAscendAndDescend() {
        List<String> ascending = List.of("2108.08839", "2301.00001", "2302.00002", "2303.00003", "2304.00004", "hep-th/9901001");
        assertEquals(ascending, ids(query("study", PaperSort.ID, 0, 100)));
        assertEquals(reversed(ascending), ids(query("study", PaperSort.ID_DESC, 0, 100)));
    }

    @Test
    void publishedAscendingPutsPapersWithoutDateFirstAndBreaksTiesById() {
        assertEquals(List.of("2302.00002", "2303.00003", "hep-th/9901001", "2108.08839", "2301.00001", "2304.00004"),
                ids(query("study", PaperSort.PUBLISHED, 0, 100)));
    }

    @Test
    void publishedDescendingPutsPapersWithoutDateLastAndBreaksTiesByIdDescending() {
        assertEquals(List.of("2304.00004", "2301.00001", "2108.08839", "hep-th/9901001", "2303.00003", "2302.00002"),
                ids(query("study", PaperSort.PUBLISHED_DESC, 0, 100)));
    }

    @Test
    void statusOrderIsTheOrderOfTheStatusNamesThenId() {
        assertEquals(List.of("2301.00001", "2108.08839", "2304.00004", "hep-th/9901001", "2302.00002", "2303.00003"),
                ids(query("study", PaperSort.STATUS, 0, 100)));
    }

    @Test
    void pagesInEveryOrderCoverAllMatchesWithoutOverlap() {
        List<SearchDoc> many = new ArrayList<>();
        PaperStatus[] statuses = PaperStatus.values();
        for (int i = 0; i < 47; i++) {
            Instant published = i % 5 == 0 ? null : JAN_2_2023.plus(Duration.ofDays(i % 4));
            many.add(doc(String.format("2400.%05d", i), "Paged paper " + i, "pagination fixture", List.of(),
                    statuses[i % statuses.length], 2023, List.of(), published, null, false, false));
        }
        index.apply(many, List.of(), 2);
        for (PaperSort sort : PaperSort.values()) {
            List<String> whole = ids(query("pagination", sort, 0, 100));
            assertEquals(47, whole.size());
            List<String> paged = new ArrayList<>();
            int offset = 0;
            SearchHits page;
            do {
                page = index.search(query("pagination", sort, offset, 10));
                paged.addAll(page.paperIds());
                assertEquals(page.hasNext() ? 10 : 7, page.paperIds().size(), sort + " at " + offset);
                offset += 10;
            } while (page.hasNext());
            assertEquals(whole, paged, sort + ": the pages in a row are the whole list");
            assertEquals(47, new HashSet<>(paged).size(), sort + ": no paper on two pages");
        }
    }

    @Test
    void hasNextIsFalseExactlyAtTheEnd() {
        assertTrue(index.search(query("study", PaperSort.ID, 0, 5)).hasNext());
        SearchHits exact = index.search(query("study", PaperSort.ID, 0, 6));
        assertEquals(6, exact.paperIds().size());
        assertFalse(exact.hasNext());
        SearchHits last = index.search(query("study", PaperSort.ID, 5, 5));
        assertEquals(List.of("hep-th/9901001"), last.paperIds());
        assertFalse(last.hasNext());
        SearchHits beyond = index.search(query("study", PaperSort.ID, 1_000_000, 100));
        assertEquals(List.of(), beyond.paperIds());
        assertFalse(beyond.hasNext());
        assertDoesNotThrow(() -> index.search(query("study", PaperSort.ID, Integer.MAX_VALUE, 100)));
    }

    @Test
    void anUpsertReplacesThePaper() {
        SearchDoc old = FIXTURES.get(0);
        index.apply(List.of(doc(old.paperId(), "Flow matching", old.abstractText(), old.repoKeys(), PaperStatus.CODE_GONE,
                old.year(), old.hosts(), old.published(), old.bestScore(), false, false)), List.of(), 2);
        assertEquals(List.of("2108.08839"), ids("flow"));
        assertEquals(List.of("2303.00003"), ids("diffusion"), "the old title is gone");
        assertEquals(6, ids(query("study", PaperSort.ID, 0, 100)).size(), "replaced, not added");
        assertEquals(List.of("2108.08839", "2301.00001"), ids(filtered(PaperStatus.CODE_GONE, null, null, null, false, null)));
    }

    @Test
    void aDeleteRemovesThePaperAndUnknownIdsAreIgnored() {
        index.apply(List.of(), List.of("2108.08839", "9999.99999"), 2);
        assertEquals(List.of("2303.00003"), ids("diffu"));
        assertEquals(5, ids(query("study", PaperSort.ID, 0, 100)).size());
    }

    @Test
    void aPaperBothUpsertedAndDeletedInOneBatchIsDeleted() {
        index.apply(List.of(FIXTURES.get(0)), List.of(FIXTURES.get(0).paperId()), 2);
        assertEquals(List.of(), ids("lab123"));
    }

    @Test
    void applyingTheSameBatchTwiceGivesTheSameIndex() {
        index.apply(FIXTURES, List.of("2302.00002"), 2);
        List<List<String>> once = snapshot();
        index.apply(FIXTURES, List.of("2302.00002"), 2);
        assertEquals(once, snapshot());
        assertEquals(5, once.get(0).size());
    }

    @Test
    void aNewIndexHasVersionZeroAndApplyStoresTheVersion() {
        try (PaperSearchIndex fresh = PaperSearchIndex.open(null)) {
            assertEquals(0, fresh.version());
            fresh.apply(List.of(), List.of(), 42);
            assertEquals(42, fresh.version());
        }
        assertEquals(1, index.version());
    }

    @Test
    void clearRemovesEverythingAndResetsTheVersion() {
        index.clear("db-1");
        assertEquals(0, index.version());
        assertEquals(List.of(), ids("study"));
        index.apply(FIXTURES.subList(0, 1), List.of(), 3);
        assertEquals(List.of("2108.08839"), ids("study"));
    }

    @Test
    void anIndexOnDiskKeepsPapersAndVersionAcrossReopening(@TempDir Path dir) {
        Path where = dir.resolve("not/yet/there");
        try (PaperSearchIndex disk = PaperSearchIndex.open(where)) {
            assertEquals(0, disk.version());
            disk.apply(FIXTURES, List.of(), 17);
            disk.apply(List.of(), List.of("2302.00002"), 18);
        }
        try (PaperSearchIndex disk = PaperSearchIndex.open(where)) {
            assertEquals(18, disk.version());
            assertEquals(List.of("2108.08839", "2303.00003"), disk.search(query("diffu", PaperSort.ID, 0, 10)).paperIds());
            assertEquals(5, disk.search(query("study", PaperSort.ID, 0, 100)).paperIds().size());
            disk.clear("db-1");
        }
        try (PaperSearchIndex disk = PaperSearchIndex.open(where)) {
            assertEquals(0, disk.version());
            assertEquals("db-1", disk.source(), "what it was cleared for is kept in the commit");
            assertEquals(List.of(), disk.search(query("study", PaperSort.ID, 0, 100)).paperIds());
        }
    }

    @Test
    void searchesFromEightThreadsNeverFailWhileChangesAreApplied() throws Exception {
        int papers = PaperQuery.MAX_LIMIT;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean writing = new AtomicBoolean(true);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger searches = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(8);
        index.apply(batch(papers, 0), List.of(), 2);
        for (int t = 0; t < 8; t++) {
            PaperSort sort = PaperSort.values()[t % PaperSort.values().length];
            pool.submit(() -> {
                started.countDown();
                while (writing.get()) {
                    try {
                        SearchHits all = index.search(query("concurrent", sort, 0, papers));
                        // each apply is one commit: a search sees every paper, or all but the one an odd round deletes
                        boolean whole = all.paperIds().size() == papers;
                        boolean lessOne = all.paperIds().size() == papers - 1 && !all.paperIds().contains(FIRST);
                        if (!(whole || lessOne) || all.hasNext() || new HashSet<>(all.paperIds()).size() != all.paperIds().size()) {
                            failures.add(new AssertionError(sort + " saw " + all));
                        }
                        searches.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        for (int round = 1; round <= 30; round++) {
            index.apply(batch(papers, round), round % 2 == 1 ? List.of(FIRST) : List.of(), 2 + round);
        }
        writing.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
        assertTrue(searches.get() > 0);
        assertEquals(32, index.version());
    }

    private static final String FIRST = "2500.00000";

    /** The same papers with words, statuses and dates of the round; odd rounds leave out the first (and delete it). */
    private static List<SearchDoc> batch(int papers, int round) {
        List<SearchDoc> docs = new ArrayList<>();
        for (int i = 0; i < papers; i++) {
            if (round % 2 == 1 && i == 0) {
                continue;
            }
            docs.add(doc(String.format("2500.%05d", i), "Concurrent paper round" + round, "concurrent words " + i, List.of(),
                    PaperStatus.values()[(i + round) % PaperStatus.values().length], 2025, List.of(),
                    i % 7 == 0 ? null : JAN_2_2023.plusSeconds(i * 1000L + round), null, false, false));
        }
        return docs;
    }

    private List<List<String>> snapshot() {
        List<List<String>> out = new ArrayList<>();
        for (PaperSort sort : PaperSort.values()) {
            out.add(ids(query("study", sort, 0, 100)));
        }
        out.add(ids("diffu"));
        out.add(ids(filtered(null, "github.com", null, null, false, null)));
        return out;
    }

    private List<String> ids(String text) {
        return ids(query(text, PaperSort.ID, 0, 100));
    }

    private List<String> ids(PaperQuery q) {
        return index.search(q).paperIds();
    }

    private static PaperQuery query(String text, PaperSort sort, int offset, int limit) {
        return new PaperQuery(text, null, null, null, sort, offset, limit);
    }

    private static PaperQuery filtered(@Nullable PaperStatus status, @Nullable String host, @Nullable Integer year,
            @Nullable Integer minScore, boolean placeholder, @Nullable Instant promiseCutoff) {
        return new PaperQuery("study", status, host, year, minScore, placeholder, promiseCutoff, PaperSort.ID, 0, 100);
    }

    private static List<String> reversed(List<String> list) {
        List<String> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    private static SearchDoc doc(String id, String title, @Nullable String abstractText, List<String> repos, PaperStatus status,
            @Nullable Integer year, List<String> hosts, @Nullable Instant published, @Nullable Integer bestScore,
            boolean placeholder, boolean promiseOpen) {
        return new SearchDoc(id, title, abstractText, repos, status, year, hosts, published, bestScore, placeholder, promiseOpen);
    }
}
