package org.reprotrack.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reprotrack.links.Link;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.links.RepoRef;
import org.reprotrack.paper.Paper;

/** The links of a paper: those in its abstract and comments, then those given by URL lists, once each. */
final class PaperLinker {

    private final LinkExtractor extractor;

    PaperLinker(LinkExtractor extractor) {
        this.extractor = extractor;
    }

    List<Link> links(Paper paper) {
        List<Link> fromText = extractor.extract(paper.abstractText(), paper.comments());
        if (paper.listedUrls().isEmpty()) {
            return fromText;
        }
        List<Link> all = new ArrayList<>(fromText);
        Set<String> seen = new HashSet<>();
        for (Link link : fromText) {
            seen.add(identity(link));
        }
        for (Link link : extractor.extractListed(paper.listedUrls())) {
            if (seen.add(identity(link))) {
                all.add(link);
            }
        }
        return all;
    }

    private static String identity(Link link) {
        RepoRef repo = link.repo();
        return repo != null ? repo.key() : link.url().toLowerCase(Locale.ROOT);
    }
}
