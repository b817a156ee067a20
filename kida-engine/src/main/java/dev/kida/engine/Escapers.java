package dev.kida.engine;

import dev.kida.api.KidaException;
import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.core.Services;
import dev.kida.engine.escape.DeferredEscaper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the escaper backends on the module path and picks one: the one named by configuration,
 * else the available one of highest priority.
 */
public final class Escapers {
    /** The system property that forces a backend by name when the builder does not. */
    public static final String PROPERTY = "kida.escaper";

    private Escapers() {
    }

    /** Every provider found, highest priority first. */
    public static List<EscaperProvider> providers() {
        return Holder.PROVIDERS;
    }

    /**
     * The provider to use.
     *
     * @param forced a backend name, or null to use the system property, else the best available
     * @throws KidaException when the forced backend is unknown or unavailable, with the reason
     */
    public static EscaperProvider select(String forced) {
        return explain(forced).provider();
    }

    /**
     * Which backend an environment built with this {@code escaper(...)} setting uses, and why: the
     * answer to "is my fast escaper in use?". {@code Escapers.explain(null)} describes the default
     * choice; {@link Selection#toString()} is a readable sentence. Automatic selection logs each
     * backend that is present but unavailable once, with its reason (System.Logger
     * {@code dev.kida.engine.escape}, WARNING), so a fallback is never silent.
     *
     * @param forced a backend name, or null to use the system property, else the best available
     * @throws KidaException when the forced backend is unknown or unavailable, with the reason
     */
    public static Selection explain(String forced) {
        return explain(providers(), forced);
    }

    /** {@link #explain(String)} over the given providers, highest priority first. */
    static Selection explain(List<EscaperProvider> providers, String forced) {
        boolean byProperty = forced == null;
        String name = forced != null ? forced : System.getProperty(PROPERTY);
        if (name != null && !name.isBlank()) {
            for (EscaperProvider p : providers) {
                if (p.name().equals(name)) {
                    var availability = p.availability();
                    if (!availability.available()) {
                        throw new KidaException("escaper '" + name + "' is not available: "
                                + availability.reason());
                    }
                    return new Selection(p, byProperty
                            ? "forced by the system property " + PROPERTY + "=" + name
                            : "forced by Environment.Builder.escaper(\"" + name + "\")", Map.of());
                }
            }
            throw new KidaException("no escaper named '" + name + "'; found: " + names(providers));
        }
        Map<String, String> skipped = new LinkedHashMap<>();
        for (EscaperProvider p : providers) {
            var availability = p.availability();
            if (availability.available()) {
                String reason = "the available backend of highest priority (" + p.priority() + ") of "
                        + names(providers)
                        + (p.minLength() > 0 ? "; strings shorter than " + p.minLength()
                        + " chars go to the built-in java escaper, measured as fast there" : "");
                return new Selection(p, reason, Collections.unmodifiableMap(skipped));
            }
            skipped.put(p.name(), availability.reason());
            logUnavailableOnce(p.name(), availability.reason());
        }
        throw new KidaException("no escaper available");
    }

    /**
     * The providers' names as a list prints them ({@code [simd, ffi, java]}). A loop, not a stream:
     * this runs in every environment's construction, and the first stream pipeline of a process
     * initialises some forty classes (docs/performance.md, "Cold start").
     */
    private static String names(List<EscaperProvider> providers) {
        StringBuilder text = new StringBuilder("[");
        for (EscaperProvider p : providers) {
            text.append(text.length() > 1 ? ", " : "").append(p.name());
        }
        return text.append(']').toString();
    }

