package dev.kida.bench.engine;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Handlebars.java, which HTML-escapes {@code {{var}}} by default. */
public final class HandlebarsAdapter implements EngineAdapter {
    @Override
    public Renderer prepare(Scenario scenario) {
        Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader("/templates/handlebars", ".hbs"));
        Template template;
        try {
            template = handlebars.compile(scenario.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> context = scenario.context();
        return () -> {
            try {
                return template.apply(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Compiles source with {@code compileInline}. */
    public static SourceCompiler compiler() {
        Handlebars handlebars = new Handlebars();
        return source -> {
            try {
                return handlebars.compileInline(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
