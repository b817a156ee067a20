package dev.kida.tests.backends;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Printing and comparing attributes read by primitive getters, which compiled code reads unboxed:
 * the same output and errors as the evaluator, for receivers of many classes at one site (more
 * than a site caches), each render repeated so that the cached paths run too. The receivers are
 * JDK types, whose getters templates may call from any module: the summary statistics
 * ({@code min}, {@code max}, {@code sum}, {@code average}: double, int or long; {@code count}:
 * long) and byte buffers ({@code double}, {@code float}, {@code int}: relative reads that fail
 * when the buffer is used up).
 */
class PrimitiveAttributesTest {

    private static List<Object> mixed() {
        List<Object> items = new ArrayList<>();
        items.add(DoubleStream.of(-0.5, 3.25).summaryStatistics());
        items.add(DoubleStream.of(1e-5, 12345678.0).summaryStatistics());
        items.add(DoubleStream.of(1e17, -0.0).summaryStatistics());
        items.add(DoubleStream.of(Double.NaN).summaryStatistics());
        items.add(new DoubleSummaryStatistics());
        items.add(IntStream.of(-2, 7).summaryStatistics());
        items.add(new IntSummaryStatistics());
        items.add(LongStream.of(Long.MIN_VALUE, 1).summaryStatistics());
        items.add(LongStream.of((1L << 53) + 1).summaryStatistics());
        items.add(new LongSummaryStatistics());
        items.add(Map.of("min", -2.5, "max", 1L, "average", 0.1f, "count", 3L));
        items.add(DoubleStream.of(-7.25).summaryStatistics());
        items.add(IntStream.of(5).summaryStatistics());
        return items;
    }

    private static final String LOOP = "{% for q in items %}{{ q.min }}|{{ q.max }}|{{ q.average }}|{{ q.count }}|"
            + "{{ q.min < 0 }}{{ q.min <= 0.0 }}{{ q.max > -1 }}{{ q.average >= 3 }}{{ q.count < 1 }}"
            + "{{ q.max >= -9007199254740993 }}{{ q.min > 9007199254740993 }}"
            + "{% if q.min < 0 %}-{% endif %}{% if q.count > 0.5 %}+{% endif %};{% endfor %}";

    private static String outcome(ExecutionMode mode, boolean autoescape, String source,
                                  Supplier<Map<String, ?>> context) {
        Environment env = Environment.builder().mode(mode).autoescape(autoescape).build();
        Template t = env.fromString(source);
        if (mode == ExecutionMode.COMPILED) {
            assertTrue(t.isCompiled(), () -> "not compiled: " + t.compileFailure());
        }
        Map<String, ?> vars = context.get();
        StringBuilder all = new StringBuilder();
        for (int round = 0; round < 4; round++) {
            try {
                all.append(t.render(vars)).append('\n');
            } catch (KidaException e) {
                all.append(ConformanceBothBackendsTest.describe(e)).append('\n');
            }
        }
        return all.toString();
    }

    private static String agree(boolean autoescape, String source, Supplier<Map<String, ?>> context) {
        String interpreted = outcome(ExecutionMode.INTERPRETED, autoescape, source, context);
        assertEquals(interpreted, outcome(ExecutionMode.COMPILED, autoescape, source, context), source);
        return interpreted;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void manyReceiverClassesAtOneSite(boolean autoescape) {
        String out = agree(autoescape, LOOP, () -> Map.of("items", mixed()));
        assertTrue(out.startsWith("-0.5|3.25|1.375|2|TrueTrueTrueFalseFalseTrueFalse-+;"), out);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void printsAndComparesLikePython(boolean autoescape) {
        String out = outcome(ExecutionMode.COMPILED, autoescape,
                "{% for q in items %}{{ q.min }} {{ q.count }} {{ q.min < 0 }} {{ q.count >= 2 }};{% endfor %}",
                () -> Map.of("items", List.of(DoubleStream.of(-0.5, 1).summaryStatistics(),
                        DoubleStream.of(1e17).summaryStatistics(), IntStream.of(4, 5, 6).summaryStatistics())));
        assertEquals("-0.5 2 True True;1e+17 1 False False;4 3 False True;\n".repeat(4), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ q.double }}", "{{ q.float }}", "{{ q.int }}", "{{ q.double < 0 }}",
            "x\n  {% if q.int > 1 %}y{% endif %}", "{{ q.missing }}", "{{ q.missing < 1 }}", "{{ nope.double }}",
            "{{ nope.int < 1 }}"})
    void errorsAreTheEvaluatorsAtTheSamePlace(String source) {
        // 8 bytes: the first read works, later ones fail (the buffer is used up)
        String out = agree(true, source, () -> Map.of("q", ByteBuffer.allocate(8)));
        assertTrue(out.contains("error:"), out);
    }

    @Test
    void textAttributesAreNotPrimitive() {
        String out = agree(true, "{{ q.v }}{{ q.v < 0 }}", () -> Map.of("q", Map.of("v", "<a>")));
        assertTrue(out.startsWith("error:type"), out);
        assertEquals("&lt;a&gt;\n".repeat(4), agree(true, "{{ q.v }}", () -> Map.of("q", Map.of("v", "<a>"))));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void loopNumbersPrintAsWholeNumbers(boolean autoescape) {
        String out = agree(autoescape, "{% for x in range(300) %}{{ loop.index }},{{ loop.index0 }},{{ loop.revindex }},"
                + "{{ loop.revindex0 }},{{ loop.length }},{{ loop.depth }},{{ loop.depth0 }};{% endfor %}",
                Map::of);
        assertTrue(out.startsWith("1,0,300,299,300,1,0;2,1,299,298,300,1,0;"), out);
        assertTrue(out.contains(";300,299,1,0,300,1,0;\n"), out);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void referenceGettersPrintAsTheEvaluatorPrints(boolean autoescape) throws Exception {
        // a JDK bean with reference getters, one returning null (URIs are opaque to templates)
        var entry = new java.util.AbstractMap.SimpleImmutableEntry<>("q=a&b=<c>", null);
        String source = "{% for u in items %}{{ u.key }}|{{ u.value }};{% endfor %}"
                + "{% autoescape not auto %}{{ items[0].key }}{% endautoescape %}";
        String out = agree(autoescape, source, () -> Map.of("auto", autoescape,
                "items", List.of(entry, Map.of("key", "<m>", "value", "f"), entry)));
        String query = autoescape ? "q=a&amp;b=&lt;c&gt;" : "q=a&b=<c>";
        String map = autoescape ? "&lt;m&gt;" : "<m>";
        String flipped = autoescape ? "q=a&b=<c>" : "q=a&amp;b=&lt;c&gt;";
        assertEquals((query + "|None;" + map + "|f;" + query + "|None;" + flipped + "\n").repeat(4), out);
    }
}
