package dev.kida.compiler.security;

import dev.kida.engine.Limits;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, finding 9: recursion is limited by a counted depth, whatever the thread's stack. */
class RecursionTest {
    private static final String MACRO = "{% macro m(n) %}{% if n %}{{ n }},{{ m(n - 1) }}{% endif %}{% endmacro %}";

    /** Runs {@code body} on a thread with a small stack and returns its result. */
    private static String onSmallStack(java.util.function.Supplier<String> body) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(body.get());
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 192 * 1024);
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError("render failed on a small stack", e);
        }
        return (String) result.get();
    }

    @Test
    void deepMacroRecursionRendersOnASmallStackInBothModes() throws InterruptedException {
        String out = onSmallStack(() -> BothModes.outcome(MACRO + "{{ m(400)|length }}", Map.of()));
        assertTrue(out.startsWith("ok:"), out);
    }

    @Test
    void pastTheLimitItIsAClearErrorAndTheJvmStaysHealthy() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            String out = onSmallStack(() -> BothModes.outcome(MACRO + "{{ m(600) }}", Map.of()));
            assertTrue(out.startsWith("TemplateRuntimeException: maximum recursion depth exceeded (500"), out);
        }
        // what finding 9 broke: stack traces, and later template errors
        assertTrue(new Throwable().getStackTrace().length > 0);
        assertEquals("ZeroDivisionError", BothModes.outcome("{{ 1 // 0 }}", Map.of()).contains("division")
                ? "ZeroDivisionError" : "other");
    }

    @Test
    void theLimitIsTheConfiguredDepthInBothModes() {
        String src = MACRO + "{{ m(n)|length }}";
        var setup = (java.util.function.Consumer<dev.kida.engine.Environment.Builder>)
                b -> b.limits(Limits.defaults().withMaxRecursionDepth(30));
        // the template itself is one level: 28 calls of m(n..1) plus m(0) fit, 30 do not
        assertTrue(BothModes.outcome(src, Map.of("n", 28L), setup).startsWith("ok:"));
        assertTrue(BothModes.outcome(src, Map.of("n", 29L), setup).startsWith("TemplateRuntimeException: maximum recursion"));
    }

    @Test
    void recursiveLoopsIncludesAndBlocksCountToo() {
        var setup = (java.util.function.Consumer<dev.kida.engine.Environment.Builder>)
                b -> b.limits(Limits.defaults().withMaxRecursionDepth(50));
        Map<String, Object> tree = Map.of("c", java.util.List.of());
        for (int i = 0; i < 100; i++) {
            tree = Map.of("c", java.util.List.of(tree));
        }
        String out = BothModes.outcome("{% for x in [t] recursive %}.{{ loop(x.c) }}{% endfor %}", Map.of("t", tree), setup);
        assertTrue(out.startsWith("TemplateRuntimeException: maximum recursion"), out);
    }
}
