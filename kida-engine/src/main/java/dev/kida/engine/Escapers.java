package dev.kida.engine;

import dev.kida.api.KidaException;
import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.escape.DeferredEscaper;

import java.util.Comparator;
import java.util.List;
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
        String name = forced != null ? forced : System.getProperty(PROPERTY);
        if (name != null && !name.isBlank()) {
            for (EscaperProvider p : providers()) {
                if (p.name().equals(name)) {
                    var availability = p.availability();
                    if (!availability.available()) {
                        throw new KidaException("escaper '" + name + "' is not available: "
                                + availability.reason());
                    }
                    return p;
                }
            }
            throw new KidaException("no escaper named '" + name + "'; found: "
                    + providers().stream().map(EscaperProvider::name).toList());
        }
        for (EscaperProvider p : providers()) {
            if (p.availability().available()) {
                return p;
            }
        }
        throw new KidaException("no escaper available");
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

    private static final class Holder {
        static final List<EscaperProvider> PROVIDERS = ServiceLoader.load(EscaperProvider.class)
                .stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(EscaperProvider::priority).reversed())
                .toList();
    }
}
