package dev.kida.compiler;

import dev.kida.api.Filter;
import dev.kida.api.Test;
import dev.kida.api.escape.Escaper;
import dev.kida.engine.analysis.Traversal;
import dev.kida.engine.analysis.ScopeFacts;
import dev.kida.engine.analysis.Names;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import dev.kida.engine.eval.Compiled;
import dev.kida.engine.eval.ConstantExpr;
import dev.kida.engine.eval.Frame;
import dev.kida.engine.eval.LoopContext;
import dev.kida.engine.eval.Renderer;
import dev.kida.engine.output.Output;
import dev.kida.engine.output.StringOutput;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.kida.KidaOps;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.constantpool.InvokeDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicCallSiteDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * Generates the code of one body. Mirrors the evaluator statement by statement: same evaluation
 * order, same scopes, same runtime calls. Variables of scopes that nothing can capture live in
 * JVM locals; the others live in {@link Frame}s exactly where the evaluator keeps them. Before
 * each operation that can raise, the index of the node the evaluator would blame is stored in a
 * local, which the method's one exception handler uses to locate the error.
 */
final class BodyCompiler {
    private static final int R = 0;
    private static final int F = 1;
    /** The parameter values of a def body compiled with its parameters in locals. */
    private static final int VALUES = 2;
    private static final Object NOT_CONST = new Object();

