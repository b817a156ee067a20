package dev.kida.compiler.api;

import dev.kida.api.UndefinedException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A String, an Appendable and an OutputStream receive the very same text, in every mode. */
class OutputTargetsTest {
    private static final String SOURCE = "Grüße, {{ name }}! {% for x in xs %}<{{ x }}>{% endfor %} 😀 {{ 1.5 }}";
    private static final Map<String, Object> CONTEXT = Map.of("name", "Zoë & 🐍", "xs", List.of("a", "ü", 3));

    private static Template template(ExecutionMode mode) {
        return Environment.builder().mode(mode).build().fromString(SOURCE);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void everyTargetGetsTheSameText(ExecutionMode mode) {
        Template t = template(mode);
        String expected = "Grüße, Zoë &amp; 🐍! <a><ü><3> 😀 1.5";
        assertEquals(expected, t.render(CONTEXT));

        StringWriter writer = new StringWriter();
        t.render(CONTEXT, writer);
        assertEquals(expected, writer.toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.render(CONTEXT, bytes);
        assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aFailedRenderWritesNothing(ExecutionMode mode) {
        Template t = Environment.builder().mode(mode).build().fromString("static text {{ missing }}");
        StringWriter writer = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThrows(UndefinedException.class, () -> t.render(Map.of(), writer));
        assertThrows(UndefinedException.class, () -> t.render(Map.of(), bytes));
        assertEquals("", writer.toString());
        assertEquals(0, bytes.size());
    }
}
