package org.reprotrack.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;

/**
 * The jte templates of {@code src/main/jte}, compiled to Java by the jte Maven plugin: HTML
 * content type, so every {@code ${...}} is escaped for where it stands.
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. {@code "overview.jte"}) with its one parameter. */
    String render(String name, Object model) {
        StringOutput out = new StringOutput(8192);
        engine.render(name, model, out);
        return out.toString();
    }

    /**
     * Renders straight to UTF-8, the bytes the response sends: the static parts are encoded once
     * at build time ({@code binaryStaticContent}), and a page is not built as a String first and
     * encoded again (which showed up as a sixth of a list page's CPU time).
     */
    byte[] bytes(String name, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(name, model, out);
        return out.toByteArray();
    }
}
