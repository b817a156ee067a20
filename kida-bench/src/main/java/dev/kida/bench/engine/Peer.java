package dev.kida.bench.engine;

import java.util.function.Supplier;

/**
 * The engines Kida is compared with, and the hand-written renderer. Each constant is a JMH
 * parameter value of the peer benchmarks.
 */
public enum Peer {
    /** Hand-written StringBuilder code: the practical limit. */
    HANDWRITTEN("hand-written", HandWrittenAdapter::new, null),
    /** jte 3, precompiled at build time. */
    JTE("jte", JteAdapter::new, null),
    /** Rocker 2, compiled at build time. */
    ROCKER("Rocker", RockerAdapter::new, null),
    /** Pebble 4. */
    PEBBLE("Pebble", PebbleAdapter::new, PebbleAdapter::compiler),
    /** Jinjava 2. */
    JINJAVA("Jinjava", JinjavaAdapter::new, JinjavaAdapter::compiler),
    /** FreeMarker 2.3. */
    FREEMARKER("FreeMarker", FreemarkerAdapter::new, FreemarkerAdapter::compiler),
    /** Mustache.java. */
    MUSTACHE("Mustache.java", MustacheAdapter::new, MustacheAdapter::compiler),
    /** Handlebars.java 4. */
    HANDLEBARS("Handlebars.java", HandlebarsAdapter::new, HandlebarsAdapter::compiler),
    /** Thymeleaf 3.1. */
    THYMELEAF("Thymeleaf", ThymeleafAdapter::new, ThymeleafAdapter::compiler),
    /** Velocity 2. */
    VELOCITY("Velocity", VelocityAdapter::new, VelocityAdapter::compiler);

    private final String label;
    private final Supplier<EngineAdapter> adapter;
    private final Supplier<SourceCompiler> compiler;

    Peer(String label, Supplier<EngineAdapter> adapter, Supplier<SourceCompiler> compiler) {
        this.label = label;
        this.adapter = adapter;
        this.compiler = compiler;
    }

    /** The engine's name in reports. */
    public String label() {
        return label;
    }

    /** A new instance of the engine, set up for the benchmarks. */
    public EngineAdapter adapter() {
        return adapter.get();
    }

    /** Whether the engine can compile a template from a source String at run time. */
    public boolean compilesFromSource() {
        return compiler != null;
    }

    /**
     * A compiler from source text.
     *
     * @throws UnsupportedOperationException for engines that compile templates at build time
     */
    public SourceCompiler compiler() {
        if (compiler == null) {
            throw new UnsupportedOperationException(label + " compiles its templates at build time");
        }
        return compiler.get();
    }

    /** The file name of the engine's stocks template, the source of the compile benchmark. */
    public String stocksTemplate() {
        return switch (this) {
            case PEBBLE -> "stocks.peb";
            case FREEMARKER -> "stocks.ftlh";
            case MUSTACHE -> "stocks.mustache";
            case HANDLEBARS -> "stocks.hbs";
            case VELOCITY -> "stocks.vm";
            default -> "stocks.html";
        };
    }

    /**
     * The directory of the engine's templates under {@code templates/}. Jinjava speaks Jinja, so
     * it reads Kida's sources.
     */
    public String templateDirectory() {
        return this == JINJAVA ? "kida" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
