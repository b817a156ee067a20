package dev.kida.engine.eval;

import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which errors {@code try} catches and the class name {@code err.type} gives them
 * (kida-semantics.md, section 8), told apart by {@link KidaStatements#errorType}.
 */
class TryErrorTypesTest {

    private static String render(String source) {
        return Environment.builder().build().fromString(source).render(Map.of());
    }

    private static String typeOf(String body) {
        return render("{% try %}" + body + "{% fallback err %}{{ err.type }}{% end %}");
    }

    @Test
    void undefinedTypeValueAndTemplateRuntimeErrorsAreCaught() {
        assertEquals("UndefinedError", typeOf("{{ missing }}"));
        assertEquals("TypeError", typeOf("{{ 1 + 'a' }}"));
        assertEquals("ValueError", typeOf("{% let a, b = [1] %}"));
        assertEquals("ValueError", typeOf("{{ (1..3 by 0)|list }}"));
        assertEquals("ValueError", typeOf("{{ [1, 2].index(5) }}"));
        assertEquals("TemplateRuntimeError", typeOf("{{ none|require }}"));
    }

    @Test
    void divisionByZeroAndPythonsOtherErrorsPassThrough() {
        for (String body : new String[] {"{{ 1 / 0 }}", "{{ 1.5 % 0 }}", "{{ 0 ** -1 }}", "{{ '%(k)s' % {} }}",
                "{{ 'abcdef'|truncate(1) }}", "{{ [].pop() }}"}) {
            assertThrows(TemplateRuntimeException.class,
                    () -> render("{% try %}" + body + "{% fallback %}caught{% end %}"), body);
        }
    }
}
