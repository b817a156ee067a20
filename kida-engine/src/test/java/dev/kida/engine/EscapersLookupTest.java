package dev.kida.engine;

import dev.kida.api.escape.EscaperProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The providers' lookup: a modular engine in a JVM without a class path (the {@code ./kida}
 * launcher) asks its module layer, and finds what the class-loader lookup finds.
 */
class EscapersLookupTest {
    @Test
    void withoutAClassPathTheLayerLookupFindsTheSameProviders() {
        assertTrue(Escapers.class.getModule().isNamed(), "the engine's tests run as module kida.engine");
        List<String> byLoader = names(ServiceLoader.load(EscaperProvider.class, Escapers.class.getClassLoader()));
        String classPath = System.getProperty("java.class.path");
        ServiceLoader<EscaperProvider> lookup;
        try {
            System.setProperty("java.class.path", "");
            lookup = Escapers.lookup();
        } finally {
            System.setProperty("java.class.path", classPath);
        }
        List<String> byLayer = names(lookup);
        assertFalse(byLayer.isEmpty());
        assertTrue(byLayer.contains("java"), byLayer.toString());
        assertEquals(byLoader.stream().sorted().toList(), byLayer.stream().sorted().toList());
    }

    private static List<String> names(ServiceLoader<EscaperProvider> loader) {
        List<String> names = new ArrayList<>();
        for (EscaperProvider p : loader) {
            names.add(p.name());
        }
        return names;
    }
}
