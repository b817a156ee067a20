package dev.kida.compiler;

import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Pos;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;

/**
 * Which node an error is blamed on. Before each operation that can raise, the generated code
 * stores the index (in the class's position table) of the node the evaluator would blame in one
 * local; the method's exception handler reads it to locate the error. {@code enclosing} is the
 * node whose code is being generated: nodes without a position of their own are blamed on it.
 */
final class Positions {
    private final CodeBuilder cb;
    private final TemplateCompiler tc;
    private final Constants constants;
    private int slot = -1;
    private Pos enclosing = Pos.NONE;

    Positions(CodeBuilder cb, TemplateCompiler tc, Constants constants) {
        this.cb = cb;
        this.tc = tc;
        this.constants = constants;
    }

    /** Allocates the position local, at the start of the method. */
    void begin() {
        slot = cb.allocateLocal(TypeKind.INT);
        cb.iconst_0().istore(slot);
    }

    /** A node's own position, or the enclosing node's when it has none. */
    Pos at(Node n) {
        return n.pos().line() > 0 ? n.pos() : enclosing;
    }

    /** The enclosing node's position (to {@link #restore} later). */
    Pos current() {
        return enclosing;
    }

    /** Makes {@code n} the enclosing node; returns the previous position for {@link #restore}. */
    Pos enter(Node n) {
        Pos saved = enclosing;
        enclosing = at(n);
        return saved;
    }

    void restore(Pos p) {
        enclosing = p;
    }

    /** Blames what follows on the enclosing node. */
    void set() {
        set(enclosing);
    }

    void set(Pos p) {
        cb.loadConstant(tc.position(p)).istore(slot);
    }

    /** Pushes the {@link Pos} last stored (for a handler locating an error). */
    void loadBlamed() {
        cb.ldc(constants.pooled(tc.positionTable())).iload(slot).aaload();
    }
}
