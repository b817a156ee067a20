package dev.kida.api;

import java.util.Optional;

/**
 * Finds template source by name. Names use {@code /} as separator whatever the platform.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TemplateLoader {
    /**
     * Looks a template up.
     *
     * @return the source, or empty when this loader has no template of that name
     * @throws KidaException when the template exists but cannot be read
     */
    Optional<TemplateSource> load(String name);

    /**
     * Whether the cached copy at {@code version} is still current. The default says yes; a loader
     * over files compares modification times.
     */
    default boolean isCurrent(String name, long version) {
        return true;
    }
}
