package dev.kida.engine.eval;

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
 * Defaults are evaluated at each call, in the def's scope (a deliberate difference from Kida,
 * which evaluates them once; see the user guide). The result is always Markup.
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
    private final PreparedTemplate unit;
    private final InheritanceChain run;
    private final Compiled code;
    private final int bodyId;

    /**
     * @param kind   "def" or "region", for messages
     * @param code   the compiled template holding the body as body {@code bodyId}, or null to run
     *               the body in the evaluator
     */
    public DefFunction(Renderer owner, String kind, String name, List<Stmt.Param> params, int positionalCount,
                       String varargs, String kwargs, List<Stmt> body, Frame closure, PreparedTemplate unit, Compiled code, int bodyId) {
        this.owner = owner;
        this.kind = kind;
        this.name = name;
        this.params = params;
        this.positionalCount = positionalCount;
        this.varargs = varargs;
        this.kwargs = kwargs;
        this.body = body;
        this.closure = closure;
        this.unit = unit;
        this.run = owner.run;
        this.code = code;
        this.bodyId = bodyId;
    }

    @Override
    public Object call(CallContext context, Arguments args) {
        Renderer r = context instanceof Renderer own ? own : owner;
        Map<String, Object> keywords = new LinkedHashMap<>(args.keywords());
        SlotCaller caller = keywords.get("caller") instanceof SlotCaller c ? c : null;
        if (caller != null) {
            keywords.remove("caller");
        }
        return invoke(r, args.positional(), keywords, caller);
    }

    /** Calls the def; {@code caller} is the {@code call} block's slots, or null for a plain call. */
    Object invoke(Renderer r, List<Object> positional, Map<String, Object> keywords, SlotCaller caller) {
        Frame frame = Frame.function(closure);
        int n = positionalCount;
        if (positional.size() > n && varargs == null) {
            throw new TemplateTypeException(kind + " '" + name + "' takes " + n + " positional argument"
                    + (n == 1 ? "" : "s") + " but " + positional.size() + (positional.size() == 1 ? " was" : " were")
                    + " given");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        boolean[] bound = new boolean[params.size()];
        for (int i = 0; i < Math.min(n, positional.size()); i++) {
            frame.set(params.get(i).name(), positional.get(i));
            bound[i] = true;
        }
        for (Map.Entry<String, Object> kw : keywords.entrySet()) {
            int index = indexOf(kw.getKey());
            if (index < 0) {
                if (kwargs == null) {
                    throw new TemplateTypeException(kind + " '" + name + "' got an unexpected keyword argument '"
                            + kw.getKey() + "'");
                }
                extra.put(kw.getKey(), kw.getValue());
            } else if (bound[index]) {
                throw new TemplateTypeException(kind + " '" + name + "' got multiple values for argument '"
                        + kw.getKey() + "'");
            } else {
                frame.set(kw.getKey(), kw.getValue());
                bound[index] = true;
            }
        }
        for (int i = 0; i < params.size(); i++) {
            if (!bound[i]) {
                Stmt.Param p = params.get(i);
                if (p.defaultValue() == null) {
                    throw new TemplateTypeException(kind + " '" + name + "' is missing the required argument '"
                            + p.name() + "'");
                }
                // a default is evaluated in the def's own scope, before any parameter is visible there
                frame.set(p.name(), r.evalInTemplate(unit, p.defaultValue(), closure));
            }
        }
        if (varargs != null) {
            frame.set(varargs, positional.size() > n ? Tuple.copyOf(positional.subList(n, positional.size()))
                    : Tuple.of());
        }
        if (kwargs != null) {
            frame.set(kwargs, extra);
        }
        frame.set(SLOTS, caller == null ? NO_CALLER : caller);
        frame.set("caller", caller != null ? caller : Undefined.name("caller"));
        frame.set("has_slot", caller != null ? HAS_SLOT : HAS_NO_SLOT);
        return render(r, frame);
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
