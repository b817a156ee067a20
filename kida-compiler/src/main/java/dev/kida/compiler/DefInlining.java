package dev.kida.compiler;

import dev.kida.engine.analysis.Names;
import dev.kida.engine.analysis.ScopeFacts;
import dev.kida.engine.analysis.Traversal;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.core.Compiled;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kida.compiler.Descriptors.CD_FRAME;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_LONG;
import static dev.kida.compiler.Descriptors.CD_OBJECTS;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * {@code {{ f(a, b) }}}: a Kida def whose body takes its parameters in locals prints its output
 * in place instead of building a Markup value; a small top-level def of this template is copied
 * into the caller's method (guarded at run time, as a name can be rebound).
 */
final class DefInlining extends BodyPart {
    /** The largest def body (in AST nodes) a call copies into its method. */
    private static final int MAX_INLINED_NODES = 200;

    /** Whether code is being generated for an inlined def body (whose calls are not inlined again). */
    private boolean inlining;

    DefInlining(BodyCompiler body) {
        super(body);
    }

    /**
     * {@code {{ f(a, b) }}}: a def whose body takes its parameters in locals prints its output in
     * place ({@link CompiledHelpers#printCall}); any other callee's result is printed as usual.
     */
    void printCall(Stmt.Print p, Expr.Call call) {
        Stmt.Def inline = inlineCandidate(call);
        if (call == steppedCall && inline == null) {
            throw new IllegalStateException("the loop counted the step of a call that is not inlined");
        }
        if (inline != null) {
            printInline(p, call, inline);
            return;
        }
        Pos saved = positions.enter(call);
        expr(call.callee());
        setPos();
        body.calls.defined();
        body.expressions.array(call.args());
        cb.aload(R);
        setPos();
        cb.invokestatic(CD_HELPERS, "printCall", MethodTypeDesc.of(CD_Object, CD_Object, CD_OBJECTS, CD_STATE));
        positions.restore(saved);
        body.printing.printUnlessPrinted(p, cb.newLabel());
    }

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

    /**
     * For the body of the innermost loop being compiled: per name of a top-level def the body calls
     * and cannot rebind ({@link Names#keptDuring}), the local that keeps the callee once an inlined
     * call found it is that def; null before the loop starts (or, for the def no render can see,
     * that def when the loop's calls may all enter it in place).
     */
    private Map<String, Integer> loopCallees = Map.of();

    /**
     * The locals of {@link #loopCallees} for a loop about to start, each set to null here (before
     * the loop); {@link #enterLoop} makes them current for its body.
     */
    Map<String, Integer> keptCallees(Stmt.For f) {
        if (inlining || tc.inlineBudget <= 0) {
            return Map.of();
        }
        Map<String, Integer> kept = new HashMap<>();
        Traversal.everything(f.body(), n -> {
            if (n instanceof Expr.Call c && c.callee() instanceof Expr.Name name && !kept.containsKey(name.name())
                    && tc.topLevelDef(name.name()) != null && Names.keptDuring(f, name.name())) {
                int slot = cb.allocateLocal(TypeKind.REFERENCE);
                Stmt.Def d = tc.topLevelDef(name.name());
                if (body.variables.afterUnobservedDef(name.name()) && TemplateCompiler.paramsInLocals(d)) {
                    // the def no render can see (TemplateCompiler#unobservedDef): nothing in the
                    // loop can change what entering it checks, so that is asked once, here, and
                    // every iteration re-enters it; the first call's enterInline path is left
                    // unused (C2 compiles it as an uncommon trap, which keeps the loop's code
                    // within C2's inlining budget)
                    tc.defBody(d, tc.unit.autoescape(), true);
                    body.variables.unobservedFunction(true);
                    cb.astore(slot);
                } else {
                    cb.aconst_null().astore(slot);
                }
                kept.put(name.name(), slot);
            }
        });
        return kept;
    }

    /**
     * The call at the start of a loop's body whose step the loop's own step may count with it
     * ({@link CompiledHelpers#stepTwice}), or null. That is a print of a call of the def no render
     * can see ({@link TemplateCompiler#unobservedDef}) as the body's first statement, inlined with
     * the callee kept for the loop ({@link #keptCallees}), a body that enters nothing (its call's
     * only effect is the step), the def's autoescape setting already in force, and arguments that
     * can neither fail nor do anything ({@link #inert}): between the loop's step and the call's
     * nothing then happens that either step could be told from the other by, so counting both at
     * the loop's step ends each iteration with the same count, checks and output. Near the step
     * limit the two are made separately (the budget's rule), so the limit is hit where the
     * evaluator hits it. A page calling a def per row thus pays one step per row, as its Jinja2
     * spelling does.
     */
    Expr.Call sharedStepCall(Stmt.For f, Map<String, Integer> kept) {
        Stmt.Def d = tc.unobservedDef();
        if (d == null || f.body().isEmpty() || !(f.body().getFirst() instanceof Stmt.Print p)
                || !(p.expr() instanceof Expr.Call c) || !(c.callee() instanceof Expr.Name n)
                || !n.name().equals(d.name()) || !kept.containsKey(n.name())
                || !body.variables.afterUnobservedDef(n.name()) || inlineCandidate(c) != d
                || !ScopeFacts.entersNothing(d.body())) {
            return null;
        }
        Boolean bodyEscape = tc.bodies.get(tc.defBody(d, tc.unit.autoescape(), true)).autoescape();
        if (body.escape == null || !body.escape.equals(bodyEscape)) {
            return null;
        }
        for (Expr arg : c.args()) {
            if (!inert(arg, f)) {
                return null;
            }
        }
        return c;
    }

