package dev.kida.engine.eval;

import dev.kida.api.Filter;
import dev.kida.api.KidaException;
import dev.kida.api.Test;
import dev.kida.api.TemplateLoader;
import dev.kida.api.TemplateNotFoundException;
import dev.kida.api.TemplateSource;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.escape.Escaper;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.filters.BuiltinFilters;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.parser.Parser;
import dev.kida.engine.runtime.BuiltinGlobals;
import dev.kida.engine.tests.BuiltinTests;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The engine behind an Environment: configuration merged with the built-ins, the template cache,
 * and the render entry points. Thread-safe; one per Environment.
 */
public final class Engine {
    private final TemplateLoader loader;
    private final Predicate<String> autoescape;
    private final LexerOptions lexerOptions;
    private final Map<String, Filter> filters;
    private final Map<String, Test> tests;
    private final Map<String, Object> globals;
    private final Escaper escaper;
    private final Map<String, Unit> cache = new ConcurrentHashMap<>();

    /**
     * @param filters user filters, overriding built-ins of the same name
     * @param tests   user tests, overriding built-ins
     * @param globals user globals, overriding built-ins
     */
    public Engine(TemplateLoader loader, Predicate<String> autoescape, LexerOptions lexerOptions,
                  Map<String, Filter> filters, Map<String, Test> tests, Map<String, Object> globals,
                  Escaper escaper) {
        this.loader = loader;
        this.autoescape = autoescape;
        this.lexerOptions = lexerOptions;
        this.filters = merge(BuiltinFilters.all(), filters);
        this.tests = merge(BuiltinTests.all(), tests);
        this.globals = merge(BuiltinGlobals.all(), globals);
        this.escaper = escaper;
    }

    private static <V> Map<String, V> merge(Map<String, V> builtins, Map<String, V> user) {
        Map<String, V> all = new HashMap<>(builtins);
        all.putAll(user);
        return Map.copyOf(all);
    }

    /**
     * The named template from the loader, parsed and checked; cached until the loader says its
     * source changed.
     *
     * @throws TemplateNotFoundException when no loader has it
     */
    public Unit load(String name) {
        Unit cached = cache.get(name);
        if (cached != null && loader.isCurrent(name, cached.version())) {
            return cached;
        }
        Optional<TemplateSource> found = loader.load(name);
        if (found.isEmpty()) {
            throw new TemplateNotFoundException(name);
        }
        TemplateSource src = found.get();
        Unit unit = compile(src.source(), name, src.version());
        cache.put(name, unit);
        return unit;
    }

    /** Parses and checks source that does not come from the loader. */
    public Unit compile(String source, String name, long version) {
        TemplateNode node = Parser.parse(source, name, lexerOptions);
        Analysis.checkNames(node, filters::containsKey, tests::containsKey);
        return new Unit(name, node, Analysis.blocks(node), autoescape.test(name), version);
    }

    /** Renders a template with the given context into {@code out}. */
    public void render(Unit unit, Map<String, ?> context, Appendable out) {
        StringBuilder sb = out instanceof StringBuilder b ? b : new StringBuilder(256);
        Renderer renderer = new Renderer(this, sb);
        try {
            renderer.renderRoot(unit, context);
        } catch (StackOverflowError e) {
            throw new TemplateRuntimeException("maximum recursion depth exceeded", unit.name(), 0, 0,
                    null, null);
        }
        if (sb != out) {
            try {
                out.append(sb);
            } catch (IOException e) {
                throw new KidaException("cannot write output of template '" + unit.name() + "'", e);
            }
        }
    }

    Filter filter(String name) {
        return filters.get(name);
    }

    Test test(String name) {
        return tests.get(name);
    }

    Map<String, Object> globals() {
        return globals;
    }

    Escaper escaper() {
        return escaper;
    }
}
