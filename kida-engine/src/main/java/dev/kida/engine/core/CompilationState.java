package dev.kida.engine.core;

/**
 * The execution state of one template: evaluated until compiled code is installed. The compiled
 * code is published through a volatile field, so a render picks it up at its next template or
 * block entry without any lock; renders in flight simply finish in the evaluator.
 */
public final class CompilationState {
    private volatile Compiled compiled;
    private volatile Throwable failure;
    /** Code read from a precompiled file or the on-disk cache, defined at the first compile. */
    private volatile java.util.function.Supplier<Compiled> stored;
    /**
     * Whether compiling was asked for. A volatile flag set under this object's lock rather than
     * an AtomicBoolean: the first AtomicBoolean of a JVM initialises its VarHandle, about 0.4 ms
     * of interpreted start-up in every fresh `kida render` (docs/performance.md, "Cold start",
     * session 20), and this flag is set once per template.
     */
    private volatile boolean requested;
    /** Whether the template's tree was read back from stored compiled code, not parsed. */
    private final boolean readBack;
    /** Racy on purpose: an approximate count is enough to decide when to compile. */
    private int runs;
    /**
     * Whether the template ran (or was loaded from the cache) since the template cache's CLOCK
     * hand last passed it. Set here, where a render already touches this object, rather than on
     * every cache read: the read path of {@code getTemplate} then writes and reads nothing but the
     * map (docs/performance.md, "Template cache"). Written only while clear, so renders of a hot
     * template on many threads do not keep moving its cache line.
     */
    private volatile boolean used;

    /** The state of a template parsed here. */
    public CompilationState() {
        this(false);
    }

    /** @param readBack whether the template was read back from stored compiled code, not parsed */
    public CompilationState(boolean readBack) {
        this.readBack = readBack;
    }

    /** Whether the template was read back from stored compiled code (precompiled, cached), not parsed. */
    public boolean readBack() {
        return readBack;
    }

    /** The compiled code, or null while the template runs in the evaluator. */
    public Compiled compiled() {
        return compiled;
    }

    /** Why compiling failed, or null. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Keeps stored code (precompiled, cached) to be defined when the template becomes hot, in
     * place of compiling it from the tree.
     */
    void store(java.util.function.Supplier<Compiled> code) {
        this.stored = code;
    }

    /** The stored code not yet defined, taken (so it is defined once), or null. */
    synchronized java.util.function.Supplier<Compiled> takeStored() {
        java.util.function.Supplier<Compiled> code = stored;
        stored = null;
        return code;
    }

    /** Whether stored code waits to be defined when the template becomes hot. */
    public boolean hasStoredCode() {
        return stored != null;
    }

    void install(Compiled code) {
        this.compiled = code;
    }

    void fail(Throwable t) {
        this.failure = t;
    }

    /** Marks the template used, for the template cache's eviction. */
    void markUsed() {
        if (!used) {
            used = true;
        }
    }

    /** Whether the template was used since the last {@link #clearUsed}. */
    boolean used() {
        return used;
    }

    /** Starts a new period of the template cache's eviction. */
    void clearUsed() {
        used = false;
    }

    /**
     * Marks the template used, counts a run of the template and asks the engine's background
     * compiler for better code once it is warm: compiled code when it runs in the evaluator in
     * tiered mode ({@link CompileSettings#threshold}), a class of its own when it runs on a class
     * shared by its shape ({@link CompileSettings#ownClassAfter}). The one counting path of both:
     * the render thread only counts, never compiles, and picks the new code up at its next
     * template or block entry.
     */
    public void noteRun(Engine engine, PreparedTemplate unit) {
        markUsed();
        Compiled code = compiled;
        // a template with its own code (every hot one) leaves here after two reads
        if (code != null ? !code.shared() : !engine.tiered()) {
            return;
        }
        if (requested) {
            return;
        }
        CompileSettings settings = engine.compileSettings();
        int threshold = code == null ? settings.threshold() : settings.ownClassAfter();
        if (code != null && threshold == 0) {
            return; // classes of their own turned off: the shared class serves for good
        }
        if (++runs >= threshold && request()) {
            engine.compileInBackground(unit);
        }
    }

    /** True for the one caller that asks first. */
    private synchronized boolean request() {
        if (requested) {
            return false;
        }
        requested = true;
        return true;
    }
}
