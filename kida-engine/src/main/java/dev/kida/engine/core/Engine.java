package dev.kida.engine.core;

import dev.kida.engine.analysis.BlockIndex;
import dev.kida.engine.analysis.LoadChecks;
import dev.kida.engine.analysis.TemplateFacts;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Filter;
import dev.kida.api.KidaException;
import dev.kida.api.Test;
import dev.kida.api.TemplateLoader;
import dev.kida.api.TemplateNotFoundException;
import dev.kida.api.TemplateSource;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.api.escape.Escaper;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.filters.BuiltinFilters;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.parser.Parser;
import dev.kida.engine.runtime.objects.BuiltinGlobals;
import dev.kida.engine.predicates.BuiltinTests;

import dev.kida.api.UndefinedKind;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.output.Output;
import dev.kida.engine.output.StringOutput;
import dev.kida.engine.output.Utf8Output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
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
    private final TemplateCache cache;
    private final boolean autoReload;
    /** With auto-reload, how long a template found current is trusted without asking the loader. */
    private final long reloadCheckNanos;
    private final CompiledStore store;
    private final CompilePolicy compilePolicy;
    private final CompileSettings compileSettings;
    private final CodeGenerator codeGenerator;
    /** Kida's {@code cache} blocks: one per Environment, shared by renders and threads. */
    private volatile dev.kida.engine.runtime.kida.FragmentCache fragments =
            new dev.kida.engine.runtime.kida.FragmentCache(dev.kida.engine.runtime.kida.FragmentCache.DEFAULT_MAX_ENTRIES,
                    System::nanoTime);
    private final UndefinedKind undefined;
    private final Finalize finalize;
    /** Makes the handle {@link #loadView} returns for a unit; set once by the owner, before use. */
    private volatile Function<PreparedTemplate, Object> views = unit -> unit;
    /** Render-to-String buffers, reused per thread (taken out while in use, so nesting is safe). */
    /** The output of this thread's last String render, kept for the next (null while one runs). */
    private final ThreadLocal<StringOutput> buffers = new ThreadLocal<>();
    private final Budget.Spec limits;
    private final Evaluator evaluator;

    /**
     * @param filters   user filters, overriding built-ins of the same name
     * @param tests     user tests, overriding built-ins
     * @param globals   user globals, overriding built-ins
     * @param undefined what missing names and attributes evaluate to
     * @param finalize  applied to every printed value, or null
     * @param evaluator the backend every render starts in
     */
    public Engine(TemplateLoader loader, Predicate<String> autoescape, LexerOptions lexerOptions,
                  Map<String, Filter> filters, Map<String, Test> tests, Map<String, Object> globals,
                  Escaper escaper, CompilePolicy compilePolicy, CompileSettings compileSettings, CodeGenerator codeGenerator,
                  CacheSettings cacheSettings, UndefinedKind undefined, Finalize finalize, Budget.Spec limits,
                  Evaluator evaluator) {
        this.evaluator = java.util.Objects.requireNonNull(evaluator, "evaluator");
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.undefined = undefined;
        this.finalize = finalize;
        this.cache = new TemplateCache(cacheSettings.size());
        this.autoReload = cacheSettings.autoReload();
        this.reloadCheckNanos = cacheSettings.reloadCheckNanos();
        this.store = cacheSettings.store();
        this.compilePolicy = compilePolicy;
        this.compileSettings = java.util.Objects.requireNonNull(compileSettings, "compileSettings");
        this.codeGenerator = codeGenerator;
        this.loader = loader;
        this.autoescape = autoescape;
        this.lexerOptions = lexerOptions;
        this.filters = merge(BuiltinFilters.all(), filters);
        this.tests = merge(BuiltinTests.all(), tests);
        this.globals = merge(merge(BuiltinGlobals.all(), evaluator.renderGlobals()), globals);
        this.escaper = escaper;
    }

    /** When this engine compiles templates. */
    public CompilePolicy compilePolicy() {
        return compilePolicy;
    }

    /** What the code generator keeps for this engine ({@link #generatorState}). */
    private volatile Object generatorState;

    /**
     * State the code generator keeps for this engine alone, made by {@code make} at the first
     * call: the compiler's classes per template shape, whose code bakes in this engine's
     * filters, tests and options, so they live and die with the engine.
     */
    public <T> T generatorState(Class<T> type, java.util.function.Supplier<? extends T> make) {
        Object s = generatorState;
        if (s == null) {
            synchronized (this) {
                s = generatorState;
                if (s == null) {
                    s = java.util.Objects.requireNonNull(make.get());
                    generatorState = s;
                }
            }
        }
        return type.cast(s);
    }

    /** The fragment cache of Kida's {@code cache} blocks. */
    public dev.kida.engine.runtime.kida.FragmentCache fragmentCache() {
        return fragments;
    }

    /** Replaces the fragment cache; the Environment does this once, while it is being built. */
    public void fragmentCache(dev.kida.engine.runtime.kida.FragmentCache cache) {
        this.fragments = java.util.Objects.requireNonNull(cache, "cache");
    }

    private static <V> Map<String, V> merge(Map<String, V> builtins, Map<String, V> user) {
        if (user.isEmpty()) {
            // Nothing to add: copying some 150 built-ins would cost a fresh JVM's interpreter
            // ~0.2 ms of start-up for an identical map.
            return Collections.unmodifiableMap(builtins);
        }
        Map<String, V> all = new HashMap<>(builtins);
        all.putAll(user);
        // Not Map.copyOf: a global may be None (null).
        return Collections.unmodifiableMap(all);
    }

    /**
     * The named template from the loader, parsed and checked; cached, and with auto-reload on,
     * loaded again when the loader says its source changed.
     *
     * @throws TemplateNotFoundException when no loader has it
     */
    public PreparedTemplate load(String name) {
        PreparedTemplate cached = cache.get(name);
        if (cached != null) {
            if (!autoReload || cache.checkedWithin(name, cached, reloadCheckNanos)) {
                return cached;
            }
            if (loader.isCurrent(name, cached.version())) {
                cache.checked(name, cached);
                return cached;
            }
        }
        Optional<TemplateSource> found = loader.load(name);
        if (found.isEmpty()) {
            throw new TemplateNotFoundException(name);
        }
        TemplateSource src = found.get();
        PreparedTemplate unit = store.find(src, this);
        if (unit == null) {
            unit = compile(src.source(), name, src.version());
            store.parsed(unit, src, this);
        }
        cache.put(name, unit, views.apply(unit));
        return unit;
    }

    /**
     * Sets what {@link #loadView} hands out for a unit (the Environment's public Template). It is
     * made once per cache entry, so that getting a cached template allocates nothing.
     */
    public void views(Function<PreparedTemplate, Object> views) {
        this.views = java.util.Objects.requireNonNull(views, "views");
    }

    /**
     * The live map from name to the handle ({@link #views}) of each cached template, for the
     * owner's own lookup when auto-reload is off, or null when it is on (a cached handle may then
     * be stale, so every lookup must go through {@link #loadView}). Read-only: only this engine
     * writes it. Without auto-reload {@code getTemplate} of a cached template is then one map read
     * on a map its owner holds, nothing more than a bare {@code ConcurrentHashMap} lookup
     * (docs/performance.md, "Template cache").
     */
    public java.util.Map<String, Object> cachedViews() {
        return autoReload ? null : cache.views();
    }

    /**
     * {@link #load}, answered with the unit's handle ({@link #views}): the one cached with it when
     * the unit is the cached one, else a new one.
     */
    public Object loadView(String name) {
        PreparedTemplate unit = load(name);
        Object view = cache.viewOf(name, unit);
        return view != null ? view : views.apply(unit);
    }

    /**
     * A unit for a template tree that was not parsed here (read back from a precompiled file):
     * the same analysis as {@link #compile}, without the parser.
     */
    public PreparedTemplate unitOf(TemplateNode node, String name, long version) {
        LoadChecks.checkNames(node, filters::containsKey, tests::containsKey);
        return new PreparedTemplate(name, node, BlockIndex.blocks(node), BlockIndex.innerBlocks(node), autoescape.test(name), version,
                new CompilationState(true), TemplateFacts.of(node));
    }

    /**
     * Installs code stored elsewhere (precompiled, cached) that is defined only when it is needed:
     * at once in compiled mode (a failure is thrown to the caller, which then parses), when the
     * template becomes hot in tiered mode (it runs in the evaluator on its stored tree until then,
     * as a parsed template does), never in interpreted mode. A one-shot render in tiered mode so
     * never pays for defining and linking a class it would run once (docs/performance.md, "Cold
     * start"). {@code code} is called at most once.
     */
    public void installStored(PreparedTemplate unit, java.util.function.Supplier<Compiled> code) {
        switch (compilePolicy) {
            case AT_LOAD -> unit.compilation().install(code.get());
            case WHEN_WARM -> unit.compilation().store(code);
            case NEVER -> {
            }
        }
    }

    /**
     * The build's SHA-256 of the engine module's main sources and pom (the class SourceDigest,
     * made by the Maven build), or null in a build that made none (an IDE compiling the sources
     * itself). Part of the name of the engine build that precompiled code records: a constant, so
     * naming the build at start-up reads no jar (docs/performance.md, "Cold start").
     */
    public static String sourceDigest() {
        return readDigest(Engine.class);
    }

    /**
     * The digest made by the class {@code SourceDigest} in {@code anchor}'s package, or null when
     * there is none. By reflection: a build without the class (an IDE's) still compiles and runs,
     * and then names its build by checksums. The caller must be in that package (the class and
     * its constructor are package-private); kida-compiler reads its own the same way.
     */
    private static String readDigest(Class<?> anchor) {
        try {
            return digestOf(Class.forName(anchor.getPackageName() + ".SourceDigest", true, anchor.getClassLoader())
                    .getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /**
     * What a {@code SourceDigest} instance holds when it is a SHA-256 in lower-case hex, else null:
     * the one check of a build's digest, for the engine's and kida-compiler's.
     */
    public static String digestOf(Object sourceDigest) {
        if (!(sourceDigest instanceof java.util.function.Supplier<?> supplier) || !(supplier.get() instanceof String hex)
                || hex.length() != 64) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return null;
            }
        }
        return hex;
    }

    /** Whether this engine runs compiled code at all. */
    public boolean compiles() {
        return compilePolicy != CompilePolicy.NEVER;
    }

    /**
     * What, besides the source and the engine's own code, shapes the code compiled for a template:
     * the lexer options and whether it autoescapes. Precompiled code made under other settings
     * is not used.
     */
    public String codeOptions(String name) {
        String fixed = codeOptionsPrefix;
        if (fixed == null) {
            // The same for every template of this engine: made once (reflection over the lexer
            // options costs a cold start ~0.2 ms per template read from a compiled file).
            codeOptionsPrefix = fixed = fixedCodeOptions();
        }
        return fixed + "autoescape=" + autoescape.test(name);
    }

    /** {@link #codeOptions} but for autoescape, made once. */
    private volatile String codeOptionsPrefix;

    private String fixedCodeOptions() {
        // Every component of the lexer options by name (EngineCodeOptionsTest checks that none is
        // left out), written out rather than read by reflection over the record, which cost a cold
        // start from precompiled templates ~0.3 ms (docs/performance.md, "Cold start", session
        // 20). Sets sorted, so that the text is the same in every JVM (Set.copyOf's order is not).
        List<String> extensions = new ArrayList<>(lexerOptions.extensions());
        Collections.sort(extensions);
        StringBuilder sb = new StringBuilder();
        sb.append("trimBlocks=").append(lexerOptions.trimBlocks()).append(';')
                .append("lstripBlocks=").append(lexerOptions.lstripBlocks()).append(';')
                .append("keepTrailingNewline=").append(lexerOptions.keepTrailingNewline()).append(';')
                .append("extensions=").append(extensions).append(';')
                .append("syntax=").append(lexerOptions.syntax()).append(';');
        // finalize changes the code of every print (no constant folding, a call per print)
        sb.append("finalize=").append(finalize == null ? "none" : finalize.contextual() ? "context" : "plain").append(';');
        return sb.toString();
    }

    /** The name under which a filter object is registered here, or null. */
    public String filterName(Filter filter) {
        for (Map.Entry<String, Filter> e : filters.entrySet()) {
            if (e.getValue() == filter) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The name under which a test object is registered here, or null. */
    public String testName(Test test) {
        for (Map.Entry<String, Test> e : tests.entrySet()) {
            if (e.getValue() == test) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Forgets every cached template; templates already handed out keep working. */
    public void clearCache() {
        cache.clear();
    }

    /** How many templates the cache holds now. */
    public int cachedTemplates() {
        return cache.size();
    }

    /** Parses and checks source that does not come from the loader. */
    public PreparedTemplate compile(String source, String name, long version) {
        if (source.length() > limits.maxTemplateLength()) {
            throw new TemplateRuntimeException(RuntimeErrorKind.LIMIT_EXCEEDED, "template source of " + source.length()
                    + " characters exceeds the limit of " + limits.maxTemplateLength() + " (Limits.maxTemplateLength)",
                    name, 0, 0, null, null);
        }
        TemplateNode node;
        try {
            node = Parser.parse(source, name, lexerOptions);
            LoadChecks.checkNames(node, filters::containsKey, tests::containsKey);
            LoadChecks.checkNesting(node);
        } catch (StackOverflowError e) {
            // Recursive descent over absurdly deep nesting: a clear error, not a dead thread.
            throw new TemplateSyntaxException("template is nested too deeply to parse", name, 0, 0, null, null);
        }
        PreparedTemplate unit = new PreparedTemplate(name, node, BlockIndex.blocks(node), BlockIndex.innerBlocks(node), autoescape.test(name), version, new CompilationState(),
                TemplateFacts.of(node));
        if (compilePolicy == CompilePolicy.AT_LOAD) {
            compileNow(unit);
        }
        return unit;
    }

    boolean tiered() {
        return compilePolicy == CompilePolicy.WHEN_WARM;
    }

    /** When templates get compiled code, and of which kind (the compiler reads its shape-class count here). */
    public CompileSettings compileSettings() {
        return compileSettings;
    }

    /**
     * Compiles the template now on this thread and installs the code, unless it already has
     * compiled code. A failure is kept on the template (it keeps running in the evaluator) and
     * logged.
     */
    public void compileNow(PreparedTemplate unit) {
        if (unit.compilation().compiled() != null) {
            return;
        }
        java.util.function.Supplier<Compiled> stored = unit.compilation().takeStored();
        if (stored != null) {
            try {
                unit.compilation().install(stored.get());
                return;
            } catch (RuntimeException | LinkageError e) {
                // Checked against source, build and options when it was read, so this is a file
                // damaged in a way its checksum missed or a class the JVM refused: the tree is
                // the template's, so code generated from it is what the stored code would have been.
                Log.LOG.log(System.Logger.Level.WARNING, "the stored compiled code of template '" + unit.name()
                        + "' could not be used (" + e.getMessage() + "); it is compiled from its tree instead", e);
            }
        }
        try {
            unit.compilation().install(underLimits(() -> codeGenerator.generate(unit, this)));
        } catch (RuntimeException | LinkageError e) {
            unit.compilation().fail(e);
            Log.LOG.log(System.Logger.Level.WARNING, "template '" + unit.name()
                    + "' could not be compiled; it runs in the evaluator", e);
        }
    }

    /**
     * Generates code under this engine's limits: constant folding runs the runtime's operations,
     * so what a render would refuse is left for the render to refuse.
     */
    private Compiled underLimits(java.util.function.Supplier<Compiled> generate) {
        Budget previous = Budget.install(limits.start());
        try {
            return generate.get();
        } finally {
            Budget.restore(previous);
        }
    }

    /**
     * Asks the background compiler for the template's next code: compiled code for a template
     * running in the evaluator, a class of its own for one on its shape's shared class.
     */
    void compileInBackground(PreparedTemplate unit) {
        BackgroundCompiler.submit(() -> {
            Compiled current = unit.compilation().compiled();
            if (current == null) {
                compileNow(unit);
            } else if (current.shared()) {
                compileOwnClass(unit, current);
            }
        });
    }

    /**
     * Replaces a template's shared shape class with a class of its own. Renders in flight finish
     * on the shared class (same tree, same output); each picks the new code up at its next
     * template or block entry. On failure the shared class keeps serving the template.
     */
    private void compileOwnClass(PreparedTemplate unit, Compiled shared) {
        try {
            unit.compilation().install(underLimits(shared.ownClass()));
        } catch (RuntimeException | LinkageError e) {
            Log.LOG.log(System.Logger.Level.WARNING, "template '" + unit.name()
                    + "' could not get a class of its own; it keeps its shape's shared class", e);
        }
    }

    /** Made at the first message: {@code System.getLogger} starts the logging back end, which a
     * cold start that logs nothing should not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.compiler");
    }


    /** Renders a template with the given context to a String. */
    public String render(PreparedTemplate unit, Map<String, ?> context) {
        // The buffer grown by the last render on this thread serves the next one (a 126 KB page
        // would otherwise grow a fresh buffer through 11 doublings and copies per render). Taken
        // out while in use, so a render started from inside a render gets its own.
        StringOutput output = buffers.get();
        if (output == null) {
            output = new StringOutput();
        } else {
            buffers.set(null);
            output.clear();
        }
        render(unit, context, output);
        String result = output.toString();
        if (output.capacity() <= MAX_KEPT_BUFFER) {
            output.clear();
            buffers.set(output);
        }
        return result;
    }

    /** The largest buffer (bytes) kept per thread between renders. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    /** Renders a template as UTF-8 into {@code out}; nothing is written when rendering fails. */
    public void render(PreparedTemplate unit, Map<String, ?> context, OutputStream out) {
        Utf8Output bytes = new Utf8Output(1024);
        render(unit, context, bytes);
        try {
            bytes.writeTo(out);
        } catch (IOException e) {
            throw new KidaException("cannot write output of template '" + unit.name() + "'", e);
        }
    }

    /** Renders a template with the given context into {@code output}. */
    public void render(PreparedTemplate unit, Map<String, ?> context, Output output) {
        underBudget(unit, output, r -> {
            r.render(unit, context, Map.of());
            return null;
        });
    }

    /**
     * Renders into {@code out}, handing it what was rendered so far at each {@code flush} and the
     * rest at the end (then flushing the writer each time). What was handed over before a failure
     * stays written.
     */
    public void stream(PreparedTemplate unit, Map<String, ?> context, java.io.Writer out) {
        streamTo(unit, context, new StringOutput(), text -> {
            out.write(text.toString());
            out.flush();
            text.handedOn();
        });
    }

    /** As {@link #stream(PreparedTemplate, Map, java.io.Writer)}, as UTF-8 bytes. */
    public void stream(PreparedTemplate unit, Map<String, ?> context, OutputStream out) {
        streamTo(unit, context, new Utf8Output(1024), bytes -> {
            bytes.writeTo(out);
            out.flush();
            bytes.handedOn();
        });
    }

    /** Writes a chunk of streamed output somewhere, then clears it for the next chunk. */
    private interface ChunkWriter<O extends Output> {
        void write(O chunk) throws IOException;
    }

    /** Streams a render into {@code output}, handing each chunk (that same output) to {@code writer}. */
    private <O extends Output> void streamTo(PreparedTemplate unit, Map<String, ?> context, O output, ChunkWriter<O> writer) {
        Consumer<Output> sink = o -> {
            try {
                writer.write(output);
            } catch (IOException e) {
                throw new KidaException("cannot write output of template '" + unit.name() + "'", e);
            }
        };
        streamRender(unit, context, output, sink);
        sink.accept(output);
    }

    /** The chunks of a render, produced as the consumer pulls them (see {@link ChunkStream}). */
    public java.util.stream.Stream<String> stream(PreparedTemplate unit, Map<String, ?> context) {
        ChunkStream chunks = new ChunkStream(unit.name(), emit -> {
            StringOutput output = new StringOutput();
            Consumer<Output> sink = o -> {
                StringOutput text = (StringOutput) o;
                String chunk = text.toString();
                text.handedOn();
                emit.accept(chunk);
            };
            streamRender(unit, context, output, sink);
            sink.accept(output);
        });
        return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(chunks,
                java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false).onClose(chunks::close);
    }

    private void streamRender(PreparedTemplate unit, Map<String, ?> context, Output output, Consumer<Output> sink) {
        // (the output limit counts the chunks handed on too: Output.written)
        underBudget(unit, output, r -> {
            r.streamTo(sink);
            r.render(unit, context, Map.of());
            return null;
        });
    }

    /** The lexer options templates are parsed with (the checker parses imported sources too). */
    public LexerOptions lexerOptions() {
        return lexerOptions;
    }

    /** Renders one block, fragment or region of a template (see {@code Template.renderBlock}). */
    public String renderBlock(PreparedTemplate unit, String name, Map<String, ?> context) {
        if (lacksBlockBeforeRendering(unit, name)) {
            throw BlockIndex.noSuchBlock(name, unit.name());
        }
        StringOutput output = new StringOutput();
        underBudget(unit, output, r -> {
            r.renderBlock(unit, name, context);
            return null;
        });
        return output.toString();
    }

    /**
     * Runs one render with a fresh {@link Budget} of this engine's limits, installed for the
     * runtime's helpers while it runs.
     */
    private <T> T underBudget(PreparedTemplate unit, Output output, java.util.function.Function<Evaluator.Rendering, T> render) {
        Budget budget = newBudget();
        Budget previous = Budget.install(budget);
        UndefinedKind previousKind = Undefined.using(undefined);
        try {
            T result = render.apply(evaluator.start(this, output, budget));
            budget.output(output.written());
            return result;
        } catch (StackOverflowError e) {
            // Unwound to here, far from the stack's end, so building the error is safe. Renders
            // move deep nesting to fresh stacks, so this takes host code or absurd data.
            throw new TemplateRuntimeException(RuntimeErrorKind.RECURSION_ERROR,
                    "the Java stack ran out (maximum recursion depth exceeded)",
                    unit.name(), 0, 0, null, null);
        } finally {
            Undefined.restore(previousKind);
            Budget.restore(previous);
        }
    }

    /** A full render with some blocks replaced by trusted text (see {@code Template.renderWithBlocks}). */
    public String renderWithBlocks(PreparedTemplate unit, Map<String, ?> overrides, Map<String, ?> context) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        overrides.forEach((name, value) -> texts.put(Objects.requireNonNull(name, "override name"),
                value instanceof dev.kida.api.HtmlSafe safe ? safe.toHtml() : dev.kida.engine.runtime.Values.str(value)));
        for (String name : texts.keySet()) {
            if (lacksBlockBeforeRendering(unit, name)) {
                throw BlockIndex.noSuchOverride(name, unit.name());
            }
        }
        StringOutput output = new StringOutput();
        java.util.Set<String> defined = underBudget(unit, output, r -> r.render(unit, context, texts));
        for (String name : texts.keySet()) {
            if (!defined.contains(name)) {
                throw BlockIndex.noSuchOverride(name, unit.name());
            }
        }
        return output.toString();
    }

    /**
     * Whether it is known before a render that neither a template nor any of its ancestors has a
     * block, fragment or region of that name (false when they have one, or when a computed
     * {@code extends} on the way means only a render can tell). Kida looks the name up among these
     * before it runs anything, so an unknown name is reported as such even where the render (or
     * {@code renderBlock}'s setup) would fail first.
     */
    private boolean lacksBlockBeforeRendering(PreparedTemplate unit, String name) {
        java.util.Set<String> visited = null;
        for (PreparedTemplate current = unit; ; ) {
            if (current.blocks().containsKey(name) || !current.facts().literalExtendsOnly()) {
                return false;
            }
            String parent = BlockIndex.literalParent(current.node());
            if (parent == null) {
                return true;
            }
            if (visited == null) {
                visited = new java.util.HashSet<>();
            }
            if (!visited.add(current.name())) {
                return false; // a template that extends itself: the render reports it
            }
            current = load(parent);
        }
    }

    /** The names of the blocks, fragments and regions of a template and its literal ancestors. */
    public java.util.SortedSet<String> blockNames(PreparedTemplate unit) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        java.util.Set<String> visited = new java.util.HashSet<>();
        for (PreparedTemplate current = unit; current != null && visited.add(current.name()); ) {
            names.addAll(current.blocks().keySet());
            String parent = BlockIndex.literalParent(current.node());
            current = parent == null ? null : load(parent);
        }
        return java.util.Collections.unmodifiableSortedSet(names);
    }

    /** Renders a template with the given context into {@code out}. */
    public void render(PreparedTemplate unit, Map<String, ?> context, Appendable out) {
        StringBuilder sb = out instanceof StringBuilder b ? b : new StringBuilder(256);
        render(unit, context, new StringOutput(sb));
        if (sb != out) {
            try {
                out.append(sb);
            } catch (IOException e) {
                throw new KidaException("cannot write output of template '" + unit.name() + "'", e);
            }
        }
    }

    private Budget newBudget() {
        return limits.start();
    }

    public Filter filter(String name) {
        return filters.get(name);
    }

    public Test test(String name) {
        return tests.get(name);
    }

    /** Built-in, render-bound and user globals, merged. */
    public Map<String, Object> globals() {
        return globals;
    }

    /** What missing names and attributes evaluate to. */
    public UndefinedKind undefined() {
        return undefined;
    }

    /** The function applied to printed values, or null. */
    public Finalize finalizer() {
        return finalize;
    }

    public Escaper escaper() {
        return escaper;
    }
}
