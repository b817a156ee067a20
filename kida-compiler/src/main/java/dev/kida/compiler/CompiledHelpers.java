package dev.kida.compiler;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import dev.kida.api.Test;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.eval.CompiledCalls;
import dev.kida.engine.render.Frame;
import dev.kida.engine.eval.LoopContext;
import dev.kida.engine.render.RenderState;
import dev.kida.engine.output.Output;
import dev.kida.engine.output.StringOutput;
import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.objects.Namespace;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The helpers compiled templates call. Each one does exactly what the evaluator does at the same
 * point (same checks, same order, same messages), so the two backends cannot drift apart: the
 * value semantics themselves stay in {@link Values}.
 */
public final class CompiledHelpers {
    /** Marks a variable held in a JVM local that has not been assigned yet. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private CompiledHelpers() {
    }

    /**
     * Turns whatever compiled code threw into the located template error the evaluator would
     * raise at {@code pos}.
     */
    public static Throwable fail(RenderState r, Throwable t, Pos pos) {
        return switch (t) {
            case KidaException k -> r.locate(k, pos);
            case RuntimeException e -> r.wrap(e, pos);
            default -> t;
        };
    }

    /** {@code obj.name} as the evaluator does it: undefined receivers raise. */
    public static Object getAttr(Object obj, String name) {
        if (obj instanceof Undefined u) {
            return u.member();
        }
        return Values.getAttr(obj, name);
    }

    /** Raises for an undefined value, else returns it (callees). */
    public static Object defined(Object obj) {
        if (obj instanceof Undefined u) {
            throw u.fail();
        }
        return obj;
    }

    /** Raises for an undefined value unless it is chainable, else returns it (subscript targets). */
    public static Object subscriptable(Object obj) {
        if (obj instanceof Undefined u) {
            return u.member();
        }
        return obj;
    }

    public static Object getItem(Object obj, Object key) {
        return Values.getItem(obj, key);
    }

    public static Object sliceOutside() {
        throw new TemplateRuntimeException("slice outside of brackets");
    }

    public static Object not(Object v) {
        return Values.truthy(v) ? Boolean.FALSE : Boolean.TRUE;
    }

    public static boolean eq(Object a, Object b) {
        return Values.eq(a, b);
    }

    public static boolean ne(Object a, Object b) {
        return !Values.eq(a, b);
    }

    public static boolean lt(Object a, Object b) {
        if (exactNumbers(a, b)) {
            return toDouble(a) < toDouble(b);
        }
        return Values.compare(a, b, "<");
    }

    public static boolean le(Object a, Object b) {
        if (exactNumbers(a, b)) {
            return toDouble(a) <= toDouble(b);
        }
        return Values.compare(a, b, "<=");
    }

    public static boolean gt(Object a, Object b) {
        if (exactNumbers(a, b)) {
            return toDouble(a) > toDouble(b);
        }
        return Values.compare(a, b, ">");
    }

    public static boolean ge(Object a, Object b) {
        if (exactNumbers(a, b)) {
            return toDouble(a) >= toDouble(b);
        }
        return Values.compare(a, b, ">=");
    }

    public static boolean in(Object item, Object container) {
        return Values.contains(container, item);
    }

    public static boolean notIn(Object item, Object container) {
        return !Values.contains(container, item);
    }

    public static Object concat(Object a, Object b, RenderState r) {
        return Values.concat(a, b, r.autoescape(), r);
    }

    /** {@code a ~ b} of constants, which Jinja2 joins as plain str at compile time. */
    public static Object concatFolded(Object a, Object b, RenderState r) {
        return Values.concat(a, b, false, r);
    }