    /**
     * The outcome of {@link #explain}: the backend used, why, and the backends found but passed over
     * for being unavailable (name to reason).
     *
     * @param provider    the backend used
     * @param reason      why it was chosen
     * @param unavailable backends of higher priority that were present but unavailable, with the reason
     */
    public record Selection(EscaperProvider provider, String reason, Map<String, String> unavailable) {
        /** Reads as one sentence, e.g. {@code escaper simd: the available backend of highest priority ...}. */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("escaper ").append(provider.name()).append(": ").append(reason);
            unavailable.forEach((n, why) -> text.append("; ").append(n).append(" is unavailable: ").append(why));
            return text.toString();
        }
    }

    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    /**
     * The logger, made at its first message: {@code System.getLogger} starts the platform's logging
     * back end (java.util.logging by default), a few milliseconds of every cold start that
     * logs nothing.
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.engine.escape");
    }

    /** Whether the unavailability of this backend was logged (for tests). */
    static boolean loggedUnavailable(String name) {
        return LOGGED.contains(name);
    }

    private static void logUnavailableOnce(String name, String reason) {
        if (LOGGED.add(name)) {
            Log.LOG.log(System.Logger.Level.WARNING, "escaper '" + name + "' is on the module or class path but"
                    + " unavailable, so a slower one is used: " + reason);
        }
    }

    /**
     * The escaper an environment uses with a selected provider. A backend with a
     * {@link EscaperProvider#minLength()} starts at the first string that long (short strings are
     * escaped by the built-in {@code java} backend meanwhile); a forced one is started at once,
     * so that a backend the user asked for and that cannot run fails here, with its reason.
     *
     * @throws KidaException when a forced backend cannot start
     */
    public static Escaper escaper(EscaperProvider provider, boolean forced) {
        if (provider.minLength() <= 0) {
            return start(provider);
        }
        return new DeferredEscaper(provider, forced ? start(provider) : null);
    }

    /**
     * Whether a provider can run, going further than {@link EscaperProvider#availability()}:
     * when that says yes, the backend is started (what a render would do at its first long
     * string) and a failure to start is reported as unavailable. For diagnostics such as
     * {@code kida escapers}; it pays the backend's start-up cost.
     */
    public static Availability probe(EscaperProvider provider) {
        Availability a = provider.availability();
        if (!a.available()) {
            return a;
        }
        try {
            provider.escaper();
            return a;
        } catch (RuntimeException | LinkageError e) {
            return Availability.no(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private static Escaper start(EscaperProvider provider) {
        try {
            return provider.escaper();
        } catch (RuntimeException | LinkageError e) {
            throw new KidaException("escaper '" + provider.name() + "' cannot start: " + e.getMessage(), e);
        }
    }

    /** Whether a backend name is forced, by the builder or the system property. */
    static boolean forced(String name) {
        String n = name != null ? name : System.getProperty(PROPERTY);
        return n != null && !n.isBlank();
    }

    /**
     * The providers that load, highest priority first. One that cannot be loaded (ffi's classes
     * are of release 22, its module descriptor of 21, so on a JDK 21 the module resolves and the
     * class does not) is logged once and left out, rather than failing every environment.
     * ServiceLoader reports such a provider by throwing from {@code hasNext} or {@code next}
     * and goes on with the next one on the following call.
     */
    static List<EscaperProvider> load(Iterator<EscaperProvider> found) {
        List<EscaperProvider> loaded = new ArrayList<>();
        for (int failures = 0; failures < 64; ) {
            try {
                if (!found.hasNext()) {
                    break;
                }
                loaded.add(found.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                Log.LOG.log(System.Logger.Level.WARNING, "an escaper backend on the module or class path cannot be"
                        + " loaded on this JVM and is left out: " + e, e);
            }
        }
        // A plain lambda: Comparator.comparingInt(...).reversed() spins a lambda class inside
        // java.base at run time that the launcher's AOT cache does not keep.
        loaded.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        return List.copyOf(loaded);
    }

    private static final class Holder {
        static final List<EscaperProvider> PROVIDERS = load(lookup().iterator());
    }

    /** The escaper backends the engine can see (see {@link Services#load}). */
    static ServiceLoader<EscaperProvider> lookup() {
        return Services.load(EscaperProvider.class);
    }
}
