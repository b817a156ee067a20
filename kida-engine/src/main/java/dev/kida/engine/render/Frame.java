package dev.kida.engine.render;

import dev.kida.engine.runtime.value.Undefined;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One variable scope. Lookups walk outwards through the parents; assignments always land in the
 * frame they are made in, which is how Jinja2 keeps a {@code set} inside a loop from leaking out.
 */
public final class Frame {
    private static final Object MISSING = new Object();

    private final Frame parent;
    private final Map<String, Object> vars;
    /** The top scope of a template's own variables: what lies beyond is context and globals. */
    private final boolean templateRoot;
    /** The top scope of a function body (macro, def): where Kida's {@code let} binds inside it. */
    private final boolean functionRoot;

    private Frame(Frame parent, Map<String, Object> vars, boolean templateRoot) {
        this(parent, vars, templateRoot, false);
    }

    private Frame(Frame parent, Map<String, Object> vars, boolean templateRoot, boolean functionRoot) {
        this.parent = parent;
        this.vars = vars;
        this.templateRoot = templateRoot;
        this.functionRoot = functionRoot;
    }

    /**
     * The top scope of a function body (a macro's or a def's), nested in its closure: Kida's
     * {@code let}, {@code export} and {@code promote} inside the body bind here and do not escape
     * the call.
     */
    public static Frame function(Frame parent) {
        return new Frame(parent, new HashMap<>(8), false, true);
    }

    /**
     * The scope Kida's {@code let}/{@code export}/{@code promote} write to from this point: the
     * nearest enclosing function body, else the template's top-level scope (from any depth of
     * if/for/while/with/match nesting). The one definition of that rule, for both backends.
     */
    public Frame letTarget() {
        Frame last = this;
        for (Frame f = this; f != null; f = f.parent) {
            if (f.templateRoot || f.functionRoot) {
                return f;
            }
            last = f;
        }
        return last;
    }

    /** A top-level frame over read-only variables (the render context, globals). */
    public static Frame over(Map<String, ?> variables, Frame parent) {
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) variables;
        return new Frame(parent, view, false);
    }

    /** A fresh, empty scope nested in {@code parent} (which may be null). */
    public static Frame child(Frame parent) {
        return new Frame(parent, new HashMap<>(8), false);
    }

    /**
     * The top-level scope of a running template (entry, include or import), nested in the
     * variables it was given.
     */
    public static Frame templateRoot(Frame parent) {
        return new Frame(parent, new HashMap<>(8), true);
    }

    /**
     * A frame holding a copy of every binding visible from {@code from}, except those of
     * {@code stop} and beyond, nested in {@code stop}: later assignments in the original scopes do
     * not show through it (Jinja2 hands an import "with context" a copy of the context).
     */
    public static Frame snapshot(Frame from, Frame stop) {
        ArrayDeque<Frame> chain = new ArrayDeque<>();
        for (Frame f = from; f != null && f != stop; f = f.parent) {
            chain.push(f);
        }
        Map<String, Object> copy = new HashMap<>();
        for (Frame f : chain) {
            copy.putAll(f.vars);
        }
        return new Frame(stop, copy, false);
    }

    /**
     * Whether the name is one of the template's own variables in scope here: bound in this frame
     * or an outer one up to the template's top-level scope, not in the context or globals.
     */
    public boolean hasLocal(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.vars.containsKey(name)) {
                return true;
            }
            if (f.templateRoot) {
                return false;
            }
        }
        return false;
    }

    /** The value of a name, or an {@link Undefined} naming it. */
    public Object lookup(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            Object v = f.vars.getOrDefault(name, MISSING);
            if (v != MISSING) {
                return v;
            }
        }
        return Undefined.name(name);
    }

    /** Whether the name is bound in this frame or an outer one. */
    public boolean has(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.vars.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    public void set(String name, Object value) {
        vars.put(name, value);
    }

    /** The variables bound in this very frame, in no particular order. */
    public Map<String, Object> own() {
        return vars;
    }
}
