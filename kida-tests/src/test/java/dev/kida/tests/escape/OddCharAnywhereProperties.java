package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Environment;
import dev.kida.engine.Template;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.owasp.encoder.Encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Long, mostly clean values with a few odd chars at any position, rendered by every backend into
 * both of the engine's outputs (a String, held as Latin-1 bytes until a wider char; and UTF-8
 * bytes to an OutputStream), where values of 64 chars or more go through {@code escapeInto}: a
 * copy into the output's bytes and a scan that must stop at a special, at a {@code '?'} standing
 * for a char the copy could not take, and (UTF-8) at a char 0x80-0xFF. Checked against the
 * {@code java} backend's rendering and against OWASP's {@code Encode.forHtml} (mapped as in
 * {@link OwaspAgreementProperties}).
 */
class OddCharAnywhereProperties {
    /** Non-ASCII Latin-1, chars whose low byte is special or '?', a right quote, NUL, '?', specials. */
    private static final List<String> ODD = List.of("\u00e9", "\u0080", "\u00ff", "\u00a0", "\u0100", "\u0126",
            "\u013f", "\u2019", "\ud83d\ude00", "\ud83d", "\ude00", "\0", "?", "&", "<", "\"", "'");

    @Property(tries = 250)
    void oddCharsAnywhereRenderAsJavaAndOwaspEscapeThem(@ForAll("backends") EscaperProvider backend,
                                                        @ForAll @IntRange(min = 64, max = 5000) int length,
                                                        @ForAll @Size(min = 1, max = 3) List<@IntRange(max = 4999) Integer> positions,
                                                        @ForAll @Size(min = 3, max = 3) List<@IntRange(max = 16) Integer> which) {
        StringBuilder sb = new StringBuilder("The quick brown fox jumps over the lazy dog ".repeat(length / 44 + 1));
        sb.setLength(length);
        for (int k = 0; k < positions.size(); k++) {
            int at = positions.get(k) % length;
            String odd = ODD.get(which.get(k));
            sb.replace(at, at + 1, odd);
        }
        String value = sb.toString();
        Map<String, Object> context = Map.of("v", value);
        String java = template("java").render(context);
        Template t = template(backend.name());
        String where = backend.name() + ", length " + value.length() + ", odd at " + positions;

        String asString = t.render(context);
        assertEquals(java, asString, where + " (String output)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.render(context, bytes);
        assertArrayEquals(java.getBytes(StandardCharsets.UTF_8), bytes.toByteArray(), where + " (UTF-8 output)");

        assertEquals(Encode.forHtml(value.replace("\0", "")), OwaspAgreementProperties.owaspView(asString), where + " (OWASP)");
    }

    private static Template template(String escaper) {
        return Environment.builder().escaper(escaper).build().fromString("{{ v }}");
    }

    @Provide
    Arbitrary<EscaperProvider> backends() {
        return Backends.anyAvailable();
    }
}
