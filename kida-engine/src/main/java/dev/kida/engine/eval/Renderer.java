package dev.kida.engine.eval;

import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.CompiledCode;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.Finalize;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.core.Evaluator;
import dev.kida.engine.render.Frame;
import dev.kida.engine.render.RenderState;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.CallContext;
import dev.kida.api.HtmlSafe;
import dev.kida.api.KidaException;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.analysis.BlockIndex;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.output.Output;
import dev.kida.engine.output.StringOutput;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.runtime.NameRegistry;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.UnknownCallable;
import dev.kida.engine.runtime.Values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One render: the output buffer, the current template and autoescape state, and the services
 * filters and functions see through {@link CallContext}. Not thread-safe: a render runs on one
 * thread, and every render gets its own Renderer.
 *
 * <p>Its state is the evaluator's own (package-private fields): compiled code reads and switches
 * it through {@link RenderState}'s accessors, which this class implements, and asks for the
 * evaluator's objects through {@link CompiledCalls}. The engine hub starts it through
 * {@link Evaluator.Rendering}.
 */
public final class Renderer implements RenderState, NameRegistry, Evaluator.Rendering {
    final Engine engine;
    final StatementExecutor statements;
    final ExpressionEvaluator expressions;
    /** The environment's escaper. */
    final dev.kida.api.escape.Escaper escaper;
    private final Frame globals;

    /** Where output goes now; swapped while a body is captured. */
    Output out;
    boolean autoescape;
    /** The template whose code is running: errors are located in it. */
    PreparedTemplate unit;
    /** The inheritance chain being rendered: its blocks and pending parent. */
    InheritanceChain run;
    /**
     * Set once the top-level code of a template has run {@code extends}: from then on its text and
     * {@code {{ }}} output are skipped, not even evaluated, as Jinja2 does. Output of call blocks
     * and includes still goes through, as in Jinja2.
     */
    boolean discarding;
    /**
     * How many imports ({@code import}, {@code from ... import}) are running their template: such
     * a run's root frame becomes the module, so every def binds there, even one the compiler
     * proved no render of the template can see ({@code ScopeFacts.unobservedDef}).
     */
    int importing;
    /** Compiled code's error position: an index into the running compiled body's position table ({@link #blame}). */
    private int blamed;
    /** How many def calls printing in place ({@link #runDirect}) are running: no flush boundary inside them. */
    private int inPlaceCalls;
    /** The innermost frame, for {@link #resolve}. */
    Frame frame;
    private int depth;
    // Allocation per render is part of the page's cost (a small page allocates less than 1 KB
    // beside its output): the state only some templates use is made at its first use.
    /** Values of {@code provide}, by key, innermost last; null until the first provide. */
    private Map<String, java.util.ArrayList<Object>> provided;
    /** What {@code push} wrote to each named stack, in render order; null until the first push. */
    private Map<String, StringBuilder> stacks;
    /**
     * The render's own output and where its text goes at each {@code flush} when streaming (null
     * when not streaming): text captured for a def, block value or filter is not flushed.
     */
    private Output streamRoot;
    private java.util.function.Consumer<Output> flushSink;
    /** An embed's blocks, for the next run started (the embedded template's), taken by {@link #runTemplate}. */
    private List<BlockDef> pendingEmbeds = List.of();
    /** Buffers of finished captures, reused by later ones (see {@link #captureBuffer}); null until the first. */
    private java.util.ArrayDeque<StringOutput> spareCaptures;
    private static final int MAX_SPARE_CAPTURES = 4;
    private static final int MAX_SPARE_CAPTURE = 64 * 1024;
    /** Block replacements for the next run started (the entry's), taken by {@link #runTemplate}. */
    private Map<String, String> pendingOverrides = Map.of();
    /** What this render may still consume: limits, counters, deadline. */
    final Budget budget;

    /**
     * The Renderer behind a {@link RenderState}. Compiled code only ever runs inside this
     * evaluator's renders (the Renderer is the one implementation), so the cast cannot fail.
     */
    static Renderer of(RenderState state) {
        return (Renderer) state;
    }

    Renderer(Engine engine, Output out, Budget budget) {
        this.engine = engine;
        this.budget = budget;
        this.out = out;
        this.escaper = engine.escaper();
        this.globals = Frame.over(engine.globals(), null);
        this.statements = new StatementExecutor(this);
        this.expressions = new ExpressionEvaluator(this);
    }

