package dev.kida.engine.core;

import java.util.ServiceLoader;

/** How the engine finds its plug-ins (escaper backends, the bytecode compiler). */
public final class Services {
    private Services() {
    }

    /**
     * The providers of {@code service} the engine can see. The engine's own loader, not the
     * thread's context loader: in a module layer built by the application (or a plugin host) the
     * context loader is often the application's, which cannot see the layer's modules; the
     * engine's loader finds the providers of its layer and the layers above it, and on the class
     * path it is the application loader.
     *
     * <p>A modular engine in a JVM without a class path asks its module layer instead: the same
     * providers (with no class path, the loader's lookup finds only modules' {@code provides}),
     * but without ServiceLoader's class-path step, which after the modules looks for
     * {@code META-INF/services} files in every module of the loader (the runtime image, each jar
     * opened and the kida jars' services files parsed, only for their named-module providers to be
     * skipped): about 10 ms of a CLI cold start per service (docs/performance.md, "Cold start").
     */
    public static <S> ServiceLoader<S> load(Class<S> service) {
        Module engine = Services.class.getModule();
        if (engine.isNamed() && engine.getLayer() != null && System.getProperty("java.class.path", "").isEmpty()) {
            return ServiceLoader.load(engine.getLayer(), service);
        }
        return ServiceLoader.load(service, Services.class.getClassLoader());
    }
}
