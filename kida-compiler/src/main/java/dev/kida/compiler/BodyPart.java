package dev.kida.compiler;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;

import java.lang.classfile.CodeBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One concern of generating a body's code (see {@link BodyCompiler} for the list). Every part
 * writes into the same method; it reaches the others through {@link #body}. The shortcuts below
 * are the operations nearly every part needs.
 */
abstract class BodyPart {
    /** Local slot of the method's render state (a {@code RenderState}). */
    static final int R = 0;
    /** Local slot of the method's Frame (for a def body with its parameters in locals: the def's closure). */
    static final int F = 1;
    /** Local slot of a def body's parameter values, when its parameters live in locals. */
    static final int VALUES = 2;

    final BodyCompiler body;
    final CodeBuilder cb;
    final TemplateCompiler tc;
    final Positions positions;
    final Constants constants;

    BodyPart(BodyCompiler body) {
        this.body = body;
        this.cb = body.cb;
        this.tc = body.tc;
        this.positions = body.positions;
        this.constants = body.constants;
    }

    /** Empties a compile-time stack, returning its content (innermost first) for {@link #refill}. */
    static <T> List<T> takeAll(ArrayDeque<T> stack) {
        List<T> saved = new ArrayList<>(stack);
        stack.clear();
        return saved;
    }

    /** Puts back what {@link #takeAll} took. */
    static <T> void refill(ArrayDeque<T> stack, List<T> saved) {
        stack.clear();
        stack.addAll(saved);
    }

    /** Leaves the value of {@code e} (null: None) on the stack. */
    final void expr(Expr e) {
        body.expressions.emit(e);
    }

    /**
     * Leaves the truth of {@code e} as an int; a final truth test of a value is blamed on
     * {@code truthyAt}.
     */
    final void cond(Expr e, Pos truthyAt) {
        body.expressions.condition(e, truthyAt);
    }

    /** Generates statements in order; their trailing static text may still be pending. */
    final void stmts(List<Stmt> statements) {
        body.statements.emitAll(statements);
    }

    final void flushText() {
        body.text.flush();
    }

    final Pos at(Node n) {
        return positions.at(n);
    }

    final void setPos() {
        positions.set();
    }

    final void setPos(Pos p) {
        positions.set(p);
    }

    final void string(String s) {
        constants.string(s);
    }

    /** The slot of the innermost Frame. */
    final int frame() {
        return body.variables.innermostFrame();
    }
}
