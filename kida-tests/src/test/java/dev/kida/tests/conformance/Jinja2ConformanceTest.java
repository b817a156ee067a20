package dev.kida.tests.conformance;

import dev.kida.api.KidaException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Jinja2 conformance corpus: each case must give Jinja2's exact bytes, or the same error
 * kind. Cases are checked in the test resources (copied from the shared corpus).
 */
class Jinja2ConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesJinja2() {
        return ConformanceCases.all().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            String actual;
            int line = 0;
            try {
                actual = ConformanceCases.environment(c, null).getTemplate(c.entry()).render(c.context());
            } catch (KidaException e) {
                actual = "error:" + ConformanceCases.kindOf(e);
                line = e.line();
                if (c.expectError() == null) {
                    throw new AssertionError(c.id() + ": expected output " + quote(c.expect())
                            + " but raised " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
                }
            }
            assertEquals(ConformanceCases.expected(c), actual, c.id() + "\n" + c.files());
            if (c.expectLine() > 0) {
                assertEquals(c.expectLine(), line, c.id() + ": error line\n" + c.files());
            }
        }));
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s.replace("\n", "\\n") + "'";
    }
}
