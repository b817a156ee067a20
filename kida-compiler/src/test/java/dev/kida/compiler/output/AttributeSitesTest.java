package dev.kida.compiler.output;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attribute sites of compiled code give the evaluator's output before they specialize (their first
 * {@code FusedAttributeSite.SPECIALIZE_AFTER} = 8 calls go through the generic fallback) and after
 * (a type check and a direct accessor), for records, maps and a site that sees both.
 */
class AttributeSitesTest {
    /** A receiver with accessors the sites can bind to. */
    public record Product(String name, double price, long stock) {
    }

    /** Renders enough for every site to run specialized for a few calls. */
    private static final int RENDERS = 12;

    private static final String SOURCE = "{% for p in items %}{{ p.name }}:{{ p.price }}/{{ p.stock }}"
            + "{% if p.price > 2.5 %}+{% endif %}{% if p.stock >= 3 %}*{% endif %};{% endfor %}";

    @Test
    void sameOutputUnlinkedAndLinked() {
        List<Object> records = List.of(new Product("tea<", 2.5, 3), new Product("mug", 8.0, 1));
        List<Object> maps = List.of(Map.of("name", "a&b", "price", 1.25, "stock", 7L),
                Map.of("name", "c", "price", 3L, "stock", 2L));
        List<Object> mixed = List.of(records.get(0), maps.get(0), records.get(1), maps.get(1));
        for (List<Object> items : List.of(records, maps, mixed)) {
            Map<String, Object> context = Map.of("items", items);
            String expected = Environment.builder().mode(ExecutionMode.INTERPRETED).autoescape(true).build()
                    .fromString(SOURCE).render(context);
            Template compiled = Environment.builder().mode(ExecutionMode.COMPILED).autoescape(true).build()
                    .fromString(SOURCE);
            assertTrue(compiled.isCompiled(), () -> "compile failure: " + compiled.compileFailure());
            for (int i = 0; i < RENDERS; i++) {
                assertEquals(expected, compiled.render(context), "render " + i + " of " + items);
            }
        }
    }
}
