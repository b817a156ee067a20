package dev.kida.engine.escape;

import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;

/** Registers {@link JavaEscaper} under the name {@code java}: always available, priority 0. */
public final class JavaEscaperProvider implements EscaperProvider {
    @Override
    public String name() {
        return "java";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Escaper escaper() {
        return JavaEscaper.INSTANCE;
    }
}