    /**
     * An argument whose evaluation can neither fail nor have an effect: a literal, the loop's own
     * target, {@code loop.index} and its siblings, {@code loop.cycle} of literals.
     */
    private static boolean inert(Expr arg, Stmt.For f) {
        if (Names.binds(f.target(), "loop")) {
            return arg instanceof Expr.Literal;
        }
        return switch (arg) {
            case Expr.Literal l -> true;
            case Expr.Name n -> !n.name().equals("loop") && Names.binds(f.target(), n.name());
            case Expr.GetAttr g -> g.target() instanceof Expr.Name n && n.name().equals("loop")
                    && ScopeFacts.FAST_LOOP_ATTRS.contains(g.name());
            case Expr.Call c -> ScopeFacts.isFastCycle(c) && !c.args().isEmpty()
                    && c.args().stream().allMatch(a -> a instanceof Expr.Literal);
            default -> false;
        };
    }

    /** {@link #sharedStepCall} of the loop being compiled, and the int local saying whether its step was counted. */
    private Expr.Call steppedCall;
    private int steppedSlot;

    int steppedSlot() {
        return steppedSlot;
    }

    /** Makes {@code call} the one whose step the loop counted when the int local {@code slot} is 1; returns the previous. */
    Expr.Call stepped(Expr.Call call, int slot) {
        Expr.Call previous = steppedCall;
        steppedCall = call;
        steppedSlot = slot;
        return previous;
    }

    /** Makes {@code callees} the current loop's (see {@link #keptCallees}); returns the previous ones. */
    Map<String, Integer> enterLoop(Map<String, Integer> callees) {
        Map<String, Integer> previous = loopCallees;
        loopCallees = callees;
        return previous;
    }

