package dev.kida.bench.engine;

import dev.kida.bench.data.Contact;
import dev.kida.bench.data.Person;
import dev.kida.bench.data.Stock;
import dev.kida.bench.rocker.Escaped;
import dev.kida.bench.rocker.Large;
import dev.kida.bench.rocker.Stocks;

import java.util.List;

/**
 * Rocker: templates compiled to Java classes at build time (rocker-maven-plugin), called with
 * typed arguments; {@code .rocker.html} templates escape as HTML.
 */
public final class RockerAdapter implements EngineAdapter {
    @Override
    @SuppressWarnings("unchecked")
    public Renderer prepare(Scenario scenario) {
        return switch (scenario) {
            case STOCKS -> {
                List<Stock> items = (List<Stock>) scenario.context().get("items");
                yield () -> Stocks.template(items).render().toString();
            }
            case LARGE -> {
                List<Person> rows = (List<Person>) scenario.context().get("rows");
                yield () -> Large.template(rows).render().toString();
            }
            case ESCAPED -> {
                List<Contact> rows = (List<Contact>) scenario.context().get("rows");
                yield () -> Escaped.template(rows).render().toString();
            }
        };
    }
}
