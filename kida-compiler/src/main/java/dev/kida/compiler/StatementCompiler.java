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
import java.lang.constant.MethodTypeDesc;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.kida.compiler.Descriptors.CD_FRAME;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_OUTPUT;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.TemplateCompiler.cd;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * Statements: the dispatch over every statement kind, the statements Jinja2 and Kida share
 * ({@code if}, {@code set}, {@code with}, {@code autoescape}, filter blocks, macros, blocks) and
 * the hand-over of the statements this backend does not compile to the evaluator
 * ({@link CompiledHelpers#delegate}). Loops are {@link LoopCompiler}'s, Kida's own statements
 * {@link KidaStatementCompiler}'s.
 */
final class StatementCompiler extends BodyPart {
    StatementCompiler(BodyCompiler body) {
        super(body);
    }

    void emitAll(List<Stmt> statements) {
        for (Stmt s : statements) {
            emit(s);
        }
    }

    private void emit(Stmt s) {
        if (s instanceof Stmt.Text t) {
            body.text.append(t);
            return;
        }
        if (s instanceof Stmt.Print p && body.printing.foldPrint(p)) {
            return;
        }
        flushText();
        Pos saved = positions.enter(s);
        if (TemplateCompiler.isDelegated(s)) {
            delegate(s);
            positions.restore(saved);
            return;
        }
        KidaStatementCompiler kida = body.kidaStatements;
        switch (s) {
            case Stmt.Print p -> body.printing.print(p);
            case Stmt.If i -> ifStmt(i);
            case Stmt.For f -> body.loops.forStmt(f);
            case Stmt.Set st -> {
                expr(st.value());
                setPos();
                body.variables.assign(st.target(), body.variables.current());
            }
            case Stmt.SetBlock sb -> {
                captureFiltered(sb.body(), sb.filters());
                setPos();
                body.variables.assign(sb.target(), body.variables.current());
            }
            case Stmt.With w -> with(w);
            case Stmt.Macro m -> macro(m);
            case Stmt.Def d -> kida.def(d);
            case Stmt.FilterBlock fb -> {
                captureFiltered(fb.body(), fb.filters());
                setPos();
                body.printing.printValue();
            }
            case Stmt.Block b -> {
                setPos();
                cb.aload(R).ldc(constants.pooled(tc.constant(b, cd(Stmt.Block.class)))).aload(frame())
                        .invokestatic(CD_HELPERS, "block", MethodTypeDesc.of(CD_void, CD_STATE,
                                cd(Stmt.Block.class), CD_FRAME));
            }
            case Stmt.Autoescape a -> autoescape(a);
            case Stmt.Do d -> {
                expr(d.expr());
                cb.pop();
            }
            case Stmt.Break b -> body.jumps.jump(true);
            case Stmt.Continue c -> body.jumps.jump(false);
            case Stmt.While w -> kida.whileStmt(w);
            case Stmt.Match m -> body.matches.matchStmt(m);
            case Stmt.Let l -> kida.let(l);
            case Stmt.Flush fl -> cb.aload(R).invokeinterface(CD_STATE, "flush", MethodTypeDesc.of(CD_void));
            case Stmt.TemplateDecl d -> { }
            case Stmt.WithIf w -> kida.withIf(w);
            case Stmt.Try t -> kida.tryStmt(t);
            case Stmt.Spaceless sp -> kida.spaceless(sp);
            case Stmt.Capture c -> kida.capture(c);
            case Stmt.CallBlock c -> kida.callBlock(c);
            case Stmt.SlotFill fill -> { }
            case Stmt.SlotPlace place -> kida.slotPlace(place);
            case Stmt.Yield y -> kida.yield(y);
            case Stmt.Provide pr -> kida.provide(pr);
            case Stmt.Push pu -> kida.push(pu);
            case Stmt.StackOut so -> kida.stackOut(so);
            default -> throw new IllegalStateException("statement not compiled: " + s.getClass().getSimpleName());
        }
        flushText();
        positions.restore(saved);
    }

    /** Hands the statement to the evaluator, in this body's Frame. */
    private void delegate(Stmt s) {
        setPos();
        cb.aload(R).ldc(constants.pooled(tc.constant(s, cd(Stmt.class)))).aload(frame());
        // Any delegated block may hold a break or continue of the loop around it (a provide,
        // push or autoescape body inside a for): the evaluator reports how control left it.
        // Where none can cross (an include, a call body), the signal is simply 0.
        if (hasLoopControl(s)) {
            delegateWithSignal();
        } else {
            cb.invokestatic(CD_HELPERS, "delegate", MethodTypeDesc.of(CD_void, CD_STATE, cd(Stmt.class), CD_FRAME));
        }
    }

    /** Whether a break or continue of an enclosing loop may leave this statement's bodies. */
    private static boolean hasLoopControl(Stmt s) {
        boolean[] found = {false};
        Traversal.thisScope(List.of(s), n -> found[0] |= n instanceof Stmt.Break || n instanceof Stmt.Continue);
        return found[0];
    }

    /** Calls the evaluator for the statement set up on the stack and obeys its break/continue. */
    private void delegateWithSignal() {
        cb.invokestatic(CD_HELPERS, "delegateSignal", MethodTypeDesc.of(CD_int, CD_STATE, cd(Stmt.class), CD_FRAME));
        int signal = cb.allocateLocal(TypeKind.INT);
        cb.istore(signal);
        Label notBreak = cb.newLabel();
        Label done = cb.newLabel();
        cb.iload(signal).iconst_1().if_icmpne(notBreak);
        body.jumps.jump(true);
        cb.labelBinding(notBreak);
        cb.iload(signal).iconst_2().if_icmpne(done);
        body.jumps.jump(false);
        cb.labelBinding(done);
    }

    private void macro(Stmt.Macro m) {
        int id = tc.addBody(m.body(), body.escape);
        setPos();
        cb.aload(R).ldc(constants.pooled(tc.constant(m, cd(Stmt.Macro.class)))).aload(frame());
        body.printing.loadEscape();
        tc.loadHolder(cb).loadConstant(id).invokestatic(CD_HELPERS, "macro", MethodTypeDesc.of(CD_void,
                CD_STATE, cd(Stmt.Macro.class), CD_FRAME, CD_boolean, cd(Compiled[].class), CD_int));
    }

    private void ifStmt(Stmt.If i) {
        Label end = cb.newLabel();
        Pos truthyAt = positions.current();
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
        cb.aload(R).invokeinterface(CD_STATE, "autoescape", MethodTypeDesc.of(CD_boolean)).istore(saved);
        Boolean known = ConstantFolding.truth(a.enabled());
        cond(a.enabled(), positions.current());
        cb.aload(R).swap().invokeinterface(CD_STATE, "autoescape", MethodTypeDesc.of(CD_void, CD_boolean));
        Boolean savedEscape = body.escape;
        body.escape = known;
        body.jumps.push(new JumpTarget.Escape(saved));
        boolean local = !ScopeFacts.needsFrame(a.body(), TemplateCompiler::framed);
        Scope scope = body.variables.newScope(local);
        if (local) {
            body.variables.declare(scope, Set.of(), Names.setNames(a.body()));
        }
        body.variables.push(scope);
        stmts(a.body());
        flushText();
        body.variables.pop();
        body.jumps.pop();
        body.escape = savedEscape;
        body.jumps.restoreAutoescape(saved);
    }

    private void with(Stmt.With w) {
        boolean local = !ScopeFacts.needsFrame(w.body(), TemplateCompiler::framed);
        Scope scope = body.variables.newScope(local);
        Set<String> bound = new LinkedHashSet<>();
        w.assignments().forEach(a -> Names.targetNames(a.target(), bound));
        if (local) {
            body.variables.declare(scope, bound, Names.setNames(w.body()));
        }
        for (Stmt.Assignment a : w.assignments()) {
            expr(a.value());
            setPos();
            body.variables.assign(a.target(), scope);
        }
        body.variables.push(scope);
        stmts(w.body());
        flushText();
        body.variables.pop();
    }

    /**
     * Runs a body with output captured; leaves the captured value (Markup or String) on the stack.
     * A break or continue of an enclosing loop inside the body abandons the capture and goes on to
     * the loop ({@link JumpTarget.Abandon}): the code after this one is then not run.
     */
    void capture(List<Stmt> statements) {
        int saved = cb.allocateLocal(TypeKind.REFERENCE);
        cb.aload(R).invokestatic(CD_HELPERS, "beginCapture", MethodTypeDesc.of(CD_OUTPUT, CD_STATE)).astore(saved);
        body.jumps.push(new JumpTarget.Abandon(saved));
        stmts(statements);
        flushText();
        body.jumps.pop();
        cb.aload(R).aload(saved).invokestatic(CD_HELPERS, "endCapture",
                MethodTypeDesc.of(CD_Object, CD_STATE, CD_OUTPUT));
    }

    /** A captured body through filters (block {@code set}, {@code filter} blocks): leaves the value. */
    private void captureFiltered(List<Stmt> statements, List<Expr.Filter> filters) {
        capture(statements);
        for (Expr.Filter fl : filters) {
            body.calls.applyFilter(fl);
        }
    }
}
