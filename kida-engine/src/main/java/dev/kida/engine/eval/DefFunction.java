package dev.kida.engine.eval;

import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.CompiledCode;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.render.Frame;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kida {@code def} (or the callable side of a {@code region}): a closure over the frame it was
 * defined in, so its body reads template variables as they are when it is called, but not the
 * caller's loop variables. Arguments bind as in Python: too many positional arguments, an unknown
 * keyword, a parameter given twice or a missing required one is a type error; {@code *args}
 * collects extra positional arguments as a tuple and {@code **kwargs} extra keywords as a dict.
 * A def's defaults are the values its def statement evaluated ({@link FunctionStatements#defaults}),
 * shared by every call that omits the parameter; a region's are evaluated at each call, in its
 * scope. The result is always Markup.
 */
public final class DefFunction implements GlobalFunction, TemplateObject {
    /**
     * The frame variable holding the {@link SlotCaller} of the def call running (or
     * {@link #NO_CALLER}): a name no template can spell, found by slot placeholders and
     * {@code yield} through the frame chain.
     */
    public static final String SLOTS = " slots";
    /** The value of {@link #SLOTS} in a def called without {@code call}. */
    public static final Object NO_CALLER = new Object() {
        @Override
        public String toString() {
            return "<no caller>";
        }
    };
    private static final GlobalFunction HAS_SLOT = (ctx, args) -> Boolean.TRUE;
    private static final GlobalFunction HAS_NO_SLOT = (ctx, args) -> Boolean.FALSE;

    private final Renderer owner;
    private final String kind;
    private final String name;
    private final List<Stmt.Param> params;
    private final int positionalCount;
    private final String varargs;
    private final String kwargs;
    private final List<Stmt> body;
    private final Frame closure;
    /**
     * A def's default values, by parameter index (null where a parameter has none), evaluated
     * once by its def statement; null for a region, whose defaults are evaluated at each call.
     */
    private final Object[] defaults;
    private final PreparedTemplate unit;
    private final InheritanceChain run;
    private final Compiled code;
    private final int bodyId;
    /** Whether the compiled body takes its parameters as an array ({@link CompiledCode#call}), not a Frame. */
    private final boolean locals;

    /**
     * @param kind     "def" or "region", for messages
     * @param defaults the default values by parameter index, already evaluated (a def's), or null
     *                 to evaluate each parameter's default expression at each call that omits it
     *                 (a region's)
     * @param code     the compiled template holding the body as body {@code bodyId}, or null to run
     *                 the body in the evaluator
     * @param locals   whether that compiled body keeps its parameters in JVM locals: it is entered
     *                 through {@link CompiledCode#call} with the values {@link #bind} gives
     */
    public DefFunction(Renderer owner, String kind, String name, List<Stmt.Param> params, int positionalCount,
                       String varargs, String kwargs, List<Stmt> body, Frame closure, Object[] defaults,
                       PreparedTemplate unit, Compiled code, int bodyId, boolean locals) {
        this.owner = owner;
        this.kind = kind;
        this.name = name;
        this.params = params;
        this.positionalCount = positionalCount;
        this.varargs = varargs;
        this.kwargs = kwargs;
        this.body = body;
        this.closure = closure;
        this.defaults = defaults;
        this.unit = unit;
        this.run = owner.run;
        this.code = code;
        this.bodyId = bodyId;
        this.locals = locals && code != null;
    }

    /**
     * The names of a def's parameter values in the order {@link #bind} returns them: each
     * parameter, then {@code *args} and {@code **kwargs} when present.
     */
    public static List<String> slotNames(Stmt.Def d) {
        List<String> names = new java.util.ArrayList<>(d.params().stream().map(Stmt.Param::name).toList());
        if (d.varargs() != null) {
            names.add(d.varargs());
        }
        if (d.kwargs() != null) {
            names.add(d.kwargs());
        }
        return names;
    }

    @Override
    public Object call(CallContext context, Arguments args) {
        Renderer r = context instanceof Renderer own ? own : owner;
        Map<String, Object> keywords = new LinkedHashMap<>(args.keywords());
        SlotCaller caller = keywords.get("caller") instanceof SlotCaller c ? c : null;
        if (caller != null) {
            keywords.remove("caller");
            if (kind.equals("region")) {
                // Kida's region callable takes no caller: {% call region() %} hands it one it has no
                // parameter for (a type error), unless a **kwargs parameter swallows it, when the
                // call body is simply not used
                if (kwargs == null) {
                    throw new TemplateTypeException("region '" + name + "' got an unexpected keyword argument"
                            + " 'caller' (a region cannot be used with {% call %})");
                }
                caller = null;
            }
        }
        return invoke(r, args.positional(), keywords, caller);
    }

