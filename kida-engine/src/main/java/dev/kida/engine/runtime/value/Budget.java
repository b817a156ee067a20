package dev.kida.engine.runtime.value;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;

/**
 * What the current render may still consume (see {@code dev.kida.engine.Limits}): the limits,
 * the counters and the deadline. One per render, reachable from the runtime's static helpers
 * through {@link #current()}; operations that may build something large ask it first, with a
 * cheap inline test that only looks it up for sizes above {@link #FREE}.
 */
public final class Budget {
    /** Sizes up to this pass without a look-up: no limit may be set below it. */
    public static final int FREE = 1 << 16;
    private static final int CHECK_EVERY = 1 << 4;

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    /**
     * The limits of an environment, as plain values (the public form is {@code dev.kida.engine.Limits}).
     *
     * @param timeoutNanos a render's time, or 0 for no deadline
     */
    public record Spec(int maxString, int maxList, int maxIntBits, long maxOutput, long maxSteps, int maxDepth,
                       int maxTemplateLength, long timeoutNanos, Sandbox sandbox) {
        /** A fresh budget with these limits, its deadline counted from now. */
        public Budget start() {
            Budget b = new Budget(maxString, maxList, maxIntBits, maxOutput, maxSteps, maxDepth, timeoutNanos);
            b.sandbox = sandbox;
            return b;
        }
    }

    /** The default limits (the same as {@code Limits.defaults()}). */
    public static final Spec DEFAULTS = new Spec(16 << 20, 4 << 20, 1 << 16, 128L << 20, 10_000_000L, 500, 16 << 20, 0, null);

    /** Outside a render (filters called directly, constant folding): the default limits. */
    private static final Budget OUTSIDE = DEFAULTS.start();

    private final int maxString;
    private final int maxList;
    private final int maxIntBits;
    private final long maxOutput;
    private final long maxSteps;
    public final int maxDepth;
    private final long deadline;
    private long steps;
    /** The environment's sandbox, or null. */
    Sandbox sandbox;

    /**
     * @param timeoutNanos the render's deadline from now, or 0 for none
     */
    public Budget(int maxString, int maxList, int maxIntBits, long maxOutput, long maxSteps, int maxDepth,
                  long timeoutNanos) {
        this.maxString = maxString;
        this.maxList = maxList;
        this.maxIntBits = maxIntBits;
        this.maxOutput = maxOutput;
        this.maxSteps = maxSteps;
        this.maxDepth = maxDepth;
        this.deadline = timeoutNanos == 0 ? 0 : System.nanoTime() + timeoutNanos;
    }

    /** The budget of the render running on this thread (the defaults outside a render). */
    public static Budget current() {
        Budget b = CURRENT.get();
        return b == null ? OUTSIDE : b;
    }

    /** Makes {@code b} the current budget; returns the previous one for {@link #restore}. */
    public static Budget install(Budget b) {
        Budget previous = CURRENT.get();
        CURRENT.set(b);
        return previous;
    }

    /** Puts back what {@link #install} returned. */
    public static void restore(Budget previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Fails unless a string of {@code length} chars may be built. */
    public static void string(long length) {
        if (length > FREE) {
            current().checkString(length);
        }
    }

    /** Fails unless a list of {@code n} items may be built. */
    public static void list(long n) {
        if (n > FREE) {
            current().checkList(n);
        }
    }

    /** Fails unless an integer of {@code bits} bits may be built. */
    public static void integer(long bits) {
        if (bits > 1024) {
            current().checkInteger(bits);
        }
    }

    private void checkString(long length) {
        if (length > maxString) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED,
                    "string of " + length + " characters exceeds the limit of "
                    + maxString + " (Limits.maxStringLength)");
        }
    }

    private void checkList(long n) {
        if (n > maxList) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED,
                    "list of " + n + " items exceeds the limit of " + maxList
                    + " (Limits.maxListLength)");
        }
    }

    private void checkInteger(long bits) {
        if (bits > maxIntBits) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED,
                    "integer of about " + bits + " bits exceeds the limit of "
                    + maxIntBits + " (Limits.maxIntegerBits)");
        }
    }

    /**
     * One loop iteration or call: counts it, and every so often checks the deadline, the
     * thread's interrupt status and the output written so far ({@code outputLength}).
     */
    public void step(long outputLength) {
        long n = ++steps;
        if (n > maxSteps) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED, "the render ran more than " + maxSteps
                    + " loop iterations and calls (Limits.maxSteps)");
        }
        if ((n & (CHECK_EVERY - 1)) == 0 || outputLength > maxOutput || Thread.currentThread().isInterrupted()) {
            checkTimeAndOutput(outputLength);
        }
    }

    /**
     * Two {@link #step}s at once, for a loop iteration that starts with a call counting a step of
     * its own, nothing written between the two (the compiled loop that enters a def's body in place
     * at each row): true when that is what it did. Near the step limit it counts nothing and
     * returns false, and the caller makes each step where the evaluator makes it, so the limit is
     * hit at the same step, with the same message and position, in both modes. Otherwise the two
     * steps end as they would one after the other: the checks due at either count are made now,
     * with the same output length (nothing was written between them), and only the deadline and
     * the interrupt (which no render can time exactly anyway) are looked at a little earlier.
     */
    public boolean stepTwice(long outputLength) {
        long n = steps + 2;
        if (n > maxSteps) {
            return false;
        }
        steps = n;
        if ((n & (CHECK_EVERY - 1)) <= 1 || outputLength > maxOutput || Thread.currentThread().isInterrupted()) {
            checkTimeAndOutput(outputLength);
        }
        return true;
    }

    /** The output check alone, for the end of a render and for large appends. */
    public void output(long outputLength) {
        if (outputLength > maxOutput) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED,
                    "the render wrote more than " + maxOutput
                    + " characters (Limits.maxOutputLength)");
        }
    }

    private void checkTimeAndOutput(long outputLength) {
        output(outputLength);
        if (Thread.currentThread().isInterrupted()) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED,
                    "the render was cancelled (its thread was interrupted)");
        }
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED,
                    "the render ran past its deadline (Limits.renderTimeout)");
        }
    }
}
