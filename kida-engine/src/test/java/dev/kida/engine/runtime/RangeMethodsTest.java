package dev.kida.engine.runtime;

import dev.kida.api.UndefinedException;
import dev.kida.engine.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A range has a tuple's methods only (Jinja2 3.1.6 prints {@code False|False|1|3} for the first
 * template): list methods such as {@code sort} used to copy the range into a list first, so
 * {@code range(10**9).sort()} ran the JVM out of memory instead of failing as undefined.
 */
class RangeMethodsTest {
    private final Environment env = Environment.builder().build();

    @Test
    void aRangeHasCountAndIndexButNoListMethods() {
        assertEquals("False|False|1|3", env.fromString("{{ range(3).append is defined }}|{{ range(10**9).sort is defined }}"
                + "|{{ range(5).count(2) }}|{{ range(5).index(3) }}").render(Map.of()));
    }

    @Test
    void sortingAHugeRangeIsUndefinedNotACopy() {
        UndefinedException e = assertThrows(UndefinedException.class,
                () -> env.fromString("{{ range(10**9).sort() }}").render(Map.of()));
        assertEquals(true, e.getMessage().contains("sort"), e.getMessage());
    }
}
