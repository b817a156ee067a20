package dev.kida.bench.engine;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.tree.Node;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * Jinjava, with autoescape set on its global context. The page's node tree is parsed once; each
 * render gets a fresh interpreter, as {@code Jinjava.render} does (parents of an {@code extends}
 * are loaded by the interpreter during the render: that is Jinjava's design).
 */
public final class JinjavaAdapter implements EngineAdapter {
    @Override
    public Renderer prepare(Scenario scenario) {
        Jinjava jinjava = jinjava();
        Node page = jinjava.newInterpreter().parse(Resources.template("kida", scenario.id() + ".html"));
        Map<String, Object> context = scenario.context();
        return () -> {
            JinjavaInterpreter interpreter = jinjava.newInterpreter();
            interpreter.getContext().putAll(context);
            JinjavaInterpreter.pushCurrent(interpreter);
            try {
                String out = interpreter.render(page);
                if (!interpreter.getErrorsCopy().isEmpty()) {
                    throw new IllegalStateException("Jinjava: " + interpreter.getErrorsCopy());
                }
                return out;
            } finally {
                JinjavaInterpreter.popCurrent();
            }
        };
    }

    /** Parses source into Jinjava's node tree. */
    public static SourceCompiler compiler() {
        Jinjava jinjava = jinjava();
        return source -> jinjava.newInterpreter().parse(source);
    }

    private static Jinjava jinjava() {
        Jinjava jinjava = new Jinjava();
        jinjava.getGlobalContext().setAutoEscape(true);
        jinjava.setResourceLocator(new PrefixLocator());
        return jinjava;
    }

    /** Resolves template names under {@code templates/kida/}: Jinjava reads the very same Jinja sources as Kida. */
    private static final class PrefixLocator implements ResourceLocator {
        @Override
        public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) {
            return Resources.template("kida", fullName);
        }
    }
}