    @Override
    public java.util.Set<String> render(PreparedTemplate entry, Map<String, ?> context, Map<String, String> overrides) {
        InheritanceChain chain = renderRoot(entry, context, overrides);
        // only block overrides are checked against the names: a plain render makes no key view
        return overrides.isEmpty() ? java.util.Set.of() : chain.blocks.keySet();
    }

    @Override
    public void renderBlock(PreparedTemplate entry, String name, Map<String, ?> context) {
        renderBlockRoot(entry, name, context);
    }

    /**
     * Renders the entry template with the user's context, with the blocks named in
     * {@code overrides} replaced by the given trusted text; returns the run, whose blocks tell
     * which names existed.
     */
    InheritanceChain renderRoot(PreparedTemplate entry, Map<String, ?> context, Map<String, String> overrides) {
        Frame contextFrame = Frame.over(context, globals);
        pendingOverrides = overrides;
        return runTemplate(entry, Frame.templateRoot(contextFrame));
    }

    /**
     * Renders one block, fragment or region of {@code entry} (the most-derived definition along
     * its inheritance chain) after running the setup statements of every template of the chain.
     */
    void renderBlockRoot(PreparedTemplate entry, String name, Map<String, ?> context) {
        Frame root = Frame.templateRoot(Frame.over(context, globals));
        InheritanceChain started = new InheritanceChain(entry.name(), root);
        run = started;
        run.addBlocks(entry);
        Output target = out;
        out = new StringOutput();
        enter();
        try {
            PreparedTemplate current = entry;
            while (current != null) {
                unit = current;
                autoescape = current.autoescape();
                run.parent = null;
                discarding = false;
                statements.setup(current.node().body(), root);
                current = run.parent;
                if (current != null) {
                    run.addBlocks(current);
                }
            }
            List<BlockDef> chain = run.blocks.get(name);
            if (chain == null) {
                throw BlockIndex.noSuchBlock(name, entry.name());
            }
            out = target;
            discarding = false;
            unit = entry;
            autoescape = entry.autoescape();
            statements.renderBlockAt(chain, 0, root, true);
        } finally {
            leave();
            out = target;
        }
    }

    /** {@code self} as the evaluator resolves it when no variable of that name exists, or null. */
    @Override
    public Object self(Frame f) {
        return run == null ? null : new SelfReference(statements, run, f);
    }

    /** Frame with only the globals: for imports and includes "without context". */
    Frame globalsFrame() {
        return globals;
    }

    /**
     * Runs a template and the templates it extends, in {@code root} (which collects the
     * template-level variables).
     */
    InheritanceChain runTemplate(PreparedTemplate template, Frame root) {
        InheritanceChain saved = run;
        PreparedTemplate savedUnit = unit;
        boolean savedEscape = autoescape;
        boolean savedDiscarding = discarding;
        enter();
        try {
            return onEnoughStack(() -> runChain(template, root));
        } finally {
            leave();
            run = saved;
            unit = savedUnit;
            autoescape = savedEscape;
            discarding = savedDiscarding;
        }
    }

    private InheritanceChain runChain(PreparedTemplate template, Frame root) {
        {
            InheritanceChain started = new InheritanceChain(template.name(), root);
            started.overrides = pendingOverrides;
            pendingOverrides = Map.of();
            run = started;
            for (BlockDef embedded : pendingEmbeds) {
                run.blocks.computeIfAbsent(embedded.block().name(), k -> new java.util.ArrayList<>()).add(embedded);
            }
            pendingEmbeds = List.of();
            run.addBlocks(template);
            PreparedTemplate current = template;
            while (current != null) {
                unit = current;
                autoescape = current.autoescape();
                run.parent = null;
                discarding = false;
                Output savedOut = out;
                current.compilation().noteRun(engine, current);
                try {
                    Compiled code = current.compilation().compiled();
                    if (code != null) {
                        code.code().run(Compiled.MAIN, this, root);
                    } else {
                        statements.execBody(current.node().body(), root);
                    }
                } finally {
                    out = savedOut;
                }
                current = run.parent;
                if (current != null) {
                    run.addBlocks(current);
                }
            }
            return started;
        }
    }

    /**
     * Renders {@code body} into a fresh buffer and returns what it wrote. A macro, block or set
     * body writes even after {@code extends}.
     */
    String capture(List<Stmt> body, Frame f) {
        return capture(body, f, false);
    }

