package org.reprotrack.links;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether a paper promises code, models or data anywhere in its abstract or comments, with or
 * without a link (docs/extraction.md, "Promises"): the paper-level flag behind
 * {@code PROMISED_NO_LINK}. The per-link flag ({@link Link#promised()}) stays the link's own sentence.
 *
 * <p>A sentence promises when it says something will be released ({@link PromisePhrases}) and
 * <ul>
 *   <li>the verb itself is a release ({@code release}, {@code open-source}: "We will publicly
 *       release RGBench"), or the sentence names code, models or data ("Code and models will be
 *       made available"; "The lessons will also be shared" does not);
 *   <li>no negation comes just before ("will not be released" never matches; "we do not plan to
 *       release" is excluded), and it is not only "upon request";
 *   <li>a bare "upon/after publication" also needs a word of availability in the sentence
 *       ("Following the publication of ImageNet, …" is history, not a promise).
 * </ul>
 * A sentence that names code, models or data with arXiv's stand-in for a stripped link ("Code is
 * available at this https URL") promises too: the link was lost, so nothing can be checked. What
 * is said in the present or past ("we release a benchmark", "code was released in [12]") is a
 * claim, not a promise. Words inside URLs ({@code …github.io}) do not count as naming code.
 *
 * <p>Stateless and thread-safe. Most abstracts hold none of the trigger words and cost a few
 * {@link String#contains} scans; the others one pass of the promise phrases, and only the
 * sentences around a phrase (bounded as {@link SentenceContext} bounds a link's) are read further.
 */
public final class PaperPromises {

    /** Cheap literal triggers: a promise sentence holds at least one of them. */
    private static final String[] TRIGGERS = {"will", "Will", "WILL", "soon", "Soon", "plan", "Plan", "to be", "To be",
        "ccept", "ublica", "ublish", "URL"};

    private static final Pattern ARTIFACT = Pattern.compile("\\b(?:code(?:s|base)?|source|implementations?|software|"
            + "models?|weights|checkpoints?|pre-?trained|data|datasets?|benchmarks?|corpus|corpora|toolkits?|tools?|toolbox|"
            + "library|libraries|packages?|frameworks?|repositor(?:y|ies)|repo|resources|scripts|annotations|github|"
            + "hugging\\s*face)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELEASE_VERB = Pattern.compile("releas|open[- ]?sourc", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|never|no)\\b|n't", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_REQUEST = Pattern.compile("^\\W*(?:\\w+\\W+){0,3}?(?:upon|on|by)\\s+(?:reasonable\\s+)?request",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PUBLICATION_ONLY = Pattern.compile("^(?:upon|after|following|once)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AVAILABILITY = Pattern.compile("releas|availab|\\bpublic(?:ly)?\\b|open|shar|provid|upload|access",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOST_LINK = Pattern.compile("\\bthis\\s+https?\\s+URL\\b", Pattern.CASE_INSENSITIVE);
    /** A URL-like token: its words are a link's, not the sentence's. */
    private static final Pattern URL_TOKEN = Pattern.compile("\\S*(?:://|www\\.|\\.(?:com|org|io|net|co|science|ai|edu)\\b)\\S*",
            Pattern.CASE_INSENSITIVE);
    /** How far before the phrase a negation cancels it. */
    private static final int NEGATION_WINDOW = 25;

    private final SentenceContext sentences = new SentenceContext();

    /** Whether any sentence of the abstract or the comments promises code, models or data. */
    public boolean promised(@Nullable String abstractText, @Nullable String comments) {
        return promise(abstractText, comments) != null;
    }

    /** The first sentence that promises code, models or data (collapsed whitespace), or null. */
    public @Nullable String promise(@Nullable String abstractText, @Nullable String comments) {
        String found = abstractText == null ? null : promiseIn(abstractText);
        return found != null || comments == null ? found : promiseIn(comments);
    }

    private @Nullable String promiseIn(String text) {
        if (!hasTrigger(text)) {
            return null;
        }
        // only the sentences around a promise phrase or a lost link are read: one pass of the
        // phrases over the text, not one per sentence
        Matcher m = PromisePhrases.matcher(text);
        while (m.find()) {
            String sentence = sentences.around(text, m.start(), m.end());
            if (promises(sentence)) {
                return sentence;
            }
        }
        if (text.contains("URL")) {
            Matcher lost = LOST_LINK.matcher(text);
            while (lost.find()) {
                String sentence = sentences.around(text, lost.start(), lost.end());
                if (promises(sentence)) {
                    return sentence;
                }
            }
        }
        return null;
    }

    /** Whether one sentence promises code, models or data (see the class comment). */
    static boolean promises(String sentence) {
        boolean lostLink = sentence.contains("URL");
        Matcher m = PromisePhrases.matcher(sentence);
        if (!lostLink && !m.find()) {
            return false;
        }
        m.reset();
        String words = URL_TOKEN.matcher(sentence).replaceAll(" ");
        boolean artifact = ARTIFACT.matcher(words).find();
        while (m.find()) {
            String phrase = m.group();
            String before = sentence.substring(Math.max(0, m.start() - NEGATION_WINDOW), m.start());
            if (NEGATION.matcher(before).find() || ON_REQUEST.matcher(sentence.substring(m.end())).find()) {
                continue;
            }
            if (PUBLICATION_ONLY.matcher(phrase).find()) {
                String rest = sentence.substring(0, m.start()) + " " + sentence.substring(m.end());
                if (artifact && AVAILABILITY.matcher(rest).find()) {
                    return true;
                }
                continue;
            }
            if (artifact || RELEASE_VERB.matcher(phrase).find()) {
                return true;
            }
        }
        if (artifact) {
            Matcher lost = LOST_LINK.matcher(sentence);
            while (lost.find()) {
                // "\href{https://…}{this https URL}" is only the text of a link that is there
                String before = sentence.substring(0, lost.start()).stripTrailing();
                if (!before.endsWith("}{")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasTrigger(String text) {
        for (String t : TRIGGERS) {
            if (text.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
