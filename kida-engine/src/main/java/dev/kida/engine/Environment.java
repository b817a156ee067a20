package dev.kida.engine;

import dev.kida.api.Filter;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Test;
import dev.kida.api.TemplateLoader;
import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.core.CompilerBackend;
import dev.kida.engine.core.CompilerBackends;
import dev.kida.engine.core.CompilePolicy;
import dev.kida.api.TemplateSource;
import dev.kida.engine.core.CacheSettings;
import dev.kida.engine.core.CompiledStore;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.api.CallContext;
import dev.kida.api.Translations;
import dev.kida.api.UndefinedKind;
import dev.kida.engine.i18n.GettextGlobals;
import dev.kida.engine.core.Engine;
import dev.kida.engine.eval.TreeEvaluator;
import dev.kida.engine.core.Finalize;
import dev.kida.api.KidaException;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.lexer.Syntax;
import dev.kida.engine.core.CompileSettings;
import dev.kida.engine.files.TextFiles;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The shared configuration of a set of templates: where they come from, how they are parsed,
 * and which filters, tests and globals they can use. Immutable once built and safe to share
 * between threads; it caches the templates it loads.
 */
public final class Environment {
    private final TemplateLoader loader;
    private final Predicate<String> autoescape;
    private final Map<String, Filter> filters;
    private final Map<String, Test> tests;
    private final Map<String, Object> globals;
    private final EscaperProvider escaperProvider;
    private final Escaper escaper;
    private final Engine engine;
    /** The engine's cached templates by name when auto-reload is off, else null ({@link #getTemplate}). */
    private final Map<String, Object> cachedByName;
    private final Limits limits;
    private final boolean sandboxed;
    private final ExecutionMode mode;