    /** Calls the def; {@code caller} is the {@code call} block's slots, or null for a plain call. */
    Object invoke(Renderer r, List<Object> positional, Map<String, Object> keywords, SlotCaller caller) {
        Object[] values = bind(r, positional, keywords);
        if (locals) {
            return Markup.of(r.runInDefiningTemplate(unit, run, owner, unit.autoescape(), code, bodyId, values,
                    closure));
        }
        return render(r, frame(values, caller));
    }

    /**
     * Prints a plain call's result (positional arguments only) where {@code {{ f(...) }}} stands: the
     * body writes straight to the render's output instead of into a buffer turned into Markup, which
     * prints as the same text. Only for a def whose body compiled with its parameters in JVM locals.
     */
    public void printInto(Renderer r, Object[] positional) {
        // every parameter given by position, nothing more: the arguments are the values as they are
        Object[] values = positional.length == params.size() && positionalCount == params.size() && varargs == null
                && kwargs == null ? positional : bind(r, java.util.Arrays.asList(positional), Map.of());
        r.runDirect(unit, run, owner, unit.autoescape(), code, bodyId, values, closure);
    }

    /**
     * Enters this def's body compiled into a call site of the same template (body {@code id} of
     * {@code self}): possible when it is that body, the render state a call would set is the one
     * already set (same template and inheritance run), nothing is being discarded, and the level
     * stays on this thread's stack. Then it does what {@link #printInto} does before running the
     * body and returns the closure frame; else null. A body that calls nothing, renders no other
     * template and flushes nothing ({@code counted} false) cannot see the depth nor the count of
     * calls printing in place: only the depth limit is checked and the step counted, and
     * {@link #leaveInline} is not needed.
     */
    public Frame enterInline(Renderer r, Compiled self, int id, boolean counted) {
        return inlinable(r, self, id) ? entered(r, counted, true, false) : null;
    }

    /** What {@link #enterInline} checks before it enters the body. */
    private boolean inlinable(Renderer r, Compiled self, int id) {
        return code == self && bodyId == id && locals && unit == r.unit && !r.discarding
                && (owner != r || run == null || run == r.run) && r.staysOnStack();
    }

    /**
     * Whether every call in a loop about to start may enter this def's body in place with
     * {@link #reenterInline} from its first iteration on: what {@link #enterInline} checks holds,
     * and the depth is below the recursion limit (the check {@link #enterInline} would make at the
     * first call). The compiler asks this only for a loop in which nothing can change what it
     * looks at (the template's code can see no binding of the def, so it renders no other
     * template and rebinds nothing: {@code ScopeFacts.unobservedDef}); the answer is that of the
     * first call's {@link #enterInline}, without its effects.
     */
    public boolean inlinableThroughout(Renderer r, Compiled self, int id) {
        return inlinable(r, self, id) && r.belowDepthLimit();
    }

    /**
     * Enters the body again at a call site where {@link #enterInline} succeeded before and nothing
     * it checked can have changed since (same template, run, depth; the compiler proves that the
     * call stands in a loop that rebinds nothing and renders no other template): the call's own
     * effects only, the depth (already known to be below the limit) and the step, and the switch
     * to the def's autoescape unless the call site is known to have it already ({@code switchEscape}
     * false: the compiler saw the same setting at the call site).
     */
    public Frame reenterInline(Renderer r, boolean counted, boolean switchEscape) {
        return entered(r, counted, switchEscape, true);
    }

    /**
     * {@link #reenterInline} of a body that enters no level ({@code counted} false), at a call site
     * with the def's autoescape setting, whose step the loop counted with its own
     * ({@link Renderer#stepTwice}): nothing is left to do but hand over the closure frame.
     */
    public Frame reenterStepped() {
        return closure;
    }

    /**
     * The effects of entering the body in place; {@code belowLimit}: the depth is known to be
     * below the limit (a re-entry), so it is not checked again.
     */
    private Frame entered(Renderer r, boolean counted, boolean switchEscape, boolean belowLimit) {
        if (switchEscape) {
            r.autoescape = unit.autoescape();
        }
        if (counted) {
            if (belowLimit) {
                r.enterChecked();
            } else {
                r.enter();
            }
            r.enterInPlace();
        } else if (belowLimit) {
            r.step();
        } else {
            r.enterUncounted();
        }
        return closure;
    }

    /** Leaves a body entered by {@link #enterInline} (the caller restores autoescape). */
    public static void leaveInline(Renderer r) {
        r.leaveInPlace();
        r.leave();
    }

