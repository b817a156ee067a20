package dev.kida.compiler;

import dev.kida.engine.ast.Node;
import dev.kida.engine.ast.Pos;

import java.lang.classfile.CodeBuilder;

/**
 * Which node an error is blamed on. Before each operation that can raise, the generated code
 * gives the index (in the class's position table) of the node the evaluator would blame to the
 * render state ({@link dev.kida.engine.render.RenderState#blame}); the one exception handler of
 * the class's entry methods ({@code run}, {@code call}) reads it to locate the error, and puts
 * back the caller's index whichever way a body leaves. A JVM local read by a catch-all handler in
 * every body method did the same, but the verifier then checks every instruction of the body
 * against the handler's frame: defining the class cost about a quarter more.
 * {@code enclosing} is the node whose code is being generated: nodes without a position of their
 * own are blamed on it.
 */
final class Positions {
    private final CodeBuilder cb;
    private final TemplateCompiler tc;
    private final Constants constants;
    private Pos enclosing = Pos.NONE;

    Positions(CodeBuilder cb, TemplateCompiler tc, Constants constants) {
        this.cb = cb;
        this.tc = tc;
        this.constants = constants;
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
        cb.aload(BodyPart.R).loadConstant(tc.position(p));
        tc.invoke(cb, Member.STATE_BLAME);
    }

    /** Pushes the {@link Pos} last stored (for a handler locating an error). */
    void loadBlamed() {
        tc.loadData(cb, TemplateCompiler.DATA_POSITIONS, TemplateCompiler.cd(Pos[].class)).aload(BodyPart.R);
        tc.invoke(cb, Member.STATE_BLAMED);
        cb.aaload();
    }
}
