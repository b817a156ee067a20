package dev.kida.tests.backends;

import dev.kida.api.KidaException;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import dev.kida.tests.conformance.ConformanceCase;
import dev.kida.tests.conformance.ConformanceCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole conformance corpus under the evaluator and under compiled bytecode: every case gives
 * the same output, or the same error kind at the same template, line and column; and the compiled
 * run really ran compiled code.
 */
class ConformanceBothBackendsTest {

    @TestFactory
    Stream<DynamicTest> compiledAgreesWithInterpretedOnEveryCase() {
        return ConformanceCases.all().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            String interpreted = outcome(c, ExecutionMode.INTERPRETED);
            String compiled = outcome(c, ExecutionMode.COMPILED);
            assertEquals(interpreted, compiled, c.id() + "\n" + c.files());
        }));
    }

    /** Output, or error kind and location; for COMPILED also checks the entry template compiled. */
    private static String outcome(ConformanceCase c, ExecutionMode mode) {
        Template t;
        try {
            t = ConformanceCases.environment(c, null, mode).getTemplate(c.entry());
        } catch (KidaException e) {
            return describe(e);
        }
        if (mode == ExecutionMode.COMPILED) {
            Optional<Throwable> failure = t.compileFailure();
            failure.ifPresent(Throwable::printStackTrace);
            assertTrue(failure.isEmpty() && t.isCompiled(), c.id() + ": did not compile: " + failure);
        }
        try {
            return t.render(c.context());
        } catch (KidaException e) {
            return describe(e);
        }
    }

    static String describe(KidaException e) {
        return "error:" + ConformanceCases.kindOf(e) + " at " + e.templateName() + ":" + e.line() + ":"
                + e.column() + " " + e.detail();
    }
}
