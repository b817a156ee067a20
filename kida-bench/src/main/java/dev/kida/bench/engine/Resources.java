package dev.kida.bench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the template files shipped under {@code templates/} on the class path. */
public final class Resources {
    private Resources() {
    }

    /** The UTF-8 text of {@code templates/<engine>/<file>}. */
    public static String template(String engine, String file) {
        String path = "templates/" + engine + "/" + file;
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
