package dev.kida.compiler;

import dev.kida.engine.analysis.ScopeFacts;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.eval.ConstantExpr;
import dev.kida.engine.output.StringOutput;

import java.lang.classfile.Label;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

import static dev.kida.compiler.ConstantFolding.NOT_CONST;
import static dev.kida.compiler.Descriptors.CD_ESCAPER;
import static dev.kida.compiler.Descriptors.CD_HELPERS;
import static dev.kida.compiler.Descriptors.CD_OUTPUT;
import static dev.kida.compiler.Descriptors.CD_STATE;
import static dev.kida.compiler.Descriptors.MTD_PRINT_ESCAPED;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * {@code {{ expr }}}: escaped as the autoescape state says (decided when compiling where it is
 * known, at run time where not). A constant becomes static text; a fast loop's number is printed
 * as a number; an attribute read and a def call have printing paths of their own
 * ({@link FusedSites}, {@link DefInlining}).
 */
final class PrintCompiler extends BodyPart {
    PrintCompiler(BodyCompiler body) {
        super(body);
    }

    /** A print of a constant becomes static text when the autoescape state is known. */
    boolean foldPrint(Stmt.Print p) {
        if (body.escape == null || tc.engine.finalizer() != null) {
            return false;
        }
        Object value = ConstantFolding.fold(p.expr());
        if (value == NOT_CONST) {
            return false;
        }
        try {
            StringOutput out = new StringOutput();
            out.print(value, body.escape, tc.engine.escaper());
            body.text.append(out.toString());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void print(Stmt.Print p) {
        StaticText text = body.text;
        Label skip = text.skipIfDiscarding();
        if (tc.engine.finalizer() != null) {
            // the renderer applies finalize, with the evaluator's rule for constants
            expr(p.expr());
            setPos(at(p.expr()));
            cb.aload(R).swap().loadConstant(ConstantExpr.isConstant(p.expr()) ? 1 : 0)
                    .invokeinterface(CD_STATE, "printFinalized", MethodTypeDesc.of(CD_void, CD_Object, CD_boolean));
            text.endSkip(skip);
            return;
        }
        if (p.expr() instanceof Expr.GetAttr g && !body.expressions.isPlainAttr(g) && LoopCompiler.isLoopNumber(g.name())) {
            // loop.index and friends are whole numbers: printed as such, whatever the autoescape
            cb.aload(R).invokeinterface(CD_STATE, "out", MethodTypeDesc.of(CD_OUTPUT));
            body.loops.fastLoopNumber(g.name());
            cb.i2l().invokevirtual(CD_OUTPUT, "appendLong", MethodTypeDesc.of(CD_void, ConstantDescs.CD_long));
            text.endSkip(skip);
            return;
        }
        if (p.expr() instanceof Expr.Name n && body.variables.longSlot(n.name()) >= 0) {
            // a def parameter given loop.index and the like: printed as the number it is
            cb.aload(R).invokeinterface(CD_STATE, "out", MethodTypeDesc.of(CD_OUTPUT)).lload(body.variables.longSlot(n.name()))
                    .invokevirtual(CD_OUTPUT, "appendLong", MethodTypeDesc.of(CD_void, ConstantDescs.CD_long));
            text.endSkip(skip);
            return;
        }
        if (p.expr() instanceof Expr.GetAttr g && body.expressions.isPlainAttr(g)) {
            body.fusedSites.printAttr(p, g);
            text.endSkip(skip);
            return;
        }
        if (p.expr() instanceof Expr.Call call && !(ScopeFacts.isFastCycle(call) && body.variables.fastLoopScope() != null)
                && call.kwargs().isEmpty() && call.starArgs() == null && call.starKwargs() == null) {
            body.inlining.printCall(p, call);
            text.endSkip(skip);
            return;
        }
        expr(p.expr());
        // an undefined value fails only when printed: the evaluator points at the expression
        setPos(at(p.expr()));
        printValue();
        text.endSkip(skip);
    }

    /** Prints the value on the stack as {@code {{ }}} does. */
    void printValue() {
        if (body.escape == null) {
            cb.aload(R).swap();
            tc.invoke(cb, Member.STATE_PRINT);
        } else if (body.escape) {
            cb.aload(R);
            tc.invoke(cb, Member.STATE_OUT);
            cb.swap().aload(R);
            tc.invoke(cb, Member.STATE_ESCAPER);
            tc.invoke(cb, Member.OUTPUT_PRINT_ESCAPED);
        } else {
            cb.aload(R);
            tc.invoke(cb, Member.STATE_OUT);
            cb.swap();
            tc.invoke(cb, Member.OUTPUT_PRINT_RAW);
        }
    }

    /**
     * Prints a call's result unless the callee printed in place ({@link CompiledHelpers#printCall}
     * returns {@code PRINTED} then); the result is on the stack. Binds {@code done} at the end.
     */
    void printUnlessPrinted(Stmt.Print p, Label done) {
        Label printed = cb.newLabel();
        cb.dup().getstatic(CD_HELPERS, "PRINTED", CD_Object).if_acmpeq(printed);
        setPos(at(p.expr()));
        printValue();
        cb.goto_(done);
        cb.labelBinding(printed);
        cb.pop();
        cb.labelBinding(done);
    }

    /** Pushes the autoescape state as an int. */
    void loadEscape() {
        if (body.escape != null) {
            cb.loadConstant(body.escape ? 1 : 0);
        } else {
            cb.aload(R).invokeinterface(CD_STATE, "autoescape", MethodTypeDesc.of(CD_boolean));
        }
    }
}
