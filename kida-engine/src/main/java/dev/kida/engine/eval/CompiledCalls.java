package dev.kida.engine.eval;

import dev.kida.engine.ast.Stmt;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.render.Frame;
import dev.kida.engine.render.RenderState;

/**
 * What compiled code asks of the evaluator beyond {@link RenderState}: macros and defs whose
 * bodies are compiled bodies, the {@code caller} of a call block, and def calls run in place.
 * These build the evaluator's own objects ({@link Macro}, {@link DefFunction}, {@link SlotCaller}),
 * so they live here rather than in the render-state contract; each takes the render as compiled
 * code sees it.
 */
public final class CompiledCalls {
    private CompiledCalls() {
    }

    /** Defines a macro whose body is compiled body {@code id} of {@code self}. */
    public static void macro(RenderState state, Stmt.Macro m, Frame closure, boolean autoescape, Compiled self, int id) {
        Renderer r = Renderer.of(state);
        closure.set(m.name(), new Macro(r, m.name(), m.params(), m.body(), closure, r.unit, autoescape, self, id));
    }

    /**
     * Defines a Kida def whose body is compiled body {@code id}; {@code locals}: that body takes
     * its parameter values as an array.
     */
    public static void def(RenderState state, Stmt.Def d, Frame closure, Compiled self, int id, boolean locals) {
        FunctionStatements.define(Renderer.of(state), d, closure, self, id, locals);
    }

    /** {@link #def} of a def no render can see: bound only for an import ({@link FunctionStatements#defineUnobserved}). */
    public static void defUnobserved(RenderState state, Stmt.Def d, Frame closure, Compiled self, int id,
                                     boolean locals) {
        FunctionStatements.defineUnobserved(Renderer.of(state), d, closure, self, id, locals);
    }

    /** The function of a def no render can see, for a call of it ({@link FunctionStatements#unobservedFunction}). */
    public static Object unobservedDef(RenderState state, Stmt.Def d, Frame closure, Compiled self, int id,
                                       boolean locals) {
        return FunctionStatements.unobservedFunction(Renderer.of(state), d, closure, self, id, locals);
    }

    /**
     * The {@code caller} a call block hands its callee ({@link StatementExecutor#caller}), its
     * bodies compiled bodies {@code ids} of {@code self}.
     */
    public static Object caller(RenderState state, Stmt.CallBlock c, Object callee, Frame f, Compiled self, int[] ids) {
        return Renderer.of(state).statements.caller(c, callee, f, self, ids);
    }

    /**
     * Enters a def body inlined at a call site: when {@code callee} is the def whose body is body
     * {@code id} of {@code self} and the render may run it in place, sets the render state as a
     * call would ({@link DefFunction#enterInline}) and returns the def's closure frame; null when
     * the call must go the usual way.
     */
    public static Frame enterInline(Object callee, RenderState state, Compiled self, int id, boolean counted) {
        return callee instanceof DefFunction d ? d.enterInline(Renderer.of(state), self, id, counted) : null;
    }

    /**
     * Enters again, at the same call site, a def body {@link #enterInline} entered in an earlier
     * iteration of a loop that can change nothing that check looked at ({@link DefFunction#reenterInline}).
     */
    public static Frame reenterInline(Object callee, RenderState state, boolean counted, boolean switchEscape) {
        return ((DefFunction) callee).reenterInline(Renderer.of(state), counted, switchEscape);
    }

    /** {@link DefFunction#reenterStepped}: re-enters a def body whose step the loop counted. */
    public static Frame reenterStepped(Object callee) {
        return ((DefFunction) callee).reenterStepped();
    }

    /**
     * A loop iteration's step and that of the def call it starts with ({@link Renderer#stepTwice}):
     * false when it counted neither (near the step limit), and each is to be made where it belongs.
     */
    public static boolean stepTwice(RenderState state) {
        return Renderer.of(state).stepTwice();
    }

    /**
     * For a loop calling a def no render can see (whose body takes its parameters in locals): its
     * function when the loop's calls may all enter the body in place with {@link #reenterInline}
     * from the first iteration on ({@link DefFunction#inlinableThroughout}), else null (the first
     * call then checks for itself).
     */
    public static Object inlinableThroughout(RenderState state, Stmt.Def d, Frame closure, Compiled self, int id) {
        Renderer r = Renderer.of(state);
        DefFunction fn = FunctionStatements.unobservedFunction(r, d, closure, self, id, true);
        return fn.inlinableThroughout(r, self, id) ? fn : null;
    }

    /** Leaves a def body entered by {@link #enterInline} (the caller restores autoescape). */
    public static void leaveInline(RenderState state) {
        DefFunction.leaveInline(Renderer.of(state));
    }

    /**
     * {@code {{ callee(positional...) }}} for a def whose compiled body takes its parameters in
     * locals: writes its output in place (its Markup result would print as the same text) and
     * returns true; false for any other callee, or while discarding, which the caller calls as usual.
     */
    public static boolean printInPlace(Object callee, RenderState state, Object[] positional) {
        if (callee instanceof DefFunction d && d.printsInPlace() && !state.discarding()) {
            d.printInto(Renderer.of(state), positional);
            return true;
        }
        return false;
    }
}
