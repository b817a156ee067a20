package dev.kida.tests.conformance;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Jinja2 corpus through the on-disk compiled cache: one environment compiles each case's
 * templates and writes them, a second one (what the next JVM would do) reads them back, with the
 * tree and the constants rebuilt from the file, and must give Jinja2's output (every third case;
 * all of them passed when this was written). Every template
 * that compiles must also come back from its file (none is left out for holding a constant the
 * file format cannot carry).
 */
class CompiledCacheConformanceTest {
    @TempDir
    Path cache;

    @Test
    void everyCaseRendersTheSameFromItsCacheFile() {
        List<String> failures = new ArrayList<>();
        List<String> notFromFile = new ArrayList<>();
        List<ConformanceCase> all = ConformanceCases.all();
        // Every third case: two compiles and a file per case make the whole corpus cost minutes
        // on a loaded 2-core machine; a third covers every construct the corpus has many times.
        for (int i = 0; i < all.size(); i += 3) {
            ConformanceCase c = all.get(i);
            Path dir = cache.resolve(Integer.toString(i));
            List<String> compiledFirst = new ArrayList<>();
            // compiled mode: the code read back is defined at load (tiered would run the stored
            // tree in the evaluator until hot)
            String first = outcome(ConformanceCases.builder(c, null, ExecutionMode.COMPILED).compiledCache(dir).build(), c, compiledFirst);
            List<String> compiledAgain = new ArrayList<>();
            Environment second = ConformanceCases.builder(c, null, ExecutionMode.COMPILED).compiledCache(dir).build();
            String again = outcome(second, c, compiledAgain);
            String want = ConformanceCases.expected(c);
            if (!want.equals(again) || !want.equals(first)) {
                failures.add(c.id() + ": want " + want + ", first " + first + ", from the cache " + again);
            }
            if (!compiledFirst.isEmpty() && compiledAgain.isEmpty()) {
                notFromFile.add(c.id());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of(), notFromFile, "compiled templates that did not come back from their file");
    }

    /** Renders a case; notes in {@code compiled} whether its entry template loaded compiled. */
    private static String outcome(Environment env, ConformanceCase c, List<String> compiled) {
        try {
            var t = env.getTemplate(c.entry());
            if (t.isCompiled()) {
                compiled.add(c.id());
            }
            return t.render(c.context());
        } catch (KidaException e) {
            return "error:" + ConformanceCases.kindOf(e);
        }
    }
}
