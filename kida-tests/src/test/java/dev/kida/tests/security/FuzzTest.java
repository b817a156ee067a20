package dev.kida.tests.security;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Limits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11: fuzzed templates through the parser and both backends, default and sandboxed, end
 * either with output or with a {@link KidaException}: never another exception, an error of the
 * JVM (OutOfMemoryError, StackOverflowError) or a hang. Bounded to about 40 seconds of work
 * ({@code -Dkida.fuzz.seconds=N} runs longer, {@code -Dkida.fuzz.seed=S} another sequence).
 */
class FuzzTest {
    private static final Limits LIMITS = Limits.defaults().withMaxSteps(200_000).withMaxListLength(200_000)
            .withMaxStringLength(2_000_000).withMaxOutputLength(4_000_000).withRenderTimeout(Duration.ofSeconds(2));

    static Map<String, Object> context() {
        Map<String, Object> c = new HashMap<>();
        c.put("items", new ArrayList<>(List.of(1L, 2L, 3L)));
        c.put("d", new HashMap<>(Map.of("a", 1L)));
        c.put("s", "text");
        c.put("n", 42L);
        c.put("sb", new StringBuilder("sb"));
        c.put("thread", Thread.currentThread());
        c.put("cls", String.class);
        c.put("x", Map.of("x", List.of(Map.of("x", 1L))));
        return c;
    }

    /** The number of templates that did not end with output or a KidaException (printed to stderr). */
    static long run(long seed, long seconds, long[] counts) {
        List<Environment> envs = new ArrayList<>();
        for (ExecutionMode mode : new ExecutionMode[]{ExecutionMode.INTERPRETED, ExecutionMode.COMPILED}) {
            envs.add(Environment.builder().mode(mode).limits(LIMITS).build());
            envs.add(Environment.builder().mode(mode).sandbox().build());
        }
        TemplateFuzz fuzz = new TemplateFuzz(seed);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long bad = 0;
        while (System.nanoTime() < deadline) {
            String source = fuzz.template(2);
            counts[0]++;
            for (Environment env : envs) {
                try {
                    env.fromString(source).render(context());
                    counts[1]++;
                } catch (KidaException e) {
                    counts[2]++;
                } catch (Throwable t) {
                    bad++;
                    System.err.println("FUZZ FAILURE " + t + " for " + source.substring(0, Math.min(500, source.length())));
                }
            }
        }
        return bad;
    }

    @Test
    void everyFuzzedTemplateEndsWithOutputOrAKidaException() {
        long seconds = Long.getLong("kida.fuzz.seconds", 40);
        long seed = Long.getLong("kida.fuzz.seed", 11);
        long[] counts = new long[3];
        long bad = run(seed, seconds, counts);
        System.err.println("fuzz: " + counts[0] + " templates, " + counts[1] + " renders, " + counts[2]
                + " KidaExceptions, " + bad + " other");
        assertEquals(0, bad, "templates that failed otherwise than with a KidaException (see stderr)");
    }

    /** For long runs outside CI: {@code FuzzTest SECONDS SEED}. */
    public static void main(String[] args) {
        long[] counts = new long[3];
        long bad = run(Long.parseLong(args[1]), Long.parseLong(args[0]), counts);
        System.out.println("templates=" + counts[0] + " renders=" + counts[1] + " kidaExceptions=" + counts[2]
                + " other=" + bad);
    }
}
