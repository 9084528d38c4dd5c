package org.reprotrack.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per rule of extraction.md; the table in {@code links/cases.tsv} holds more variants. */
class LinkExtractorTest {

    private final LinkExtractor extractor = new LinkExtractor();

    private List<String> found(String text) {
        return Describe.links(extractor.extract(text, null));
    }

    private Link only(String text) {
        List<Link> links = extractor.extract(text, null);
        assertEquals(1, links.size(), () -> "links in " + text + ": " + links);
        return links.get(0);
    }

    // --- finding URLs in prose

    @Test
    void linkWithoutSchemeIsFound() {
        assertEquals(List.of("code:github.com/alice/fastnet"), found("Code: github.com/alice/fastnet"));
    }

    @Test
    void linkWithWwwIsFound() {
        assertEquals(List.of("code:github.com/alice/fastnet"), found("Code: www.github.com/alice/fastnet"));
    }

    @Test
    void httpAndHttpsLinksAreFound() {
        assertEquals(List.of("code:github.com/a/one", "code:github.com/b/two"),
                found("See http://github.com/a/one and https://github.com/b/two"));
    }

    @Test
    void hostIsMatchedCaseInsensitively() {
        Link link = only("Code: HTTPS://WWW.GitHub.Com/alice/fastnet");
        assertEquals(LinkKind.CODE, link.kind());
        assertEquals("github.com", link.host());
    }

    @Test
    void abbreviationsFiguresAndVersionNumbersAreNotLinks() {
        assertEquals(List.of(), found("Methods (e.g. flows, i.e.the best) in Fig.1 reach v2.0 with GPT-4.1 and Qwen2.5-VL."));
    }

    @Test
    void fileNamesWithCountryTopLevelDomainsAreNotLinks() {
        assertEquals(List.of(), found("Weights are in model.pt, the script is train.py, notes in README.md."));
    }

    @Test
    void bareDomainNeedsAPlausibleTopLevelDomain() {
        assertEquals(List.of("other:example.org"), found("Data at example.org and results.final and foo.bar."));
    }

    @Test
    void emailAddressIsNotALink() {
        assertEquals(List.of(), found("Write to foo@github.com or x@cs.stanford.edu for access."));
    }

    @Test
    void trailingSentencePunctuationIsStripped() {
        for (String end : List.of(".", ",", ";", ":", "!", "?", "...")) {
            assertEquals("https://github.com/alice/fastnet", only("At https://github.com/alice/fastnet" + end + " x").url(), end);
        }
    }

    @Test
    void closingBracketsAndQuotesWithoutOpeningPartnerAreStripped() {
        assertEquals("https://github.com/alice/fastnet", only("(at https://github.com/alice/fastnet).").url());
        assertEquals("https://github.com/alice/fastnet", only("[https://github.com/alice/fastnet]").url());
        assertEquals("https://github.com/alice/fastnet", only("<https://github.com/alice/fastnet>").url());
        assertEquals("https://github.com/alice/fastnet", only("\"https://github.com/alice/fastnet\"").url());
        assertEquals("https://github.com/alice/fastnet", only("'https://github.com/alice/fastnet'").url());
    }

    @Test
    void bracketsOpenedInsideTheUrlStay() {
        assertEquals("https://en.wikipedia.org/wiki/Net_(math)", only("(see https://en.wikipedia.org/wiki/Net_(math))").url());
    }

    @Test
    void latexUrlWrapperIsStripped() {
        assertEquals("https://github.com/alice/fastnet", only("Code: \\url{https://github.com/alice/fastnet}.").url());
    }

    @Test
    void hrefYieldsOnlyItsTarget() {
        assertEquals(List.of("code:github.com/alice/fastnet"),
                found("Code \\href{https://github.com/alice/fastnet}{github.com/bob/decoy} here."));
    }

