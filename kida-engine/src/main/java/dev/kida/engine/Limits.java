package dev.kida.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What one render may consume, so that no template can exhaust memory or time: each limit fails
 * the render with a {@link dev.kida.api.TemplateRuntimeException} naming it, never an
 * {@code OutOfMemoryError} or a hang. Set with {@link Environment.Builder#limits(Limits)}; the
 * defaults ({@link #defaults()}) are meant for trusted authors with untrusted data and leave
 * ordinary pages alone; {@link #sandbox()} is tighter, for untrusted authors.
 *
 * @param maxStringLength   the longest string (in chars) an operation may build: {@code *},
 *                          {@code ~}, {@code +}, {@code center}, {@code indent}, format widths,
 *                          {@code join}, {@code replace}, {@code wordwrap}, {@code lipsum}...
 * @param maxListLength     the most items a list an operation builds may hold ({@code *},
 *                          {@code +}, {@code range}, {@code batch}, {@code slice}, {@code list})
 * @param maxIntegerBits    the largest integer (in bits) arithmetic may produce ({@code **}, {@code *})
 * @param maxOutputLength   the most chars one render may write (including captured output)
 * @param maxSteps          the most loop iterations plus macro calls one render may run
 * @param maxRecursionDepth the deepest nesting of macro calls, includes, blocks and recursive loops
 * @param maxTemplateLength the longest template source (in chars) the environment will compile
 * @param renderTimeout     how long one render may run, or {@link Duration#ZERO} for no deadline;
 *                          checked at every loop iteration and call, as is the thread's interrupt
 *                          status (an interrupted render stops with an error at the next one)
 */
public record Limits(int maxStringLength, int maxListLength, int maxIntegerBits, long maxOutputLength,
                     long maxSteps, int maxRecursionDepth, int maxTemplateLength, Duration renderTimeout) {
    /** The smallest value accepted for the size limits: ordinary strings never meet them. */
    public static final int MIN_SIZE = 1 << 16;

    /** Checks the values. */
    public Limits {
        Objects.requireNonNull(renderTimeout, "renderTimeout");
        if (maxStringLength < MIN_SIZE || maxListLength < 1024 || maxIntegerBits < 1024 || maxOutputLength < MIN_SIZE
                || maxSteps < 1000 || maxRecursionDepth < 1 || maxTemplateLength < 1024 || renderTimeout.isNegative()) {
            throw new IllegalArgumentException("limits too small to render anything: " + this
                    + " (string and output lengths at least " + MIN_SIZE + ", list length 1024, integer bits 1024,"
                    + " steps 1000, template length 1024, recursion depth 1)");
        }
    }

    /**
     * The default limits: strings of 16M chars, lists of 4M items, integers of 64K bits, 128M chars
     * of output, 10M loop iterations and calls, recursion depth 500, templates of 16M chars, no deadline.
     */
    public static Limits defaults() {
        return new Limits(16 << 20, 4 << 20, 1 << 16, 128L << 20, 10_000_000L, 500, 16 << 20, Duration.ZERO);
    }

    /**
     * The sandbox's limits: strings of 1M chars, lists of 100K items, integers of 4K bits, 8M chars
     * of output, 1M loop iterations and calls, recursion depth 100, templates of 1M chars, 5 seconds.
     */
    public static Limits sandbox() {
        return new Limits(1 << 20, 100_000, 4096, 8L << 20, 1_000_000L, 100, 1 << 20, Duration.ofSeconds(5));
    }

    /** The runtime's form of these limits. */
    dev.kida.engine.runtime.value.Budget.Spec spec(dev.kida.engine.runtime.value.Sandbox sandbox) {
        return new dev.kida.engine.runtime.value.Budget.Spec(maxStringLength, maxListLength, maxIntegerBits, maxOutputLength,
                maxSteps, maxRecursionDepth, maxTemplateLength, renderTimeout.toNanos(), sandbox);
    }

    /** A copy with another string limit. */
    public Limits withMaxStringLength(int chars) {
        return new Limits(chars, maxListLength, maxIntegerBits, maxOutputLength, maxSteps, maxRecursionDepth,
                maxTemplateLength, renderTimeout);
    }

    /** A copy with another list limit. */
    public Limits withMaxListLength(int items) {
        return new Limits(maxStringLength, items, maxIntegerBits, maxOutputLength, maxSteps, maxRecursionDepth,
                maxTemplateLength, renderTimeout);
    }

    /** A copy with another integer limit. */
    public Limits withMaxIntegerBits(int bits) {
        return new Limits(maxStringLength, maxListLength, bits, maxOutputLength, maxSteps, maxRecursionDepth,
                maxTemplateLength, renderTimeout);
    }

    /** A copy with another output limit. */
    public Limits withMaxOutputLength(long chars) {
        return new Limits(maxStringLength, maxListLength, maxIntegerBits, chars, maxSteps, maxRecursionDepth,
                maxTemplateLength, renderTimeout);
    }

    /** A copy with another limit on loop iterations and calls. */
    public Limits withMaxSteps(long steps) {
        return new Limits(maxStringLength, maxListLength, maxIntegerBits, maxOutputLength, steps, maxRecursionDepth,
                maxTemplateLength, renderTimeout);
    }

    /** A copy with another recursion limit. */
    public Limits withMaxRecursionDepth(int depth) {
        return new Limits(maxStringLength, maxListLength, maxIntegerBits, maxOutputLength, maxSteps, depth,
                maxTemplateLength, renderTimeout);
    }

    /** A copy with another template size limit. */
    public Limits withMaxTemplateLength(int chars) {
        return new Limits(maxStringLength, maxListLength, maxIntegerBits, maxOutputLength, maxSteps,
                maxRecursionDepth, chars, renderTimeout);
    }

    /** A copy with another render deadline ({@link Duration#ZERO}: none). */
    public Limits withRenderTimeout(Duration timeout) {
        return new Limits(maxStringLength, maxListLength, maxIntegerBits, maxOutputLength, maxSteps,
                maxRecursionDepth, maxTemplateLength, timeout);
    }
}
