package dev.kida.engine.eval;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSecurityException;
import dev.kida.engine.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which errors {@code try} catches and the class name {@code err.type} gives them
 * (kida-semantics.md, section 8): {@link KidaStatements#catchable} and
 * {@link KidaStatements#errorType}, which read the kind the raising code states.
 */
class TryErrorTypesTest {

    private static String render(String source) {
        return Environment.builder().build().fromString(source).render(Map.of());
    }

    private static String typeOf(String body) {
        return render("{% try %}" + body + "{% fallback err %}{{ err.type }}{% end %}");
    }

    /** An environment whose filter {@code fail} raises the given error. */
    private static Environment failing(RuntimeException error) {
        return Environment.builder().filter("fail", (ctx, v, a) -> {
            throw error;
        }).build();
    }

    @Test
    void undefinedTypeValueAndTemplateRuntimeErrorsAreCaught() {
        assertEquals("UndefinedError", typeOf("{{ missing }}"));
        assertEquals("TypeError", typeOf("{{ 1 + 'a' }}"));
        assertEquals("ValueError", typeOf("{% let a, b = [1] %}"));
        assertEquals("ValueError", typeOf("{{ (1..3 by 0)|list }}"));
        assertEquals("ValueError", typeOf("{{ [1, 2].index(5) }}"));
        assertEquals("ValueError", typeOf("{{ '%d' % ('nan'|float) }}"));
        assertEquals("TemplateRuntimeError", typeOf("{{ [1]|map|list }}"));
        // Kida's require raises its RequiredValueError, a TemplateRuntimeError
        assertEquals("RequiredValueError", typeOf("{{ none|require }}"));
    }

    @Test
    void divisionByZeroAndPythonsOtherErrorsPassThrough() {
        for (String body : new String[] {"{{ 1 / 0 }}", "{{ 1.5 % 0 }}", "{{ 0 ** -1 }}", "{{ '%(k)s' % {} }}",
                "{{ 'abcdef'|truncate(1) }}", "{{ [].pop() }}", "{{ 'a'|dictsort }}", "{{ cycler() }}",
                "{{ '%d' % ('inf'|float) }}", "{{ ('inf'|float)|pluralize }}"}) {
            assertThrows(TemplateRuntimeException.class,
                    () -> render("{% try %}" + body + "{% fallback %}caught{% end %}"), body);
        }
    }

    @Test
    void theKindTheRaisingCodeStatesDecidesNotTheMessage() {
        String source = "{% try %}{{ 1|fail }}{% fallback err %}{{ err.type }}: {{ err.message }}{% end %}";
        assertEquals("ValueError: integer division or modulo by zero", failing(new TemplateRuntimeException(
                RuntimeErrorKind.VALUE_ERROR, "integer division or modulo by zero")).fromString(source).render(Map.of()));
        assertEquals("TemplateRuntimeError: KeyError: k",
                failing(new TemplateRuntimeException("KeyError: k")).fromString(source).render(Map.of()));
        TemplateRuntimeException zero = assertThrows(TemplateRuntimeException.class, () -> failing(
                new TemplateRuntimeException(RuntimeErrorKind.ZERO_DIVISION_ERROR, "no")).fromString(source)
                .render(Map.of()));
        // located where it crossed the template, of the kind it was raised with
        assertEquals(RuntimeErrorKind.ZERO_DIVISION_ERROR, zero.kind());
        assertEquals(1, zero.line());
    }

    @Test
    void aSecurityErrorIsNotCaught() {
        TemplateSecurityException refused = new TemplateSecurityException("refused");
        assertEquals(RuntimeErrorKind.SECURITY_ERROR, refused.kind());
        TemplateRuntimeException thrown = assertThrows(TemplateRuntimeException.class, () -> failing(refused)
                .fromString("{% try %}{{ 1|fail }}{% fallback %}caught{% end %}").render(Map.of()));
        assertSame(TemplateSecurityException.class, thrown.getClass());
    }
}
