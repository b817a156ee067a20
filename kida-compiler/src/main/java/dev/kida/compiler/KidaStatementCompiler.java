package dev.kida.compiler;

import dev.kida.engine.analysis.Names;
import dev.kida.engine.analysis.ScopeFacts;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.eval.SlotCaller;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.kida.compiler.Descriptors.CD_ARGS;
import static dev.kida.compiler.Descriptors.CD_FRAME;
import static dev.kida.compiler.Descriptors.CD_FUNCTIONS;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_KIDA_STMTS;
import static dev.kida.compiler.Descriptors.CD_MAP;
import static dev.kida.compiler.Descriptors.CD_OBJECTS;
import static dev.kida.compiler.Descriptors.CD_OUTPUT;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.Descriptors.CD_VALUES;
import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * Kida's own statements, with the rules the evaluator shares ({@code eval.KidaStatements},
 * {@code eval.FunctionStatements}): {@code def}, call blocks and slots, {@code yield},
 * {@code provide}, {@code push} and stacks, {@code while}, {@code let}, the conditional
 * {@code with}, {@code try}/{@code fallback}, {@code capture} and {@code spaceless}. {@code match}
 * is {@link MatchCompiler}'s.
 */
final class KidaStatementCompiler extends BodyPart {
    KidaStatementCompiler(BodyCompiler body) {
        super(body);
    }

    /**
     * {@code def}: binds a function whose body is a method of this class ({@link CompiledHelpers#def}),
     * or only exports it when no render can see the binding ({@link TemplateCompiler#unobservedDef}).
     */
    void def(Stmt.Def d) {
        boolean locals = TemplateCompiler.paramsInLocals(d);
        int id = tc.defBody(d, body.escape, locals);
        setPos();
        // no render can see the binding of the unobserved def (TemplateCompiler#unobservedDef): it
        // is only exported, and the calls, all in this method, make the function where they need
        // it (Variables#load)
        boolean unobserved = d == tc.unobservedDef() && tc.isTopLevel(body.spec);
        tc.loadHolder(cb.aload(R).ldc(constants.pooled(tc.constant(d, cd(Stmt.Def.class)))).aload(frame()))
                .loadConstant(id).loadConstant(locals ? 1 : 0)
                .invokestatic(CD_HELPERS, unobserved ? "defUnobserved" : "def", MethodTypeDesc.of(CD_void,
                        CD_STATE, cd(Stmt.Def.class), CD_FRAME, cd(Compiled[].class), CD_int, CD_boolean));
        if (unobserved) {
            body.variables.unobservedDef(d, frame(), id, locals);
        }
    }

    /** A nested body run in place, in the scope given. */
    private void inScope(Scope scope, List<Stmt> statements) {
        body.variables.push(scope);
        stmts(statements);
        flushText();
        body.variables.pop();
    }

    /**
     * {@code try %}body{% fallback [name] %}fallback{% end}: the body renders into a buffer,
     * output when it ends (also by break or continue); an error the evaluator's rule catches
     * ({@link dev.kida.engine.eval.KidaStatements#catchable}, judged on the error located as the
     * evaluator would have it) drops the buffer and renders the fallback, with the error's mapping
     * bound to the name; any other error passes through.
     */
    void tryStmt(Stmt.Try t) {
        int saved = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(R).invokestatic(CD_HELPERS, "beginCapture", MethodTypeDesc.of(CD_OUTPUT, CD_STATE)).astore(saved);
        Label start = cb.newLabel();
        Label end = cb.newLabel();
        Label handler = cb.newLabel();
        Label after = cb.newLabel();
        Pos tryPos = positions.current();
        cb.labelBinding(start);
        // a protected range is never empty (an empty body generates no code)
        cb.nop();
        Scope tried = body.variables.scopeFor(t.body(), Set.of());
        body.jumps.push(new JumpTarget.EndTry(saved));
        inScope(tried, t.body());
        body.jumps.pop();
        cb.labelBinding(end);
        body.jumps.endTry(saved);
        cb.goto_(after);
        cb.labelBinding(handler);
        cb.exceptionCatchAll(start, end, handler);
        int exc = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(exc);
        cb.aload(R).aload(saved).aload(exc);
        positions.loadBlamed();
        cb.invokestatic(CD_HELPERS, "tryFailed", MethodTypeDesc.of(CD_Object, CD_STATE, CD_OUTPUT,
                cd(Throwable.class), cd(Pos.class)));
        Label caught = cb.newLabel();
        cb.dup().instanceOf(cd(Throwable.class)).ifeq(caught);
        cb.checkcast(cd(Throwable.class)).athrow();
        cb.labelBinding(caught);
        positions.restore(tryPos);
        Set<String> bound = t.errorName() == null ? Set.of() : Set.of(t.errorName());
        Scope fallback = body.variables.scopeFor(t.fallback(), bound);
        if (t.errorName() != null) {
            body.variables.assign(t.errorName(), fallback);
        } else {
            cb.pop();
        }
        inScope(fallback, t.fallback());
        positions.restore(tryPos);
        cb.labelBinding(after);
    }

