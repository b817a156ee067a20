package dev.kida.tests.conformance;

import dev.kida.api.KidaException;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Kida corpus ({@code conformance/kida-*.json}, results recorded from Kida 0.12) in the
 * evaluator and in compiled bytecode. A case passes when both backends give the expected output
 * (or error kind) and the compiled run really ran compiled code. Cases listed in
 * {@code kida-known-gaps.txt} must still fail; every other case must pass.
 */
class KidaConformanceTest {
    private static final List<ExecutionMode> MODES = List.of(ExecutionMode.INTERPRETED, ExecutionMode.COMPILED);

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesKidaUnlessListedAsAGap() {
        Set<String> gaps = KnownGaps.all();
        return ConformanceCases.kida().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            String expected = ConformanceCases.expected(c);
            StringBuilder problems = new StringBuilder();
            for (ExecutionMode mode : MODES) {
                String actual = outcome(c, mode);
                if (!expected.equals(actual)) {
                    problems.append("\n  ").append(mode).append(": ").append(quote(actual));
                }
            }
            if (gaps.contains(c.id())) {
                assertTrue(problems.length() > 0, c.id() + " passes now in both modes: remove " + c.id()
                        + " from " + KnownGaps.FILE);
            } else if (problems.length() > 0) {
                fail(c.id() + ": expected " + quote(expected) + problems + "\n" + c.files());
            }
        }));
    }

    @Test
    void theGapsFileNamesOnlyCasesOfTheCorpus() {
        Set<String> ids = ConformanceCases.kida().stream().map(ConformanceCase::id).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(KnownGaps.all());
        unknown.removeAll(ids);
        assertEquals(Set.of(), unknown, "ids in " + KnownGaps.FILE + " that no case has");
    }

    /**
     * The case's result in one mode: output, or "error:KIND". In compiled mode a template that did
     * not compile counts as a failure, since the evaluator would then have run it.
     */
    static String outcome(ConformanceCase c, ExecutionMode mode) {
        Template t;
        try {
            t = ConformanceCases.environment(c, null, mode).getTemplate(c.entry());
        } catch (KidaException e) {
            return "error:" + ConformanceCases.kindOf(e);
        }
        if (mode == ExecutionMode.COMPILED && !t.isCompiled()) {
            Optional<Throwable> failure = t.compileFailure();
            return "not compiled: " + failure.map(Throwable::toString).orElse("?");
        }
        try {
            return ConformanceCases.run(c, t);
        } catch (KidaException e) {
            return "error:" + ConformanceCases.kindOf(e);
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s.replace("\n", "\\n") + "'";
    }
}
