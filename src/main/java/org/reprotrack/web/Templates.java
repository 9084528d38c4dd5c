package org.reprotrack.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

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
}