    /**
     * Kida's conditional {@code with}: each value in order (an undefined one raises where it
     * stands), then the body with the names (or {@code it}) bound when all are truthy, else the
     * else branch; each in a scope of its own, as the evaluator runs them.
     */
    void withIf(Stmt.WithIf w) {
        int n = w.values().size();
        int[] values = new int[n];
        int all = cb.allocateLocal(TypeKind.INT);
        cb.iconst_1().istore(all);
        Pos withPos = positions.current();
        for (int k = 0; k < n; k++) {
            Expr e = w.values().get(k);
            expr(e);
            setPos(at(e));
            cb.invokestatic(CD_HELPERS, "withValue", MethodTypeDesc.of(CD_Object, CD_Object));
            values[k] = cb.allocateLocal(TypeKind.REFERENCE);
            cb.dup().astore(values[k]);
            positions.restore(withPos);
            setPos();
            body.expressions.truthy();
            cb.iload(all).iand().istore(all);
        }
        positions.restore(withPos);
        Label orElse = cb.newLabel();
        Label end = cb.newLabel();
        cb.iload(all).ifeq(orElse);
        Set<String> names = new LinkedHashSet<>(w.names().isEmpty() ? List.of("it") : w.names());
        Scope scope = body.variables.scopeFor(w.body(), names);
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
            body.variables.assign("it", scope);
        } else {
            for (int k = 0; k < n; k++) {
                cb.aload(values[k]);
                body.variables.assign(w.names().get(k), scope);
            }
        }
        inScope(scope, w.body());
        positions.restore(withPos);
        cb.goto_(end);
        cb.labelBinding(orElse);
        Scope other = body.variables.scopeFor(w.orElse(), Set.of());
        inScope(other, w.orElse());
        positions.restore(withPos);
        cb.labelBinding(end);
    }

    /** {@code spaceless}: the body captured, its whitespace between tags removed, printed. */
    void spaceless(Stmt.Spaceless sp) {
        Scope scope = body.variables.scopeFor(sp.body(), Set.of());
        body.variables.push(scope);
        body.statements.capture(sp.body());
        body.variables.pop();
        cb.aload(R).swap().invokestatic(CD_HELPERS, "spaceless", MethodTypeDesc.of(CD_void, CD_STATE, CD_Object));
    }

    /** {@code capture name}: the body rendered (with nothing discarded) and bound to the name. */
    void capture(Stmt.Capture c) {
        Scope scope = body.variables.scopeFor(c.body(), Set.of());
        // the body renders with nothing discarded, as the evaluator captures it
        int discarding = beginNotDiscarding();
        body.variables.push(scope);
        body.jumps.push(new JumpTarget.Discarding(discarding));
        body.statements.capture(c.body());
        body.jumps.pop();
        body.variables.pop();
        endNotDiscarding(discarding);
        int value = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(value);
        setPos();
        cb.aload(R);
        string(c.name());
        cb.aload(value).aload(frame()).invokestatic(CD_KIDA_STMTS, "bindLet",
                MethodTypeDesc.of(CD_void, CD_STATE, CD_String, CD_Object, CD_FRAME));
    }

    /** Saves the renderer's discarding flag in a new local and clears it; returns the local. */
    private int beginNotDiscarding() {
        int discarding = cb.allocateLocal(TypeKind.INT);
        cb.aload(R).invokeinterface(CD_STATE, "discarding", MethodTypeDesc.of(CD_boolean)).istore(discarding);
        cb.aload(R).iconst_0().invokeinterface(CD_STATE, "discarding", MethodTypeDesc.of(CD_void, CD_boolean));
        return discarding;
    }

    private void endNotDiscarding(int discarding) {
        cb.aload(R).iload(discarding).invokeinterface(CD_STATE, "discarding", MethodTypeDesc.of(CD_void, CD_boolean));
    }

    /**
     * {@code call f(args) %}body{% end}: the call body and each slot fill become bodies of their
     * own, run in a Frame over this scope when the callee renders them ({@link CompiledHelpers#callBlock}).
     */
    void callBlock(Stmt.CallBlock c) {
        List<Stmt.SlotFill> fills = SlotCaller.fills(c.body());
        int[] ids = new int[fills.size() + 1];
        ids[0] = tc.addBody(c.body(), body.escape);
        for (int k = 0; k < fills.size(); k++) {
            ids[k + 1] = tc.addBody(fills.get(k).body(), body.escape);
        }
        Expr.Call call = c.call();
        Pos saved = positions.enter(call);
        expr(call.callee());
        // the evaluator blames the call statement for an undefined callee and for what the call raises
        positions.restore(saved);
        setPos();
        body.calls.defined();
        positions.enter(call);
        body.calls.arguments(call);
        tc.loadHolder(cb.aload(R).aload(frame()).ldc(constants.pooled(tc.constant(c, cd(Stmt.CallBlock.class)))));
        cb.loadConstant(ids.length).newarray(TypeKind.INT);
        for (int k = 0; k < ids.length; k++) {
            cb.dup().loadConstant(k).loadConstant(ids[k]).iastore();
        }
        positions.restore(saved);
        setPos();
        cb.invokestatic(CD_HELPERS, "callBlock", MethodTypeDesc.of(CD_Object, CD_Object, CD_ARGS, CD_STATE, CD_FRAME,
                cd(Stmt.CallBlock.class), cd(Compiled[].class), cd(int[].class)));
        body.printing.printValue();
    }

    /**
     * A slot placeholder in a def: the bindings, then the caller's slot, or the placeholder's own
     * body in a Frame holding the bindings ({@link dev.kida.engine.eval.FunctionStatements#slotFromCaller}).
     * As in the evaluator, a break or continue in that body ends the body only.
     */
    void slotPlace(Stmt.SlotPlace place) {
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
        cb.aload(R).ldc(constants.pooled(tc.constant(place, cd(Stmt.SlotPlace.class)))).aload(frame()).aload(bindings)
                .invokestatic(CD_FUNCTIONS, "slotFromCaller", MethodTypeDesc.of(CD_boolean, CD_STATE,
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
        Pos placePos = positions.current();
        body.variables.push(new Scope(false, slot));
        // the body stands inline: a break or continue in it goes on to the def's enclosing loop
        stmts(place.body());
        flushText();
        body.variables.pop();
        positions.restore(placePos);
        cb.labelBinding(end);
    }

    /** {@code yield [name]}: renders the caller's slot. */
    void yield(Stmt.Yield y) {
        setPos();
        cb.aload(R);
        if (y.name() == null) {
            cb.aconst_null();
        } else {
            string(y.name());
        }
        cb.aload(frame()).invokestatic(CD_FUNCTIONS, "yieldSlot",
                MethodTypeDesc.of(CD_void, CD_STATE, CD_String, CD_FRAME));
    }

    /**
     * {@code provide key = value %}body{% end}: the value is provided while the body runs and
     * withdrawn however it ends (normally, by break or continue, or by an error).
     */
    void provide(Stmt.Provide p) {
        expr(p.value());
        setPos();
        int value = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(value);
        cb.aload(R);
        string(p.key());
        cb.aload(value).invokestatic(CD_HELPERS, "provide", MethodTypeDesc.of(CD_void, CD_STATE, CD_String, CD_Object));
        Label start = cb.newLabel();
        Label end = cb.newLabel();
        Label handler = cb.newLabel();
        Label after = cb.newLabel();
        cb.labelBinding(start);
        cb.nop();
        body.jumps.push(new JumpTarget.Unprovide(p.key()));
        Pos providePos = positions.current();
        stmts(p.body());
        flushText();
        positions.restore(providePos);
        body.jumps.pop();
        cb.labelBinding(end);
        body.jumps.unprovide(p.key());
        cb.goto_(after);
        cb.labelBinding(handler);
        cb.exceptionCatchAll(start, end, handler);
        body.jumps.unprovide(p.key());
        cb.athrow();
        cb.labelBinding(after);
    }

    /**
     * {@code push 'name' %}body{% end}: the stack's name, then the body rendered into a buffer
     * (with nothing discarded, as the evaluator renders it) appended to that stack.
     */
    void push(Stmt.Push p) {
        expr(p.stack());
        setPos();
        int stack = cb.allocateLocal(TypeKind.REFERENCE);
        cb.invokestatic(CD_VALUES, "str", MethodTypeDesc.of(CD_String, CD_Object)).astore(stack);
        int discarding = beginNotDiscarding();
        body.jumps.push(new JumpTarget.Discarding(discarding));
        body.statements.capture(p.body());
        body.jumps.pop();
        endNotDiscarding(discarding);
        int text = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(text);
        cb.aload(R).aload(stack).aload(text).invokestatic(CD_HELPERS, "push",
                MethodTypeDesc.of(CD_void, CD_STATE, CD_String, CD_Object));
    }

    /** {@code stack 'name'}: prints what was pushed to the stack. */
    void stackOut(Stmt.StackOut so) {
        expr(so.stack());
        setPos();
        cb.aload(R).swap().invokestatic(CD_FUNCTIONS, "stackOut",
                MethodTypeDesc.of(CD_void, CD_STATE, CD_Object));
    }

    void whileStmt(Stmt.While w) {
        Label head = cb.newLabel();
        Label end = cb.newLabel();
        int count = cb.allocateLocal(TypeKind.INT);
        cb.iconst_0().istore(count);
        Pos whilePos = positions.current();
        cb.labelBinding(head);
        cond(w.test(), whilePos);
        cb.ifeq(end);
        cb.iinc(count, 1);
        setPos(whilePos);
        // a step of the render's budget (steps, deadline, cancellation, output), as in the evaluator
        cb.aload(R);
        tc.invoke(cb, Member.STATE_STEP);
        cb.iload(count).invokestatic(CD_KIDA_STMTS, "checkWhile", MethodTypeDesc.of(CD_void, CD_int));
        // a fresh scope per iteration, as the evaluator gives
        boolean local = !ScopeFacts.needsFrame(w.body(), TemplateCompiler::framed);
        Scope scope = body.variables.newScope(local);
        if (local) {
            body.variables.declare(scope, Set.of(), Names.setNames(w.body()));
        }
        body.variables.push(scope);
        body.jumps.push(new JumpTarget.Loop(end, head));
        stmts(w.body());
        flushText();
        positions.restore(whilePos);
        body.jumps.pop();
        body.variables.pop();
        cb.goto_(head);
        cb.labelBinding(end);
    }

    /** {@code let}/{@code export}/{@code promote} and Kida's forms of {@code set} ({@code ??=}). */
    void let(Stmt.Let l) {
        Pos letPos = positions.current();
        for (Stmt.Binding b : l.bindings()) {
            Label skip = null;
            if (b.nullish()) {
                skip = cb.newLabel();
                body.variables.load(((Target.Name) b.target()).name(), false);
                cb.invokestatic(CD_KIDA_STMTS, "isNullish", MethodTypeDesc.of(CD_boolean, CD_Object)).ifeq(skip);
            }
            expr(b.value());
            setPos(letPos);
            if (l.templateScope()) {
                int value = cb.allocateLocal(TypeKind.REFERENCE);
                cb.astore(value);
                cb.aload(R).ldc(constants.pooled(tc.constant(b.target(), cd(Target.class)))).aload(value).aload(frame())
                        .invokestatic(CD_KIDA_STMTS, "let", MethodTypeDesc.of(CD_void, CD_STATE, cd(Target.class),
                                CD_Object, CD_FRAME));
            } else {
                body.variables.assign(b.target(), body.variables.current());
            }
            if (skip != null) {
                cb.labelBinding(skip);
            }
        }
    }
}
