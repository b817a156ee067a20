package dev.kida.bench.engine;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.kida.bench.data.Stock;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mustache.java, which HTML-escapes {@code {{var}}} by default. Mustache is logic-less: it has no
 * loop counter, so the stocks page gets rows carrying their number and class, built on every render
 * (the work a controller would do for it).
 */
public final class MustacheAdapter implements EngineAdapter {
    /** A stocks row as the Mustache template sees it. */
    public record Row(int index, String rowClass, Stock stock) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public Renderer prepare(Scenario scenario) {
        Mustache mustache = new DefaultMustacheFactory("templates/mustache").compile(scenario.id() + ".mustache");
        return switch (scenario) {
            case STOCKS -> {
                List<Stock> items = (List<Stock>) scenario.context().get("items");
                yield () -> {
                    List<Row> rows = new ArrayList<>(items.size());
                    for (int i = 0; i < items.size(); i++) {
                        rows.add(new Row(i + 1, i % 2 == 0 ? "odd" : "even", items.get(i)));
                    }
                    return execute(mustache, Map.of("items", rows));
                };
            }
            case LARGE, ESCAPED -> {
                Map<String, Object> context = scenario.context();
                yield () -> execute(mustache, context);
            }
        };
    }

    private static String execute(Mustache mustache, Object scope) {
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }

    /** Compiles source with a shared factory (compiling from a Reader bypasses its cache). */
    public static SourceCompiler compiler() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory();
        return source -> factory.compile(new StringReader(source), "stocks");
    }
}