    /**
     * How the body of the last {@link #captureInline} was left when it returned null: the
     * {@link StatementExecutor#BREAK} or {@link StatementExecutor#CONTINUE} of the enclosing loop.
     */
    int abandonedBy;

    /**
     * Captures the body of a block that stands inline in the template's flow (a block {@code set},
     * {@code filter}, {@code capture}, {@code spaceless}, {@code cache}, {@code push}): as
     * {@link #capture(List, Frame, boolean)}, except that a {@code break} or {@code continue} of an
     * enclosing loop abandons the block, because Jinja2 and Kida run these bodies inside the loop,
     * not as functions of their own: what the body rendered is dropped, null is returned and the
     * signal is left in {@link #abandonedBy} for the caller to hand on (the block then neither
     * assigns nor prints nor stores anything). Compiled code follows the same rule
     * ({@code JumpTarget.Abandon}).
     */
    String captureInline(List<Stmt> body, Frame f, boolean keepDiscarding) {
        return capture(body, f, keepDiscarding, true);
    }

    /** As {@link #capture(List, Frame)}; {@code keepDiscarding} leaves output after extends skipped. */
    String capture(List<Stmt> body, Frame f, boolean keepDiscarding) {
        return capture(body, f, keepDiscarding, false);
    }

    /** {@code inline}: a loop's break or continue abandons the body ({@link #captureInline}). */
    private String capture(List<Stmt> body, Frame f, boolean keepDiscarding, boolean inline) {
        Output saved = out;
        boolean savedDiscarding = discarding;
        StringOutput buffer = captureBuffer();
        out = buffer;
        discarding = keepDiscarding && discarding;
        try {
            int signal = statements.execBody(body, f);
            if (inline && signal != StatementExecutor.NORMAL) {
                abandonedBy = signal;
                return null;
            }
            return buffer.toString();
        } finally {
            out = saved;
            discarding = savedDiscarding;
            releaseCaptureBuffer(buffer);
        }
    }

    /** Runs compiled body {@code id} into a fresh buffer and returns what it wrote. */
    String capture(Compiled code, int id, Frame f) {
        Output saved = out;
        boolean savedDiscarding = discarding;
        StringOutput buffer = captureBuffer();
        out = buffer;
        discarding = false;
        try {
            code.code().run(id, this, f);
            return buffer.toString();
        } finally {
            out = saved;
            discarding = savedDiscarding;
            releaseCaptureBuffer(buffer);
        }
    }

    /**
     * A buffer for a capture (a macro or def call, a block set): one a finished capture of this
     * render left, else a new one. A page that calls a def per row captures one row after another,
     * so one grown buffer serves them all instead of each call growing its own.
     */
    private StringOutput captureBuffer() {
        StringOutput spare = spareCaptures == null ? null : spareCaptures.poll();
        return spare != null ? spare : new StringOutput();
    }

    /** Keeps a finished capture's buffer for the next one (small ones, a few at a time). */
    private void releaseCaptureBuffer(StringOutput buffer) {
        if (spareCaptures == null) {
            spareCaptures = new java.util.ArrayDeque<>(MAX_SPARE_CAPTURES);
        }
        if (buffer.capacity() <= MAX_SPARE_CAPTURE && spareCaptures.size() < MAX_SPARE_CAPTURES) {
            buffer.clear();
            spareCaptures.push(buffer);
        }
    }

    /** Streams the render: at each {@code flush}, {@code sink} takes (and empties) the output so far. */
    @Override
    public void streamTo(java.util.function.Consumer<Output> sink) {
        streamRoot = out;
        flushSink = sink;
    }

    /** The blocks an {@code embed} overrides, for the template it is about to run. */
    void embedOverrides(List<BlockDef> overrides) {
        pendingEmbeds = overrides;
    }

    /** Makes {@code value} the innermost provided value of {@code key}, until {@link #unprovide}. */
    @Override
    public void provide(String key, Object value) {
        if (provided == null) {
            provided = new HashMap<>();
        }
        provided.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
    }

    /** Restores the value of {@code key} that the matching {@link #provide} shadowed. */
    @Override
    public void unprovide(String key) {
        java.util.ArrayList<Object> values = provided.get(key);
        values.removeLast();
    }

