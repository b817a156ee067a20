package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Environment;
import dev.kida.engine.Template;
import dev.kida.tests.conformance.ConformanceCases;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rendering through the engine gives the same bytes whichever backend escapes: on the whole
 * conformance corpus (compared with the pure-Java backend, errors included), and on a template
 * printing generated strings (compared with the reference escaper).
 */
class BackendRenderingAgreementTest {

    @TestFactory
    Stream<DynamicTest> conformanceCasesRenderAlikeWithEveryBackend() {
        List<String> others = Backends.available().stream().map(EscaperProvider::name)
                .filter(n -> !n.equals("java")).toList();
        return ConformanceCases.all().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            String java = ConformanceCases.outcome(c, "java");
            for (String name : others) {
                assertEquals(java, ConformanceCases.outcome(c, name), c.id() + " with " + name);
            }
        }));
    }

    private static final String TEMPLATE =
            "{% for v in values %}<p title=\"{{ v }}\">{{ v }}</p>\n{% endfor %}";

    @Property(tries = 100)
    void generatedValuesRenderAsTheReferenceEscapesThem(@ForAll("backends") EscaperProvider backend,
                                                        @ForAll("values") List<String> values) {
        Template t = Environment.builder().escaper(backend.name()).build().fromString(TEMPLATE);
        StringBuilder expected = new StringBuilder();
        for (String v : values) {
            String e = ReferenceEscaper.escape(v);
            expected.append("<p title=\"").append(e).append("\">").append(e).append("</p>\n");
        }
        assertEquals(expected.toString(), t.render(Map.of("values", values)), backend.name());
    }

    /**
     * The same to an OutputStream: the engine's UTF-8 output, where long values are escaped by the
     * backend straight into its bytes up to their first non-ASCII char.
     */
    @Property(tries = 100)
    void generatedValuesRenderToUtf8AsTheReferenceEscapesThem(@ForAll("backends") EscaperProvider backend,
                                                              @ForAll("values") List<String> values) {
        Template t = Environment.builder().escaper(backend.name()).build().fromString(TEMPLATE);
        StringBuilder expected = new StringBuilder();
        for (String v : values) {
            String e = ReferenceEscaper.escape(v);
            expected.append("<p title=\"").append(e).append("\">").append(e).append("</p>\n");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        t.render(Map.of("values", values), bytes);
        assertArrayEquals(expected.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes.toByteArray(),
                backend.name());
    }

    @Provide
    Arbitrary<EscaperProvider> backends() {
        return Backends.anyAvailable();
    }

    @Provide
    Arbitrary<List<String>> values() {
        return Texts.anyText().list().ofMaxSize(8);
    }
}
