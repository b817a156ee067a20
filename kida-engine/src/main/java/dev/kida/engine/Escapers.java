package dev.kida.engine;

import dev.kida.api.KidaException;
import dev.kida.api.escape.EscaperProvider;

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

    private static final class Holder {
        static final List<EscaperProvider> PROVIDERS = ServiceLoader.load(EscaperProvider.class)
                .stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(EscaperProvider::priority).reversed())
                .toList();
    }
}