    @Test
    void hrefTextAfterALineBreakIsStillOnlyText() {
        assertEquals(List.of("code:github.com/alice/fastnet"),
                found("Code \\href{https://github.com/alice/fastnet}\n{https://github.com/bob/decoy}."));
    }

    @Test
    void markdownLinkYieldsItsTarget() {
        assertEquals("https://github.com/alice/fastnet", only("See [the code](https://github.com/alice/fastnet).").url());
    }

    @Test
    void gluedPrefixIsNotPartOfTheUrl() {
        assertEquals("https://github.com/alice/fastnet", only("available at:https://github.com/alice/fastnet").url());
        assertEquals("github.com/alice/fastnet", only("code:github.com/alice/fastnet").url());
    }

    @Test
    void dotsInsideANameStay() {
        Link link = only("Data: huggingface.co/datasets/alice/big_dataset-v2.0.");
        assertEquals("huggingface.co/datasets/alice/big_dataset-v2.0", link.url());
    }

    // --- GitHub

    @Test
    void githubOwnerIsAtMost39Characters() {
        String owner39 = "a".repeat(39);
        assertEquals(List.of("code:github.com/" + owner39 + "/r"), found("github.com/" + owner39 + "/r"));
        assertEquals(LinkKind.OTHER, only("github.com/" + "a".repeat(40) + "/r").kind());
    }

    @Test
    void trailingDotGitIsStripped() {
        assertEquals("github.com/alice/fastnet", only("git clone https://github.com/alice/fastnet.git").repo().key());
    }

    @Test
    void trailingDotGitAtSentenceEndIsStripped() {
        Link link = only("Clone https://github.com/alice/fastnet.git. Then run it.");
        assertEquals("https://github.com/alice/fastnet.git", link.url());
        assertEquals("alice/fastnet", link.repo().path());
    }

    @Test
    void deepPathsQueriesAndFragmentsNameTheSameRepository() {
        List<String> links = found("https://github.com/alice/fastnet/tree/main/src https://github.com/alice/fastnet/blob/main/a.py "
                + "https://github.com/alice/fastnet/issues/3 https://github.com/alice/fastnet/releases/tag/v1 "
                + "https://github.com/alice/fastnet/archive/main.zip https://github.com/alice/fastnet?tab=readme "
                + "https://github.com/alice/fastnet#usage");
        assertEquals(List.of("code:github.com/alice/fastnet"), links);
    }

    @Test
    void githubAccountPageIsAnOtherLink() {
        Link link = only("Follow https://github.com/alice for updates.");
        assertEquals(LinkKind.OTHER, link.kind());
        assertEquals(null, link.repo());
    }

    @ParameterizedTest
    @ValueSource(strings = {"orgs", "topics", "features", "marketplace", "settings", "login", "about", "sponsors",
        "search", "apps", "collections", "explore", "trending", "site", "pricing", "enterprise", "security",
        "users", "notifications", "new", "codespaces"})
    void reservedFirstSegmentIsNotAnOwner(String reserved) {
        assertEquals(LinkKind.OTHER, only("https://github.com/" + reserved + "/something").kind());
    }

    @Test
    void githubPagesSiteIsOtherButRepositoryNamedLikeItIsCode() {
        assertEquals(LinkKind.OTHER, only("https://alice.github.io/fastnet").kind());
        assertEquals("github.com/alice/alice.github.io", only("https://github.com/alice/alice.github.io").repo().key());
    }

    // --- other code hosts

    @Test
    void gistIsCodeWithOrWithoutUser() {
        assertEquals("gist.github.com/alice/0a1b2c3d4e", only("gist.github.com/alice/0a1b2c3d4e").repo().key());
        assertEquals("gist.github.com/0a1b2c3d4e", only("https://gist.github.com/0a1b2c3d4e").repo().key());
    }

    @Test
    void gitlabProjectPathEndsAtDashSegment() {
        assertEquals("gitlab.com/lab/vision/fastnet", only("https://gitlab.com/lab/vision/fastnet/-/blob/main/x.py").repo().key());
    }

