package org.reprotrack.links;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Pulls the links out of a paper's abstract and comments and says which name a code repository.
 *
 * <p>Stateless and thread-safe: every call builds its own small collections. Text without a URL
 * anchor (most abstracts) costs one scan of its characters.
 */
public final class LinkExtractor {

    private final UrlFinder finder = new UrlFinder();
    private final RepoRefParser repos = new RepoRefParser();
    private final SentenceContext sentences = new SentenceContext();
    private final PromisePhrases promises = new PromisePhrases();

    public LinkExtractor() {}

    /**
     * All links of one paper, abstract first then comments, deduped per paper case-insensitively by
     * repository key (code) or normalised URL (other); the first spelling is kept.
     */
    public List<Link> extract(@Nullable String abstractText, @Nullable String comments) {
        List<FoundUrl> inAbstract = abstractText == null ? List.of() : finder.find(abstractText);
        List<FoundUrl> inComments = comments == null ? List.of() : finder.find(comments);
        if (inAbstract.isEmpty() && inComments.isEmpty()) {
            return List.of();
        }
        Collector links = new Collector();
        for (FoundUrl u : inAbstract) {
            links.add(u, sentences.around(abstractText, u.start(), u.end()), false);
        }
        for (FoundUrl u : inComments) {
            links.add(u, sentences.around(comments, u.start(), u.end()), true);
        }
        return links.result();
    }

    /**
     * Links given directly as a list (URL-list input): each entry is classified like a link found in
     * prose and deduped the same way; the context is the URL itself and nothing is promised. Entries
     * that are not a single URL are skipped.
     */
    public List<Link> extractListed(List<String> urls) {
        Collector links = new Collector();
        for (String entry : urls) {
            String trimmed = entry.strip();
            List<FoundUrl> found = finder.find(trimmed);
            if (found.size() == 1 && found.get(0).start() == 0 && !containsWhitespace(trimmed)) {
                FoundUrl u = found.get(0);
                links.add(u, u.url(), false);
            }
        }
        return links.result();
    }

    private static boolean containsWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Chars.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The links of one paper, deduped in order of first appearance. */
    private final class Collector {
        private final List<Link> links = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        void add(FoundUrl u, String context, boolean inComments) {
            UrlParts parts = UrlParts.of(u.url());
            RepoRef repo = repos.parse(parts);
            String key = repo != null ? "code " + repo.key() : "other " + normalised(u.url());
            if (seen.add(key)) {
                boolean promised = !context.equals(u.url()) && promises.promises(context);
                LinkKind kind = repo != null ? LinkKind.CODE : LinkKind.OTHER;
                links.add(new Link(u.url(), kind, parts.host(), repo, context, promised, inComments));
            }
        }

        List<Link> result() {
            return List.copyOf(links);
        }
    }

    /** Lower case, without scheme, {@code www.} and trailing slashes: one key per page however written. */
    static String normalised(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            u = u.substring(scheme + 3);
        }
        if (u.startsWith("www.")) {
            u = u.substring(4);
        }
        int end = u.length();
        while (end > 0 && u.charAt(end - 1) == '/') {
            end--;
        }
        return u.substring(0, end);
    }
}
