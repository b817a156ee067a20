package dev.kida.compiler.security;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, finding 8: every denial-of-service reproducer ends, in both modes, with a clear
 * TemplateRuntimeException naming the limit, under the default limits (the heap of a test JVM
 * would not hold what they try to build).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LimitsTest {

    private static void assertLimited(String source, String limit) {
        assertLimited(source, limit, b -> { });
    }

    private static void assertLimited(String source, String limit, Consumer<Environment.Builder> setup) {
        String out = BothModes.outcome(source, Map.of(), setup);
        assertTrue(out.startsWith("TemplateRuntimeException: ") && out.contains(limit), source + " -> " + out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{{ range(10**9)|list|length }}",
            "{{ ([1] * 10**9)|length }}",
            "{{ 'ab c'|slice(2147483648)|list }}",
            "{{ [1, 2]|batch(10**9, 'x')|list|length }}",
            "{{ [1]|slice(10**9)|list|length }}",
            "{{ range(2147483647)|select('odd')|map('string')|join }}",
            "{% for i in range(10**9) %}{% endfor %}",
    })
    void listsAreLimited(String source) {
        // a lower limit than the default keeps the test fast: what is checked is that it is met
        assertLimited(source, "Limits.maxListLength", b -> b.limits(Limits.defaults().withMaxListLength(100_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{{ '%999999999d'|format(1) }}",
            "{{ '%.999999999f'|format(1.5) }}",
            "{{ '{:999999999}'.format(1) }}",
            "{{ 'x'|center(2**31) }}",
            "{{ 'x'.center(10**9) }}",
            "{{ 'x'.ljust(10**9) }}",
            "{{ '1'.zfill(10**9) }}",
            "{{ 'a\nb'|indent(10**9) }}",
            "{{ ('x' * 10**9)|length }}",
            "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s|replace('', '--') %}{% endfor %}{{ ns.s|length }}",
            "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
            "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
            "{{ ('x' * 1000000)|wordwrap(1, wrapstring='y' * 1000) }}",
            "{{ lipsum(10**6) }}",
            "{{ (['x' * 10000] * 2000)|join }}",
    })
    void stringsAreLimited(String source) {
        assertLimited(source, "Limits.maxStringLength");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ 2 ** 100000000 }}", "{{ (2 ** (2 ** 30))|string }}", "{{ (7 ** 60000) * (7 ** 60000) }}"})
    void integersAreLimited(String source) {
        assertLimited(source, "Limits.maxIntegerBits");
    }

    @Test
    void loopIterationsAndCallsAreLimited() {
        assertLimited("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "Limits.maxSteps",
                b -> b.limits(Limits.defaults().withMaxSteps(1_000_000)));
        assertLimited("{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
                "Limits.maxSteps", b -> b.limits(Limits.defaults().withMaxSteps(50_000)));
    }

    @Test
    void outputIsLimited() {
        assertLimited("{% for i in range(1000) %}{{ 'x' * 60000 }}{% endfor %}", "Limits.maxOutputLength",
                b -> b.limits(Limits.defaults().withMaxOutputLength(10_000_000)));
    }

    @Test
    void aStreamedRenderCountsTheChunksItHandedOn() {
        // each chunk stays far below the limit; together they pass it
        String source = "{% for i in range(1000) %}{{ 'x' * 60000 }}{% flush %}{% endfor %}";
        for (ExecutionMode mode : ExecutionMode.values()) {
            var template = Environment.builder().mode(mode)
                    .limits(Limits.defaults().withMaxOutputLength(10_000_000)).build().fromString(source);
            long[] seen = new long[3];
            java.io.Writer chars = new java.io.Writer() {
                @Override
                public void write(char[] buf, int off, int len) {
                    seen[0] += len;
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            java.io.OutputStream bytes = new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    seen[1]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    seen[1] += len;
                }
            };
            java.util.List<Runnable> forms = java.util.List.of(
                    () -> template.stream(Map.of(), chars),
                    () -> template.stream(Map.of(), bytes),
                    () -> {
                        try (var chunks = template.stream(Map.of())) {
                            chunks.forEach(c -> seen[2] += c.length());
                        }
                    });
            for (int form = 0; form < forms.size(); form++) {
                var e = assertThrows(dev.kida.api.TemplateRuntimeException.class, forms.get(form)::run,
                        mode + ", stream form " + form);
                assertTrue(e.getMessage().contains("Limits.maxOutputLength"), e.getMessage());
                assertTrue(seen[form] <= 10_000_000 && seen[form] >= 9_000_000,
                        mode + ", stream form " + form + " handed on " + seen[form]);
            }
            java.util.Arrays.fill(seen, 0);
        }
    }

    @Test
    void templateSourceIsLimited() {
        String big = "{{ x }}".repeat(3_000_000);
        for (ExecutionMode mode : ExecutionMode.values()) {
            Environment env = Environment.builder().mode(mode).build();
            var e = assertThrows(dev.kida.api.TemplateRuntimeException.class, () -> env.fromString(big));
            assertTrue(e.getMessage().contains("Limits.maxTemplateLength"), e.getMessage());
        }
    }

    @Test
    void aRenderStopsAtItsDeadline() {
        assertLimited("{% for a in range(1000000) %}{% for b in range(1000000) %}{% endfor %}{% endfor %}",
                "deadline", b -> b.limits(Limits.defaults().withMaxSteps(Long.MAX_VALUE)
                        .withRenderTimeout(Duration.ofMillis(200))));
    }

    @Test
    void anInterruptedRenderStops() throws InterruptedException {
        for (ExecutionMode mode : ExecutionMode.values()) {
            Environment env = Environment.builder().mode(mode)
                    .limits(Limits.defaults().withMaxSteps(Long.MAX_VALUE)).build();
            var t = env.fromString("{% for a in range(1000000) %}{% for b in range(1000000) %}{% endfor %}{% endfor %}");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    t.render(Map.of());
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            worker.start();
            Thread.sleep(100);
            worker.interrupt();
            worker.join(30_000);
            assertTrue(failure.get() instanceof dev.kida.api.TemplateRuntimeException, String.valueOf(failure.get()));
            assertTrue(failure.get().getMessage().contains("cancelled"), failure.get().getMessage());
        }
    }

    @Test
    void limitsBelowTheirFloorAreASetupError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Limits.defaults().withMaxStringLength(10));
        assertTrue(e.getMessage().contains("at least"));
        assertEquals(500, Limits.defaults().maxRecursionDepth());
    }

    @Test
    void ordinaryTemplatesAreUntouched() {
        assertEquals("ok:" + "ab".repeat(30_000).length(), BothModes.outcome("{{ ('ab' * 30000)|length }}", Map.of()));
    }
}
