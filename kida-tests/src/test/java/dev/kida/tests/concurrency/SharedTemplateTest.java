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

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            List<Integer> which = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int k = i % contexts.size();
                which.add(k);
                futures.add(pool.submit(() -> template.render(contexts.get(k))));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(which.get(i)), futures.get(i).get(), "render " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 200 && !template.isCompiled(); i++) {
            Thread.sleep(10);
        }
        assertTrue(template.isCompiled(), "tiered compilation should have installed compiled code");
        assertEquals(expected.get(3), template.render(contexts.get(3)));
    }
}
