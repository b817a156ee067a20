package dev.kida.engine.core;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The execution state of one template: evaluated until compiled code is installed. The compiled
 * code is published through a volatile field, so a render picks it up at its next template or
 * block entry without any lock; renders in flight simply finish in the evaluator.
 */
public final class CompilationState {
    private volatile Compiled compiled;
    private volatile Throwable failure;
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Racy on purpose: an approximate count is enough to decide when to compile. */
    private int runs;

    /** The compiled code, or null while the template runs in the evaluator. */
    public Compiled compiled() {
        return compiled;
    }

    /** Why compiling failed, or null. */
    public Throwable failure() {
        return failure;
    }

    void install(Compiled code) {
        this.compiled = code;
    }

    void fail(Throwable t) {
        this.failure = t;
    }

    /** Counts a run of the template and asks the engine to compile it once it is warm. */
    public void noteRun(Engine engine, PreparedTemplate unit) {
        if (compiled != null || !engine.tiered() || requested.get()) {
            return;
        }
        if (++runs >= engine.compileThreshold() && requested.compareAndSet(false, true)) {
            engine.compileInBackground(unit);
        }
    }
}
