package dev.kida.compiler.output;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Renders to a String through the Latin-1 buffer, with both backends: text that leaves Latin-1
 * in static text (lone surrogates included), in values and after an escape; the per-thread
 * buffer reused by the next render; a render inside a render.
 */
class RenderToStringTest {
    private static final String SOURCE = "<p>a\uD83Db \u00e9 {{ x }}</p>{% for v in vs %}[{{ v }}]{% endfor %}\u20ac{{ n }}|{{ f }}";

    @Test
    void sameTextInBothModesAndOnReuse() {
        Map<String, Object> wide = Map.of("x", "Z\u00fcrich & \u0100<", "vs", List.of("<a>", "\uDE00", "x&y"),
                "n", -12L, "f", 2.5);
        Map<String, Object> latin = Map.of("x", "Zurich & co", "vs", List.of("<a>"), "n", 7L, "f", 0.25);
        String wideText = "<p>a\uD83Db \u00e9 Z\u00fcrich &amp; \u0100&lt;</p>[&lt;a&gt;][\uDE00][x&amp;y]\u20ac-12|2.5";
        String latinText = "<p>a\uD83Db \u00e9 Zurich &amp; co</p>[&lt;a&gt;]\u20ac7|0.25";
        for (ExecutionMode mode : new ExecutionMode[] {ExecutionMode.INTERPRETED, ExecutionMode.COMPILED}) {
            Template t = Environment.builder().mode(mode).autoescape(true).build().fromString(SOURCE);
            for (int i = 0; i < 3; i++) {
                assertEquals(wideText, t.render(wide), mode.toString());
                assertEquals(latinText, t.render(latin), mode.toString());
            }
            StringBuilder sb = new StringBuilder("pre:");
            t.render(latin, sb);
            assertEquals("pre:" + latinText, sb.toString());
        }
    }

    @Test
    void aRenderInsideARenderHasItsOwnBuffer() {
        Environment env = Environment.builder().autoescape(true).build();
        Template inner = env.fromString("[{{ v }}]");
        Template outer = env.fromString("a{{ f() }}b{{ f() }}c");
        java.util.function.Supplier<String> f = () -> inner.render(Map.of("v", "<\u0100>"));
        // the inner page is a plain String to the outer one, so it is escaped again
        assertEquals("a[&amp;lt;\u0100&amp;gt;]b[&amp;lt;\u0100&amp;gt;]c", outer.render(Map.of("f", f)));
    }
}
