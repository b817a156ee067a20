package dev.kida.tests.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kida.api.KidaException;
import dev.kida.engine.ExecutionMode;
import dev.kida.tests.conformance.ConformanceCase;
import dev.kida.tests.conformance.ConformanceCases;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a corpus file produced by {@code fuzz_differential.py} through Kida in both execution modes
 * and prints one JSON line per case that does not give Jinja2's outcome (or where the modes differ).
 * Usage: {@code FuzzRunner cases.json}; not a test, a tool for differential fuzzing.
 */
public final class FuzzRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzRunner() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<ConformanceCase> cases = ConformanceCases.load(Path.of(args[0]));
        int bad = 0;
        for (ConformanceCase c : cases) {
            String expected = ConformanceCases.expected(c);
            String interpreted = outcome(c, ExecutionMode.INTERPRETED);
            String compiled = outcome(c, ExecutionMode.COMPILED);
            if (!expected.equals(kindOnly(interpreted)) || !expected.equals(kindOnly(compiled))
                    || c.expectLine() > 0 && (c.expectLine() != lineOf(c, ExecutionMode.INTERPRETED)
                    || c.expectLine() != lineOf(c, ExecutionMode.COMPILED))) {
                bad++;
                ObjectNode n = JSON.createObjectNode();
                n.put("id", c.id());
                n.put("expected", expected);
                n.put("interpreted", interpreted);
                if (c.expectLine() > 0) {
                    n.put("expectedLine", c.expectLine());
                    n.put("line", lineOf(c, ExecutionMode.INTERPRETED));
                    n.put("compiledLine", lineOf(c, ExecutionMode.COMPILED));
                }
                if (!compiled.equals(interpreted)) {
                    n.put("compiled", compiled);
                }
                out.println(JSON.writeValueAsString(n));
            }
        }
        System.err.println(cases.size() + " cases, " + bad + " mismatches");
    }

    private static String kindOnly(String outcome) {
        int detail = outcome.indexOf(" (");
        return outcome.startsWith("error:") && detail > 0 ? outcome.substring(0, detail) : outcome;
    }

    private static int lineOf(ConformanceCase c, ExecutionMode mode) {
        try {
            ConformanceCases.environment(c, null, mode).getTemplate(c.entry()).render(c.context());
            return 0;
        } catch (KidaException e) {
            return e.line();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return -1;
        }
    }

    private static String outcome(ConformanceCase c, ExecutionMode mode) {
        try {
            return ConformanceCases.environment(c, null, mode).getTemplate(c.entry()).render(c.context());
        } catch (KidaException e) {
            return "error:" + ConformanceCases.kindOf(e) + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")";
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return "crash:" + e;
        }
    }
}
