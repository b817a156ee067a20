package dev.kida.tests.concurrency;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Environment and one Template shared by many threads, while tiered compilation swaps the
 * evaluator for compiled code under them: every render must still give the same bytes.
 */
class SharedTemplateTest {
    private static final Map<String, String> FILES = Map.of(
            "base.html", "<h1>{% block title %}{% endblock %}</h1>{% block body %}{% endblock %}",
            "page.html", """
                    {% extends 'base.html' %}{% import 'lib.html' as lib %}
                    {% block title %}{{ title|upper }}{% endblock %}
                    {% block body %}{% for row in rows %}{{ lib.cell(row, loop.index) }}{% endfor %}{% endblock %}""",
            "lib.html", "{% macro cell(v, i) %}<td class=\"{{ 'odd' if i is odd else 'even' }}\">{{ v }}</td>{% endmacro %}");

    @Test
    void concurrentRendersAcrossTheTierSwitchAgree() throws Exception {
        Environment env = Environment.builder().loader(Loaders.map(FILES))
                .mode(ExecutionMode.TIERED).compileThreshold(20).build();
        Template template = env.getTemplate("page.html");
        List<Map<String, Object>> contexts = IntStream.range(0, 8)
                .mapToObj(i -> Map.<String, Object>of("title", "t<" + i + ">",
                        "rows", IntStream.range(0, 30 + i).mapToObj(j -> "r&" + j).toList()))
                .toList();
        Environment reference = Environment.builder().loader(Loaders.map(FILES))
                .mode(ExecutionMode.INTERPRETED).build();
        List<String> expected = contexts.stream()
                .map(c -> reference.getTemplate("page.html").render(c)).toList();

        // Four threads keep rendering until each has seen 50 renders start on compiled code, so
        // the background compiler's swap happens while renders are in flight.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger interpretedRenders = new AtomicInteger();
        AtomicInteger compiledRenders = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    int compiledSeen = 0;
                    for (int i = 0; compiledSeen < 50; i++) {
                        assertTrue(System.nanoTime() < deadline, "tiered compilation never installed compiled code");
                        int k = (i + worker) % contexts.size();
                        boolean compiled = template.isCompiled();
                        assertEquals(expected.get(k), template.render(contexts.get(k)), "render " + i + " of worker " + worker);
                        if (compiled) {
                            compiledSeen++;
                            compiledRenders.incrementAndGet();
                        } else {
                            interpretedRenders.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(interpretedRenders.get() >= 20, "renders before the switch: " + interpretedRenders);
        assertTrue(compiledRenders.get() >= 200, "renders after the switch: " + compiledRenders);
        assertTrue(template.isCompiled());
        assertEquals(expected.get(3), template.render(contexts.get(3)));
    }
}