    private static final ClassDesc CD_HELPERS = cd(CompiledHelpers.class);
    private static final ClassDesc CD_VALUES = cd(Values.class);
    private static final ClassDesc CD_RENDERER = cd(Renderer.class);
    private static final ClassDesc CD_FRAME = cd(Frame.class);
    private static final ClassDesc CD_OUTPUT = cd(Output.class);
    private static final ClassDesc CD_ESCAPER = cd(Escaper.class);
    private static final ClassDesc CD_LIST = cd(List.class);
    private static final ClassDesc CD_ARGS = cd(Args.class);
    private static final ClassDesc CD_FILTER = cd(Filter.class);
    private static final ClassDesc CD_TEST = cd(Test.class);
    private static final ClassDesc CD_LOOP = cd(LoopContext.class);
    private static final ClassDesc CD_OBJECTS = CD_Object.arrayType();
    private static final ClassDesc CD_LONG = cd(Long.class);
    private static final ClassDesc CD_BOOLEAN = cd(Boolean.class);
    private static final ClassDesc CD_KIDA = cd(KidaOps.class);
    private static final ClassDesc CD_UNDEFINED = cd(Undefined.class);
    private static final DirectMethodHandleDesc ATTR_BSM = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, cd(AttributeSite.class), "bootstrap",
            MethodTypeDesc.of(ConstantDescs.CD_CallSite, ConstantDescs.CD_MethodHandles_Lookup, CD_String,
                    ConstantDescs.CD_MethodType, CD_String));

    private static final MethodTypeDesc MTD_APPEND_STATIC = MethodTypeDesc.of(CD_void, CD_String, cd(byte[].class));
    private static final MethodTypeDesc MTD_APPEND = MethodTypeDesc.of(CD_void, CD_String);
    private static final MethodTypeDesc MTD_PRINT_ESCAPED = MethodTypeDesc.of(CD_void, CD_Object, CD_ESCAPER);
    private static final ClassDesc CD_PRIMITIVE_SITE = cd(FusedAttributeSite.class);
    private static final DirectMethodHandleDesc PRINT_ATTR_BSM = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, CD_PRIMITIVE_SITE, "bootstrapPrint",
            MethodTypeDesc.of(ConstantDescs.CD_CallSite, ConstantDescs.CD_MethodHandles_Lookup, CD_String,
                    ConstantDescs.CD_MethodType, CD_String, CD_String));
    private static final DirectMethodHandleDesc COMPARE_ATTR_BSM = MethodHandleDesc.ofMethod(
            DirectMethodHandleDesc.Kind.STATIC, CD_PRIMITIVE_SITE, "bootstrapCompare",
            MethodTypeDesc.of(ConstantDescs.CD_CallSite, ConstantDescs.CD_MethodHandles_Lookup, CD_String,
                    ConstantDescs.CD_MethodType, CD_String, CD_String, CD_Object));

    private final TemplateCompiler tc;
    private final CodeBuilder cb;
    private final TemplateCompiler.BodySpec spec;
    private final ArrayDeque<Scope> scopes = new ArrayDeque<>();
    private final ArrayDeque<JumpTarget> controls = new ArrayDeque<>();
    /** The end of each optional chain being generated, innermost first (see {@link #skipChainIfAbsent}). */
    private final ArrayDeque<Label> chainEnds = new ArrayDeque<>();
    private final StringBuilder pendingText = new StringBuilder();
    private int posSlot;
    private Pos enclosing = Pos.NONE;
    /** The autoescape state where code is being generated, when known statically; null when not. */
    private Boolean escape;

    /** A variable scope: JVM locals (name to slot) or a Frame held in a local. */
    private static final class Scope {
        final boolean local;
        final int frameSlot;
        final Map<String, Integer> slots = new HashMap<>();
        final Set<String> definite = new HashSet<>();
        boolean fastLoop;
        int indexSlot;
        int sizeSlot;

        Scope(boolean local, int frameSlot) {
            this.local = local;
            this.frameSlot = frameSlot;
        }
    }

    /** Where break and continue go. */
    private sealed interface JumpTarget {
        record Loop(Label breakTo, Label continueTo) implements JumpTarget {}

        /** End of a captured body or of the method: break and continue both stop the body. */
        record Stop(Label end) implements JumpTarget {}

        /** Leaving an autoescape block restores the saved setting. */
        record Escape(int savedSlot) implements JumpTarget {}

        /** Leaving a provide block withdraws its value. */
        record Unprovide(String key) implements JumpTarget {}

        /** Leaving a try body keeps what it rendered so far (in the buffer held in {@code savedSlot}'s render). */
        record EndTry(int savedSlot) implements JumpTarget {}
    }

    BodyCompiler(TemplateCompiler tc, CodeBuilder cb, TemplateCompiler.BodySpec spec) {
        this.tc = tc;
        this.cb = cb;
        this.spec = spec;
        this.escape = spec.autoescape();
    }

    void compile() {
        posSlot = cb.allocateLocal(TypeKind.INT);
        cb.iconst_0().istore(posSlot);
        Label start = cb.newLabel();
        Label ret = cb.newLabel();
        Label handler = cb.newLabel();
        cb.labelBinding(start);
        scopes.push(new Scope(false, F));
        if (spec.params() != null) {
            // a def body whose parameters live in JVM locals, read from the values array; F is the
            // def's closure, where every other name is looked up at call time
            Scope params = new Scope(true, -1);
            declare(params, new LinkedHashSet<>(spec.params()), Names.setNames(spec.body()));
            for (int k = 0; k < spec.params().size(); k++) {
                cb.aload(VALUES).loadConstant(k).aaload().astore(params.slots.get(spec.params().get(k)));
            }
            scopes.push(params);
        }
        controls.push(new JumpTarget.Stop(ret));
        stmts(spec.body());
        flushText();
        cb.labelBinding(ret);
        cb.return_();
        cb.labelBinding(handler);
        cb.exceptionCatchAll(start, handler, handler);
        int exc = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(exc).aload(R).aload(exc).ldc(pooled(tc.positionTable())).iload(posSlot).aaload()
                .invokestatic(CD_HELPERS, "fail", MethodTypeDesc.of(cd(Throwable.class), CD_RENDERER,
                        cd(Throwable.class), cd(Pos.class)))
                .athrow();
    }

    // ---- pool entries -----------------------------------------------------------------------

    private LoadableConstantEntry pooled(DynamicConstantDesc<?> constant) {
        return (LoadableConstantEntry) tc.entry(cb.constantPool(), constant);
    }

    private InvokeDynamicEntry pooled(DynamicCallSiteDesc site) {
        return (InvokeDynamicEntry) tc.entry(cb.constantPool(), site);
    }

    // ---- positions --------------------------------------------------------------------------

    private Pos at(Node n) {
        return n.pos().line() > 0 ? n.pos() : enclosing;
    }

    private void setPos() {
        setPos(enclosing);
    }

    private void setPos(Pos p) {
        cb.loadConstant(tc.position(p)).istore(posSlot);
    }

    // ---- statements -------------------------------------------------------------------------

    private void stmts(List<Stmt> body) {
        for (Stmt s : body) {
            stmt(s);
        }
    }

    private void flushText() {
        if (pendingText.isEmpty()) {
            return;
        }
        String text = pendingText.toString();
        pendingText.setLength(0);
        Label skip = skipIfDiscarding();
        cb.aload(R).getfield(CD_RENDERER, "out", CD_OUTPUT);
        string(text);
        if (hasSurrogate(text)) {
            // appendStatic's outputs take text whose UTF-8 is as long as the text for ASCII
            // (StringOutput copies it as Latin-1 bytes then); a lone surrogate would encode as
            // one '?' and pass for ASCII, so text with surrogates is appended as a String.
            cb.invokevirtual(CD_OUTPUT, "append", MTD_APPEND);
        } else {
            cb.ldc(pooled(tc.constant(text.getBytes(StandardCharsets.UTF_8), cd(byte[].class))))
                    .invokevirtual(CD_OUTPUT, "appendStatic", MTD_APPEND_STATIC);
        }
        endSkip(skip);
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * In a template that extends another, text and prints after the {@code extends} are skipped
     * (not even evaluated), as the evaluator does: jumps over the code when the renderer discards.
     */
    private Label skipIfDiscarding() {
        if (!tc.hasExtends) {
            return null;
        }
        Label skip = cb.newLabel();
        cb.aload(R).getfield(CD_RENDERER, "discarding", CD_boolean).ifne(skip);
        return skip;
    }

    private void endSkip(Label skip) {
        if (skip != null) {
            cb.labelBinding(skip);
        }
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.Text t) {
            pendingText.append(t.text());
            return;
        }
        if (s instanceof Stmt.Print p && foldPrint(p)) {
            return;
        }
        flushText();
        Pos saved = enclosing;
        enclosing = at(s);
        if (TemplateCompiler.isDelegated(s)) {
            setPos();
            cb.aload(R).ldc(pooled(tc.constant(s, cd(Stmt.class)))).aload(frame());
            // Any delegated block may hold a break or continue of the loop around it (a provide,
            // push or autoescape body inside a for): the evaluator reports how control left it.
            // Where none can cross (an include, a call body), the signal is simply 0.
            if (hasLoopControl(s)) {
                delegateWithSignal();
            } else {
                cb.invokestatic(CD_HELPERS, "delegate", MethodTypeDesc.of(CD_void, CD_RENDERER, cd(Stmt.class), CD_FRAME));
            }
            enclosing = saved;
            return;
        }
        switch (s) {
            case Stmt.Print p -> print(p);
            case Stmt.If i -> ifStmt(i);
            case Stmt.For f -> forStmt(f);
            case Stmt.Set st -> {
                expr(st.value());
                setPos();
                assign(st.target(), scopes.peek());
            }
            case Stmt.SetBlock sb -> {
                capture(sb.body());
                for (Expr.Filter fl : sb.filters()) {
                    applyFilter(fl);
                }
                setPos();
                assign(sb.target(), scopes.peek());
            }
            case Stmt.With w -> with(w);
            case Stmt.Macro m -> {
                int id = tc.addBody(m.body(), escape);
                setPos();
                cb.aload(R).ldc(pooled(tc.constant(m, cd(Stmt.Macro.class)))).aload(frame());
                loadEscape();
                cb.ldc(pooled(tc.holder())).loadConstant(id).invokestatic(CD_HELPERS, "macro", MethodTypeDesc.of(CD_void,
                        CD_RENDERER, cd(Stmt.Macro.class), CD_FRAME, CD_boolean, cd(Compiled[].class), CD_int));
            }
            case Stmt.Def d -> {
                boolean locals = TemplateCompiler.paramsInLocals(d);
                int id = tc.defBody(d, escape, locals);
                setPos();
                cb.aload(R).ldc(pooled(tc.constant(d, cd(Stmt.Def.class)))).aload(frame())
                        .ldc(pooled(tc.holder())).loadConstant(id).loadConstant(locals ? 1 : 0)
                        .invokestatic(CD_HELPERS, "def", MethodTypeDesc.of(CD_void,
                                CD_RENDERER, cd(Stmt.Def.class), CD_FRAME, cd(Compiled[].class), CD_int, CD_boolean));
            }
            case Stmt.FilterBlock fb -> {
                capture(fb.body());
                for (Expr.Filter fl : fb.filters()) {
                    applyFilter(fl);
                }
                setPos();
                printValue();
            }
            case Stmt.Block b -> {
                setPos();
                cb.aload(R).ldc(pooled(tc.constant(b, cd(Stmt.Block.class)))).aload(frame())
                        .invokestatic(CD_HELPERS, "block", MethodTypeDesc.of(CD_void, CD_RENDERER,
                                cd(Stmt.Block.class), CD_FRAME));
            }
            case Stmt.Autoescape a -> autoescape(a);
            case Stmt.Do d -> {
                expr(d.expr());
                cb.pop();
            }
            case Stmt.Break b -> jump(true);
            case Stmt.Continue c -> jump(false);
            case Stmt.While w -> whileStmt(w);
            case Stmt.Match m -> matchStmt(m);
            case Stmt.Let l -> let(l);
            case Stmt.Flush fl -> cb.aload(R).invokevirtual(CD_RENDERER, "flush", MethodTypeDesc.of(CD_void));
            case Stmt.TemplateDecl d -> { }
            case Stmt.WithIf w -> withIf(w);
            case Stmt.Try t -> tryStmt(t);
            case Stmt.Spaceless sp -> {
                Scope scope = scopeFor(sp.body(), Set.of());
                scopes.push(scope);
                capture(sp.body());
                scopes.pop();
                cb.aload(R).swap().invokestatic(CD_HELPERS, "spaceless", MethodTypeDesc.of(CD_void, CD_RENDERER, CD_Object));
            }
            case Stmt.Capture c -> {
                Scope scope = scopeFor(c.body(), Set.of());
                // the body renders with nothing discarded, as the evaluator captures it
                int discarding = cb.allocateLocal(TypeKind.INT);
                cb.aload(R).getfield(CD_RENDERER, "discarding", CD_boolean).istore(discarding);
                cb.aload(R).iconst_0().putfield(CD_RENDERER, "discarding", CD_boolean);
                scopes.push(scope);
                capture(c.body());
                scopes.pop();
                cb.aload(R).iload(discarding).putfield(CD_RENDERER, "discarding", CD_boolean);
                int value = cb.allocateLocal(TypeKind.REFERENCE);
                cb.astore(value);
                setPos();
                cb.aload(R);
                string(c.name());
                cb.aload(value).aload(frame()).invokestatic(CD_KIDA_STMTS, "bindLet",
                        MethodTypeDesc.of(CD_void, CD_RENDERER, CD_String, CD_Object, CD_FRAME));
            }
            case Stmt.CallBlock c -> callBlock(c);
            case Stmt.SlotFill fill -> { }
            case Stmt.SlotPlace place -> slotPlace(place);
            case Stmt.Yield y -> {
                setPos();
                cb.aload(R);
                if (y.name() == null) {
                    cb.aconst_null();
                } else {
                    string(y.name());
                }
                cb.aload(frame()).invokestatic(CD_FUNCTIONS, "yieldSlot",
                        MethodTypeDesc.of(CD_void, CD_RENDERER, CD_String, CD_FRAME));
            }
            case Stmt.Provide pr -> provide(pr);
            case Stmt.Push pu -> push(pu);
            case Stmt.StackOut so -> {
                expr(so.stack());
                setPos();
                cb.aload(R).swap().invokestatic(CD_FUNCTIONS, "stackOut",
                        MethodTypeDesc.of(CD_void, CD_RENDERER, CD_Object));
            }
            default -> throw new IllegalStateException("statement not compiled: " + s.getClass().getSimpleName());
        }
        flushText();
        enclosing = saved;
    }

    // ---- Kida statements ----------------------------------------------------------------------

    private static final ClassDesc CD_FUNCTIONS = cd(dev.kida.engine.eval.FunctionStatements.class);
    private static final ClassDesc CD_MAP = cd(Map.class);

    /**
     * {@code try %}body{% fallback [name] %}fallback{% end}: the body renders into a buffer,
     * output when it ends (also by break or continue); an error the evaluator's rule catches
     * ({@link dev.kida.engine.eval.KidaStatements#catchable}, judged on the error located as the
     * evaluator would have it) drops the buffer and renders the fallback, with the error's mapping
     * bound to the name; any other error passes through.
     */
    private void tryStmt(Stmt.Try t) {
        int saved = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(R).invokestatic(CD_HELPERS, "beginTry", MethodTypeDesc.of(CD_OUTPUT, CD_RENDERER)).astore(saved);
        Label start = cb.newLabel();
        Label end = cb.newLabel();
        Label handler = cb.newLabel();
        Label after = cb.newLabel();
        Pos tryPos = enclosing;
        cb.labelBinding(start);
        // a protected range is never empty (an empty body generates no code)
        cb.nop();
        Scope body = scopeFor(t.body(), Set.of());
        controls.push(new JumpTarget.EndTry(saved));
        scopes.push(body);
        stmts(t.body());
        flushText();
        scopes.pop();
        controls.pop();
        cb.labelBinding(end);
        cb.aload(R).aload(saved).invokestatic(CD_HELPERS, "endTry", MethodTypeDesc.of(CD_void, CD_RENDERER, CD_OUTPUT));
        cb.goto_(after);
        cb.labelBinding(handler);
        cb.exceptionCatchAll(start, end, handler);
        int exc = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(exc);
        cb.aload(R).aload(saved).aload(exc).ldc(pooled(tc.positionTable())).iload(posSlot).aaload()
                .invokestatic(CD_HELPERS, "tryFailed", MethodTypeDesc.of(CD_Object, CD_RENDERER, CD_OUTPUT,
                        cd(Throwable.class), cd(Pos.class)));
        Label caught = cb.newLabel();
        cb.dup().instanceOf(cd(Throwable.class)).ifeq(caught);
        cb.checkcast(cd(Throwable.class)).athrow();
        cb.labelBinding(caught);
        enclosing = tryPos;
        Set<String> bound = t.errorName() == null ? Set.of() : Set.of(t.errorName());
        Scope fallback = scopeFor(t.fallback(), bound);
        if (t.errorName() != null) {
            assign(new Target.Name(t.errorName()), fallback);
        } else {
            cb.pop();
        }
        scopes.push(fallback);
        stmts(t.fallback());
        flushText();
        scopes.pop();
        enclosing = tryPos;
        cb.labelBinding(after);
    }

    /**
     * Kida's conditional {@code with}: each value in order (an undefined one raises where it
     * stands), then the body with the names (or {@code it}) bound when all are truthy, else the
     * else branch; each in a scope of its own, as the evaluator runs them.
     */
    private void withIf(Stmt.WithIf w) {
        int n = w.values().size();
        int[] values = new int[n];
        int all = cb.allocateLocal(TypeKind.INT);
        cb.iconst_1().istore(all);
        Pos withPos = enclosing;
        for (int k = 0; k < n; k++) {
            Expr e = w.values().get(k);
            expr(e);
            setPos(at(e));
            cb.invokestatic(CD_HELPERS, "withValue", MethodTypeDesc.of(CD_Object, CD_Object));
            values[k] = cb.allocateLocal(TypeKind.REFERENCE);
            cb.dup().astore(values[k]);
            enclosing = withPos;
            setPos();
            truthy();
            cb.iload(all).iand().istore(all);
        }
        enclosing = withPos;
        Label orElse = cb.newLabel();
        Label end = cb.newLabel();
        cb.iload(all).ifeq(orElse);
        Set<String> names = new LinkedHashSet<>(w.names().isEmpty() ? List.of("it") : w.names());
        Scope scope = scopeFor(w.body(), names);
        if (w.names().isEmpty()) {
            if (n == 1) {
                cb.aload(values[0]);
            } else {
                cb.loadConstant(n).anewarray(CD_Object);
                for (int k = 0; k < n; k++) {
                    cb.dup().loadConstant(k).aload(values[k]).aastore();
                }
                cb.invokestatic(CD_HELPERS, "tuple", MethodTypeDesc.of(CD_Object, CD_OBJECTS));
            }
            assign(new Target.Name("it"), scope);
        } else {
            for (int k = 0; k < n; k++) {
                cb.aload(values[k]);
                assign(new Target.Name(w.names().get(k)), scope);
            }
        }
        scopes.push(scope);
        stmts(w.body());
        flushText();
        scopes.pop();
        enclosing = withPos;
        cb.goto_(end);
        cb.labelBinding(orElse);
        Scope other = scopeFor(w.orElse(), Set.of());
        scopes.push(other);
        stmts(w.orElse());
        flushText();
        scopes.pop();
        enclosing = withPos;
        cb.labelBinding(end);
    }

    /**
     * {@code call f(args) %}body{% end}: the call body and each slot fill become bodies of their
     * own, run in a Frame over this scope when the callee renders them ({@link CompiledHelpers#callBlock}).
     */
    private void callBlock(Stmt.CallBlock c) {
        List<Stmt.SlotFill> fills = dev.kida.engine.eval.SlotCaller.fills(c.body());
        int[] ids = new int[fills.size() + 1];
        ids[0] = tc.addBody(c.body(), escape);
        for (int k = 0; k < fills.size(); k++) {
            ids[k + 1] = tc.addBody(fills.get(k).body(), escape);
        }
        Expr.Call call = c.call();
        Pos saved = enclosing;
        enclosing = at(call);
        expr(call.callee());
        // the evaluator blames the call statement for an undefined callee and for what the call raises
        enclosing = saved;
        setPos();
        cb.invokestatic(CD_HELPERS, "defined", MethodTypeDesc.of(CD_Object, CD_Object));
        enclosing = at(call);
        arguments(call.args(), call.kwargs(), call.starArgs(), call.starKwargs(), false);
        cb.aload(R).aload(frame()).ldc(pooled(tc.constant(c, cd(Stmt.CallBlock.class)))).ldc(pooled(tc.holder()));
        cb.loadConstant(ids.length).newarray(TypeKind.INT);
        for (int k = 0; k < ids.length; k++) {
            cb.dup().loadConstant(k).loadConstant(ids[k]).iastore();
        }
        enclosing = saved;
        setPos();
        cb.invokestatic(CD_HELPERS, "callBlock", MethodTypeDesc.of(CD_Object, CD_Object, CD_ARGS, CD_RENDERER, CD_FRAME,
                cd(Stmt.CallBlock.class), cd(Compiled[].class), cd(int[].class)));
        printValue();
    }

    /**
     * A slot placeholder in a def: the bindings, then the caller's slot, or the placeholder's own
     * body in a Frame holding the bindings ({@link dev.kida.engine.eval.FunctionStatements#slotFromCaller}).
     * As in the evaluator, a break or continue in that body ends the body only.
     */
    private void slotPlace(Stmt.SlotPlace place) {
        int bindings = cb.allocateLocal(TypeKind.REFERENCE);
        cb.new_(cd(HashMap.class)).dup().invokespecial(cd(HashMap.class), ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                .astore(bindings);
        for (Stmt.SlotBinding b : place.bindings()) {
            cb.aload(bindings);
            string(b.name());
            expr(b.value());
            cb.invokeinterface(CD_MAP, "put", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object)).pop();
        }
        setPos();
        cb.aload(R).ldc(pooled(tc.constant(place, cd(Stmt.SlotPlace.class)))).aload(frame()).aload(bindings)
                .invokestatic(CD_FUNCTIONS, "slotFromCaller", MethodTypeDesc.of(CD_boolean, CD_RENDERER,
                        cd(Stmt.SlotPlace.class), CD_FRAME, CD_MAP));
        if (place.body().isEmpty()) {
            cb.pop();
            return;
        }
        Label end = cb.newLabel();
        cb.ifne(end);
        int slot = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(frame()).aload(bindings).invokestatic(CD_FUNCTIONS, "slotFrame",
                MethodTypeDesc.of(CD_FRAME, CD_FRAME, CD_MAP)).astore(slot);
        Pos placePos = enclosing;
        scopes.push(new Scope(false, slot));
        controls.push(new JumpTarget.Stop(end));
        stmts(place.body());
        flushText();
        controls.pop();
        scopes.pop();
        enclosing = placePos;
        cb.labelBinding(end);
    }

    /**
     * {@code provide key = value %}body{% end}: the value is provided while the body runs and
     * withdrawn however it ends (normally, by break or continue, or by an error).
     */
    private void provide(Stmt.Provide p) {
        expr(p.value());
        setPos();
        int value = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(value);
        cb.aload(R);
        string(p.key());
        cb.aload(value).invokestatic(CD_HELPERS, "provide", MethodTypeDesc.of(CD_void, CD_RENDERER, CD_String, CD_Object));
        Label start = cb.newLabel();
        Label end = cb.newLabel();
        Label handler = cb.newLabel();
        Label after = cb.newLabel();
        cb.labelBinding(start);
        cb.nop();
        controls.push(new JumpTarget.Unprovide(p.key()));
        Pos providePos = enclosing;
        stmts(p.body());
        flushText();
        enclosing = providePos;
        controls.pop();
        cb.labelBinding(end);
        unprovide(p.key());
        cb.goto_(after);
        cb.labelBinding(handler);
        cb.exceptionCatchAll(start, end, handler);
        unprovide(p.key());
        cb.athrow();
        cb.labelBinding(after);
    }

    private void unprovide(String key) {
        cb.aload(R);
        string(key);
        cb.invokestatic(CD_HELPERS, "unprovide", MethodTypeDesc.of(CD_void, CD_RENDERER, CD_String));
    }

    /**
     * {@code push 'name' %}body{% end}: the stack's name, then the body rendered into a buffer
     * (with nothing discarded, as the evaluator renders it) appended to that stack.
     */
    private void push(Stmt.Push p) {
        expr(p.stack());
        setPos();
        int stack = cb.allocateLocal(TypeKind.REFERENCE);
        cb.invokestatic(CD_VALUES, "str", MethodTypeDesc.of(CD_String, CD_Object)).astore(stack);
        int discarding = cb.allocateLocal(TypeKind.INT);
        cb.aload(R).getfield(CD_RENDERER, "discarding", CD_boolean).istore(discarding);
        cb.aload(R).iconst_0().putfield(CD_RENDERER, "discarding", CD_boolean);
        capture(p.body());
        cb.aload(R).iload(discarding).putfield(CD_RENDERER, "discarding", CD_boolean);
        int text = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(text);
        cb.aload(R).aload(stack).aload(text).invokestatic(CD_HELPERS, "push",
                MethodTypeDesc.of(CD_void, CD_RENDERER, CD_String, CD_Object));
    }

    private static final ClassDesc CD_KIDA_STMTS = cd(dev.kida.engine.eval.KidaStatements.class);

    /** Whether a break or continue of an enclosing loop may leave this statement's bodies. */
    private static boolean hasLoopControl(Stmt s) {
        boolean[] found = {false};
        Traversal.thisScope(List.of(s), n -> found[0] |= n instanceof Stmt.Break || n instanceof Stmt.Continue);
        return found[0];
    }

    /** Calls the evaluator for the statement set up on the stack and obeys its break/continue. */
    private void delegateWithSignal() {
        cb.invokestatic(CD_HELPERS, "delegateSignal", MethodTypeDesc.of(CD_int, CD_RENDERER, cd(Stmt.class), CD_FRAME));
        int signal = cb.allocateLocal(TypeKind.INT);
        cb.istore(signal);
        Label notBreak = cb.newLabel();
        Label done = cb.newLabel();
        cb.iload(signal).iconst_1().if_icmpne(notBreak);
        jump(true);
        cb.labelBinding(notBreak);
        cb.iload(signal).iconst_2().if_icmpne(done);
        jump(false);
        cb.labelBinding(done);
    }

    private void whileStmt(Stmt.While w) {
        Label head = cb.newLabel();
        Label end = cb.newLabel();
        int count = cb.allocateLocal(TypeKind.INT);
        cb.iconst_0().istore(count);
        Pos whilePos = enclosing;
        cb.labelBinding(head);
        cond(w.test(), whilePos);
        cb.ifeq(end);
        cb.iinc(count, 1);
        setPos(whilePos);
        // a step of the render's budget (steps, deadline, cancellation, output), as in the evaluator
        cb.aload(R).invokevirtual(CD_RENDERER, "step", MethodTypeDesc.of(CD_void));
        cb.iload(count).invokestatic(CD_KIDA_STMTS, "checkWhile", MethodTypeDesc.of(CD_void, CD_int));
        // a fresh scope per iteration, as the evaluator gives
        boolean local = !ScopeFacts.needsFrame(w.body(), TemplateCompiler::framed);
        Scope scope = newScope(local);
        if (local) {
            declare(scope, Set.of(), Names.setNames(w.body()));
        }
        scopes.push(scope);
        controls.push(new JumpTarget.Loop(end, head));
        stmts(w.body());
        flushText();
        enclosing = whilePos;
        controls.pop();
        scopes.pop();
        cb.goto_(head);
        cb.labelBinding(end);
    }

    private void matchStmt(Stmt.Match m) {
        boolean valueless = m.subject() == null;
        Pos matchPos = enclosing;
        int subject = cb.allocateLocal(TypeKind.REFERENCE);
        if (valueless) {
            cb.aconst_null().astore(subject);
        } else {
            expr(m.subject());
            setPos(matchPos);
            cb.invokestatic(CD_KIDA_STMTS, "subject", MethodTypeDesc.of(CD_Object, CD_Object)).astore(subject);
        }
        Label end = cb.newLabel();
        for (Stmt.Case c : m.cases()) {
            Label next = cb.newLabel();
            List<Stmt> probe = new java.util.ArrayList<>(c.body());
            boolean local = !ScopeFacts.needsFrame(probe, TemplateCompiler::framed) && !mentionsSelf(c);
            Scope scope = newScope(local);
            if (local) {
                Set<String> captures = new LinkedHashSet<>();
                captureNames(c.pattern(), captures);
                Set<String> sets = new LinkedHashSet<>(Names.setNames(c.body()));
                // a capture is bound only when its part of the pattern is reached
                declare(scope, Set.of(), captures);
                declare(scope, Set.of(), sets);
            }
            scopes.push(scope);
            pattern(c.pattern(), valueless, subject, next, scope, matchPos);
            if (c.guard() != null) {
                cond(c.guard(), matchPos);
                cb.ifeq(next);
            }
            stmts(c.body());
            flushText();
            enclosing = matchPos;
            scopes.pop();
            cb.goto_(end);
            cb.labelBinding(next);
        }
        cb.labelBinding(end);
    }

    private static boolean mentionsSelf(Stmt.Case c) {
        List<dev.kida.engine.ast.Expr> exprs = new java.util.ArrayList<>();
        c.pattern().collectValues(exprs);
        exprs.add(c.guard());
        boolean[] found = {false};
        for (dev.kida.engine.ast.Expr e : exprs) {
            Traversal.expression(e, n -> found[0] |= n instanceof Expr.Name nm && nm.name().equals("self"));
        }
        return found[0];
    }

    private static void captureNames(dev.kida.engine.ast.Pattern p, Set<String> out) {
        switch (p) {
            case dev.kida.engine.ast.Pattern.Capture c -> out.add(c.name());
            case dev.kida.engine.ast.Pattern.Sequence s -> s.items().forEach(i -> captureNames(i, out));
            default -> { }
        }
    }

    /** Tests the value in {@code slot} against a pattern, binding captures; jumps to {@code fail}. */
    private void pattern(dev.kida.engine.ast.Pattern p, boolean valueless, int slot, Label fail, Scope scope,
                         Pos matchPos) {
        switch (p) {
            case dev.kida.engine.ast.Pattern.Wildcard w -> { }
            case dev.kida.engine.ast.Pattern.Capture c -> {
                cb.aload(slot);
                assign(new Target.Name(c.name()), scope);
            }
            case dev.kida.engine.ast.Pattern.Value v -> {
                cb.loadConstant(valueless ? 1 : 0).aload(slot);
                expr(v.expr());
                setPos(matchPos);
                cb.invokestatic(CD_KIDA_STMTS, "valueMatches", MethodTypeDesc.of(CD_boolean, CD_boolean, CD_Object, CD_Object))
                        .ifeq(fail);
            }
            case dev.kida.engine.ast.Pattern.Sequence s -> {
                int items = cb.allocateLocal(TypeKind.REFERENCE);
                cb.aload(slot).loadConstant(s.items().size())
                        .invokestatic(CD_KIDA_STMTS, "sequenceOf", MethodTypeDesc.of(CD_LIST, CD_Object, CD_int))
                        .astore(items).aload(items).ifnull(fail);
                for (int k = 0; k < s.items().size(); k++) {
                    int item = cb.allocateLocal(TypeKind.REFERENCE);
                    cb.aload(items).loadConstant(k).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int))
                            .astore(item);
                    pattern(s.items().get(k), false, item, fail, scope, matchPos);
                }
            }
        }
    }

    private void let(Stmt.Let l) {
        Pos letPos = enclosing;
        for (Stmt.Binding b : l.bindings()) {
            Label skip = null;
            if (b.nullish()) {
                skip = cb.newLabel();
                loadName(((Target.Name) b.target()).name(), false);
                cb.invokestatic(CD_KIDA_STMTS, "isNullish", MethodTypeDesc.of(CD_boolean, CD_Object)).ifeq(skip);
            }
            expr(b.value());
            setPos(letPos);
            if (l.templateScope()) {
                int value = cb.allocateLocal(TypeKind.REFERENCE);
                cb.astore(value);
                cb.aload(R).ldc(pooled(tc.constant(b.target(), cd(Target.class)))).aload(value).aload(frame())
                        .invokestatic(CD_KIDA_STMTS, "let", MethodTypeDesc.of(CD_void, CD_RENDERER, cd(Target.class),
                                CD_Object, CD_FRAME));
            } else {
                assign(b.target(), scopes.peek());
            }
            if (skip != null) {
                cb.labelBinding(skip);
            }
        }
    }

    private void loadEscape() {
        if (escape != null) {
            cb.loadConstant(escape ? 1 : 0);
        } else {
            cb.aload(R).getfield(CD_RENDERER, "autoescape", CD_boolean);
        }
    }

    /** A print of a constant becomes static text when the autoescape state is known. */
    private boolean foldPrint(Stmt.Print p) {
        if (escape == null || tc.engine.finalizer() != null) {
            return false;
        }
        Object value = fold(p.expr());
        if (value == NOT_CONST) {
            return false;
        }
        try {
            StringOutput out = new StringOutput();
            out.print(value, escape, tc.engine.escaper());
            pendingText.append(out);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void print(Stmt.Print p) {
        Label skip = skipIfDiscarding();
        if (tc.engine.finalizer() != null) {
            // the renderer applies finalize, with the evaluator's rule for constants
            expr(p.expr());
            setPos(at(p.expr()));
            cb.aload(R).swap().loadConstant(ConstantExpr.isConstant(p.expr()) ? 1 : 0)
                    .invokevirtual(CD_RENDERER, "printFinalized", MethodTypeDesc.of(CD_void, CD_Object, CD_boolean));
            endSkip(skip);
            return;
        }
        if (p.expr() instanceof Expr.GetAttr g && !isPlainAttr(g) && isLoopNumber(g.name())) {
            // loop.index and friends are whole numbers: printed as such, whatever the autoescape
            cb.aload(R).getfield(CD_RENDERER, "out", CD_OUTPUT);
            fastLoopNumber(fastLoopScope(), g.name());
            cb.i2l().invokevirtual(CD_OUTPUT, "appendLong", MethodTypeDesc.of(CD_void, ConstantDescs.CD_long));
            endSkip(skip);
            return;
        }
        if (p.expr() instanceof Expr.GetAttr g && isPlainAttr(g)) {
            printAttr(p, g);
            endSkip(skip);
            return;
        }
        if (p.expr() instanceof Expr.Call call && !(ScopeFacts.isFastCycle(call) && fastLoopScope() != null)
                && call.kwargs().isEmpty() && call.starArgs() == null && call.starKwargs() == null) {
            printCall(p, call);
            endSkip(skip);
            return;
        }
        expr(p.expr());
        // an undefined value fails only when printed: the evaluator points at the expression
        setPos(at(p.expr()));
        printValue();
        endSkip(skip);
    }

    /** Whether {@code g} compiles to an attribute call site (not a fast loop's {@code loop.x}, not a constant). */
    private boolean isPlainAttr(Expr.GetAttr g) {
        return !(g.target() instanceof Expr.Name n && n.name().equals("loop") && fastLoopScope() != null);
    }

    /**
     * {@code {{ obj.name }}}: a getter's value is printed by a {@link FusedAttributeSite} (numbers
     * unboxed); anything else takes the generic path from the same receiver.
     */
    private void printAttr(Stmt.Print p, Expr.GetAttr g) {
        Pos saved = enclosing;
        enclosing = at(g);
        int receiver = cb.allocateLocal(TypeKind.REFERENCE);
        Label done = cb.newLabel();
        expr(g.target());
        setPos();
        cb.dup().astore(receiver);
        cb.aload(R).getfield(CD_RENDERER, "out", CD_OUTPUT);
        cb.aload(R).getfield(CD_RENDERER, "escaper", CD_ESCAPER);
        String mode = escape == null ? "NUMBERS_ONLY" : escape ? "ESCAPED" : "RAW";
        cb.invokedynamic(pooled(DynamicCallSiteDesc.of(PRINT_ATTR_BSM, "printattr",
                MethodTypeDesc.of(CD_boolean, CD_Object, CD_OUTPUT, CD_ESCAPER), stringArg(g.name()), mode)));
        cb.ifne(done);
        cb.aload(receiver);
        attrSite(g.name());
        enclosing = saved;
        setPos(at(p.expr()));
        printValue();
        cb.labelBinding(done);
    }

    /**
     * {@code {{ f(a, b) }}}: a def whose body takes its parameters in locals prints its output in
     * place ({@link CompiledHelpers#printCall}); any other callee's result is printed as usual.
     */
    private void printCall(Stmt.Print p, Expr.Call call) {
        Stmt.Def inline = inlineCandidate(call);
        if (inline != null) {
            printInline(p, call, inline);
            return;
        }
        Pos saved = enclosing;
        enclosing = at(call);
        expr(call.callee());
        setPos();
        cb.invokestatic(CD_HELPERS, "defined", MethodTypeDesc.of(CD_Object, CD_Object));
        array(call.args());
        cb.aload(R);
        setPos();
        cb.invokestatic(CD_HELPERS, "printCall", MethodTypeDesc.of(CD_Object, CD_Object, CD_OBJECTS, CD_RENDERER));
        enclosing = saved;
        Label printed = cb.newLabel();
        Label done = cb.newLabel();
        cb.dup().getstatic(CD_HELPERS, "PRINTED", CD_Object).if_acmpeq(printed);
        setPos(at(p.expr()));
        printValue();
        cb.goto_(done);
        cb.labelBinding(printed);
        cb.pop();
        cb.labelBinding(done);
    }

    /** Whether code is being generated for an inlined def body (whose calls are not inlined again). */
    private boolean inlining;

    /**
     * The template's top-level def a print of this call may inline: its body keeps its parameters
     * in locals, it takes exactly the call's positional arguments, and it is small.
     */
    private Stmt.Def inlineCandidate(Expr.Call call) {
        if (inlining || tc.inlineBudget <= 0 || !(call.callee() instanceof Expr.Name n)) {
            return null;
        }
        Stmt.Def d = tc.topLevelDef(n.name());
        if (d == null || d.varargs() != null || d.kwargs() != null || d.positional() != d.params().size()
                || call.args().size() != d.params().size() || !TemplateCompiler.paramsInLocals(d)
                || TemplateCompiler.size(d.body()) > MAX_INLINED_NODES) {
            return null;
        }
        return d;
    }

    /** The largest def body (in AST nodes) a call copies into its method. */
    private static final int MAX_INLINED_NODES = 200;

    /**
     * {@code {{ d(a, b) }}} of a top-level def: when the callee is that def of this very template
     * (checked at run time: a name can be rebound), its body runs right here, as the method the def
     * compiles to would run it (same scopes, state and errors: {@link CompiledHelpers#enterInline}), so a loop
     * calling a def per row costs no call; otherwise the call goes the usual way.
     */
    private void printInline(Stmt.Print p, Expr.Call call, Stmt.Def d) {
        tc.inlineBudget--;
        int id = tc.defBody(d, tc.unit.autoescape(), true);
        Pos saved = enclosing;
        enclosing = at(call);
        expr(call.callee());
        setPos();
        cb.invokestatic(CD_HELPERS, "defined", MethodTypeDesc.of(CD_Object, CD_Object));
        int callee = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(callee);
        int[] args = new int[call.args().size()];
        for (int k = 0; k < args.length; k++) {
            expr(call.args().get(k));
            args[k] = cb.allocateLocal(TypeKind.REFERENCE);
            cb.astore(args[k]);
        }
        int savedEscape = cb.allocateLocal(TypeKind.INT);
        int closure = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(R).getfield(CD_RENDERER, "autoescape", CD_boolean).istore(savedEscape);
        setPos();
        cb.aload(callee).aload(R).ldc(pooled(tc.holder())).loadConstant(id)
                .invokestatic(CD_HELPERS, "enterInline", MethodTypeDesc.of(CD_FRAME, CD_Object, CD_RENDERER,
                        cd(Compiled[].class), CD_int))
                .dup().astore(closure);
        Label generic = cb.newLabel();
        Label done = cb.newLabel();
        cb.ifnull(generic);
        // the def's body, in its own scopes: its closure frame and its parameters
        List<Scope> callerScopes = new java.util.ArrayList<>(scopes);
        List<JumpTarget> callerControls = new java.util.ArrayList<>(controls);
        List<Label> callerChains = new java.util.ArrayList<>(chainEnds);
        Boolean callerEscape = escape;
        scopes.clear();
        controls.clear();
        chainEnds.clear();
        escape = tc.bodies.get(id).autoescape();
        inlining = true;
        scopes.push(new Scope(false, closure));
        Scope params = new Scope(true, -1);
        for (int k = 0; k < args.length; k++) {
            String name = d.params().get(k).name();
            params.slots.put(name, args[k]);
            params.definite.add(name);
        }
        declare(params, Set.of(), Names.setNames(d.body()));
        scopes.push(params);
        Label bodyStart = cb.newLabel();
        Label bodyEnd = cb.newLabel();
        Label handler = cb.newLabel();
        controls.push(new JumpTarget.Stop(bodyEnd));
        cb.labelBinding(bodyStart);
        cb.nop();
        stmts(d.body());
        flushText();
        cb.labelBinding(bodyEnd);
        cb.aload(R).iload(savedEscape).invokestatic(CD_HELPERS, "leaveInline",
                MethodTypeDesc.of(CD_void, CD_RENDERER, CD_boolean));
        cb.goto_(done);
        // an error leaves the render state as the call's own method would have left it
        cb.labelBinding(handler);
        cb.exceptionCatchAll(bodyStart, bodyEnd, handler);
        cb.aload(R).iload(savedEscape).invokestatic(CD_HELPERS, "leaveInline",
                MethodTypeDesc.of(CD_void, CD_RENDERER, CD_boolean));
        cb.athrow();
        inlining = false;
        escape = callerEscape;
        scopes.clear();
        scopes.addAll(callerScopes);
        controls.clear();
        controls.addAll(callerControls);
        chainEnds.clear();
        chainEnds.addAll(callerChains);
        enclosing = at(call);
        // not this def (rebound, imported, or the render state differs): the usual call
        cb.labelBinding(generic);
        cb.aload(callee);
        cb.loadConstant(args.length).anewarray(CD_Object);
        for (int k = 0; k < args.length; k++) {
            cb.dup().loadConstant(k).aload(args[k]).aastore();
        }
        cb.aload(R);
        setPos();
        cb.invokestatic(CD_HELPERS, "printCall", MethodTypeDesc.of(CD_Object, CD_Object, CD_OBJECTS, CD_RENDERER));
        enclosing = saved;
        Label printed = cb.newLabel();
        cb.dup().getstatic(CD_HELPERS, "PRINTED", CD_Object).if_acmpeq(printed);
        setPos(at(p.expr()));
        printValue();
        cb.goto_(done);
        cb.labelBinding(printed);
        cb.pop();
        cb.labelBinding(done);
    }

    /** Prints the value on the stack as {@code {{ }}} does. */
    private void printValue() {
        if (escape == null) {
            cb.aload(R).swap().invokevirtual(CD_RENDERER, "print", MethodTypeDesc.of(CD_void, CD_Object));
        } else if (escape) {
            cb.aload(R).getfield(CD_RENDERER, "out", CD_OUTPUT).swap()
                    .aload(R).getfield(CD_RENDERER, "escaper", CD_ESCAPER)
                    .invokevirtual(CD_OUTPUT, "printEscaped", MTD_PRINT_ESCAPED);
        } else {
            cb.aload(R).getfield(CD_RENDERER, "out", CD_OUTPUT).swap()
                    .invokevirtual(CD_OUTPUT, "printRaw", MethodTypeDesc.of(CD_void, CD_Object));
        }
    }

    private void ifStmt(Stmt.If i) {
        Label end = cb.newLabel();
        Pos truthyAt = enclosing;
        for (Stmt.Branch b : i.branches()) {
            Label next = cb.newLabel();
            cond(b.test(), truthyAt);
            cb.ifeq(next);
            stmts(b.body());
            flushText();
            cb.goto_(end);
            cb.labelBinding(next);
        }
        stmts(i.orElse());
        flushText();
        cb.labelBinding(end);
    }

    private void autoescape(Stmt.Autoescape a) {
        int saved = cb.allocateLocal(TypeKind.INT);
        cb.aload(R).getfield(CD_RENDERER, "autoescape", CD_boolean).istore(saved);
        Boolean known = null;
        Object c = fold(a.enabled());
        if (c != NOT_CONST) {
            try {
                known = Values.truthy(c);
            } catch (RuntimeException e) {
                known = null;
            }
        }
        cond(a.enabled(), enclosing);
        cb.aload(R).swap().putfield(CD_RENDERER, "autoescape", CD_boolean);
        Boolean savedEscape = escape;
        escape = known;
        controls.push(new JumpTarget.Escape(saved));
        boolean local = !ScopeFacts.needsFrame(a.body(), TemplateCompiler::framed);
        Scope scope = newScope(local);
        if (local) {
            declare(scope, Set.of(), Names.setNames(a.body()));
        }
        scopes.push(scope);
        stmts(a.body());
        flushText();
        scopes.pop();
        controls.pop();
        escape = savedEscape;
        cb.aload(R).iload(saved).putfield(CD_RENDERER, "autoescape", CD_boolean);
    }

    /** Runs a body with output captured; leaves the captured value (Markup or String) on the stack. */
    private void capture(List<Stmt> body) {
        int saved = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(R).invokestatic(CD_HELPERS, "beginCapture", MethodTypeDesc.of(CD_OUTPUT, CD_RENDERER)).astore(saved);
        Label end = cb.newLabel();
        controls.push(new JumpTarget.Stop(end));
        stmts(body);
        flushText();
        controls.pop();
        cb.labelBinding(end);
        cb.aload(R).aload(saved).invokestatic(CD_HELPERS, "endCapture",
                MethodTypeDesc.of(CD_Object, CD_RENDERER, CD_OUTPUT));
    }

    private void jump(boolean isBreak) {
        for (JumpTarget c : controls) {
            switch (c) {
                case JumpTarget.Escape e -> cb.aload(R).iload(e.savedSlot()).putfield(CD_RENDERER, "autoescape", CD_boolean);
                case JumpTarget.Unprovide u -> unprovide(u.key());
                case JumpTarget.EndTry t -> cb.aload(R).aload(t.savedSlot()).invokestatic(CD_HELPERS, "endTry",
                        MethodTypeDesc.of(CD_void, CD_RENDERER, CD_OUTPUT));
                case JumpTarget.Loop l -> {
                    cb.goto_(isBreak ? l.breakTo() : l.continueTo());
                    return;
                }
                case JumpTarget.Stop st -> {
                    cb.goto_(st.end());
                    return;
                }
            }
        }
    }

    private void with(Stmt.With w) {
        boolean local = !ScopeFacts.needsFrame(w.body(), TemplateCompiler::framed);
        Scope scope = newScope(local);
        Set<String> bound = new LinkedHashSet<>();
        w.assignments().forEach(a -> Names.targetNames(a.target(), bound));
        if (local) {
            declare(scope, bound, Names.setNames(w.body()));
        }
        for (Stmt.Assignment a : w.assignments()) {
            expr(a.value());
            setPos();
            assign(a.target(), scope);
        }
        scopes.push(scope);
        stmts(w.body());
        flushText();
        scopes.pop();
    }

    /**
     * The scope of a nested body run in place (try, fallback, with, capture, spaceless): in JVM
     * locals unless something in the body needs a Frame; {@code definite} are the names bound on
     * entry, the body's own assignments are declared as maybe-bound.
     */
    private Scope scopeFor(List<Stmt> body, Set<String> definite) {
        Scope scope = newScope(!ScopeFacts.needsFrame(body, TemplateCompiler::framed));
        if (scope.local) {
            declare(scope, definite, Names.setNames(body));
        }
        return scope;
    }

    /** A new scope: JVM locals, or a Frame nested in the current innermost frame. */
    private Scope newScope(boolean local) {
        if (local) {
            return new Scope(true, -1);
        }
        int slot = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(frame()).invokestatic(CD_FRAME, "child", MethodTypeDesc.of(CD_FRAME, CD_FRAME)).astore(slot);
        return new Scope(false, slot);
    }

    /** Gives a local scope its slots: definite names, and maybe-unset names starting as MISSING. */
    private void declare(Scope scope, Set<String> definite, Set<String> maybe) {
        for (String n : definite) {
            scope.slots.put(n, cb.allocateLocal(TypeKind.REFERENCE));
            scope.definite.add(n);
        }
        for (String n : maybe) {
            if (!scope.slots.containsKey(n)) {
                int slot = cb.allocateLocal(TypeKind.REFERENCE);
                scope.slots.put(n, slot);
                cb.getstatic(CD_HELPERS, "MISSING", CD_Object).astore(slot);
            }
        }
    }

    /**
     * Whether {@code loop} is a variable of the body, as in the evaluator: only when the body names
     * it or holds a scoped block (an included template does not see it otherwise).
     */
    private static boolean bindsLoop(Stmt.For f) {
        boolean[] found = {f.recursive()};
        Traversal.everything(f.body(), n -> found[0] |= n instanceof Expr.Name nm && nm.name().equals("loop")
                || n instanceof Stmt.Block b && b.scoped());
        return found[0];
    }

    private void forStmt(Stmt.For f) {
        boolean local = !ScopeFacts.needsFrame(f.body(), TemplateCompiler::framed);
        Set<String> targetNames = new LinkedHashSet<>();
        Names.targetNames(f.target(), targetNames);
        expr(f.iter());
        setPos();
        int items = cb.allocateLocal(TypeKind.REFERENCE);
        cb.invokestatic(CD_VALUES, "loopItems", MethodTypeDesc.of(CD_LIST, CD_Object)).astore(items);
        if (f.filter() != null) {
            filterItems(f, local, targetNames, items);
        }
        Label end = cb.newLabel();
        Label body = cb.newLabel();
        cb.aload(items).invokeinterface(CD_LIST, "isEmpty", MethodTypeDesc.of(CD_boolean)).ifeq(body);
        stmts(f.orElse());
        flushText();
        cb.goto_(end);
        cb.labelBinding(body);
        int n = cb.allocateLocal(TypeKind.INT);
        cb.aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int)).istore(n);
        boolean fast = local && ScopeFacts.fastLoop(f);
        Scope scope = local ? new Scope(true, -1) : new Scope(false, cb.allocateLocal(TypeKind.REFERENCE));
        Set<String> setNames = Names.setNames(f.body());
        Set<String> definite = new LinkedHashSet<>(targetNames);
        if (local) {
            if (!fast) {
                definite.add("loop");
            }
            for (String name : definite) {
                scope.slots.put(name, cb.allocateLocal(TypeKind.REFERENCE));
                scope.definite.add(name);
            }
            for (String name : setNames) {
                if (!scope.slots.containsKey(name)) {
                    scope.slots.put(name, cb.allocateLocal(TypeKind.REFERENCE));
                }
            }
        }
        int loopCtx = -1;
        if (!fast) {
            loopCtx = cb.allocateLocal(TypeKind.REFERENCE);
            cb.aload(items).invokestatic(CD_HELPERS, "loopContext", MethodTypeDesc.of(CD_LOOP, CD_LIST)).astore(loopCtx);
        }
        int i = cb.allocateLocal(TypeKind.INT);
        scope.fastLoop = fast;
        scope.indexSlot = i;
        scope.sizeSlot = n;
        cb.iconst_0().istore(i);
        Label head = cb.newLabel();
        Label next = cb.newLabel();
        cb.labelBinding(head);
        cb.iload(i).iload(n).if_icmpge(end);
        // counted against the render's budget (steps, deadline, cancellation, output), as the evaluator does
        cb.aload(R).invokevirtual(CD_RENDERER, "step", MethodTypeDesc.of(CD_void));
        // a fresh scope per iteration, as the evaluator (and Jinja2) does
        if (local) {
            for (String name : setNames) {
                if (!scope.definite.contains(name)) {
                    cb.getstatic(CD_HELPERS, "MISSING", CD_Object).astore(scope.slots.get(name));
                }
            }
            if (!fast) {
                cb.aload(loopCtx).astore(scope.slots.get("loop"));
            }
        } else {
            cb.aload(frame()).invokestatic(CD_FRAME, "child", MethodTypeDesc.of(CD_FRAME, CD_FRAME))
                    .astore(scope.frameSlot);
            if (bindsLoop(f)) {
                cb.aload(scope.frameSlot).ldc("loop").aload(loopCtx)
                        .invokevirtual(CD_FRAME, "set", MethodTypeDesc.of(CD_void, CD_String, CD_Object));
            }
        }
        if (!fast) {
            cb.aload(loopCtx).iload(i).invokevirtual(CD_LOOP, "advance", MethodTypeDesc.of(CD_void, CD_int));
        }
        cb.aload(items).iload(i).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int));
        setPos();
        assign(f.target(), scope);
        scopes.push(scope);
        controls.push(new JumpTarget.Loop(end, next));
        Pos forPos = enclosing;
        stmts(f.body());
        flushText();
        enclosing = forPos;
        controls.pop();
        scopes.pop();
        cb.labelBinding(next);
        cb.iinc(i, 1).goto_(head);
        cb.labelBinding(end);
    }

    /** {@code for x in items if test}: keeps the items the test accepts, before the loop starts. */
    private void filterItems(Stmt.For f, boolean local, Set<String> targetNames, int items) {
        Scope probe = newScope(local);
        if (local) {
            declare(probe, targetNames, Set.of());
        }
        int kept = cb.allocateLocal(TypeKind.REFERENCE);
        int item = cb.allocateLocal(TypeKind.REFERENCE);
        int j = cb.allocateLocal(TypeKind.INT);
        cb.aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int))
                .invokestatic(CD_HELPERS, "newList", MethodTypeDesc.of(CD_LIST, CD_int)).astore(kept);
        cb.iconst_0().istore(j);
        Label head = cb.newLabel();
        Label skip = cb.newLabel();
        Label done = cb.newLabel();
        Pos forPos = enclosing;
        cb.labelBinding(head);
        cb.iload(j).aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int)).if_icmpge(done);
        cb.aload(items).iload(j).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int))
                .dup().astore(item);
        setPos();
        assign(f.target(), probe);
        scopes.push(probe);
        cond(f.filter(), forPos);
        scopes.pop();
        cb.ifeq(skip);
        cb.aload(kept).aload(item).invokeinterface(CD_LIST, "add", MethodTypeDesc.of(CD_boolean, CD_Object)).pop();
        cb.labelBinding(skip);
        cb.iinc(j, 1).goto_(head);
        cb.labelBinding(done);
        cb.aload(kept).astore(items);
    }

    // ---- variables --------------------------------------------------------------------------

    /** The slot of the innermost Frame. */
    private int frame() {
        for (Scope s : scopes) {
            if (!s.local) {
                return s.frameSlot;
            }
        }
        throw new IllegalStateException("no frame");
    }

    private void loadName(String name, boolean selfFallback) {
        Label done = cb.newLabel();
        for (Scope s : scopes) {
            if (!s.local) {
                break;
            }
            if (s.fastLoop && name.equals("loop")) {
                throw new IllegalStateException("loop variable used as a value in a fast loop");
            }
            Integer slot = s.slots.get(name);
            if (slot == null) {
                continue;
            }
            cb.aload(slot);
            if (s.definite.contains(name)) {
                cb.labelBinding(done);
                selfFallback(name, selfFallback);
                return;
            }
            cb.dup().getstatic(CD_HELPERS, "MISSING", CD_Object).if_acmpne(done).pop();
        }
        cb.aload(frame());
        string(name);
        cb.invokevirtual(CD_FRAME, "lookup", MethodTypeDesc.of(CD_Object, CD_String));
        cb.labelBinding(done);
        selfFallback(name, selfFallback);
    }

    private void selfFallback(String name, boolean enabled) {
        if (enabled && name.equals("self")) {
            cb.aload(R).aload(frame()).invokestatic(CD_HELPERS, "self",
                    MethodTypeDesc.of(CD_Object, CD_Object, CD_RENDERER, CD_FRAME));
        }
    }

    /** Assigns the value on the stack to a target in {@code scope}. */
    private void assign(Target target, Scope scope) {
        switch (target) {
            case Target.Name n -> {
                if (scope.local) {
                    cb.astore(scope.slots.get(n.name()));
                } else {
                    cb.aload(scope.frameSlot).swap();
                    string(n.name());
                    cb.swap()
                            .invokevirtual(CD_FRAME, "set", MethodTypeDesc.of(CD_void, CD_String, CD_Object));
                }
            }
            case Target.Tuple t -> {
                int list = cb.allocateLocal(TypeKind.REFERENCE);
                cb.loadConstant(t.items().size())
                        .invokestatic(CD_HELPERS, "unpack", MethodTypeDesc.of(CD_LIST, CD_Object, CD_int)).astore(list);
                for (int k = 0; k < t.items().size(); k++) {
                    cb.aload(list).loadConstant(k).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int));
                    assign(t.items().get(k), scope);
                }
            }
            case Target.Attr a -> {
                loadNameIn(a.name(), scope);
                cb.swap();
                string(a.attr());
                cb.swap().invokestatic(CD_HELPERS, "setAttr",
                        MethodTypeDesc.of(CD_void, CD_Object, CD_String, CD_Object));
            }
        }
    }

    /** Looks a name up as seen from {@code scope} (which may not be pushed yet). */
    private void loadNameIn(String name, Scope scope) {
        boolean pushed = scopes.peek() != scope;
        if (pushed) {
            scopes.push(scope);
        }
        loadName(name, false);
        if (pushed) {
            scopes.pop();
        }
    }

    // ---- expressions ------------------------------------------------------------------------

    /** A constant expression's value, computed now with the runtime's own semantics; or NOT_CONST. */
    private static Object fold(Expr e) {
        try {
            return switch (e) {
                case Expr.Literal l -> l.value();
                case Expr.Unary u -> {
                    Object v = fold(u.operand());
                    if (v == NOT_CONST) {
                        yield NOT_CONST;
                    }
                    yield switch (u.op()) {
                        case NOT -> !Values.truthy(v);
                        case NEG -> Values.neg(v);
                        case POS -> Values.pos(v);
                    };
                }
                case Expr.Binary b when b.op() != dev.kida.engine.ast.BinaryOp.CONCAT -> {
                    Object l = fold(b.left());
                    Object r = fold(b.right());
                    if (l == NOT_CONST || r == NOT_CONST) {
                        yield NOT_CONST;
                    }
                    yield switch (b.op()) {
                        case ADD -> Values.add(l, r);
                        case SUB -> Values.sub(l, r);
                        case MUL -> Values.mul(l, r);
                        case DIV -> Values.div(l, r);
                        case FLOORDIV -> Values.floorDiv(l, r);
                        case MOD -> Values.mod(l, r);
                        case POW -> Values.pow(l, r);
                        case CONCAT -> NOT_CONST;
                    };
                }
                default -> NOT_CONST;
            };
        } catch (RuntimeException ex) {
            return NOT_CONST;
        }
    }

    private static boolean immutableConstant(Object v) {
        return v == null || v instanceof String || v instanceof Boolean || v instanceof Number;
    }

    /**
     * Loads a String. {@code ldc} interns it, which keeps equal literals one object (Jinja2's
     * {@code sameas} on literals), but a constant-pool entry holds at most 65,535 bytes of modified
     * UTF-8; longer text comes from the class data instead.
     */
    private void string(String s) {
        if (ConstantPoolLimits.fitsUtf8Entry(s)) {
            cb.ldc(s);
        } else {
            cb.ldc(pooled(tc.constant(s, CD_String)));
        }
    }

    /** A String as a bootstrap argument, within the same constant-pool limit as {@link #string}. */
    private java.lang.constant.ConstantDesc stringArg(String s) {
        return ConstantPoolLimits.fitsUtf8Entry(s) ? s : tc.constant(s, CD_String);
    }

    private void constant(Object v) {
        switch (v) {
            case null -> cb.aconst_null();
            case String s -> string(s);
            case Boolean b -> cb.getstatic(CD_BOOLEAN, b ? "TRUE" : "FALSE", CD_BOOLEAN);
            default -> cb.ldc(pooled(tc.constant(v, CD_Object)));
        }
    }

    private void expr(Expr e) {
        if (e == null) {
            cb.aconst_null();
            return;
        }
        Object c = fold(e);
        if (c != NOT_CONST && immutableConstant(c)) {
            constant(c);
            return;
        }
        Pos saved = enclosing;
        enclosing = at(e);
        switch (e) {
            case Expr.Literal l -> constant(l.value());
            case Expr.Name n -> loadName(n.name(), true);
            case Expr.ListLit l -> {
                array(l.items());
                cb.invokestatic(CD_HELPERS, "list", MethodTypeDesc.of(CD_LIST, CD_OBJECTS));
            }
            case Expr.TupleLit t -> {
                array(t.items());
                cb.invokestatic(CD_HELPERS, "tuple", MethodTypeDesc.of(CD_Object, CD_OBJECTS));
            }
            case Expr.DictLit d -> {
                cb.loadConstant(d.entries().size() * 2).anewarray(CD_Object);
                int k = 0;
                for (Expr.Entry en : d.entries()) {
                    cb.dup().loadConstant(k++);
                    expr(en.key());
                    cb.aastore();
                    cb.dup().loadConstant(k++);
                    expr(en.value());
                    cb.aastore();
                }
                cb.invokestatic(CD_HELPERS, "dict", MethodTypeDesc.of(CD_Object, CD_OBJECTS));
            }
            case Expr.GetAttr g -> getAttr(g);
            case Expr.GetItem g -> {
                expr(g.target());
                setPos();
                cb.invokestatic(CD_HELPERS, "subscriptable", MethodTypeDesc.of(CD_Object, CD_Object));
                if (g.key() instanceof Expr.Slice s) {
                    expr(s.start());
                    expr(s.stop());
                    expr(s.step());
                    setPos();
                    cb.invokestatic(CD_VALUES, "slice", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object,
                            CD_Object, CD_Object));
                } else {
                    expr(g.key());
                    setPos();
                    cb.invokestatic(CD_HELPERS, "getItem", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object));
                }
            }
            case Expr.Slice s -> {
                setPos();
                cb.invokestatic(CD_HELPERS, "sliceOutside", MethodTypeDesc.of(CD_Object));
            }
            case Expr.Unary u -> {
                expr(u.operand());
                setPos();
                String m = switch (u.op()) {
                    case NOT -> "not";
                    case NEG -> "neg";
                    case POS -> "pos";
                };
                cb.invokestatic(u.op() == dev.kida.engine.ast.UnaryOp.NOT ? CD_HELPERS : CD_VALUES, m,
                        MethodTypeDesc.of(CD_Object, CD_Object));
            }
            case Expr.Binary b -> {
                expr(b.left());
                expr(b.right());
                setPos();
                if (b.op() == dev.kida.engine.ast.BinaryOp.CONCAT) {
                    // Jinja2 folds an all-constant ~ to a plain str, Markup operands or not
                    cb.aload(R).invokestatic(CD_HELPERS, ConstantExpr.isConstant(b) ? "concatFolded" : "concat", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object,
                            CD_RENDERER));
                } else {
                    String m = switch (b.op()) {
                        case ADD -> "add";
                        case SUB -> "sub";
                        case MUL -> "mul";
                        case DIV -> "div";
                        case FLOORDIV -> "floorDiv";
                        case MOD -> "mod";
                        case POW -> "pow";
                        case CONCAT -> throw new IllegalStateException();
                    };
                    cb.invokestatic(CD_VALUES, m, MethodTypeDesc.of(CD_Object, CD_Object, CD_Object));
                }
            }
            case Expr.And a -> {
                Label end = cb.newLabel();
                expr(a.left());
                cb.dup();
                setPos();
                truthy();
                cb.ifeq(end).pop();
                expr(a.right());
                cb.labelBinding(end);
            }
            case Expr.Or o -> {
                Label end = cb.newLabel();
                expr(o.left());
                cb.dup();
                setPos();
                truthy();
                cb.ifne(end).pop();
                expr(o.right());
                cb.labelBinding(end);
            }
            case Expr.Compare cmp -> {
                compare(cmp);
                box();
            }
            case Expr.Conditional cnd -> {
                Label other = cb.newLabel();
                Label end = cb.newLabel();
                cond(cnd.test(), enclosing);
                cb.ifeq(other);
                expr(cnd.then());
                cb.goto_(end);
                cb.labelBinding(other);
                if (cnd.otherwise() != null) {
                    expr(cnd.otherwise());
                } else {
                    cb.ldc(pooled(tc.constant(Undefined.lenient("the inline if-expression on line " + cnd.pos().line()
                            + " evaluated to false and no else section was defined."), CD_Object)));
                }
                cb.labelBinding(end);
            }
            case Expr.Call call when ScopeFacts.isFastCycle(call) && fastLoopScope() != null -> {
                array(call.args());
                cb.iload(fastLoopScope().indexSlot);
                setPos();
                cb.invokestatic(CD_HELPERS, "cycle", MethodTypeDesc.of(CD_Object, CD_OBJECTS, CD_int));
            }
            case Expr.Call call -> {
                expr(call.callee());
                setPos();
                cb.invokestatic(CD_HELPERS, "defined", MethodTypeDesc.of(CD_Object, CD_Object));
                arguments(call.args(), call.kwargs(), call.starArgs(), call.starKwargs(), false);
                cb.aload(R).swap();
                setPos();
                cb.invokestatic(CD_HELPERS, "call", MethodTypeDesc.of(CD_Object, CD_Object, CD_RENDERER, CD_ARGS));
            }
            case Expr.Filter fl -> {
                expr(fl.value());
                applyFilter(fl);
            }
            case Expr.Test t -> {
                test(t);
                box();
            }
            case Expr.Nullish n -> nullish(n);
            case Expr.OptionalChain oc -> {
                Label end = cb.newLabel();
                chainEnds.push(end);
                expr(oc.body());
                chainEnds.pop();
                cb.labelBinding(end);
            }
            case Expr.OptionalAttr a -> {
                expr(a.target());
                skipChainIfAbsent();
                setPos();
                string(a.name());
                cb.invokestatic(CD_KIDA, "attr", MethodTypeDesc.of(CD_Object, CD_Object, CD_String));
            }
            case Expr.OptionalItem i -> {
                expr(i.target());
                skipChainIfAbsent();
                expr(i.key());
                setPos();
                cb.invokestatic(CD_KIDA, "item", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object));
            }
            case Expr.OptionalFilter of -> {
                Label end = cb.newLabel();
                expr(of.filter().value());
                cb.dup().ifnull(end);
                applyFilter(of.filter());
                cb.labelBinding(end);
            }
            case Expr.BlankNone b -> {
                Label end = cb.newLabel();
                expr(b.value());
                cb.dup().ifnonnull(end).pop().ldc("");
                cb.labelBinding(end);
            }
            case Expr.RangeLit rl -> {
                expr(rl.start());
                expr(rl.end());
                expr(rl.step());
                cb.loadConstant(rl.inclusive() ? 1 : 0);
                setPos();
                cb.invokestatic(CD_KIDA, "range", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object, CD_Object,
                        CD_boolean));
            }
            case Expr.ListComp lc -> listComp(lc);
        }
        enclosing = saved;
    }

    // ---- Kida's expressions -------------------------------------------------------------------

    /**
     * After an optional link's receiver (on the stack): when it is None or undefined, replaces it
     * with None and jumps to the end of the chain. Everything a chain evaluates before one of its
     * optional links is that link's receiver, so the stack below is the chain's own.
     */
    private void skipChainIfAbsent() {
        Label present = cb.newLabel();
        cb.dup().invokestatic(CD_KIDA, "isAbsent", MethodTypeDesc.of(CD_boolean, CD_Object)).ifeq(present);
        cb.pop().aconst_null().goto_(chainEnds.peek());
        cb.labelBinding(present);
    }

    /** {@code left ?? right}: {@code right} is evaluated only when {@code left} is None or undefined. */
    private void nullish(Expr.Nullish n) {
        Label end = cb.newLabel();
        nullishOperand(n.left());
        cb.dup().invokestatic(CD_KIDA, "isAbsent", MethodTypeDesc.of(CD_boolean, CD_Object)).ifeq(end);
        cb.pop();
        expr(n.right());
        cb.labelBinding(end);
    }

    /**
     * The left operand of {@code ??}, as the evaluator's {@code nullishOperand}: attribute and item
     * reads on an undefined value give that value instead of raising.
     */
    private void nullishOperand(Expr e) {
        switch (e) {
            case Expr.GetAttr g when isPlainAttr(g) -> {
                Pos saved = enclosing;
                enclosing = at(g);
                Label done = cb.newLabel();
                nullishOperand(g.target());
                cb.dup().instanceOf(CD_UNDEFINED).ifne(done);
                setPos();
                attrSite(g.name());
                cb.labelBinding(done);
                enclosing = saved;
            }
            case Expr.GetItem g when !(g.key() instanceof Expr.Slice) -> {
                Pos saved = enclosing;
                enclosing = at(g);
                Label done = cb.newLabel();
                nullishOperand(g.target());
                cb.dup().instanceOf(CD_UNDEFINED).ifne(done);
                expr(g.key());
                setPos();
                cb.invokestatic(CD_HELPERS, "getItem", MethodTypeDesc.of(CD_Object, CD_Object, CD_Object));
                cb.labelBinding(done);
                enclosing = saved;
            }
            default -> expr(e);
        }
    }

    /**
     * {@code [element for target in iterable if condition]}: a loop in the current method whose
     * target lives in JVM locals (an expression holds no closure that would need a Frame).
     */
    private void listComp(Expr.ListComp c) {
        Set<String> names = new LinkedHashSet<>();
        Names.targetNames(c.target(), names);
        expr(c.iterable());
        setPos();
        int items = cb.allocateLocal(TypeKind.REFERENCE);
        int out = cb.allocateLocal(TypeKind.REFERENCE);
        int i = cb.allocateLocal(TypeKind.INT);
        cb.invokestatic(CD_VALUES, "toList", MethodTypeDesc.of(CD_LIST, CD_Object)).astore(items);
        cb.aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int))
                .invokestatic(CD_HELPERS, "newList", MethodTypeDesc.of(CD_LIST, CD_int)).astore(out);
        Scope scope = new Scope(true, -1);
        declare(scope, names, Set.of());
        cb.iconst_0().istore(i);
        Label head = cb.newLabel();
        Label next = cb.newLabel();
        Label done = cb.newLabel();
        Pos compPos = enclosing;
        cb.labelBinding(head);
        cb.iload(i).aload(items).invokeinterface(CD_LIST, "size", MethodTypeDesc.of(CD_int)).if_icmpge(done);
        // each item is a step of the render's budget, as a loop iteration is
        cb.aload(R).invokevirtual(CD_RENDERER, "step", MethodTypeDesc.of(CD_void));
        cb.aload(items).iload(i).invokeinterface(CD_LIST, "get", MethodTypeDesc.of(CD_Object, CD_int));
        setPos();
        assign(c.target(), scope);
        scopes.push(scope);
        if (c.condition() != null) {
            cond(c.condition(), compPos);
            cb.ifeq(next);
        }
        cb.aload(out);
        expr(c.element());
        cb.invokeinterface(CD_LIST, "add", MethodTypeDesc.of(CD_boolean, CD_Object)).pop();
        scopes.pop();
        enclosing = compPos;
        cb.labelBinding(next);
        cb.iinc(i, 1).goto_(head);
        cb.labelBinding(done);
        cb.aload(out);
    }

    private void box() {
        cb.invokestatic(CD_BOOLEAN, "valueOf", MethodTypeDesc.of(CD_BOOLEAN, CD_boolean));
    }

    private void truthy() {
        cb.invokestatic(CD_VALUES, "truthy", MethodTypeDesc.of(CD_boolean, CD_Object));
    }

    private void array(List<Expr> items) {
        cb.loadConstant(items.size()).anewarray(CD_Object);
        for (int k = 0; k < items.size(); k++) {
            cb.dup().loadConstant(k);
            expr(items.get(k));
            cb.aastore();
        }
    }

    /** The loop scope whose {@code loop} a name refers to, when it is computed from the index. */
    private Scope fastLoopScope() {
        for (Scope s : scopes) {
            if (!s.local) {
                return null;
            }
            if (s.fastLoop) {
                return s;
            }
            if (s.slots.containsKey("loop")) {
                return null;
            }
        }
        return null;
    }

    private void getAttr(Expr.GetAttr g) {
        if (g.target() instanceof Expr.Name n && n.name().equals("loop")) {
            Scope loop = fastLoopScope();
            if (loop != null) {
                fastLoopAttr(loop, g.name());
                return;
            }
        }
        expr(g.target());
        setPos();
        attrSite(g.name());
    }

    /** The generic attribute call site: {@code (Object)Object}. */
    private void attrSite(String name) {
        cb.invokedynamic(pooled(DynamicCallSiteDesc.of(ATTR_BSM, "getattr", MethodTypeDesc.of(CD_Object, CD_Object),
                stringArg(name))));
    }

    private void fastLoopAttr(Scope loop, String attr) {
        if (isLoopNumber(attr)) {
            fastLoopNumber(loop, attr);
            cb.i2l().invokestatic(CD_LONG, "valueOf", MethodTypeDesc.of(CD_LONG, ConstantDescs.CD_long));
            return;
        }
        switch (attr) {
            case "first", "last" -> {
                fastLoopFlag(loop, attr);
                box();
            }
            default -> throw new IllegalStateException("not a fast loop attribute: " + attr);
        }
    }

    private static boolean isLoopNumber(String attr) {
        return switch (attr) {
            case "index", "index0", "revindex", "revindex0", "length", "depth", "depth0" -> true;
            default -> false;
        };
    }

    /** Pushes a numeric attribute of a fast loop as an int. */
    private void fastLoopNumber(Scope loop, String attr) {
        int i = loop.indexSlot;
        int n = loop.sizeSlot;
        switch (attr) {
            case "index" -> cb.iload(i).iconst_1().iadd();
            case "index0" -> cb.iload(i);
            case "revindex" -> cb.iload(n).iload(i).isub();
            case "revindex0" -> cb.iload(n).iload(i).isub().iconst_1().isub();
            case "length" -> cb.iload(n);
            case "depth" -> cb.iconst_1();
            case "depth0" -> cb.iconst_0();
            default -> throw new IllegalStateException("not a numeric loop attribute: " + attr);
        }
    }

    private void fastLoopFlag(Scope loop, String attr) {
        Label yes = cb.newLabel();
        Label end = cb.newLabel();
        if (attr.equals("first")) {
            cb.iload(loop.indexSlot).ifeq(yes);
        } else {
            cb.iload(loop.indexSlot).iload(loop.sizeSlot).iconst_1().isub().if_icmpeq(yes);
        }
        cb.iconst_0().goto_(end).labelBinding(yes);
        cb.iconst_1().labelBinding(end);
    }

    /** Applies a filter to the value on the stack. */
    private void applyFilter(Expr.Filter fl) {
        Pos saved = enclosing;
        enclosing = at(fl);
        int value = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(value);
        dev.kida.api.Filter filter = tc.engine.filter(fl.name());
        cb.ldc(pooled(tc.constant(filter != null ? filter : CompiledHelpers.missingFilter(fl.name()), CD_FILTER))).aload(R).aload(value);
        arguments(fl.args(), fl.kwargs(), fl.starArgs(), fl.starKwargs(), true);
        setPos();
        cb.invokeinterface(CD_FILTER, "apply", MethodTypeDesc.of(CD_Object, cd(dev.kida.api.CallContext.class),
                CD_Object, cd(dev.kida.api.Arguments.class)));
        enclosing = saved;
    }

    /** A test: leaves its boolean result. */
    private void test(Expr.Test t) {
        int value = cb.allocateLocal(TypeKind.REFERENCE);
        expr(t.value());
        cb.astore(value);
        dev.kida.api.Test test = tc.engine.test(t.name());
        cb.ldc(pooled(tc.constant(test != null ? test : CompiledHelpers.missingTest(t.name()), CD_TEST))).aload(R).aload(value);
        arguments(t.args(), t.kwargs(), null, null, true);
        cb.loadConstant(t.negated() ? 1 : 0);
        setPos();
        cb.invokestatic(CD_HELPERS, "test", MethodTypeDesc.of(CD_boolean, CD_TEST, CD_RENDERER, CD_Object, CD_ARGS,
                CD_boolean));
    }

    /** Evaluates call arguments in the evaluator's order; leaves an Args. */
    private void arguments(List<Expr> positional, List<Expr.Keyword> keywords, Expr starArgs, Expr starKwargs,
                           boolean sharedEmpty) {
        if (keywords.isEmpty() && starArgs == null && starKwargs == null) {
            if (positional.isEmpty() && sharedEmpty) {
                cb.getstatic(CD_ARGS, "EMPTY", CD_ARGS);
                return;
            }
            array(positional);
            cb.invokestatic(CD_HELPERS, "args", MethodTypeDesc.of(CD_ARGS, CD_OBJECTS));
            return;
        }
        array(positional);
        cb.invokestatic(CD_HELPERS, "list", MethodTypeDesc.of(CD_LIST, CD_OBJECTS));
        if (starArgs != null) {
            expr(starArgs);
            setPos();
            cb.invokestatic(CD_HELPERS, "spread", MethodTypeDesc.of(CD_LIST, CD_LIST, CD_Object));
        }
        String[] names = keywords.stream().map(Expr.Keyword::name).toArray(String[]::new);
        cb.ldc(pooled(tc.constant(names, cd(String[].class))));
        array(keywords.stream().map(Expr.Keyword::value).toList());
        if (starKwargs != null) {
            expr(starKwargs);
        } else {
            cb.aconst_null();
        }
        cb.loadConstant(starKwargs != null ? 1 : 0);
        setPos();
        cb.invokestatic(CD_HELPERS, "args", MethodTypeDesc.of(CD_ARGS, CD_LIST, cd(String[].class), CD_OBJECTS,
                CD_Object, CD_boolean));
    }

    /** A comparison chain: leaves its boolean result. */
    private void compare(Expr.Compare c) {
        int left = cb.allocateLocal(TypeKind.REFERENCE);
        int right = cb.allocateLocal(TypeKind.REFERENCE);
        Label no = cb.newLabel();
        Label end = cb.newLabel();
        if (!primitiveCompare(c, end)) {
            expr(c.first());
        }
        cb.astore(left);
        for (Expr.Operand op : c.rest()) {
            expr(op.expr());
            cb.astore(right);
            setPos();
            cb.aload(left).aload(right);
            String m = switch (op.op()) {
                case EQ -> "eq";
                case NE -> "ne";
                case LT -> "lt";
                case LE -> "le";
                case GT -> "gt";
                case GE -> "ge";
                case IN -> "in";
                case NOT_IN -> "notIn";
            };
            cb.invokestatic(CD_HELPERS, m, MethodTypeDesc.of(CD_boolean, CD_Object, CD_Object)).ifeq(no);
            cb.aload(right).astore(left);
        }
        cb.iconst_1().goto_(end);
        cb.labelBinding(no).iconst_0();
        cb.labelBinding(end);
    }

    /**
     * {@code obj.name OP number}: a {@link FusedAttributeSite} compares a primitive getter's
     * value unboxed and jumps to {@code end} with the result. Where it does not apply, it leaves the
     * attribute's value on the stack for the generic comparison, read from the same receiver;
     * returns false (emitting nothing) when the expression does not have this shape.
     */
    private boolean primitiveCompare(Expr.Compare c, Label end) {
        if (c.rest().size() != 1 || !(c.first() instanceof Expr.GetAttr g) || !isPlainAttr(g)) {
            return false;
        }
        Expr.Operand operand = c.rest().getFirst();
        String op = switch (operand.op()) {
            case LT -> "LT";
            case LE -> "LE";
            case GT -> "GT";
            case GE -> "GE";
            default -> null;
        };
        Object constant = fold(operand.expr());
        if (op == null || !(constant instanceof Long || constant instanceof Double)) {
            return false;
        }
        Pos saved = enclosing;
        enclosing = at(g);
        int receiver = cb.allocateLocal(TypeKind.REFERENCE);
        Label generic = cb.newLabel();
        expr(g.target());
        setPos();
        cb.dup().astore(receiver);
        cb.invokedynamic(pooled(DynamicCallSiteDesc.of(COMPARE_ATTR_BSM, "compareattr",
                MethodTypeDesc.of(CD_int, CD_Object), stringArg(g.name()), op, (java.lang.constant.ConstantDesc) constant)));
        cb.dup().iflt(generic);
        cb.goto_(end);
        cb.labelBinding(generic);
        cb.pop().aload(receiver);
        attrSite(g.name());
        enclosing = saved;
        return true;
    }

    /**
     * Leaves the truth value of {@code e} as an int, without boxing where the expression is
     * boolean already; a final truth test of a value is blamed on {@code truthyAt}.
     */
    private void cond(Expr e, Pos truthyAt) {
        Object c = fold(e);
        if (c != NOT_CONST) {
            try {
                cb.loadConstant(Values.truthy(c) ? 1 : 0);
                return;
            } catch (RuntimeException ex) {
                // raises at run time, where it is located
            }
        }
        Pos saved = enclosing;
        enclosing = at(e);
        switch (e) {
            case Expr.Unary u when u.op() == dev.kida.engine.ast.UnaryOp.NOT -> {
                cond(u.operand(), enclosing);
                cb.iconst_1().ixor();
            }
            case Expr.And a -> {
                Label no = cb.newLabel();
                Label end = cb.newLabel();
                cond(a.left(), enclosing);
                cb.ifeq(no);
                cond(a.right(), truthyAt);
                cb.goto_(end);
                cb.labelBinding(no).iconst_0();
                cb.labelBinding(end);
            }
            case Expr.Or o -> {
                Label yes = cb.newLabel();
                Label end = cb.newLabel();
                cond(o.left(), enclosing);
                cb.ifne(yes);
                cond(o.right(), truthyAt);
                cb.goto_(end);
                cb.labelBinding(yes).iconst_1();
                cb.labelBinding(end);
            }
            case Expr.Compare cmp -> compare(cmp);
            case Expr.Test t -> test(t);
            case Expr.GetAttr g when g.target() instanceof Expr.Name n && n.name().equals("loop")
                    && (g.name().equals("first") || g.name().equals("last")) && fastLoopScope() != null ->
                    fastLoopFlag(fastLoopScope(), g.name());
            default -> {
                enclosing = saved;
                expr(e);
                setPos(truthyAt);
                truthy();
            }
        }
        enclosing = saved;
    }
}
