package dev.kida.tests.backends;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateTypeException;
import dev.kida.api.UndefinedException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs where the two backends once disagreed or one of them failed: each runs in the evaluator
 * and in compiled code (compiled mode compiles before the first render).
 */
class BackendsAgreeOnEdgeCasesTest {

    private static Environment.Builder env(ExecutionMode mode) {
        return Environment.builder().mode(mode).autoescape(false);
    }

    private static String render(ExecutionMode mode, String source) {
        Template t = env(mode).build().fromString(source);
        String out = t.render(Map.of());
        assertEquals(mode == ExecutionMode.COMPILED, t.isCompiled(), "compile failure: " + t.compileFailure());
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void filtersNamedAsDataSeeUserFiltersAndKeywords(ExecutionMode mode) {
        Environment e = env(mode)
                .filter("twice", (ctx, v, a) -> {
                    a.check("twice", "k");
                    String s = ctx.str(v);
                    return s + s + ctx.str(a.get(0, "k", ""));
                })
                // A user's filter of a built-in's name replaces it everywhere, map() included.
                .filter("upper", (ctx, v, a) -> "U(" + ctx.str(v) + ctx.str(a.get(0, "k", "")) + ")")
                .build();
        assertEquals("aa,bb", e.fromString("{{ ['a','b']|map('twice')|join(',') }}").render(Map.of()));
        assertEquals("aa1,bb1", e.fromString("{{ ['a','b']|map('twice', k=1)|join(',') }}").render(Map.of()));
        assertEquals("U(a!),U(b!)", e.fromString("{{ ['a','b']|map('upper', k='!')|join(',') }}").render(Map.of()));
        assertEquals("U(x)", e.fromString("{{ 'x'|upper }}").render(Map.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void textAndLiteralsLongerThanAConstantPoolEntry(ExecutionMode mode) {
        String text = "t".repeat(65_536);
        assertEquals(65_535 + text.length(), render(mode, "{{ (' ' * 65535) }}" + text).length());
        String literal = "é".repeat(40_000); // 80,000 bytes of UTF-8 in 40,000 chars
        assertEquals(literal + "|" + literal, render(mode, "{{ '" + literal + "' }}|{{ x.a if false else '" + literal + "' }}"));
        String name = "n".repeat(70_000);
        assertEquals("d", render(mode, "{{ " + name + " | default('d') }}"));
        assertEquals("", render(mode, "{% if false %}{{ m." + name + " }}{% endif %}"));
    }

    /** Jinja2 3.1.6 evaluates a test's operands before it finds the test missing: UndefinedError. */
    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void testOperandsFailBeforeAMissingTest(ExecutionMode mode) {
        KidaException e = assertThrows(UndefinedException.class, () -> render(mode, "{% if g is d m.x %}{% endif %}"));
        assertTrue(e.getMessage().contains("'m' is undefined"), e.getMessage());
        // TypeError: test_none() takes 1 positional argument but 2 were given.
        assertThrows(TemplateTypeException.class, () -> render(mode, "{{ l if e is not none e is s }}"));
    }

    /** Found by the agreement property: a break inside a block the compiled code hands to the evaluator. */
    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void loopControlLeavesBlocksRunByTheEvaluator(ExecutionMode mode) {
        assertEquals("o3", render(mode, "{% for x in [1, 2, 3] %}{{ loop.cycle('o', 'e') }}{{ loop.revindex }}"
                + "{% provide p = 1 %}{% autoescape true %}{% break %}{% endautoescape %}{{ consume('p') }}{% end %}{% endfor %}"));
    }

    /** A recursive def, like a macro, runs its deep levels on fresh stacks: a small thread stack does not matter. */
    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void deepDefRecursionOnASmallStack(ExecutionMode mode) throws Exception {
        String[] out = new String[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = render(mode, "{% def d(n) %}{% if n %}{{ d(n - 1) }}{% else %}bottom{% end %}{% end %}{{ d(300) }}");
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        assertEquals("bottom", out[0]);
    }

    /** The undefined kind holds at every depth, also where the render has moved to a fresh stack. */
    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void lenientUndefinedHoldsInDeepRecursion(ExecutionMode mode) {
        Template t = env(mode).undefined(dev.kida.api.UndefinedKind.DEFAULT).build()
                .fromString("{% macro m(n) %}{% if n %}{{ m(n - 1) }}{% else %}[{{ nothing }}]{% endif %}{% endmacro %}{{ m(20) }}");
        assertEquals("[]", t.render(Map.of()));
    }
}
