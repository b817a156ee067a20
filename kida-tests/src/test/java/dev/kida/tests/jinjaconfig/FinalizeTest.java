package dev.kida.tests.jinjaconfig;

import dev.kida.api.Markup;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jinja2's {@code finalize} in both backends. Expected outputs were printed by Jinja2 3.1.6 for
 * the same templates with the Python spelling of each function (the first four are Jinja2's own
 * test_api cases).
 */
class FinalizeTest {

    private static Environment env(ExecutionMode mode, boolean autoescape, UnaryOperator<Object> fin) {
        return Environment.builder().mode(mode).autoescape(autoescape).finalize(fin).build();
    }

    /** Python's {@code type(v).__name__} for the values these templates print. */
    private static Object typeName(Object v) {
        return switch (v) {
            case Markup m -> "Markup";
            case String s -> "str";
            case Long l -> "int";
            case List<?> l -> "list";
            default -> v.getClass().getSimpleName();
        };
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void noneBecomesEmpty(ExecutionMode mode) {
        Environment e = env(mode, false, v -> v == null ? "" : v);
        assertEquals("||1|foo", e.fromString("{% for item in seq %}|{{ item }}{% endfor %}")
                .render(Map.of("seq", java.util.Arrays.asList(null, 1L, "foo"))));
        assertEquals("<>", e.fromString("<{{ none }}>").render());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void staticTextIsNotFinalized(ExecutionMode mode) {
        Environment e = env(mode, false, FinalizeTest::typeName);
        assertEquals("<int>", e.fromString("<{{ value }}>").render(Map.of("value", 123L)));
        assertEquals("<str|int|list>", e.fromString("<{{ \"x\" }}|{{ 1 + 2 }}|{{ [1] }}>").render());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void constantsAreEscapedBeforeFinalize(ExecutionMode mode) {
        Environment e = env(mode, true, FinalizeTest::typeName);
        assertEquals("<Markup|str|Markup>", e.fromString("<{{ \"x\" }}|{{ v }}|{{ 1 + 2 }}>").render(Map.of("v", "y")));
        Environment wrap = env(mode, true, v -> "<" + v + ">");
        assertEquals("<a&amp;>|&lt;c&amp;&gt;|<b&>",
                wrap.fromString("{{ \"a&\" }}|{{ v }}|{% autoescape false %}{{ \"b&\" }}{% endautoescape %}")
                        .render(Map.of("v", "c&")));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void contextFinalizeSeesTheRender(ExecutionMode mode) {
        Environment e = Environment.builder().mode(mode)
                .finalize((ctx, v) -> (Long) v * (Long) ctx.resolve("scale")).build();
        assertEquals("15", e.fromString("{{ value }}").render(Map.of("value", 5L, "scale", 3L)));
    }
}
