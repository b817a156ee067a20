package dev.kida.bench.engine;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/**
 * jte in its fastest mode: templates precompiled to Java classes at build time (jte-maven-plugin),
 * HTML content type, so output is escaped by context.
 */
public final class JteAdapter implements EngineAdapter {
    @Override
    public Renderer prepare(Scenario scenario) {
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        String name = switch (scenario) {
            case STOCKS -> "stocks.jte";
            case LARGE -> "large/page.jte";
            case ESCAPED -> "escaped/page.jte";
        };
        Map<String, Object> params = scenario.context();
        return () -> {
            StringOutput out = new StringOutput();
            engine.render(name, params, out);
            return out.toString();
        };
    }
}
