package dev.kida.compiler;

import dev.kida.engine.analysis.Names;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.core.Compiled;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.Set;

import static dev.kida.compiler.Descriptors.CD_FRAME;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
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
     * {@code {{ d(a, b) }}} of a top-level def: when the callee is that def of this very template
     * (checked at run time: a name can be rebound), its body runs right here, as the method the def
     * compiles to would run it (same scopes, state and errors: {@link CompiledHelpers#enterInline}), so a loop
     * calling a def per row costs no call; otherwise the call goes the usual way.
     */
    private void printInline(Stmt.Print p, Expr.Call call, Stmt.Def d) {
        tc.inlineBudget--;
        int id = tc.defBody(d, tc.unit.autoescape(), true);
        Pos saved = positions.enter(call);
        expr(call.callee());
        setPos();
        body.calls.defined();
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
        cb.aload(R).invokeinterface(CD_STATE, "autoescape", MethodTypeDesc.of(CD_boolean)).istore(savedEscape);
        setPos();
        cb.aload(callee).aload(R).ldc(constants.pooled(tc.holder())).loadConstant(id)
                .invokestatic(CD_HELPERS, "enterInline", MethodTypeDesc.of(CD_FRAME, CD_Object, CD_STATE,
                        cd(Compiled[].class), CD_int))
                .dup().astore(closure);
        Label generic = cb.newLabel();
        Label done = cb.newLabel();
        cb.ifnull(generic);
        // the def's body, in its own scopes: its closure frame and its parameters
        List<Scope> callerScopes = body.variables.detach();
        List<JumpTarget> callerJumps = body.jumps.detach();
        List<Label> callerChains = body.kidaExpressions.detach();
        Boolean callerEscape = body.escape;
        body.escape = tc.bodies.get(id).autoescape();
        inlining = true;
        body.variables.push(new Scope(false, closure));
        Scope params = Scope.locals();
        for (int k = 0; k < args.length; k++) {
            String name = d.params().get(k).name();
            params.slots.put(name, args[k]);
            params.definite.add(name);
        }
        body.variables.declare(params, Set.of(), Names.setNames(d.body()));
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
        leaveInline(savedEscape);
        cb.goto_(done);
        // an error leaves the render state as the call's own method would have left it
        cb.labelBinding(handler);
        cb.exceptionCatchAll(bodyStart, bodyEnd, handler);
        leaveInline(savedEscape);
        cb.athrow();
        inlining = false;
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
            cb.dup().loadConstant(k).aload(args[k]).aastore();
        }
        cb.aload(R);
        setPos();
        cb.invokestatic(CD_HELPERS, "printCall", MethodTypeDesc.of(CD_Object, CD_Object, CD_OBJECTS, CD_STATE));
        positions.restore(saved);
        body.printing.printUnlessPrinted(p, done);
    }

    private void leaveInline(int savedEscape) {
        cb.aload(R).iload(savedEscape).invokestatic(CD_HELPERS, "leaveInline",
                MethodTypeDesc.of(CD_void, CD_STATE, CD_boolean));
    }
}