    @Test
    void bitbucketCodebergAndGiteeNameOwnerAndRepository() {
        assertEquals(List.of("code:bitbucket.org/a/r", "code:codeberg.org/b/r", "code:gitee.com/c/r"),
                found("https://bitbucket.org/a/r/src https://codeberg.org/b/r https://gitee.com/c/r.git"));
    }

    @Test
    void huggingfaceModelsDatasetsAndSpacesAreCode() {
        assertEquals(List.of("code:huggingface.co/a/model", "code:huggingface.co/datasets/a/data", "code:huggingface.co/spaces/a/demo"),
                found("https://huggingface.co/a/model https://huggingface.co/datasets/a/data https://huggingface.co/spaces/a/demo"));
    }

    @Test
    void huggingfaceAccountPapersDocsAndBlogAreOther() {
        List<Link> links = extractor.extract("https://huggingface.co/alice https://huggingface.co/papers/2501.00001 "
                + "https://huggingface.co/docs/hub https://huggingface.co/blog/post", null);
        assertEquals(4, links.size());
        assertTrue(links.stream().allMatch(l -> l.kind() == LinkKind.OTHER));
    }

    @Test
    void anonymousRepositoryIsCodeButAnonymousWebsiteIsNot() {
        assertEquals(LinkKind.CODE, only("https://anonymous.4open.science/r/fastnet-1A2B").kind());
        assertEquals(LinkKind.OTHER, only("https://anonymous.4open.science/w/fastnet-1A2B/").kind());
    }

    @Test
    void sourceforgeProjectIsCode() {
        assertEquals("sourceforge.net/projects/fastnet", only("https://sourceforge.net/projects/fastnet/files/").repo().key());
    }

    @Test
    void everythingElseIsAnOtherLink() {
        List<Link> links = extractor.extract("https://gitlab.example.edu/a/r https://zenodo.org/records/1 "
                + "https://doi.org/10.1/x https://drive.google.com/file/d/abc https://lab.example.com/project", null);
        assertEquals(5, links.size());
        assertTrue(links.stream().allMatch(l -> l.kind() == LinkKind.OTHER && l.repo() == null));
    }

    @Test
    void gitSshFormNamesARepository() {
        assertEquals("github.com/alice/fastnet", only("git@github.com:alice/fastnet.git").repo().key());
    }

    // --- identity and dedupe

    @Test
    void repositoryPathKeepsFirstSpellingAndKeyIsLowerCase() {
        RepoRef repo = only("https://github.com/raoyongming/CAL").repo();
        assertNotNull(repo);
        assertEquals("raoyongming/CAL", repo.path());
        assertEquals("github.com/raoyongming/cal", repo.key());
    }

    @Test
    void linksDifferingInCaseSchemeWwwDotGitOrDeepPathAreOneRepository() {
        List<Link> links = extractor.extract("https://github.com/Alice/FastNet github.com/alice/fastnet "
                + "http://www.github.com/ALICE/fastnet.git https://github.com/alice/FASTNET/tree/dev", null);
        assertEquals(1, links.size());
        assertEquals("https://github.com/Alice/FastNet", links.get(0).url());
    }

    @Test
    void otherLinksAreDedupedByNormalisedUrl() {
        assertEquals(1, extractor.extract("https://Example.org/Page/ and http://www.example.org/page", null).size());
    }

    @Test
    void abstractLinksComeFirstAndCommentLinksAreMarked() {
        List<Link> links = extractor.extract("Abstract code github.com/a/one.", "Code: github.com/b/two and github.com/a/one");
        assertEquals(List.of("code:github.com/a/one", "code:github.com/b/two"), Describe.links(links));
        assertFalse(links.get(0).inComments());
        assertTrue(links.get(1).inComments());
    }

    // --- hard line breaks