    private Environment(Builder b) {
        this.loader = b.loader;
        this.autoescape = b.autoescape;
        this.filters = Map.copyOf(b.filters);
        this.tests = Map.copyOf(b.tests);
        // A global may be None (null), which Map.copyOf would refuse.
        this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(b.globals));
        this.escaperProvider = Escapers.select(b.escaper);
        this.escaper = Escapers.escaper(escaperProvider, Escapers.forced(b.escaper));
        this.engine = new Engine(loader, autoescape,
                new LexerOptions(b.trimBlocks, b.lstripBlocks, b.keepTrailingNewline, b.tagExtensions(), b.syntax()),
                filters, tests, b.engineGlobals(),
                escaper, compilePolicy(b.mode), b.compileSettings(), codeGenerator(b.mode),
                new CacheSettings(b.cacheSize, b.autoReload, b.store(), b.reloadCheckNanos), b.undefined, b.finalize, b.limits.spec(b.sandbox == null ? null : b.sandbox.toRuntime(globals)),
                TreeEvaluator.INSTANCE);
        this.limits = b.limits;
        this.sandboxed = b.sandbox != null;
        this.mode = b.mode;
        engine.fragmentCache(new dev.kida.engine.runtime.kida.FragmentCache(b.fragmentCacheSize, b.fragmentClock));
        engine.views(unit -> new Template(engine, unit));
        this.cachedByName = engine.cachedViews();
    }

    /** Whether templates run in a sandbox ({@link Builder#sandbox()}). */
    public boolean sandboxed() {
        return sandboxed;
    }

    /** The limits every render of this environment runs under. */
    public Limits limits() {
        return limits;
    }

    /**
     * Without the compiler, tiered mode evaluates every template (logged once, with the reason);
     * compiled mode, which promises compiled code, is refused.
     */
    private static CompilePolicy compilePolicy(ExecutionMode mode) {
        if (mode != ExecutionMode.INTERPRETED && CompilerBackends.backend() == null) {
            if (mode == ExecutionMode.COMPILED) {
                CompilerBackends.require("ExecutionMode.COMPILED");
            }
            CompilerBackends.noteEvaluatorOnly();
            return CompilePolicy.NEVER;
        }
        return switch (mode) {
            case INTERPRETED -> CompilePolicy.NEVER;
            case COMPILED -> CompilePolicy.AT_LOAD;
            case TIERED -> CompilePolicy.WHEN_WARM;
        };
    }

    private static dev.kida.engine.core.CodeGenerator codeGenerator(ExecutionMode mode) {
        CompilerBackend backend = CompilerBackends.backend();
        return mode == ExecutionMode.INTERPRETED || backend == null
                ? dev.kida.engine.core.CodeGenerator.NONE : backend::generate;
    }

    /** How templates run: evaluator, compiled, or tiered (the default). */
    public ExecutionMode mode() {
        return mode;
    }

    /**
     * Whether the bytecode compiler is available in this JVM: module {@code kida.compiler}
     * ({@code dev.kida:kida-compiler}) present and loadable, which takes Java 24 or newer. Without
     * it every template runs in the evaluator, tiered mode included, and {@link ExecutionMode#COMPILED},
     * {@link Builder#precompiled(Path)} and {@link Builder#compiledCache(Path)} are refused.
     */
    public static boolean compilerAvailable() {
        return CompilerBackends.backend() != null;
    }

    /**
     * Which backend compiles templates in this JVM, or why none does (and how to fix that): the
     * same text the engine logs once when it falls back to the evaluator.
     */
    public static String compilerStatus() {
        CompilerBackend backend = CompilerBackends.backend();
        if (backend == null) {
            return "no bytecode compiler: " + CompilerBackends.problem();
        }
        Module m = backend.getClass().getModule();
        return "bytecode compiler " + (m.isNamed() ? "module " + m.getName()
                + m.getDescriptor().rawVersion().map(v -> " " + v).orElse("") : "on the class path")
                + " (" + backend.getClass().getName() + ")";
    }

    /**
     * The named template from the loader, parsed and checked. Cached: later calls return the same
     * parsed template until the loader reports a change.
     *
     * @throws dev.kida.api.TemplateNotFoundException when the loader has no such template
     * @throws dev.kida.api.TemplateSyntaxException when it does not parse
     */
    public Template getTemplate(String name) {
        Objects.requireNonNull(name, "name");
        // Without auto-reload a cached template is one read of the cache's own map, held here so
        // that the lookup goes through no other object (issue 9: within 10% of a bare map).
        Map<String, Object> cached = cachedByName;
        if (cached != null) {
            Object template = cached.get(name);
            if (template != null) {
                return (Template) template;
            }
        }
        return (Template) engine.loadView(name);
    }

    /** The engine, for {@link Precompiler}. */
    Engine engine() {
        return engine;
    }

    /**
     * Forgets every cached template, so that the next {@link #getTemplate} loads and parses
     * again. A {@link Template} already held keeps working.
     */
    public void clearCache() {
        engine.clearCache();
    }

    /** How many templates the cache holds now (at most {@link Builder#cacheSize}). */
    public int cachedTemplates() {
        return engine.cachedTemplates();
    }

    /** A template from source text, named {@code <string>} in messages. Not cached. */
    public Template fromString(String source) {
        return fromString(source, "<string>");
    }

    /** A template from source text with a name for messages. Not cached. */
    public Template fromString(String source, String name) {
        return new Template(engine, engine.compile(Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(name, "name"), 0));
    }

    /** A builder with the defaults: no loader, autoescape on, no whitespace options. */
    public static Builder builder() {
        return new Builder();
    }

    /** The loader templates come from. */
    public TemplateLoader loader() {
        return loader;
    }

    /** Whether a template of this name is autoescaped. */
    public boolean autoescape(String templateName) {
        return autoescape.test(templateName);
    }

    /** User-registered filters (the built-ins are not listed). */
    public Map<String, Filter> filters() {
        return filters;
    }

    /** User-registered tests. */
    public Map<String, Test> tests() {
        return tests;
    }

    /** User-registered globals. */
    public Map<String, Object> globals() {
        return globals;
    }

    /**
     * The escaper in use: the selected backend, which for a fast backend means the built-in Java
     * escaper for strings shorter than its {@link EscaperProvider#minLength()} and the backend,
     * started at the first such string, for longer ones.
     */
    public Escaper escaper() {
        return escaper;
    }

    /** The name of the escaper backend in use. */
    public String escaperName() {
        return escaperProvider.name();
    }

    /** Builds an {@link Environment}. Not thread-safe; build once, share the result. */
    public static final class Builder {
        private TemplateLoader loader = Loaders.none();
        private Predicate<String> autoescape = name -> true;
        private boolean trimBlocks;
        private boolean lstripBlocks;
        private boolean keepTrailingNewline;
        private final Set<String> extensions = new LinkedHashSet<>();
        private final Map<String, Filter> filters = new LinkedHashMap<>();
        private final Map<String, Test> tests = new LinkedHashMap<>();
        private final Map<String, Object> globals = new LinkedHashMap<>();
        private String escaper;
        private CompiledStore precompiled;
        private CompiledStore compiledCache;
        private int cacheSize = CacheSettings.DEFAULT.size();
        private boolean autoReload = CacheSettings.DEFAULT.autoReload();
        /** Nanoseconds; a long rather than a Duration, whose class (with BigInteger behind it) a
         * fresh JVM would otherwise initialise for every environment (docs/performance.md, "Cold
         * start", session 20). */
        private long reloadCheckNanos;
        private ExecutionMode mode = ExecutionMode.TIERED;
        private int compileThreshold = 50;
        /** Null until set: the system property's count then ({@link CompileSettings#of}). */
        private Integer shapeClasses;
        private Integer ownClassAfter;
        private int fragmentCacheSize = dev.kida.engine.runtime.kida.FragmentCache.DEFAULT_MAX_ENTRIES;
        private java.util.function.LongSupplier fragmentClock = System::nanoTime;
        private UndefinedKind undefined = UndefinedKind.STRICT;
        private String blockStart = "{%";
        private String blockEnd = "%}";
        private String variableStart = "{{";
        private String variableEnd = "}}";
        private String commentStart = "{#";
        private String commentEnd = "#}";
        private String lineStatementPrefix;
        private String lineCommentPrefix;
        private String newlineSequence = "\n";
        private Translations translations;
        private boolean newstyleGettext;
        private Finalize finalize;
        private Limits limits = Limits.defaults();
        private SandboxPolicy sandbox;

        private Builder() {
        }

        /**
         * What one render may consume (sizes of strings, lists and integers operations build,
         * output, loop iterations and calls, recursion depth, template size, time);
         * {@link Limits#defaults()} unless set. See docs/security.md.
         */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sandboxes the environment for untrusted template authors with
         * {@link SandboxPolicy#defaults()}, which also sets {@link Limits#sandbox()} (a later
         * {@link #limits} call overrides them). See docs/security.md.
         */
        public Builder sandbox() {
            return sandbox(SandboxPolicy.defaults());
        }

        /** Sandboxes the environment with {@code policy}, and takes its limits. */
        public Builder sandbox(SandboxPolicy policy) {
            this.sandbox = Objects.requireNonNull(policy, "policy");
            this.limits = policy.limits();
            return this;
        }

        /** How templates run; {@link ExecutionMode#TIERED} by default. */
        public Builder mode(ExecutionMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * In tiered mode, how many times a template runs in the evaluator before it is compiled
         * (50 by default; at least 1).
         */
        public Builder compileThreshold(int runs) {
            this.compileThreshold = CompileSettings.requireThreshold(runs);
            return this;
        }

        /**
         * In compiled mode, how many shape classes the environment keeps (256 by default; 0 or
         * more). Templates whose trees differ only in their text, positions and names share one
         * generated class, each with its own data, so making another template of a known shape
         * costs no class generation; the least recently used shapes are dropped beyond this
         * count. 0 gives every template a class of its own. Overrides the system property
         * {@code kida.compiler.shapeClasses}. See docs/architecture.md, "Shape classes".
         */
        public Builder shapeClasses(int classes) {
            this.shapeClasses = CompileSettings.requireShapeClasses(classes);
            return this;
        }

        /**
         * In compiled mode, after how many renders a template on a shared shape class
         * ({@link #shapeClasses}) is compiled again into a class of its own, whose texts are
         * constants the JIT folds (1,000 by default; 0: never). The compile runs on the background
         * compiler, as tiered mode's does; renders keep the shared class until it is done.
         * Overrides the system property {@code kida.compiler.ownClassAfter}.
         */
        public Builder ownClassAfter(int renders) {
            this.ownClassAfter = CompileSettings.requireOwnClassAfter(renders);
            return this;
        }

        /** The compile settings: what was set here, else the system properties' counts. */
        private CompileSettings compileSettings() {
            return CompileSettings.of(compileThreshold, shapeClasses, ownClassAfter);
        }

        /**
         * Loads templates compiled ahead of time ({@code kida compile}, the Maven plugin) from a
         * folder: a template whose {@code NAME.kidac} there matches its current source, this
         * engine build and this environment's options is used without lexing or parsing; any
         * other is parsed and compiled as usual (logged once), so stale code never runs. The
         * loader still supplies the sources, which the check needs.
         */
        public Builder precompiled(Path folder) {
            Path base = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
            this.precompiled = CompilerBackends.require("precompiled(Path)").precompiled(base.toString(), path -> {
                Path file = base.resolve(path).normalize();
                if (!file.startsWith(base)) {
                    return null;
                }
                return TextFiles.openIfPresent(file);
            });
            return this;
        }

        /** {@link #precompiled(Path)} from class-path resources under a prefix. */
        public Builder precompiled(ClassLoader classLoader, String prefix) {
            Objects.requireNonNull(classLoader, "classLoader");
            String dir = folderPrefix(prefix);
            this.precompiled = CompilerBackends.require("precompiled(ClassLoader, String)")
                    .precompiled("classpath:" + dir, path -> classLoader.getResourceAsStream(dir + path));
            return this;
        }

        /**
         * {@link #precompiled(Path)} from a module's resources under a prefix. The engine reads
         * them, so a folder that is a package of that module must be opened to {@code kida.engine}.
         */
        public Builder precompiled(Module module, String prefix) {
            Objects.requireNonNull(module, "module");
            String dir = folderPrefix(prefix);
            this.precompiled = CompilerBackends.require("precompiled(Module, String)")
                    .precompiled("module:" + module.getName() + "/" + dir, path -> module.getResourceAsStream(dir + path));
            return this;
        }

        private static String folderPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        }

        /**
         * Keeps compiled templates in a folder across runs (Jinja2's bytecode cache): a
         * template found there (same source, engine build and options) is not parsed; any other
         * is parsed, compiled at once and written. Safe for several JVMs sharing the folder;
         * bounded to {@value #DEFAULT_COMPILED_CACHE_ENTRIES} files; damaged or foreign files are
         * ignored and rebuilt.
         */
        public Builder compiledCache(Path folder) {
            return compiledCache(folder, DEFAULT_COMPILED_CACHE_ENTRIES);
        }

        /** {@link #compiledCache(Path)} holding at most {@code maxEntries} templates. */
        public Builder compiledCache(Path folder, int maxEntries) {
            this.compiledCache = CompilerBackends.require("compiledCache(Path)")
                    .compiledCache(Objects.requireNonNull(folder, "folder"), maxEntries);
            return this;
        }

        /** How many templates {@link #compiledCache(Path)} keeps at most. */
        public static final int DEFAULT_COMPILED_CACHE_ENTRIES = 2000;

        private CompiledStore store() {
            if (precompiled == null) {
                return compiledCache == null ? CompiledStore.NONE : compiledCache;
            }
            if (compiledCache == null) {
                return precompiled;
            }
            CompiledStore first = precompiled;
            CompiledStore second = compiledCache;
            return new CompiledStore() {
                @Override
                public PreparedTemplate find(TemplateSource source, Engine engine) {
                    PreparedTemplate u = first.find(source, engine);
                    return u != null ? u : second.find(source, engine);
                }

                @Override
                public void parsed(PreparedTemplate unit, TemplateSource source, Engine engine) {
                    second.parsed(unit, source, engine);
                }
            };
        }

        /**
         * How many templates {@link Environment#getTemplate} keeps parsed (400 by default, as
         * Jinja2; 0 keeps none). Past the bound, the templates least recently used go first;
         * reads take no lock.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder cacheSize(int templates) {
            if (templates < 0) {
                throw new IllegalArgumentException("cache size must be 0 or more, not " + templates);
            }
            this.cacheSize = templates;
            return this;
        }

        /**
         * Whether a cached template is checked against its source at every
         * {@link Environment#getTemplate} and loaded again when it changed (on by default, as
         * Jinja2's {@code auto_reload}): files by modification time, class-path and module
         * resources by the time and size of their file or jar (one file-status call each). Off,
         * a cached template is used with no check at all: no file system access once every
         * template has been loaded (for production). See also {@link #reloadCheckInterval}.
         */
        public Builder autoReload(boolean enabled) {
            this.autoReload = enabled;
            return this;
        }

        /**
         * With auto-reload on, how long a template found current is used without asking its
         * loader again: zero (the default, Jinja2's behaviour) checks at every
         * {@link Environment#getTemplate} and at every {@code extends}, {@code include} and
         * {@code import} of a render; one second makes that at most one file-status call per
         * template per second, and an edit is seen up to a second later.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder reloadCheckInterval(java.time.Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("the reload check interval must be 0 or more, not " + interval);
            }
            this.reloadCheckNanos = interval.compareTo(java.time.Duration.ofDays(36_500)) > 0 ? Long.MAX_VALUE
                    : interval.toNanos(); // one of centuries is as good as forever
            return this;
        }

        /**
         * What a missing name or attribute evaluates to: {@link UndefinedKind#STRICT} by default
         * (Jinja2's own default is {@link UndefinedKind#DEFAULT}).
         */
        public Builder undefined(UndefinedKind kind) {
            this.undefined = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * The undefined kind by Jinja2's class name: {@code Undefined}, {@code ChainableUndefined},
         * {@code DebugUndefined} or {@code StrictUndefined}.
         *
         * @throws IllegalArgumentException for another name
         */
        public Builder undefined(String jinjaClassName) {
            return undefined(UndefinedKind.ofJinjaName(Objects.requireNonNull(jinjaClassName, "jinjaClassName")));
        }

        /**
         * Jinja2's {@code finalize}: {@code function} is applied to every value a {@code {{ }}}
         * prints (not to static text) before it is escaped and printed. As in Jinja2, a constant
         * expression ({@code {{ none }}}, {@code {{ "x" }}}) is escaped first when autoescaping,
         * then finalized.
         */
        public Builder finalize(UnaryOperator<Object> function) {
            Objects.requireNonNull(function, "function");
            this.finalize = new Finalize((ctx, value) -> function.apply(value), false);
            return this;
        }

        /**
         * Jinja2's {@code finalize} with {@code pass_context}: the function also sees the render
         * (its variables through {@link CallContext#resolve}, its autoescape setting). Applied to
         * every printed value, constants included, before escaping.
         */
        public Builder finalize(BiFunction<CallContext, Object, Object> function) {
            this.finalize = new Finalize(Objects.requireNonNull(function, "function"), true);
            return this;
        }

        /** Jinja2's {@code block_start_string} and {@code block_end_string} ({@code {%} and {@code %}}). */
        public Builder blockDelimiters(String start, String end) {
            this.blockStart = Objects.requireNonNull(start, "start");
            this.blockEnd = Objects.requireNonNull(end, "end");
            return this;
        }

        /** Jinja2's {@code variable_start_string} and {@code variable_end_string} ({@code {{} and {@code }}}). */
        public Builder variableDelimiters(String start, String end) {
            this.variableStart = Objects.requireNonNull(start, "start");
            this.variableEnd = Objects.requireNonNull(end, "end");
            return this;
        }

        /** Jinja2's {@code comment_start_string} and {@code comment_end_string} ({@code {#} and {@code #}}). */
        public Builder commentDelimiters(String start, String end) {
            this.commentStart = Objects.requireNonNull(start, "start");
            this.commentEnd = Objects.requireNonNull(end, "end");
            return this;
        }

        /**
         * Jinja2's {@code line_statement_prefix}: a line that starts with it (after spaces and
         * tabs) is a block tag to the end of the line, e.g. {@code # for x in y}. Null for none
         * (the default).
         */
        public Builder lineStatementPrefix(String prefix) {
            this.lineStatementPrefix = prefix;
            return this;
        }

        /**
         * Jinja2's {@code line_comment_prefix}: from it to the end of the line is a comment
         * (the line break stays). Null for none (the default).
         */
        public Builder lineCommentPrefix(String prefix) {
            this.lineCommentPrefix = prefix;
            return this;
        }

        /**
         * Jinja2's {@code newline_sequence}: what line breaks of template text (and of string
         * literals) are written as: {@code "\n"} (default), {@code "\r\n"} or {@code "\r"}.
         *
         * @throws IllegalArgumentException for another string
         */
        public Builder newlineSequence(String sequence) {
            Objects.requireNonNull(sequence, "sequence");
            if (!sequence.equals("\n") && !sequence.equals("\r\n") && !sequence.equals("\r")) {
                throw new IllegalArgumentException("newline sequence must be \\n, \\r\\n or \\r");
            }
            this.newlineSequence = sequence;
            return this;
        }

        private Syntax syntax() {
            try {
                return new Syntax(blockStart, blockEnd, variableStart, variableEnd, commentStart, commentEnd,
                        lineStatementPrefix, lineCommentPrefix, newlineSequence);
            } catch (IllegalArgumentException e) {
                throw new KidaException("invalid syntax settings: " + e.getMessage()
                        + " (check the delimiter strings given to the Environment builder)", e);
            }
        }

        /** Where {@link Environment#getTemplate} finds templates. */
        public Builder loader(TemplateLoader loader) {
            this.loader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Autoescape every template (default) or none. */
        public Builder autoescape(boolean enabled) {
            this.autoescape = name -> enabled;
            return this;
        }

        /** Autoescape the templates whose name the predicate accepts (e.g. by extension). */
        public Builder autoescape(Predicate<String> byTemplateName) {
            this.autoescape = Objects.requireNonNull(byTemplateName, "byTemplateName");
            return this;
        }

        /** Drop the first newline after a block tag. */
        public Builder trimBlocks(boolean enabled) {
            this.trimBlocks = enabled;
            return this;
        }

        /** Strip whitespace before a block tag at the start of a line. */
        public Builder lstripBlocks(boolean enabled) {
            this.lstripBlocks = enabled;
            return this;
        }

        /** Keep the final newline of a template (Jinja2 drops it by default). */
        public Builder keepTrailingNewline(boolean enabled) {
            this.keepTrailingNewline = enabled;
            return this;
        }

        /**
         * Enables an extension of Jinja2's: {@code do} (the {@code do} tag), {@code loopcontrols}
         * ({@code break} and {@code continue}) or {@code i18n} (the {@code trans} tag and the
         * {@code _}, {@code gettext}, {@code ngettext}, {@code pgettext} and {@code npgettext}
         * globals, over {@link #translations} or, without them, the identity); the
         * {@code jinja2.ext.} prefix is accepted. Without it, those tags are syntax errors, as in
         * Jinja2.
         *
         * @throws IllegalArgumentException for another name
         */
        public Builder extension(String name) {
            String bare = Objects.requireNonNull(name, "name").replaceFirst("^jinja2\\.ext\\.", "");
            if (bare.equals("InternationalizationExtension")) {
                bare = LexerOptions.I18N;
            }
            if (!bare.equals(LexerOptions.DO) && !bare.equals(LexerOptions.LOOP_CONTROLS)
                    && !bare.equals(LexerOptions.I18N)) {
                throw new IllegalArgumentException("unknown extension: " + name
                        + "; the extensions are do, loopcontrols and i18n");
            }
            extensions.add(bare);
            return this;
        }

        /**
         * The message catalogues of the i18n extension (Jinja2's
         * {@code install_gettext_translations}); also enables the extension. Without them the
         * extension translates nothing ({@code install_null_translations}). See
         * {@link Catalogs} for .mo files and ResourceBundles.
         */
        public Builder translations(Translations translations) {
            this.translations = Objects.requireNonNull(translations, "translations");
            extensions.add(LexerOptions.I18N);
            return this;
        }

        /**
         * Jinja2's {@code newstyle} gettext: the gettext functions format their result with their
         * keyword arguments and mark it safe when autoescaping, and {@code trans} passes its
         * variables to them. Off by default, as in Jinja2.
         */
        public Builder newstyleGettext(boolean enabled) {
            this.newstyleGettext = enabled;
            return this;
        }

        private Set<String> tagExtensions() {
            Set<String> all = new LinkedHashSet<>(extensions);
            if (all.contains(LexerOptions.I18N) && newstyleGettext) {
                all.add(LexerOptions.I18N_NEWSTYLE);
            }
            return all;
        }

        /** The i18n globals when that extension is on, then the user's globals (which win). */
        private Map<String, Object> engineGlobals() {
            if (!extensions.contains(LexerOptions.I18N)) {
                return globals;
            }
            Map<String, Object> all = new LinkedHashMap<>(
                    GettextGlobals.of(translations == null ? Translations.none() : translations, newstyleGettext));
            all.putAll(globals);
            return all;
        }

        /** Adds a filter, replacing a built-in of the same name. */
        public Builder filter(String name, Filter filter) {
            filters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** Adds a test, replacing a built-in of the same name. */
        public Builder test(String name, Test test) {
            tests.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(test, "test"));
            return this;
        }

        /**
         * Adds a global variable visible to every template; a {@link GlobalFunction} value is
         * callable.
         */
        public Builder global(String name, Object value) {
            globals.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /**
         * Lets templates read the public types of your module without exporting its packages:
         * pass {@code MethodHandles.lookup()} called in any class of your module. It has the effect
         * of an {@code exports <package> to kida.engine;} line for every package of that module,
         * at once and for the whole engine (exports are per module, not per environment). Not
         * needed on the class path, nor for packages your module-info already exports.
         *
         * @throws IllegalArgumentException when the lookup lacks full privilege access (e.g.
         *         {@code MethodHandles.publicLookup()})
         */
        public Builder lookup(java.lang.invoke.MethodHandles.Lookup lookup) {
            ModuleAccess.grant(lookup);
            return this;
        }

        /**
         * Forces an escaper backend by name ({@code java}, {@code simd}, {@code ffi}). Without it,
         * the system property {@code kida.escaper} decides, else the best available backend.
         */
        public Builder escaper(String name) {
            this.escaper = name;
            return this;
        }

        /**
         * The most entries Kida's {@code {% cache %}} blocks keep in this environment's fragment
         * cache (default 1000; least recently used go first); 0 turns caching off, so every cache
         * block renders its body.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder fragmentCacheSize(int maxEntries) {
            if (maxEntries < 0) {
                throw new IllegalArgumentException("fragmentCacheSize must be >= 0 (0 disables the cache), got "
                        + maxEntries);
            }
            this.fragmentCacheSize = maxEntries;
            return this;
        }

        /**
         * The monotonic clock (nanoseconds, as {@link System#nanoTime()}) that times out cache
         * entries written with a {@code ttl}; for tests.
         */
        public Builder fragmentCacheClock(java.util.function.LongSupplier nanoClock) {
            this.fragmentClock = java.util.Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        /**
         * The environment.
         *
         * @throws dev.kida.api.KidaException when a forced escaper is unknown or unavailable
         */
        public Environment build() {
            return new Environment(this);
        }
    }
}
