package dev.kida.engine.eval;

import dev.kida.engine.render.Frame;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@code for} statement: filters the items first (so {@code loop.length} and
 * {@code loop.last} count only the items the body sees, as in Jinja2), then runs the body in a
 * scope of its own with {@code loop} bound.
 */
final class LoopRunner {
    private final Renderer r;
    private final Stmt.For node;
    private final Frame outer;
    /**
     * Whether {@code loop} is a variable of the body. Jinja2 makes it one only when the loop is
     * recursive, or the body names it or holds a scoped block; otherwise an included template
     * does not see it.
     */
    private final boolean bindsLoop;

    LoopRunner(Renderer renderer, Stmt.For node, Frame outer) {
        this.r = renderer;
        this.node = node;
        this.outer = outer;
        this.bindsLoop = renderer.unit.facts().bindsLoop(node);
    }

    int run() {
        Object iterable = r.expressions.eval(node.iter(), outer);
        return runOver(iterable, 0, true);
    }

    /** Runs the loop over {@code iterable} at recursion {@code depth0}; recursive calls come here. */
    private int runOver(Object iterable, int depth0, boolean withElse) {
        List<Object> items = select(Values.loopItems(iterable));
        if (items.isEmpty()) {
            return withElse ? r.statements.execBody(node.orElse(), outer) : StatementExecutor.NORMAL;
        }
        LoopContext loop = new LoopContext(items, depth0, node.recursive() ? this::recurse : null);
        for (int i = 0; i < items.size(); i++) {
            // A fresh scope per iteration: Jinja2 starts every pass from the outer values.
            Frame frame = Frame.child(outer);
            if (bindsLoop) {
                frame.set("loop", loop);
            }
            r.step();
            loop.advance(i);
            r.statements.assign(node.target(), items.get(i), frame);
            int signal = r.statements.execBody(node.body(), frame);
            if (signal == StatementExecutor.BREAK) {
                break;
            }
        }
        return StatementExecutor.NORMAL;
    }

    private List<Object> select(List<Object> items) {
        if (node.filter() == null) {
            return items;
        }
        List<Object> kept = new ArrayList<>(items.size());
        Frame probe = Frame.child(outer);
        for (Object item : items) {
            r.statements.assign(node.target(), item, probe);
            if (Values.truthy(r.expressions.eval(node.filter(), probe))) {
                kept.add(item);
            }
        }
        return kept;
    }

    /** {@code loop(children)} in a recursive loop: renders the loop again, one level deeper. */
    private Object recurse(Object iterable, int depth0) {
        dev.kida.engine.output.Output saved = r.out;
        r.out = new dev.kida.engine.output.StringOutput();
        r.enter();
        try {
            r.onEnoughStack(() -> runOver(iterable, depth0, false));
            return r.captured(r.out.toString());
        } finally {
            r.leave();
            r.out = saved;
        }
    }
}