    @Test
    void hostSplitByALineBreakIsJoined() {
        Link link = only("Code is at https://github.\ncom/alice/fastnet/).");
        assertEquals("https://github.com/alice/fastnet/", link.url());
        assertEquals("github.com/alice/fastnet", link.repo().key());
    }

    @Test
    void pathSplitByALineBreakIsJoinedWhenClearlyTheRest() {
        assertEquals("github.com/alice/fast_net-v2", only("Code is at https://github.com/alice/\nfast_net-v2.").repo().key());
    }

    @Test
    void urlIsNotJoinedWithTheNextOrdinaryWord() {
        assertEquals("https://github.com/alice/fastnet/", only("See https://github.com/alice/fastnet/\nand more.").url());
        assertEquals("https://github.com/alice/fastnet", only("See https://github.com/alice/fastnet.\nWe thank all.").url());
    }

    // --- what a link carries

    @Test
    void hostIsLowerCaseWithoutWww() {
        assertEquals("example.org", only("http://WWW.Example.ORG/x").host());
    }

    @Test
    void urlIsAsWrittenWithoutWrappers() {
        assertEquals("HTTPS://GitHub.com/Alice/FastNet/tree/main", only("(\\url{HTTPS://GitHub.com/Alice/FastNet/tree/main}).").url());
    }

    @Test
    void contextIsTheSentenceContainingTheLink() {
        Link link = only("We study nets. Our code, e.g. the trainer, is at\ngithub.com/alice/fastnet. We thank all.");
        assertEquals("Our code, e.g. the trainer, is at github.com/alice/fastnet.", link.context());
    }

    @Test
    void contextIsBoundedInLength() {
        String longSentence = "word ".repeat(200) + "github.com/alice/fastnet " + "word ".repeat(200);
        Link link = only(longSentence);
        assertTrue(link.context().length() <= SentenceContext.MAX_LENGTH, () -> "length " + link.context().length());
        assertTrue(link.context().contains("github.com/alice/fastnet"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Code will be released at", "Code will be made publicly available at", "Code will be made public at",
        "Code (coming soon) at", "Code available upon acceptance at", "Code available upon publication at",
        "Code to be released at", "We will release code at", "We will open-source the code at",
        "Code will be open-sourced at", "CODE WILL BE RELEASED AT", "Code will be available at"})
    void promisePhraseMarksTheLinkPromised(String phrase) {
        assertTrue(only(phrase + " github.com/alice/fastnet.").promised(), phrase);
    }

    @Test
    void availableCodeIsNotPromised() {
        assertFalse(only("Code is available at github.com/alice/fastnet. Results will be released later.").promised());
    }

    @Test
    void missingTextYieldsNoLinks() {
        assertEquals(List.of(), extractor.extract(null, null));
        assertEquals(List.of(), extractor.extract("", ""));
        assertEquals(List.of(), extractor.extract("No links here at all.", null));
    }

    // --- URL lists

    @Test
    void listedUrlsAreClassifiedAndDedupedLikeProse() {
        List<Link> links = extractor.extractListed(List.of("https://github.com/Alice/FastNet/tree/main",
                "github.com/alice/fastnet.git", " https://alice.github.io/fastnet ", "https://huggingface.co/alice/m"));
        assertEquals(List.of("code:github.com/alice/fastnet", "other:https://alice.github.io/fastnet", "code:huggingface.co/alice/m"),
                Describe.links(links));
    }

    @Test
    void listedLinkContextIsTheUrlAndItIsNotPromised() {
        Link link = extractor.extractListed(List.of("https://github.com/alice/fastnet")).get(0);
        assertEquals("https://github.com/alice/fastnet", link.context());
        assertFalse(link.promised());
        assertFalse(link.inComments());
    }

    @Test
    void listedEntriesThatAreNotUrlsAreSkipped() {
        assertEquals(List.of(), extractor.extractListed(List.of("", "not a url", "e.g.", "foo@github.com", "see github.com/a/b")));
    }
}
