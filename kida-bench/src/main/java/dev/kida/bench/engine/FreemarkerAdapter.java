package dev.kida.bench.engine;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * FreeMarker: {@code .ftlh} templates use the HTML output format, which escapes every
 * interpolation. Numbers print in the "computer" format (plain {@code 76.54}, no grouping), as
 * every other engine prints them.
 */
public final class FreemarkerAdapter implements EngineAdapter {
    @Override
    public Renderer prepare(Scenario scenario) {
        Configuration cfg = configuration();
        cfg.setTemplateLoader(new ClassTemplateLoader(FreemarkerAdapter.class.getClassLoader(),
                "templates/freemarker"));
        Template template;
        try {
            template = cfg.getTemplate(scenario.id() + ".ftlh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> context = scenario.context();
        return () -> {
            StringWriter out = new StringWriter();
            try {
                template.process(context, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (TemplateException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
        };
    }

    /** Parses source into a FreeMarker {@link Template}. */
    public static SourceCompiler compiler() {
        Configuration cfg = configuration();
        return source -> {
            try {
                return new Template("stocks.ftlh", source, cfg);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setNumberFormat("computer");
        return cfg;
    }
}
