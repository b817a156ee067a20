package dev.kida.engine.render;

import dev.kida.api.CallContext;
import dev.kida.api.KidaException;
import dev.kida.api.escape.Escaper;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.output.Output;

/**
 * One running render as compiled code sees it: the output it writes to, the autoescape and
 * discard switches, the budget step, and the few points where it hands a statement back to the
 * evaluator. Compiled code reads and writes the render through these methods only, so the
 * evaluator's render state stays private to it.
 *
 * <p>The evaluator's {@code Renderer} is the one implementation: every call site in generated
 * code sees one receiver class, so the JIT inlines these accessors to the field accesses they
 * replace. A second implementation would make those sites polymorphic; measure before adding one.
 * Not thread-safe, like the render it belongs to.
 */
public interface RenderState extends CallContext {
    /** Where output goes now. */
    Output out();

    /** Redirects output (a capture, a try body); the caller restores the previous target. */
    void out(Output target);

    /** Switches autoescape for what runs next ({@code autoescape} blocks, a def's own setting). */
    void autoescape(boolean on);

    /**
     * Whether the top-level code of a template that has run {@code extends} is running: its text
     * and prints are skipped, not even evaluated, as Jinja2 does.
     */
    boolean discarding();

    /** Sets the discard switch (a body that must write after {@code extends} clears it). */
    void discarding(boolean on);

    /** The escaper of the environment, for prints compiled inline. */
    Escaper escaper();

    /** The frame names resolve in for a {@link CallContext} (call blocks, contextual finalize); may be null. */
    Frame frame();

    /** Sets the frame of {@link #frame()}; the caller restores the previous one. */
    void frame(Frame f);

    /** One loop iteration: counted against the budget, with its deadline, cancellation and output checks. */
    void step();

    /** Kida's {@code {% flush %}}: a streaming boundary. */
    void flush();

    /** Writes a value as {@code {{ }}} does (escaped under autoescape). */
    void print(Object value);

    /**
     * Writes a value as {@code {{ }}} does through the environment's finalize function.
     *
     * @param constant whether the expression is one Jinja2 folds
     */
    void printFinalized(Object value, boolean constant);

    /** Captured output as a value: Markup under autoescape, else a plain string. */
    Object captured(String text);

    /**
     * Blames what runs next on entry {@code index} of the running compiled body's position table.
     * Compiled code calls this before each statement or operation that can raise; the one
     * exception handler of the template class's entry methods reads it back ({@link #blamed()})
     * to locate the error. Kept here rather than in a JVM local of each body method: a method
     * with no exception handler of its own is much cheaper for the JVM to verify.
     */
    void blame(int index);

    /** The index last given to {@link #blame(int)} (0 before any). */
    int blamed();

    /**
     * The per-template data of the running compiled template (its position table, texts, ...):
     * a template class can be shared by the templates of one shape (same structure, other text
     * and positions), so its code reads what differs from here, set by the class's entry methods
     * for the instance they run and put back when they return.
     */
    Object[] data();

    /** Sets {@link #data()}. */
    void data(Object[] data);

    /** The exception located at {@code pos} of the running template (unless already located). */
    KidaException locate(KidaException e, Pos pos);

    /** An unexpected Java exception from a filter or accessor as a located template error. */
    KidaException wrap(RuntimeException e, Pos pos);

    /**
     * Runs a statement in the evaluator, in frame {@code f}: returns how control left it (0
     * normally, 1 break, 2 continue).
     */
    int delegate(Stmt s, Frame f);

    /** A {@code block} statement met while running a body: renders it where it stands, or not at all after {@code extends}. */
    void block(Stmt.Block b, Frame f);

    /** {@code self} when no variable of that name is set, or null outside a template. */
    Object self(Frame f);

    /** Kida's {@code provide}: the value {@code consume(key)} returns until {@link #unprovide}. */
    void provide(String key, Object value);

    /** The end of a {@code provide} body. */
    void unprovide(String key);
}
