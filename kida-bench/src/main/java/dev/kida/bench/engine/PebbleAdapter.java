package dev.kida.bench.engine;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Pebble: autoescaping (HTML strategy) is on by default. */
public final class PebbleAdapter implements EngineAdapter {
    @Override
    public Renderer prepare(Scenario scenario) {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates/pebble");
        PebbleEngine engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).build();
        PebbleTemplate template = engine.getTemplate(scenario.id() + ".peb");
        Map<String, Object> context = scenario.context();
        return () -> {
            StringWriter out = new StringWriter();
            try {
                template.evaluate(out, context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        };
    }

    /** Compiles from source, with the template cache off so that each call parses. */
    public static SourceCompiler compiler() {
        PebbleEngine engine = new PebbleEngine.Builder().loader(new StringLoader())
                .autoEscaping(true).cacheActive(false).build();
        return engine::getTemplate;
    }
}
