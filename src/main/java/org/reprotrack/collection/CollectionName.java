package org.reprotrack.collection;

import java.util.regex.Pattern;

/** A collection's name: it appears in URLs ({@code /collections/NAME}), so lower-case letters, digits, '.', '_' and '-'. */
public final class CollectionName {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private CollectionName() {
    }

    public static boolean valid(String name) {
        return NAME.matcher(name).matches();
    }

    /** The name, or an {@link IllegalArgumentException} saying what a name may be. */
    public static String require(String name) {
        if (!valid(name)) {
            throw new IllegalArgumentException("a collection name is 1 to 64 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit (e.g. neurips-2026), got '" + printable(name) + "'");
        }
        return name;
    }

    private static String printable(String s) {
        String clipped = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return clipped.replaceAll("\\p{Cntrl}", "?");
    }
}
