package dev.kida.compiler.security;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;

import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders a template in both execution modes and checks they agree. */
final class BothModes {
    private BothModes() {
    }

    /** The outcome ("ok:OUTPUT" or "Kind: detail") in each mode; asserts the two are equal. */
    static String outcome(String source, Map<String, ?> context) {
        return outcome(source, context, b -> { });
    }

    static String outcome(String source, Map<String, ?> context, Consumer<Environment.Builder> setup) {
        return outcome(source, () -> context, setup);
    }

    /** For contexts holding one-shot values (iterators): a fresh context per mode. */
    static String outcome(String source, java.util.function.Supplier<Map<String, ?>> context,
                          Consumer<Environment.Builder> setup) {
        String interpreted = one(ExecutionMode.INTERPRETED, source, context.get(), setup);
        String compiled = one(ExecutionMode.COMPILED, source, context.get(), setup);
        assertEquals(interpreted, compiled, "the two modes disagree on " + source);
        return interpreted;
    }

    static String one(ExecutionMode mode, String source, Map<String, ?> context, Consumer<Environment.Builder> setup) {
        Environment.Builder b = Environment.builder().mode(mode).autoescape(false);
        setup.accept(b);
        Environment env = b.build();
        try {
            Template t = env.fromString(source);
            if (mode == ExecutionMode.COMPILED) {
                assertTrue(t.isCompiled(), () -> "not compiled: " + t.compileFailure());
            }
            // twice: the same template object runs again (its attribute sites specialize only
            // after FusedAttributeSite.SPECIALIZE_AFTER calls, which AttributeSitesTest covers)
            String first = t.render(context);
            String second = t.render(context);
            assertEquals(first, second);
            return "ok:" + first;
        } catch (KidaException e) {
            return e.getClass().getSimpleName() + ": " + e.detail();
        }
    }
}
