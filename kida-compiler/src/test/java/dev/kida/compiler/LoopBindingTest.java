package dev.kida.compiler;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a {@code for} binds {@code loop} where an included template can see it. Jinja2 binds it
 * only when the loop is recursive, or its body names {@code loop} outside blocks, or holds a
 * scoped block; a non-scoped block does not see the loop, so its use of {@code loop} does not
 * count. Expected outputs are Jinja2 3.1.6's (DictLoader with the same two templates).
 */
class LoopBindingTest {
    private static final Map<String, String> TEMPLATES = Map.of(
            "inc", "[{{ loop is defined }}]",
            "in-block", "{% for x in [1] %}{% include 'inc' %}{% block b %}{{ loop is defined }}{% endblock %}{% endfor %}",
            "named", "{% for x in [1] %}{% include 'inc' %}{{ loop.index }}{% endfor %}",
            "unnamed", "{% for x in [1, 2] %}{% include 'inc' %}{% endfor %}");

    private static String render(ExecutionMode mode, String name) {
        Template t = Environment.builder().loader(Loaders.map(TEMPLATES)).mode(mode).build().getTemplate(name);
        if (mode == ExecutionMode.COMPILED) {
            assertTrue(t.isCompiled(), () -> "compile failure: " + t.compileFailure());
        }
        return t.render(Map.of());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aLoopNamedOnlyInsideABlockIsNotBound(ExecutionMode mode) {
        assertEquals("[False]False", render(mode, "in-block"));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aLoopNamedInTheBodyIsSeenByAnInclude(ExecutionMode mode) {
        assertEquals("[True]1", render(mode, "named"));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void anUnnamedLoopIsNotBound(ExecutionMode mode) {
        assertEquals("[False][False]", render(mode, "unnamed"));
    }
}
