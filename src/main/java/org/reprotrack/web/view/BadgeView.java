package org.reprotrack.web.view;

import java.util.Locale;

/**
 * A flat shields.io-style badge "code | message". Widths are estimated from Verdana 11px
 * character widths, as shields.io does, so the SVG needs no font metrics at run time.
 */
public record BadgeView(String label, String message, String color) {

    public int labelWidth() {
        return textWidth(label) + 10;
    }

    public int messageWidth() {
        return textWidth(message) + 10;
    }

    public int width() {
        return labelWidth() + messageWidth();
    }

    public double labelX() {
        return labelWidth() / 2.0;
    }

    public double messageX() {
        return labelWidth() + messageWidth() / 2.0;
    }

    public String title() {
        return label + ": " + message;
    }

    private static int textWidth(String text) {
        double w = 0;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            w += c == ' ' ? 3.9 : "ijlt.:,;'|!".indexOf(c) >= 0 ? 3.5 : "mw".indexOf(c) >= 0 ? 10.7 : 7.0;
        }
        return (int) Math.ceil(w);
    }
}
