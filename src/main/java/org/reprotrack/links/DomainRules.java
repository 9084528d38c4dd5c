package org.reprotrack.links;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a host name found in prose is plausibly a real host.
 *
 * <p>With a scheme ({@code https://}) any well-formed host counts. Without one the text is full of
 * dotted words that are not hosts ({@code e.g.}, {@code Fig.1}, {@code v2.0}, {@code model.pt},
 * {@code Node.js}, {@code ASP.NET}), so a bare domain needs a top-level domain we know, written in
 * lower case; and for the top-level domains that double as file extensions or English words
 * ({@code .py}, {@code .pt}, {@code .md}, {@code .in}, {@code .to}) it also needs a path, a
 * {@code www.} or a third label. That trade-off loses {@code foo.in} without a path, which we accept.
 */
final class DomainRules {

    private static final Set<String> GENERIC = Set.of(
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "co", "dev",
            "app", "tech", "xyz", "site", "online", "page", "science", "cloud", "tools", "art", "blog",
            "academy", "institute", "center", "network", "systems", "global", "world", "space",
            "website", "live", "news", "top", "club", "store", "one", "pro", "mobi", "asia", "museum",
            "foundation", "software", "codes", "group", "lab", "tv", "me", "ly", "gg", "eu", "uk", "de",
            "fr", "cn", "jp", "kr", "ch", "nl", "ca", "au", "it", "es", "se", "fi", "no", "dk", "be",
            "at", "pl", "ru", "br", "in", "hk", "tw", "sg", "il", "ie", "nz", "cz", "pt", "gr", "hu",
            "us", "mx", "ar", "cl", "za", "tr", "ua", "ro", "sk", "si", "lt", "lv", "ee", "is", "lu");

    private static final String CC =
            "ac ad ae af ag al am ao aq as aw ax az ba bb bd bf bg bh bi bj bm bn bo bs bt bw by bz cc cd"
            + " cf cg ci ck cm cr cu cv cw cx cy dj dm do dz ec eg er et fj fk fm fo ga gd ge gf gh gi gl"
            + " gm gn gp gq gs gt gu gw gy hm hn hr ht id im iq ir je jm jo ke kg kh ki km kn kp kw ky kz"
            + " la lb lc li lk lr ls ma mc md mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw my mz na nc ne"
            + " nf ng ni np nr nu om pa pe pf pg ph pk pm pn pr ps pw py qa re rs rw sa sb sc sd sh sl sm"
            + " sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tt tz ug uy uz va vc ve vg vi"
            + " vn vu wf ws ye yt zm zw";

    private static final Set<String> COUNTRY = Set.of(CC.split(" "));

    /** Top-level domains that are also file extensions or words: a bare 2-label name is not enough. */
    private static final Set<String> AMBIGUOUS = Set.of(
            "py", "pt", "md", "sh", "rs", "pl", "ps", "so", "cc", "ml", "sc", "st", "mk", "in", "it",
            "is", "to", "no", "be", "by", "at", "as", "me", "do", "am", "us", "my", "ai", "id", "im",
            "la", "ma", "pm", "tv", "ly", "es", "se", "de", "ch");

    /** Whether {@code [from, to)} of {@code s} is a well-formed host name: labels of 1-63 characters, no edge hyphens. */
    boolean wellFormed(CharSequence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                int len = i - labelStart;
                if (len < 1 || len > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!Chars.isLabelChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a host written without a scheme is plausibly a host.
     *
     * @param hasPath whether a {@code /} follows the host
     */
    boolean plausibleBareHost(String host, boolean hasPath) {
        if (CodeHost.ofDomain(host).isPresent()) {
            return true;
        }
        int lastDot = host.lastIndexOf('.');
        if (lastDot < 0) {
            return false;
        }
        String tld = host.substring(lastDot + 1);
        String lowerTld = tld.toLowerCase(Locale.ROOT);
        boolean www = host.regionMatches(true, 0, "www.", 0, 4);
        if (!isKnownTld(lowerTld)) {
            return false;
        }
        if (www) {
            return true;
        }
        if (!tld.equals(lowerTld)) {
            return false; // ASP.NET, Vue.JS: names, not hosts
        }
        boolean threeLabels = host.indexOf('.') != lastDot;
        return !AMBIGUOUS.contains(tld) || hasPath || threeLabels;
    }

    boolean isKnownTld(String lowerTld) {
        return lowerTld.length() >= 2 && (GENERIC.contains(lowerTld) || COUNTRY.contains(lowerTld));
    }
}
