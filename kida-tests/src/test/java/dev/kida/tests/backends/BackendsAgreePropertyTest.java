package dev.kida.tests.backends;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateLoader;
import dev.kida.api.TemplateSource;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import dev.kida.tests.conformance.ConformanceCases;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The evaluator and the compiler agree on random templates: the same output, or the same error
 * kind at the same template, line and column. The environments are built once; each try swaps
 * in new template sources under a new version, so each try loads and compiles afresh.
 */
class BackendsAgreePropertyTest {
    private static final AtomicLong VERSION = new AtomicLong(1);
    private static volatile Map<String, String> files = Map.of();

    private static final TemplateLoader LOADER = new TemplateLoader() {
        @Override
        public Optional<TemplateSource> load(String name) {
            String src = files.get(name);
            return src == null ? Optional.empty() : Optional.of(new TemplateSource(name, src, "memory", VERSION.get()));
        }

        @Override
        public boolean isCurrent(String name, long version) {
            return version == VERSION.get();
        }
    };

    private static final Map<Boolean, Environment> INTERPRETED = environments(ExecutionMode.INTERPRETED);
    private static final Map<Boolean, Environment> COMPILED = environments(ExecutionMode.COMPILED);

    private static Map<Boolean, Environment> environments(ExecutionMode mode) {
        return Map.of(true, build(mode, true), false, build(mode, false));
    }

    private static Environment build(ExecutionMode mode, boolean autoescape) {
        return Environment.builder().loader(LOADER).mode(mode).autoescape(autoescape).trimBlocks(autoescape)
                // no reuse between tries: a cache block's output must not depend on earlier templates
                .fragmentCacheSize(0).build();
    }

    @Provide
    Arbitrary<RandomTemplates.Case> templates() {
        return RandomTemplates.cases();
    }

    @Property(tries = 10_000, seed = "")
    void compiledAndInterpretedGiveTheSameResult(@ForAll("templates") RandomTemplates.Case c) {
        files = c.files();
        VERSION.incrementAndGet();
        String interpreted = outcome(INTERPRETED.get(c.autoescape()), false);
        String compiled = outcome(COMPILED.get(c.autoescape()), true);
        assertEquals(interpreted, compiled, c.toString());
        Statistics.collect(interpreted.startsWith("error:") ? "error" : "output");
        Statistics.coverage(check -> check.check("output").percentage(p -> p > 25));
    }

    private static String outcome(Environment env, boolean mustCompile) {
        Template t;
        try {
            t = env.getTemplate("main.html");
        } catch (KidaException e) {
            return ConformanceBothBackendsTest.describe(e);
        }
        if (mustCompile && !t.isCompiled()) {
            throw new AssertionError("not compiled", t.compileFailure().orElse(null));
        }
        try {
            return t.render(RandomTemplates.context());
        } catch (KidaException e) {
            return ConformanceBothBackendsTest.describe(e);
        }
    }
}
