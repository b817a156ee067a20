package dev.kida.bench.escape;

import dev.kida.api.escape.Availability;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import org.owasp.encoder.Encode;

/**
 * The OWASP Java Encoder plugged into the engine as an escaper backend, for the rendering
 * benchmark only (it writes {@code &#34;} for {@code "} and turns NUL into a space, so it is not
 * a conforming backend). Lowest priority: used only when forced by name.
 */
public final class OwaspEscaperProvider implements EscaperProvider {
    private static final Escaper OWASP = new Escaper() {
        @Override
        public String escape(String text) {
            return Encode.forHtml(text);
        }

        @Override
        public void escapeTo(String text, StringBuilder out) {
            out.append(Encode.forHtml(text));
        }
    };

    @Override
    public String name() {
        return "owasp";
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Escaper escaper() {
        return OWASP;
    }
}
