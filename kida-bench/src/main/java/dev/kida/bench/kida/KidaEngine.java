package dev.kida.bench.kida;

import dev.kida.bench.engine.EngineAdapter;
import dev.kida.bench.engine.Renderer;
import dev.kida.bench.engine.Scenario;
import dev.kida.bench.engine.SourceCompiler;
import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;

import java.util.Map;

/** Kida in one mode with one escaper backend, autoescaping every template. */
public final class KidaEngine implements EngineAdapter {
    private final Environment environment;
    /** Whether the benchmarks' environments check templates for changes (default: on, as the engine's). */
    static final boolean AUTO_RELOAD = Boolean.parseBoolean(System.getProperty("kida.bench.autoReload", "true"));

    /** Kida loading {@code templates/kida/*} from the class path. */
    public KidaEngine(KidaMode mode, KidaEscaper escaper) {
        this.environment = environment(mode, escaper)
                .loader(Loaders.classpath(KidaEngine.class.getClassLoader(), "templates/kida"))
                .build();
    }

    /** A builder with the settings every Kida benchmark shares. */
    static Environment.Builder environment(KidaMode mode, KidaEscaper escaper) {
        // Jinja2 drops a template's last newline by default; the other engines keep it.
        // The engine's default: templates are checked for changes (auto-reload on), what an
        // application gets. Until the loaders' cheap change checks landed (issue 9), the class-path
        // loader re-read and hashed every parent template of an extends chain on every render
        // (issue 13's profile: half the bytes allocated per render of the escaped page), and the
        // benchmarks turned it off. -Dkida.bench.autoReload=false measures without the checks, as
        // the peers run (for JMH, pass it with -jvmArgsAppend).
        Environment.Builder builder = Environment.builder().autoescape(true).keepTrailingNewline(true)
                .autoReload(AUTO_RELOAD);
        return escaper.apply(mode.apply(builder));
    }

    @Override
    public Renderer prepare(Scenario scenario) {
        return renderer(scenario.id() + ".html", scenario.context());
    }

    /** A renderer of one template under {@code templates/kida/} with the given variables. */
    public Renderer renderer(String templateName, Map<String, ?> context) {
        Template template = environment.getTemplate(templateName);
        return () -> template.render(context);
    }

    /** Source text to a ready template with {@link Environment#fromString}, which does not cache. */
    public static SourceCompiler compiler(KidaMode mode, KidaEscaper escaper) {
        Environment environment = environment(mode, escaper).build();
        return environment::fromString;
    }
}