    /** Whether calls may print the body's output in place (see {@link #printInto}). */
    public boolean printsInPlace() {
        return locals;
    }

    /** The frame a body run by the evaluator (or compiled with its scope in a Frame) sees. */
    private Frame frame(Object[] values, SlotCaller caller) {
        Frame frame = Frame.function(closure);
        for (int i = 0; i < params.size(); i++) {
            frame.set(params.get(i).name(), values[i]);
        }
        int next = params.size();
        if (varargs != null) {
            frame.set(varargs, values[next++]);
        }
        if (kwargs != null) {
            frame.set(kwargs, values[next]);
        }
        frame.set(SLOTS, caller == null ? NO_CALLER : caller);
        frame.set("caller", caller != null ? caller : Undefined.name("caller"));
        frame.set("has_slot", caller != null ? HAS_SLOT : HAS_NO_SLOT);
        return frame;
    }

    /**
     * Binds a call's arguments as Python binds them: the one definition of the rule for both
     * backends. Returns the value of each parameter in declaration order, then the {@code *args}
     * tuple and the {@code **kwargs} dict when the def has them (the layout of {@link #slotNames}).
     * Too many positional arguments, an unknown keyword, a parameter given twice or a missing
     * required one is a type error; an omitted parameter gets its default value (a region's is
     * evaluated now, in its scope, in parameter order).
     */
    Object[] bind(Renderer r, List<Object> positional, Map<String, Object> keywords) {
        int n = positionalCount;
        if (positional.size() > n && varargs == null) {
            throw new TemplateTypeException(kind + " '" + name + "' takes " + n + " positional argument"
                    + (n == 1 ? "" : "s") + " but " + positional.size() + (positional.size() == 1 ? " was" : " were")
                    + " given");
        }
        int size = params.size();
        Object[] values = new Object[size + (varargs != null ? 1 : 0) + (kwargs != null ? 1 : 0)];
        int given = Math.min(n, positional.size());
        for (int i = 0; i < given; i++) {
            values[i] = positional.get(i);
        }
        Map<String, Object> extra = kwargs != null ? new LinkedHashMap<>() : null;
        // a keyword sets its parameter's value only once: until then the slot holds null, which a
        // given None cannot be told apart from, so a bitmask (or a set for long lists) tracks it
        boolean[] bound = keywords.isEmpty() ? null : new boolean[size];
        if (bound != null) {
            for (int i = 0; i < given; i++) {
                bound[i] = true;
            }
            for (Map.Entry<String, Object> kw : keywords.entrySet()) {
                int index = indexOf(kw.getKey());
                if (index < 0) {
                    if (extra == null) {
                        throw new TemplateTypeException(kind + " '" + name + "' got an unexpected keyword argument '"
                                + kw.getKey() + "'");
                    }
                    extra.put(kw.getKey(), kw.getValue());
                } else if (bound[index]) {
                    throw new TemplateTypeException(kind + " '" + name + "' got multiple values for argument '"
                            + kw.getKey() + "'");
                } else {
                    values[index] = kw.getValue();
                    bound[index] = true;
                }
            }
        }
        for (int i = bound == null ? given : 0; i < size; i++) {
            if (bound == null || !bound[i]) {
                Stmt.Param p = params.get(i);
                if (p.defaultValue() == null) {
                    throw new TemplateTypeException(kind + " '" + name + "' is missing the required argument '"
                            + p.name() + "'");
                }
                // a region's default is evaluated in its own scope, before any parameter is visible there
                values[i] = defaults != null ? defaults[i] : r.evalInTemplate(unit, p.defaultValue(), closure);
            }
        }
        int next = size;
        if (varargs != null) {
            values[next++] = positional.size() > n ? Tuple.copyOf(positional.subList(n, positional.size()))
                    : Tuple.of();
        }
        if (kwargs != null) {
            values[next] = extra;
        }
        return values;
    }

    private int indexOf(String param) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(param)) {
                return i;
            }
        }
        return -1;
    }

    private Object render(Renderer r, Frame frame) {
        return Markup.of(r.runInDefiningTemplate(unit, run, owner, unit.autoescape(), code, bodyId, body, frame));
    }

    @Override
    public Object attribute(String attr) {
        return switch (attr) {
            case "name" -> name;
            case "arguments" -> Tuple.copyOf(params.stream().map(Stmt.Param::name).toList());
            default -> new Undefined("'" + kind + "' object has no attribute '" + attr + "'");
        };
    }

    @Override
    public String toString() {
        return "<" + kind + " '" + name + "'>";
    }
}
