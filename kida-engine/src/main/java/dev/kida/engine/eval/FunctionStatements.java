package dev.kida.engine.eval;

import dev.kida.engine.core.Compiled;
import dev.kida.engine.render.Frame;
import dev.kida.engine.render.RenderState;
import dev.kida.api.Markup;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Kida's function, slot, render-context and template-structure statements in the evaluator;
 * compiled code hands the same statements here, so there is one definition of each rule.
 */
public final class FunctionStatements {
    private final Renderer r;
    private final StatementExecutor statements;

    FunctionStatements(Renderer r, StatementExecutor statements) {
        this.r = r;
        this.statements = statements;
    }

    int exec(Stmt.KidaFunction k, Frame f) {
        switch (k) {
            case Stmt.Def d -> define(r, d, f, null, -1, false);
            case Stmt.Region rg -> f.set(rg.name(), new DefFunction(r, "region", rg.name(), rg.params(), rg.positional(), rg.varargs(), rg.kwargs(),
                    rg.body(), f, null, r.unit, null, -1, false));
            case Stmt.SlotFill fill -> { }
            case Stmt.SlotPlace place -> {
                return slot(place, f);
            }
            case Stmt.Yield y -> yieldSlot(r, y.name(), f);
            case Stmt.Provide p -> {
                Object value = r.expressions.eval(p.value(), f);
                r.provide(p.key(), value);
                try {
                    return statements.execBody(p.body(), f);
                } finally {
                    r.unprovide(p.key());
                }
            }
            case Stmt.Push p -> {
                // the stack's name is read before the body renders
                String stack = Values.str(r.expressions.eval(p.stack(), f));
                String text = r.captureInline(p.body(), f, false);
                if (text == null) {
                    return r.abandonedBy;
                }
                push(r, stack, text);
            }
            case Stmt.StackOut s -> stackOut(r, r.expressions.eval(s.stack(), f));
            case Stmt.RegionParams rp -> {
                for (Stmt.Param p : rp.params()) {
                    if (f.lookup(p.name()) instanceof Undefined && p.defaultValue() != null) {
                        f.set(p.name(), r.expressions.eval(p.defaultValue(), f));
                    }
                }
                if (rp.varargs() != null && f.lookup(rp.varargs()) instanceof Undefined) {
                    f.set(rp.varargs(), dev.kida.engine.runtime.value.Tuple.of());
                }
                if (rp.kwargs() != null && f.lookup(rp.kwargs()) instanceof Undefined) {
                    f.set(rp.kwargs(), new java.util.LinkedHashMap<String, Object>());
                }
            }
            case Stmt.Fragment fr -> { }
            case Stmt.Embed e -> statements.embed(e, f);
        }
        return StatementExecutor.NORMAL;
    }

    /**
     * Binds a def in {@code f}; its body is compiled body {@code bodyId} of {@code code} (taking its
     * parameters as an array when {@code locals}), or evaluated.
     */
    static void define(Renderer r, Stmt.Def d, Frame f, Compiled code, int bodyId, boolean locals) {
        f.set(d.name(), function(r, d, f, code, bodyId, locals));
    }

    /**
     * {@link #define} for compiled code of a def no render can see ({@code ScopeFacts.unobservedDef}):
     * the name is exported as usual, and the function bound in the frame only while an import runs
     * the template (the import reads the root frame as the module). Its calls get the function
     * from {@link #unobservedFunction}, made where it is needed.
     */
    static void defineUnobserved(Renderer r, Stmt.Def d, Frame f, Compiled code, int bodyId, boolean locals) {
        r.run.export(d.name());
        if (r.importing > 0) {
            f.set(d.name(), unobservedFunction(r, d, f, code, bodyId, locals));
        }
    }

    /**
     * The function {@link #defineUnobserved} stands for, made at one of its calls: the same
     * template, run and closure as at the def statement (the calls are in the same top-level code
     * of the same run), so it behaves as the one the def would have bound; no render can tell
     * them apart, as the name is only ever called. Its defaults are evaluated again here, which
     * gives what the def statement would have: {@code ScopeFacts.unobservedDef} allows only
     * literals, whose value is the same object wherever it is evaluated and cannot fail.
     */
    static DefFunction unobservedFunction(Renderer r, Stmt.Def d, Frame f, Compiled code, int bodyId,
                                          boolean locals) {
        return new DefFunction(r, "def", d.name(), d.params(), d.positional(), d.varargs(), d.kwargs(), d.body(), f,
                defaults(r, d, f), r.unit, code, bodyId, locals);
    }

