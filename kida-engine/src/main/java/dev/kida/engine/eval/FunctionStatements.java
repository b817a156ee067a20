package dev.kida.engine.eval;

import dev.kida.api.Markup;
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
final class FunctionStatements {
    private final Renderer r;
    private final StatementExecutor statements;

    FunctionStatements(Renderer r, StatementExecutor statements) {
        this.r = r;
        this.statements = statements;
    }

    int exec(Stmt.Kida k, Frame f) {
        switch (k) {
            case Stmt.Def d -> define(d, f, null, -1);
            case Stmt.Region rg -> f.set(rg.name(), new DefFunction(r, "region", rg.name(), rg.params(), rg.params().size(), null, null,
                    rg.body(), f, r.unit, null, -1));
            case Stmt.SlotFill fill -> { }
            case Stmt.SlotPlace place -> slot(place, f);
            case Stmt.Yield y -> {
                if (f.lookup(DefFunction.SLOTS) instanceof SlotCaller caller) {
                    r.print(caller.render(r, y.name(), Map.of()));
                }
            }
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
                String stack = Values.str(r.expressions.eval(p.stack(), f));
                r.push(stack, r.capture(p.body(), f, false));
            }
            case Stmt.StackOut s -> {
                String stack = Values.str(r.expressions.eval(s.stack(), f));
                if (!r.discarding) {
                    r.out.append(r.stack(stack));
                }
            }
            case Stmt.RegionParams rp -> {
                for (Stmt.Param p : rp.params()) {
                    if (f.lookup(p.name()) instanceof Undefined && p.defaultValue() != null) {
                        f.set(p.name(), r.expressions.eval(p.defaultValue(), f));
                    }
                }
            }
            case Stmt.Fragment fr -> { }
            case Stmt.Embed e -> statements.embed(e, f);
        }
        return StatementExecutor.NORMAL;
    }

    /** Binds a def in {@code f}; its body is compiled body {@code bodyId} of {@code code}, or evaluated. */
    void define(Stmt.Def d, Frame f, Compiled code, int bodyId) {
        r.run.unexported.remove(d.name());
        f.set(d.name(), new DefFunction(r, "def", d.name(), d.params(), d.positional(), d.varargs(), d.kwargs(), d.body(), f,
                r.unit, code, bodyId));
    }

    /**
     * A slot placeholder in a def: the caller's slot with the bindings, or (called without
     * {@code call}, or a scoped slot the call did not fill) the placeholder's own body.
     */
    private void slot(Stmt.SlotPlace place, Frame f) {
        Map<String, Object> bindings = new HashMap<>();
        for (Stmt.SlotBinding b : place.bindings()) {
            bindings.put(b.name(), r.expressions.eval(b.value(), f));
        }
        if (f.lookup(DefFunction.SLOTS) instanceof SlotCaller caller && caller.has(place.name())) {
            r.print(caller.render(r, place.name(), bindings));
            return;
        }
        if (place.body().isEmpty()) {
            return;
        }
        Frame inner = Frame.child(f);
        bindings.forEach(inner::set);
        statements.execBody(place.body(), inner);
    }

    /** Whether a statement is a call block's slot definition (so the call uses Kida's slots). */
    static boolean fillsSlots(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.SlotFill) {
                return true;
            }
        }
        return false;
    }

    static Markup empty() {
        return Markup.of("");
    }
}