    /** The innermost value provided under {@code key}, or {@code fallback}. */
    Object provided(String key, Object fallback) {
        java.util.ArrayList<Object> values = provided == null ? null : provided.get(key);
        return values == null || values.isEmpty() ? fallback : values.getLast();
    }

    /** Appends rendered text to the named stack. */
    void push(String stack, String text) {
        if (stacks == null) {
            stacks = new HashMap<>();
        }
        stacks.computeIfAbsent(stack, k -> new StringBuilder()).append(text);
    }

    /** Everything pushed to the named stack so far ({@code ""} for an unknown stack). */
    String stack(String stack) {
        StringBuilder text = stacks == null ? null : stacks.get(stack);
        return text == null ? "" : text.toString();
    }

    /** Captured output as a value: Markup under autoescape, else a plain string. */
    @Override
    public Object captured(String text) {
        return autoescape ? Markup.of(text) : text;
    }

    /**
     * One level deeper (a macro call, include, block or recursive loop): counted against the
     * recursion limit, and a step of the budget (time, cancellation, output).
     */
    public void enter() {
        checkDepth();
        depth++;
        step();
    }

    /** Whether {@link #enter} would pass its depth check now. */
    boolean belowDepthLimit() {
        return depth < budget.maxDepth;
    }

    private void checkDepth() {
        if (depth >= budget.maxDepth) {
            throw new TemplateRuntimeException(RuntimeErrorKind.RECURSION_ERROR,
                    "maximum recursion depth exceeded (" + budget.maxDepth
                    + " nested macro calls, includes, blocks or recursive loops; Limits.maxRecursionDepth)");
        }
    }

    /**
     * {@link #enter} for a level whose body cannot observe the depth (it enters no level itself):
     * the limit is checked and the step counted, the depth is left as it is (no {@link #leave}).
     */
    void enterUncounted() {
        checkDepth();
        step();
    }

    /** {@link #enter} where the depth is known to be below the limit. */
    void enterChecked() {
        depth++;
        step();
    }

    /** Levels of nesting run on one thread's stack before the next level moves to a fresh one. */
    private static final int LEVELS_PER_STACK = 8;
    /** The stack of such a thread: far more than {@link #LEVELS_PER_STACK} levels ever use. */
    private static final long STACK_BYTES = 16L << 20;