    /** The function a def statement makes, its name exported. */
    private static DefFunction function(Renderer r, Stmt.Def d, Frame f, Compiled code, int bodyId, boolean locals) {
        Object[] defaults = defaults(r, d, f);
        r.run.export(d.name());
        return new DefFunction(r, "def", d.name(), d.params(), d.positional(), d.varargs(), d.kwargs(), d.body(), f,
                defaults, r.unit, code, bodyId, locals);
    }

    /** The defaults of a def that has none: no parameter ever reads them. */
    private static final Object[] NO_DEFAULTS = {};

    /**
     * The values of a def's parameter defaults, evaluated as its def statement runs: the one
     * definition, for both backends, of when a def's defaults are evaluated (kida-semantics.md
     * section 4; Jinja2 macros and regions evaluate theirs at each call instead). Each is
     * evaluated once, left to right, in the scope the statement runs in, as a {@code let} there
     * would be: the def's own parameters are not visible to it (a default naming one reads the
     * template's variable of that name), and a later {@code let} does not change it. Every call
     * that omits the parameter gets that same object, as a Python default is shared: a list one
     * call appends to still holds the item at the next. An error evaluating one is raised by the
     * def statement, whether or not the def is ever called; an undefined name is no error here,
     * its undefined value raising where the body uses it, as it would after a {@code let}.
     * Returns the values by parameter index, null for a parameter without a default.
     */
    static Object[] defaults(Renderer r, Stmt.Def d, Frame f) {
        List<Stmt.Param> params = d.params();
        Object[] values = NO_DEFAULTS;
        for (int i = 0; i < params.size(); i++) {
            Expr e = params.get(i).defaultValue();
            if (e != null) {
                if (values == NO_DEFAULTS) {
                    values = new Object[params.size()];
                }
                values[i] = r.expressions.eval(e, f);
            }
        }
        return values;
    }

    /**
     * A slot placeholder in a def: the caller's slot with the bindings, or (called without
     * {@code call}, or a scoped slot the call did not fill) the placeholder's own body, which stands
     * inline in the def (a break or continue in it leaves the def's enclosing loop, as in any other
     * inline block). Returns how control left it.
     */
    private int slot(Stmt.SlotPlace place, Frame f) {
        Map<String, Object> bindings = new HashMap<>();
        for (Stmt.SlotBinding b : place.bindings()) {
            bindings.put(b.name(), r.expressions.eval(b.value(), f));
        }
        if (!slotFromCaller(r, place, f, bindings) && !place.body().isEmpty()) {
            return statements.execBody(place.body(), slotFrame(f, bindings));
        }
        return StatementExecutor.NORMAL;
    }

    /**
     * Prints the caller's slot a placeholder names, with the bindings (already evaluated, in
     * order); false when there is none (called without {@code call}, or a slot the call did not
     * fill), where the placeholder's own body renders instead, in {@link #slotFrame}.
     */
    public static boolean slotFromCaller(RenderState state, Stmt.SlotPlace place, Frame f, Map<String, Object> bindings) {
        Renderer r = Renderer.of(state);
        if (f.lookup(DefFunction.SLOTS) instanceof SlotCaller caller && caller.has(place.name())) {
            r.print(caller.render(r, place.name(), bindings));
            return true;
        }
        return false;
    }

    /** The scope of a placeholder's own body: the bindings over the def's scope. */
    public static Frame slotFrame(Frame f, Map<String, Object> bindings) {
        Frame inner = Frame.child(f);
        bindings.forEach(inner::set);
        return inner;
    }

    /** {@code yield [name]}: the nearest enclosing def's caller slot, or nothing. */
    public static void yieldSlot(RenderState state, String name, Frame f) {
        Renderer r = Renderer.of(state);
        if (f.lookup(DefFunction.SLOTS) instanceof SlotCaller caller) {
            r.print(caller.render(r, name, Map.of()));
        }
    }

    /** {@code push}: appends a rendered body to the named stack of the render. */
    public static void push(RenderState state, Object stack, String text) {
        Renderer r = Renderer.of(state);
        r.push(Values.str(stack), text);
    }

    /** {@code stack}: writes what was pushed to the named stack so far. */
    public static void stackOut(RenderState state, Object stack) {
        Renderer r = Renderer.of(state);
        String name = Values.str(stack);
        if (!r.discarding) {
            r.out.append(r.stack(name));
        }
    }

    /** Whether a call body fills slots (so the call uses Kida's slots). */
    static boolean fillsSlots(List<Stmt> body) {
        return !SlotCaller.fills(body).isEmpty();
    }

    static Markup empty() {
        return Markup.of("");
    }
}
