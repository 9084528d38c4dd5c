package org.reprotrack.check.signals;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides PLACEHOLDER from a tree and README (docs/checklist.md, "Placeholder"). Pure.
 *
 * <p>A repository is a placeholder when its tree is complete (not truncated) and holds no code
 * file (scripts of a project web page under {@code docs/} are the page, not code) and no trained
 * weights: README, licence, images, documents, a web page, data or configuration files, with or
 * without a promise that the code is coming. Any code at all is not a placeholder (a partial
 * release), and a truncated tree is never one (an absence in it is not proven).
 */
public final class PlaceholderDetector {

    /** "Code will be released", "coming soon", "upon acceptance": a promise of code to come. */
    static final Pattern COMING = Pattern.compile("(?i)"
            + "\\b(code|codes|implementation|source|repo(sitory)?|models?|weights|scripts?)\\b[^.!\\n]{0,60}?"
            + "\\b(will|would|is going to|are going to|to)\\s+be\\s+(released|available|made\\s+(public(ly)?|available)"
            + "|published|uploaded|open[- ]?sourced|updated|added|public)"
            + "|\\bcoming\\s+soon\\b|\\bcomming\\s+soon\\b|\\bcode\\s+(is|are)\\s+coming\\b"
            + "|\\b(will|we'll|we\\s+will|plan\\s+to)\\s+(release|publish|upload|open[- ]?source|clean up and release)\\b"
            + "[^.!\\n]{0,40}?\\b(code|codes|implementation|source|models?|weights|scripts?)\\b"
            + "|\\b(upon|after)\\s+(the\\s+)?(paper(['’]s)?\\s+)?(acceptance|publication|being\\s+accepted|is\\s+accepted)\\b"
            + "|\\bunder\\s+construction\\b|\\bstay\\s+tuned\\b|\\bto\\s+be\\s+(released|announced)\\b|\\bTBA\\b");

    public Placeholder detect(FileTree tree, String readmeText) {
        Optional<Readme.Line> promise = Readme.parse(readmeText).lines().stream()
                .filter(l -> !l.fenced() && COMING.matcher(l.text()).find())
                .findFirst();
        String promiseLine = promise.map(Readme.Line::evidence).orElse(null);
        List<TreeFile> files = tree.files();
        if (tree.truncated() || files.stream().anyMatch(FileKinds::code)) {
            // A truncated tree cannot show that code is absent; code present is not a placeholder,
            // even with a promise of more (that is a partial release).
            return new Placeholder(false, null, promiseLine);
        }
        if (files.stream().allMatch(FileKinds::furniture)) {
            String what = files.isEmpty() ? "no files" : files.size() == 1 ? "only " + files.get(0).path()
                    : "only README, licence, images or documents (" + files.size() + " files)";
            return new Placeholder(true, "no code: " + what + (promiseLine == null ? "" : "; " + promiseLine),
                    promiseLine);
        }
        if (promiseLine != null) {
            return new Placeholder(true, "no code, and the README says it is coming: " + promiseLine, promiseLine);
        }
        if (files.stream().anyMatch(FileKinds::weights)) {
            // Trained weights without code: a model release, not an empty promise.
            return new Placeholder(false, null, null);
        }
        return new Placeholder(true, "no code: only data, configuration or documents (" + files.size() + " files),"
                + " none of the paper's implementation", null);
    }
}
