package dev.kida.tests.kida;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import dev.kida.tests.conformance.ConformanceCases;
import java.util.Map;

/**
 * Renders a Kida template under the evaluator and under compiled bytecode (autoescape on, strict
 * undefined, as the Kida corpus runs) and checks both give the same result before returning it.
 */
final class BothModes {
    private BothModes() {
    }

    /** The output, or {@code error:KIND} when the render raised; the same in both modes. */
    static String render(String source, Map<String, ?> context) {
        String interpreted = outcome(source, context, ExecutionMode.INTERPRETED);
        String compiled = outcome(source, context, ExecutionMode.COMPILED);
        assertEquals(interpreted, compiled, "the backends disagree on " + source);
        int space = interpreted.indexOf(' ');
        return interpreted.startsWith("error:") && space > 0 ? interpreted.substring(0, space) : interpreted;
    }

    static String render(String source) {
        return render(source, Map.of());
    }

    /**
     * The output, or {@code error:KIND at LINE:COLUMN DETAIL} when the render raised; the same in
     * both modes, location included.
     */
    static String renderLocated(String source, Map<String, ?> context) {
        String interpreted = outcome(source, context, ExecutionMode.INTERPRETED);
        assertEquals(interpreted, outcome(source, context, ExecutionMode.COMPILED), "the backends disagree on " + source);
        return interpreted;
    }

    /** The message of the error the render raises (the same in both modes), or a failure when it renders. */
    static String errorDetail(String source, Map<String, ?> context) {
        String interpreted = outcome(source, context, ExecutionMode.INTERPRETED);
        assertEquals(interpreted, outcome(source, context, ExecutionMode.COMPILED), "the backends disagree on " + source);
        assertTrue(interpreted.startsWith("error:"), () -> "expected an error, got " + interpreted);
        return interpreted.substring(interpreted.indexOf(' ', interpreted.indexOf(" at ") + 4) + 1);
    }

    /** Output, or error kind with its location and message (which must agree too). */
    private static String outcome(String source, Map<String, ?> context, ExecutionMode mode) {
        Environment env = Environment.builder().loader(Loaders.map(Map.of("t.html", source))).autoescape(true)
                .mode(mode).build();
        try {
            Template t = env.getTemplate("t.html");
            if (mode == ExecutionMode.COMPILED) {
                assertTrue(t.compileFailure().isEmpty() && t.isCompiled(),
                        () -> "did not compile: " + t.compileFailure());
            }
            return t.render(context);
        } catch (KidaException e) {
            return "error:" + ConformanceCases.kindOf(e) + " at " + e.line() + ":" + e.column() + " " + e.detail();
        }
    }
}