    /**
     * Runs the body of a nesting level. Every {@link #LEVELS_PER_STACK} levels it runs on a fresh
     * thread with a known large stack while this one waits, so the recursion limit is the counted
     * {@link Budget#maxDepth}, whatever the caller's stack size or the JIT's frame sizes: a render
     * never gets near a {@link StackOverflowError}. The render stays single-threaded (one thread
     * runs at a time; start and join order their memory effects), and an interrupt of the waiting
     * thread is passed on, so cancellation still works. Called right after {@link #enter}.
     */
    <T> T onEnoughStack(java.util.function.Supplier<T> body) {
        if (depth % LEVELS_PER_STACK != 0) {
            return body.get();
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Budget b = budget;
        // the render's per-thread settings travel with it to the new stack
        dev.kida.api.UndefinedKind kind = Undefined.currentKind();
        Thread worker = new Thread(null, () -> {
            Budget previous = Budget.install(b);
            dev.kida.api.UndefinedKind previousKind = Undefined.using(kind);
            try {
                result[0] = body.get();
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                Undefined.restore(previousKind);
                Budget.restore(previous);
            }
        }, "kida-render-depth-" + depth, STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                worker.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /**
     * Runs a macro's or def's body as Jinja2 runs a macro: in the render state of the template that
     * defined it (its unit and autoescape setting, and its inheritance run when this render owns
     * it, so {@code self} names that template), one nesting level deeper, on a stack deep enough
     * for it. Returns the body's text; the caller decides whether it is safe markup.
     */
    /**
     * Evaluates {@code e} as an expression of {@code template} (a macro's or def's defining
     * template, which may not be the one rendering): its errors are located there.
     */
    Object evalInTemplate(PreparedTemplate template, dev.kida.engine.ast.Expr e, Frame frame) {
        PreparedTemplate saved = unit;
        unit = template;
        try {
            return expressions.eval(e, frame);
        } finally {
            unit = saved;
        }
    }

    String runInDefiningTemplate(PreparedTemplate unit, InheritanceChain run, Renderer owner, boolean autoescape, Compiled code, int bodyId,
                                 List<Stmt> body, Frame frame) {
        PreparedTemplate savedUnit = this.unit;
        InheritanceChain savedRun = this.run;
        boolean savedEscape = this.autoescape;
        this.unit = unit;
        if (this == owner && run != null) {
            this.run = run;
        }
        this.autoescape = autoescape;
        enter();
        try {
            return onEnoughStack(() -> code != null ? capture(code, bodyId, frame) : capture(body, frame));
        } finally {
            leave();
            this.unit = savedUnit;
            this.run = savedRun;
            this.autoescape = savedEscape;
        }
    }

    /**
     * As {@link #runInDefiningTemplate(PreparedTemplate, InheritanceChain, Renderer, boolean, Compiled, int, List, Frame)}, for
     * a compiled def body that takes its parameter values as an array ({@link CompiledCode#call}).
     */
    String runInDefiningTemplate(PreparedTemplate unit, InheritanceChain run, Renderer owner, boolean autoescape, Compiled code, int bodyId,
                                 Object[] values, Frame closure) {
        Output saved = out;
        boolean savedDiscarding = discarding;
        StringOutput buffer = captureBuffer();
        out = buffer;
        discarding = false;
        try {
            runDirect(unit, run, owner, autoescape, code, bodyId, values, closure);
            return buffer.toString();
        } finally {
            out = saved;
            discarding = savedDiscarding;
            releaseCaptureBuffer(buffer);
        }
    }

    /**
     * Runs a compiled def body (parameters as an array) writing to the current output: for a call
     * printed in place, whose Markup result would print as exactly that text. A {@code flush} in
     * the body is not a streaming boundary, as for a captured call.
     */
    void runDirect(PreparedTemplate unit, InheritanceChain run, Renderer owner, boolean autoescape, Compiled code, int bodyId,
                   Object[] values, Frame closure) {
        PreparedTemplate savedUnit = this.unit;
        InheritanceChain savedRun = this.run;
        boolean savedEscape = this.autoescape;
        this.unit = unit;
        if (this == owner && run != null) {
            this.run = run;
        }
        this.autoescape = autoescape;
        enter();
        inPlaceCalls++;
        try {
            if (depth % LEVELS_PER_STACK != 0) {
                code.code().call(bodyId, this, closure, values);
            } else {
                onEnoughStack(() -> {
                    code.code().call(bodyId, this, closure, values);
                    return null;
                });
            }
        } finally {
            inPlaceCalls--;
            leave();
            this.unit = savedUnit;
            this.run = savedRun;
            this.autoescape = savedEscape;
        }
    }

    /** Whether the next nesting level runs on this thread's stack (see {@link #onEnoughStack}). */
    boolean staysOnStack() {
        return (depth + 1) % LEVELS_PER_STACK != 0;
    }

    /** A def call printing in place starts: a {@code flush} in it is no streaming boundary. */
    void enterInPlace() {
        inPlaceCalls++;
    }

    /** A def call printing in place ends. */
    void leaveInPlace() {
        inPlaceCalls--;
    }

    /** The current nesting depth (see {@link #enter}). */
    public int depth() {
        return depth;
    }

    /** One loop iteration: counted, with the deadline, cancellation and output checks. */
    @Override
    public void step() {
        budget.step(out.written());
    }

    /** {@link Budget#stepTwice}: a loop iteration's step and that of the call it starts with. */
    boolean stepTwice() {
        return budget.stepTwice(out.written());
    }

    public void leave() {
        depth--;
    }

    /**
     * Kida's {@code {% flush %}}: a streaming boundary. When streaming and writing the render's own
     * output (not a capture: a def's result, a filtered or try body), hands what was rendered so
     * far to the stream; otherwise nothing happens.
     */
    @Override
    public void flush() {
        if (flushSink != null && out == streamRoot && !discarding && inPlaceCalls == 0) {
            // checked before the chunk leaves: nothing past the output limit reaches the stream
            budget.output(out.written());
            flushSink.accept(out);
        }
    }

    /** Writes a value as {@code {{ }}} does. */
    @Override
    public void print(Object value) {
        out.print(value, autoescape, escaper);
    }

    /**
     * Prints the value of a {@code {{ }}} through the environment's finalize function (when it has
     * one), Jinja2's way: a constant expression is escaped (when autoescaping), then finalized and
     * printed as its {@code str()}, unless the function takes the render; any other value is
     * finalized, then escaped.
     *
     * @param constant whether the expression is one Jinja2 folds ({@link ConstantExpr})
     */
    @Override
    public void printFinalized(Object value, boolean constant) {
        Finalize fin = engine.finalizer();
        if (fin == null) {
            print(value);
        } else if (constant && !fin.contextual()) {
            Object v = autoescape ? escape(value) : value;
            out.append(Values.str(fin.function().apply(this, v)));
        } else if (fin.contextual() && frame == null && run != null) {
            // Jinja2's pass_context sees the template's context: resolve from its root
            frame = run.root;
            try {
                print(fin.function().apply(this, value));
            } finally {
                frame = null;
            }
        } else {
            print(fin.function().apply(this, value));
        }
    }

    @Override
    public KidaException locate(KidaException e, Pos pos) {
        return unit == null ? e : unit.locate(e, pos);
    }

    /** Turns an unexpected Java exception from a filter or accessor into a located template error. */
    @Override
    public KidaException wrap(RuntimeException e, Pos pos) {
        if (e instanceof KidaException k) {
            return locate(k, pos);
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return locate(new TemplateRuntimeException(what, e), pos);
    }

    // ---- RenderState: what compiled code reads and writes ------------------------------------

    @Override
    public void blame(int index) {
        blamed = index;
    }

    @Override
    public int blamed() {
        return blamed;
    }

    /** The running compiled template's data ({@link RenderState#data()}). */
    private Object[] data;

    @Override
    public Object[] data() {
        return data;
    }

    @Override
    public void data(Object[] data) {
        this.data = data;
    }

    @Override
    public Output out() {
        return out;
    }

    @Override
    public void out(Output target) {
        out = target;
    }

    @Override
    public void autoescape(boolean on) {
        autoescape = on;
    }

    @Override
    public boolean discarding() {
        return discarding;
    }

    @Override
    public void discarding(boolean on) {
        discarding = on;
    }

    @Override
    public dev.kida.api.escape.Escaper escaper() {
        return escaper;
    }

    @Override
    public Frame frame() {
        return frame;
    }

    @Override
    public void frame(Frame f) {
        frame = f;
    }

    @Override
    public int delegate(Stmt s, Frame f) {
        return statements.exec(s, f);
    }

    @Override
    public void block(Stmt.Block b, Frame f) {
        if (unit.rendersInPlace(b, run.parent != null)) {
            statements.renderBlock(b, f);
        }
    }

    // ---- CallContext -------------------------------------------------------------------------

    @Override
    public boolean autoescape() {
        return autoescape;
    }

    @Override
    public Markup escape(Object value) {
        if (value instanceof HtmlSafe safe) {
            return value instanceof Markup m ? m : Markup.of(safe.toHtml());
        }
        return Markup.of(engine.escaper().escape(Values.str(value)));
    }

    @Override
    public String str(Object value) {
        return Values.str(value);
    }

    @Override
    public boolean truthy(Object value) {
        return Values.truthy(value);
    }

    @Override
    public Object attribute(Object obj, String name) {
        if (obj instanceof Undefined u) {
            return u.member();
        }
        return Values.getAttr(obj, name);
    }

    @Override
    public Object item(Object obj, Object key) {
        if (obj instanceof Undefined u) {
            return u.member();
        }
        return Values.getItem(obj, key);
    }

    @Override
    public Object filter(String name, Object value, List<Object> args, Map<String, Object> keywords) {
        var f = engine.filter(name);
        if (f == null) {
            throw UnknownCallable.filterByName(name);
        }
        return f.apply(this, value, new Args(args, keywords));
    }

    @Override
    public boolean test(String name, Object value, List<Object> args, Map<String, Object> keywords) {
        var t = engine.test(name);
        if (t == null) {
            throw UnknownCallable.testByName(name);
        }
        return t.test(this, value, new Args(args, keywords));
    }

    @Override
    public boolean hasFilter(String name) {
        return engine.filter(name) != null;
    }

    @Override
    public boolean hasTest(String name) {
        return engine.test(name) != null;
    }

    @Override
    public boolean isUndefined(Object value) {
        return value instanceof Undefined;
    }

    @Override
    public Object resolve(String name) {
        return frame == null ? globals.lookup(name) : frame.lookup(name);
    }

    /** A block as one template defines it. */
    public record BlockDef(Stmt.Block block, PreparedTemplate unit) {}

    static TemplateSyntaxException syntax(String message) {
        return new TemplateSyntaxException(message);
    }
}
