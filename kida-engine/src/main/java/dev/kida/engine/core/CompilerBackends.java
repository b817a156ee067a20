package dev.kida.engine.core;

import dev.kida.api.KidaException;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the bytecode compiler once per engine class loader: the first {@link CompilerBackend}
 * that {@link ServiceLoader} can load (module {@code kida.compiler} on the module path, or
 * {@code kida-compiler.jar} on the class path). Without one, every template runs in the evaluator;
 * why is logged once, at the first environment that would have compiled, and is what
 * {@link #require} puts in its error.
 */
public final class CompilerBackends {
    /** Made at the first message: {@code System.getLogger} starts the logging back end, which a
     * cold start that logs nothing should not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.engine.compiler");
    }
    /** What to add, said in every message about a missing compiler. */
    static final String FIX = "add dev.kida:kida-compiler (module kida.compiler) next to kida-engine and run on Java 24 or newer";

    private CompilerBackends() {
    }

    /**
     * The outcome of the search.
     *
     * @param backend the compiler, or null
     * @param problem why there is none (null when there is one)
     * @param broken  true when a compiler is present but cannot be loaded (a setup mistake, not a choice)
     */
    record Found(CompilerBackend backend, String problem, boolean broken) {
    }

    private static final class Holder {
        static final Found FOUND = find(Services.load(CompilerBackend.class),
                Runtime.version().feature());
        static volatile boolean logged;
    }

    /** The compiler, or null when the engine runs every template in the evaluator. */
    public static CompilerBackend backend() {
        return Holder.FOUND.backend();
    }

    /** Why there is no compiler, or null when there is one. */
    public static String problem() {
        return Holder.FOUND.problem();
    }

    /**
     * The compiler, for a feature that cannot work without it.
     *
     * @param feature what was asked for, as the user wrote it (e.g. {@code "precompiled(...)"})
     * @throws KidaException naming the feature, the reason and the fix when there is no compiler
     */
    public static CompilerBackend require(String feature) {
        Found found = Holder.FOUND;
        if (found.backend() != null) {
            return found.backend();
        }
        throw new KidaException(feature + " needs the bytecode compiler, which is not available: " + found.problem());
    }

    /**
     * Logs once per JVM (per engine class loader) that templates will only be evaluated, and
     * why: at INFO when the compiler is simply absent, at WARNING when it is present but broken.
     */
    public static void noteEvaluatorOnly() {
        Found found = Holder.FOUND;
        if (found.backend() != null || Holder.logged) {
            return;
        }
        synchronized (Holder.class) {
            if (Holder.logged) {
                return;
            }
            Holder.logged = true;
        }
        Log.LOG.log(found.broken() ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "Kida runs every template in its evaluator (no bytecode compilation): " + found.problem());
    }

    /** The search itself, apart from the JVM-wide holder so that tests can run it on their own loaders. */
    static Found find(Iterable<CompilerBackend> providers, int javaFeature) {
        Iterator<CompilerBackend> it = providers.iterator();
        String broken = null;
        // bounded: after an error the iterator only makes a best effort to move on
        for (int tries = 0; tries < 16; tries++) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                return new Found(it.next(), null, false);
            } catch (ServiceConfigurationError | LinkageError e) {
                // Keep looking (another provider may load), but remember the first failure: a
                // kida-compiler.jar on the class path of a JDK older than 24 lands here as an
                // UnsupportedClassVersionError, bare (the class-path search loads the class
                // itself) or inside a ServiceConfigurationError.
                if (broken == null) {
                    broken = describe(e, javaFeature);
                }
            }
        }
        if (broken != null) {
            return new Found(null, broken, true);
        }
        String why = javaFeature < 24
                ? "this JVM is Java " + javaFeature + " and the compiler is not on the class path or module path; "
                        + "to compile templates, " + FIX
                : "the compiler is not on the class path or module path; to compile templates, " + FIX;
        return new Found(null, why, false);
    }

    private static String describe(Throwable e, int javaFeature) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof UnsupportedClassVersionError) {
            return "kida-compiler is present but cannot be loaded on Java " + javaFeature + " (" + cause
                    + "): it was built for a newer Java (kida-compiler needs Java 24 or newer); run on a newer Java, "
                    + "or remove kida-compiler from the class path to run every template in the evaluator without this warning";
        }
        return "kida-compiler is present but cannot be loaded (" + e.getMessage()
                + (cause != e ? "; caused by " + cause : "") + "); " + FIX;
    }
}