    public static List<Object> list(Object[] items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    public static Object tuple(Object[] items) {
        return Tuple.of(items);
    }

    /** A dict literal from alternating keys and values, inserted in order. */
    public static Object dict(Object[] keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Values.putKey(map, keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Arguments with positional values only. */
    public static Args args(Object[] positional) {
        return new Args(list(positional), new LinkedHashMap<>());
    }

    /** {@code *args}: appended to the positional list. */
    public static List<Object> spread(List<Object> positional, Object star) {
        positional.addAll(Values.toList(star));
        return positional;
    }

    /** Arguments with keywords and an evaluated {@code **kwargs} (null when absent). */
    public static Args args(List<Object> positional, String[] names, Object[] values, Object starKwargs,
                            boolean hasStarKwargs) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            named.put(names[i], values[i]);
        }
        if (hasStarKwargs) {
            Args.spreadKeywords(named, starKwargs);
        }
        return new Args(positional, named);
    }

    public static boolean test(Test test, RenderState r, Object value, Args args, boolean negated) {
        return test.test(r, value, args) != negated;
    }

    public static Object call(Object callee, RenderState r, Args args) {
        return Values.call(callee, r, args);
    }

    /** Unpacks a value into exactly {@code n} items, as tuple assignment does. */
    public static List<Object> unpack(Object value, int n) {
        return Args.unpack(value, n);
    }

    public static void setAttr(Object target, String attr, Object value) {
        Namespace.assign(target, attr, value);
    }

    /** Defines a macro whose body is compiled body {@code id}. */
    public static void macro(RenderState r, Stmt.Macro m, Frame closure, boolean autoescape, Compiled[] self, int id) {
        CompiledCalls.macro(r, m, closure, autoescape, self[0], id);
    }

    /**
     * Defines a Kida def whose body is compiled body {@code id}; {@code locals}: that body takes its
     * parameter values as an array.
     */
    public static void def(RenderState r, Stmt.Def d, Frame closure, Compiled[] self, int id, boolean locals) {
        CompiledCalls.def(r, d, closure, self[0], id, locals);
    }

    /**
     * {@code def} of a def no render can see ({@code ScopeFacts.unobservedDef}): exported, and bound
     * in the frame only for an import; its calls make the function with {@link #unobservedDef}.
     */
    public static void defUnobserved(RenderState r, Stmt.Def d, Frame closure, Compiled[] self, int id,
                                     boolean locals) {
        CompiledCalls.defUnobserved(r, d, closure, self[0], id, locals);
    }

    /** The function of a def no render can see, for a call of it ({@link CompiledCalls#unobservedDef}). */
    public static Object unobservedDef(RenderState r, Stmt.Def d, Frame closure, Compiled[] self, int id,
                                       boolean locals) {
        return CompiledCalls.unobservedDef(r, d, closure, self[0], id, locals);
    }

    /**
     * Enters a def body inlined at a call site: when {@code callee} is the def whose body is body
     * {@code id} of this template and the render may run it in place, sets the render state as a
     * call of it would ({@link CompiledCalls#enterInline}) and returns the def's closure frame; null
     * when the call must go the usual way. {@link #leaveInline} undoes it.
     */
    public static Frame enterInline(Object callee, RenderState r, Compiled[] self, int id, boolean counted) {
        return CompiledCalls.enterInline(callee, r, self[0], id, counted);
    }

    /** {@link CompiledCalls#stepTwice}: a loop iteration's step with that of the call it starts with. */
    public static boolean stepTwice(RenderState r) {
        return CompiledCalls.stepTwice(r);
    }

    /** {@link CompiledCalls#reenterStepped}: the closure of a def re-entered after {@link #stepTwice}. */
    public static Frame reenterStepped(Object callee) {
        return CompiledCalls.reenterStepped(callee);
    }

    /**
     * Before a loop that calls {@link TemplateCompiler#unobservedDef}: the def's function when the
     * loop's calls may all re-enter it in place ({@link CompiledCalls#inlinableThroughout}), else null.
     */
    public static Object inlinableThroughout(RenderState r, Stmt.Def d, Frame closure, Compiled[] self, int id) {
        return CompiledCalls.inlinableThroughout(r, d, closure, self[0], id);
    }

    /**
     * Enters again a def body inlined in a loop whose earlier iteration entered it with
     * {@link #enterInline}: the loop cannot rebind the callee's name nor change what that check
     * looked at ({@link dev.kida.engine.analysis.Names#keptDuring}), so only the call's own effects remain.
     */
    public static Frame reenterInline(Object callee, RenderState r, boolean counted, boolean switchEscape) {
        return CompiledCalls.reenterInline(callee, r, counted, switchEscape);
    }

    /** Leaves a def body inlined at a call site (normally or by an error) when it was entered counted. */
    public static void leaveInline(RenderState r) {
        CompiledCalls.leaveInline(r);
    }

    /**
     * A call block: calls {@code callee} with the evaluated arguments and the {@code caller} the
     * evaluator would build ({@link dev.kida.engine.eval.StatementExecutor#caller}), whose bodies are
     * compiled bodies {@code ids} of this template; returns the result to print.
     */
    public static Object callBlock(Object callee, Args args, RenderState r, Frame f, Stmt.CallBlock c, Compiled[] self,
                                   int[] ids) {
        args.keywords().put("caller", CompiledCalls.caller(r, c, callee, f, self[0], ids));
        Frame saved = r.frame();
        r.frame(f);
        try {
            return Values.call(callee, r, args);
        } finally {
            r.frame(saved);
        }
    }

    /** {@code provide}: the value {@code consume(key)} returns until {@link #unprovide}. */
    public static void provide(RenderState r, String key, Object value) {
        r.provide(key, value);
    }

    /** The end of a {@code provide} body. */
    public static void unprovide(RenderState r, String key) {
        r.unprovide(key);
    }

    /** {@code push}: the body's captured text appended to the named stack. */
    public static void push(RenderState r, String stack, Object captured) {
        dev.kida.engine.eval.FunctionStatements.push(r, stack, Values.str(captured));
    }

    /** A {@code try} body ended (normally, or by break or continue): its buffer is output. */
    public static void endTry(RenderState r, Output saved) {
        String text = r.out().toString();
        r.out(saved);
        saved.append(text);
    }

    /**
     * A {@code try} body raised: the buffer is dropped; returns the mapping {@code fallback err}
     * binds when the evaluator's rule catches the error (located at {@code pos} as the evaluator
     * would locate it), else the error to throw on.
     */
    public static Object tryFailed(RenderState r, Output saved, Throwable t, Pos pos) {
        r.out(saved);
        Throwable located = fail(r, t, pos);
        if (located instanceof KidaException k && dev.kida.engine.eval.KidaStatements.catchable(k)) {
            return dev.kida.engine.eval.KidaStatements.errorInfo(k);
        }
        return located;
    }

    /** A value of a conditional {@code with}: an undefined one raises (a lenient one is falsy). */
    public static Object withValue(Object value) {
        if (value instanceof Undefined u && !u.lenient()) {
            throw u.fail();
        }
        return value;
    }

    /** {@code spaceless}: the captured body with whitespace between tags removed, unless discarding. */
    public static void spaceless(RenderState r, Object captured) {
        if (!r.discarding()) {
            r.out().append(dev.kida.engine.runtime.kida.Spaceless.apply(Values.str(captured)));
        }
    }

    /** What {@link #printCall} returns when the call already printed its output. */
    public static final Object PRINTED = new Object() {
        @Override
        public String toString() {
            return "<printed>";
        }
    };

    /**
     * {@code {{ callee(positional...) }}}: a def whose compiled body takes its parameters in locals
     * writes its output in place (its Markup result would print as the same text) and this returns
     * {@link #PRINTED}; any other callee is called as usual and its result returned for printing.
     */
    public static Object printCall(Object callee, Object[] positional, RenderState r) {
        if (CompiledCalls.printInPlace(callee, r, positional)) {
            return PRINTED;
        }
        return Values.call(callee, r, args(positional));
    }

    /** A {@code block} statement met while running a body. */
    public static void block(RenderState r, Stmt.Block b, Frame f) {
        r.block(b, f);
    }

    /** Runs a statement in the evaluator, in frame {@code f}. */
    public static void delegate(RenderState r, Stmt s, Frame f) {
        r.delegate(s, f);
    }

    /**
     * As {@link #delegate}, for a statement whose body may hold break or continue: returns how
     * control left it (0 normally, 1 break, 2 continue).
     */
    public static int delegateSignal(RenderState r, Stmt s, Frame f) {
        return r.delegate(s, f);
    }

    /** {@code self} when no variable of that name is set. */
    public static Object self(Object value, RenderState r, Frame f) {
        if (value instanceof Undefined) {
            Object self = r.self(f);
            return self == null ? value : self;
        }
        return value;
    }

    /**
     * A filter the environment lacks, met in an if branch or conditional expression (elsewhere
     * loading failed): Jinja2 raises when it runs.
     */
    public static dev.kida.api.Filter missingFilter(String name) {
        return (ctx, value, args) -> {
            throw dev.kida.engine.runtime.UnknownCallable.filter(name);
        };
    }

    /** A test the environment lacks; see {@link #missingFilter}. */
    public static dev.kida.api.Test missingTest(String name) {
        return (ctx, value, args) -> {
            throw dev.kida.engine.runtime.UnknownCallable.test(name);
        };
    }

    /**
     * Starts capturing output (a capture, a block {@code set}, or a {@code try} body, which is
     * buffered so that a failure drops it); returns the output to restore.
     */
    public static Output beginCapture(RenderState r) {
        Output saved = r.out();
        r.out(new StringOutput());
        return saved;
    }

    /** Ends a capture: restores the output and returns the captured text as a value. */
    public static Object endCapture(RenderState r, Output saved) {
        String text = r.out().toString();
        r.out(saved);
        return r.captured(text);
    }

    public static LoopContext loopContext(List<Object> items) {
        return new LoopContext(items, 0, null);
    }

    public static List<Object> newList(int capacity) {
        return new ArrayList<>(capacity);
    }

    /** {@code loop.cycle(...)} of a loop whose variable is not materialised: as LoopContext does it. */
    public static Object cycle(Object[] items, int index0) {
        if (items.length == 0) {
            throw new TemplateTypeException("no items for cycling given");
        }
        return items[index0 % items.length];
    }

    private static final long EXACT_IN_DOUBLE = 1L << 53;

    /**
     * Whether both values are Longs or Doubles that compare the same as doubles as they do in
     * Python (every long of magnitude below 2^53 converts exactly; NaN compares false either way),
     * so the common numeric comparison needs no dispatch and no allocation.
     */
    private static boolean exactNumbers(Object a, Object b) {
        return (a instanceof Double || a instanceof Long l && Math.abs(l) < EXACT_IN_DOUBLE)
                && (b instanceof Double || b instanceof Long m && Math.abs(m) < EXACT_IN_DOUBLE);
    }

    private static double toDouble(Object n) {
        return n instanceof Double d ? d : (double) (Long) n;
    }
}