    /**
     * {@code {{ d(a, b) }}} of a top-level def: when the callee is that def of this very template
     * (checked at run time: a name can be rebound), its body runs right here, as the method the def
     * compiles to would run it (same scopes, state and errors: {@link CompiledHelpers#enterInline}), so a loop
     * calling a def per row costs no call; otherwise the call goes the usual way.
     *
     * <p>In a loop that cannot rebind the name ({@link Names#keptDuring}) the callee found to be the
     * def is kept for the later iterations: no lookup, and only the call's own effects
     * ({@link CompiledHelpers#reenterInline}). A body that enters no level and flushes nothing
     * ({@link ScopeFacts#entersNothing}) leaves the depth alone, the autoescape state is switched
     * only when the def's differs from the caller's, and a parameter given {@code loop.index} (or a
     * sibling) stays a JVM long, printed as such.
     */
    private void printInline(Stmt.Print p, Expr.Call call, Stmt.Def d) {
        tc.inlineBudget--;
        int id = tc.defBody(d, tc.unit.autoescape(), true);
        Pos saved = positions.enter(call);
        Integer kept = loopCallees.get(d.name());
        Label found = cb.newLabel();
        if (kept != null) {
            cb.aload(kept).dup().ifnonnull(found);
            cb.pop();
        }
        expr(call.callee());
        setPos();
        body.calls.defined();
        cb.labelBinding(found);
        int callee = cb.allocateLocal(TypeKind.REFERENCE);
        cb.astore(callee);
        int[] args = new int[call.args().size()];
        boolean[] longArg = new boolean[args.length];
        Set<String> bodySets = Names.setNames(d.body());
        for (int k = 0; k < args.length; k++) {
            Expr arg = call.args().get(k);
            if (arg instanceof Expr.GetAttr g && !body.expressions.isPlainAttr(g) && LoopCompiler.isLoopNumber(g.name())
                    && !bodySets.contains(d.params().get(k).name())) {
                body.loops.fastLoopNumber(g.name());
                args[k] = cb.allocateLocal(TypeKind.LONG);
                cb.i2l().lstore(args[k]);
                longArg[k] = true;
                continue;
            }
            expr(arg);
            args[k] = cb.allocateLocal(TypeKind.REFERENCE);
            cb.astore(args[k]);
        }
        boolean counted = !ScopeFacts.entersNothing(d.body());
        Boolean bodyEscape = tc.bodies.get(id).autoescape();
        boolean restoreEscape = body.escape == null || !body.escape.equals(bodyEscape);
        int savedEscape = cb.allocateLocal(TypeKind.INT);
        int closure = cb.allocateLocal(TypeKind.REFERENCE);
        if (restoreEscape) {
            cb.aload(R).invokeinterface(CD_STATE, "autoescape", MethodTypeDesc.of(CD_boolean)).istore(savedEscape);
        }
        setPos();
        Label entered = cb.newLabel();
        if (kept != null) {
            // an earlier iteration entered this def here: what it checked still holds
            Label check = cb.newLabel();
            cb.aload(kept).ifnull(check);
            if (call == steppedCall) {
                // the loop's step counted this call's (sharedStepCall), unless near the limit
                Label step = cb.newLabel();
                cb.iload(steppedSlot).ifeq(step);
                cb.aload(callee).invokestatic(CD_HELPERS, "reenterStepped", MethodTypeDesc.of(CD_FRAME, CD_Object));
                cb.goto_(entered);
                cb.labelBinding(step);
            }
            cb.aload(callee).aload(R).loadConstant(counted ? 1 : 0).loadConstant(restoreEscape ? 1 : 0)
                    .invokestatic(CD_HELPERS, "reenterInline",
                            MethodTypeDesc.of(CD_FRAME, CD_Object, CD_STATE, CD_boolean, CD_boolean));
            cb.goto_(entered);
            cb.labelBinding(check);
        }
        tc.loadHolder(cb.aload(callee).aload(R)).loadConstant(id).loadConstant(counted ? 1 : 0)
                .invokestatic(CD_HELPERS, "enterInline", MethodTypeDesc.of(CD_FRAME, CD_Object, CD_STATE,
                        cd(Compiled[].class), CD_int, CD_boolean));
        cb.labelBinding(entered);
        cb.dup().astore(closure);
        Label generic = cb.newLabel();
        Label done = cb.newLabel();
        cb.ifnull(generic);
        if (kept != null) {
            cb.aload(callee).astore(kept);
        }
        // the def's body, in its own scopes: its closure frame and its parameters
        List<Scope> callerScopes = body.variables.detach();
        List<JumpTarget> callerJumps = body.jumps.detach();
        List<Label> callerChains = body.kidaExpressions.detach();
        Boolean callerEscape = body.escape;
        Map<String, Integer> callerCallees = enterLoop(Map.of());
        body.escape = bodyEscape;
        inlining = true;
        body.variables.push(new Scope(false, closure));
        Scope params = Scope.locals();
        for (int k = 0; k < args.length; k++) {
            String name = d.params().get(k).name();
            params.slots.put(name, args[k]);
            params.definite.add(name);
            if (longArg[k]) {
                params.longs.add(name);
            }
        }
        body.variables.declare(params, Set.of(), bodySets);
        body.variables.push(params);
        Label bodyStart = cb.newLabel();
        Label bodyEnd = cb.newLabel();
        Label handler = cb.newLabel();
        body.jumps.push(new JumpTarget.Stop(bodyEnd));
        cb.labelBinding(bodyStart);
        cb.nop();
        stmts(d.body());
        flushText();
        cb.labelBinding(bodyEnd);
        leaveInline(counted, restoreEscape, savedEscape);
        cb.goto_(done);
        if (counted || restoreEscape) {
            // an error leaves the render state as the call's own method would have left it
            cb.labelBinding(handler);
            cb.exceptionCatchAll(bodyStart, bodyEnd, handler);
            leaveInline(counted, restoreEscape, savedEscape);
            cb.athrow();
        }
        inlining = false;
        enterLoop(callerCallees);
        body.escape = callerEscape;
        body.variables.attach(callerScopes);
        body.jumps.attach(callerJumps);
        body.kidaExpressions.attach(callerChains);
        positions.restore(at(call));
        // not this def (rebound, imported, or the render state differs): the usual call
        cb.labelBinding(generic);
        cb.aload(callee);
        cb.loadConstant(args.length).anewarray(CD_Object);
        for (int k = 0; k < args.length; k++) {
            cb.dup().loadConstant(k);
            if (longArg[k]) {
                cb.lload(args[k]).invokestatic(CD_LONG, "valueOf", MethodTypeDesc.of(CD_LONG, ConstantDescs.CD_long));
            } else {
                cb.aload(args[k]);
            }
            cb.aastore();
        }
        cb.aload(R);
        setPos();
        cb.invokestatic(CD_HELPERS, "printCall", MethodTypeDesc.of(CD_Object, CD_Object, CD_OBJECTS, CD_STATE));
        positions.restore(saved);
        body.printing.printUnlessPrinted(p, done);
    }

    /** Undoes what entering an inlined def body did to the render state. */
    private void leaveInline(boolean counted, boolean restoreEscape, int savedEscape) {
        if (counted) {
            cb.aload(R).invokestatic(CD_HELPERS, "leaveInline", MethodTypeDesc.of(CD_void, CD_STATE));
        }
        if (restoreEscape) {
            cb.aload(R).iload(savedEscape).invokeinterface(CD_STATE, "autoescape", MethodTypeDesc.of(CD_void, CD_boolean));
        }
    }
}
