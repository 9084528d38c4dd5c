package org.reprotrack.links;

import java.util.regex.Pattern;

/**
 * Recognises a sentence that promises a later release ("code will be released", "coming soon",
 * "upon acceptance"). Runs only on the sentences around links, so one precompiled regular
 * expression is cheap enough.
 */
final class PromisePhrases {

    private static final String WS = "\\s+";
    private static final String ADVERB =
            "(?:(?:soon|also|then|later|eventually|further|fully|all|publicly|openly|freely)" + WS + ")?";
    private static final Pattern PROMISE = Pattern.compile(String.join("|",
            // will be (made) (publicly) released / available / public / open-sourced ...
            "\\bwill" + WS + ADVERB + "be" + WS + "(?:made" + WS + ")?"
                    + "(?:(?:publicly|freely|openly|fully|further|soon|later|also|eventually|recently)" + WS + ")?"
                    + "(?:released|avai?l\\w*|public|open[- ]?sourced?|access(?:ible|ed)|shared|published|provided|uploaded)",
            "\\bwill" + WS + ADVERB + "(?:release|open[- ]?source|publish|share|make\\b[^.]{0,60}?\\b(?:public|available))",
            "\\b(?:to|going" + WS + "to)" + WS + "be" + WS + "(?:publicly" + WS + ")?(?:released|open[- ]?sourced|made" + WS + "public)",
            "\\bplan(?:s|ned)?" + WS + "to" + WS + "(?:release|open[- ]?source)",
            "\\bcoming" + WS + "soon",
            "\\bavailable" + WS + "soon",
            "\\b(?:upon|after|following)" + WS + "(?:the" + WS + ")?(?:paper(?:'s)?" + WS + ")?(?:acceptance|publication)",
            "\\bonce" + WS + "(?:the" + WS + "paper" + WS + "is" + WS + ")?(?:accepted|published)"),
            Pattern.CASE_INSENSITIVE);

    boolean promises(CharSequence sentence) {
        return PROMISE.matcher(sentence).find();
    }

    /** A matcher of the promise phrases over {@code text}, for callers that need where the phrase is. */
    static java.util.regex.Matcher matcher(CharSequence text) {
        return PROMISE.matcher(text);
    }
}
