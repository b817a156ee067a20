package dev.kida.engine.eval;

import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.render.Frame;
import dev.kida.engine.analysis.TemplateFacts;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A macro, or the {@code caller} of a call block: a closure over the frame it was defined in.
 * Calling it renders the body into a string (Markup when its template autoescapes), binding
 * parameters the way Jinja2 does: missing ones are undefined, extra positional arguments go to
 * {@code varargs} and extra keywords to {@code kwargs} only when the body uses those names.
 */
public final class Macro implements GlobalFunction, TemplateObject {
    private final Renderer owner;
    private final String name;
    private final List<Stmt.Param> params;
    private final List<Stmt> body;
    private final Frame closure;
    private final PreparedTemplate unit;
    /** The render of the template that defined it: {@code self} in its body names that one. */
    private final InheritanceChain run;
    private final boolean autoescape;
    private final boolean catchVarargs;
    private final boolean catchKwargs;
    private final boolean usesCaller;
    private final Compiled code;
    private final int bodyId;

    Macro(Renderer owner, String name, List<Stmt.Param> params, List<Stmt> body, Frame closure, PreparedTemplate unit,
          boolean autoescape) {
        this(owner, name, params, body, closure, unit, autoescape, null, -1);
    }

    /**
     * A macro whose body runs as compiled body {@code bodyId} of {@code code}, or in the evaluator
     * when {@code code} is null.
     */
    public Macro(Renderer owner, String name, List<Stmt.Param> params, List<Stmt> body, Frame closure,
                 PreparedTemplate unit, boolean autoescape, Compiled code, int bodyId) {
        this.code = code;
        this.bodyId = bodyId;
        this.owner = owner;
        this.name = name;
        this.params = params;
        this.body = body;
        this.closure = closure;
        this.unit = unit;
        this.run = owner.run;
        this.autoescape = autoescape;
        TemplateFacts.MacroUse use = unit.facts().macroUse(body);
        this.catchVarargs = use.varargs();
        this.catchKwargs = use.kwargs();
        this.usesCaller = use.caller();
    }

    @Override
    public Object call(CallContext context, Arguments args) {
        Renderer r = context instanceof Renderer own ? own : owner;
        Frame frame = Frame.function(closure);
        List<Object> positional = args.positional();
        Map<String, Object> keywords = new LinkedHashMap<>(args.keywords());
        // a declared caller parameter is an ordinary one (its default applies without a call block)
        boolean explicitCaller = params.stream().anyMatch(p -> p.name().equals("caller"));
        Object caller = explicitCaller ? null : keywords.remove("caller");
        if (caller != null && !usesCaller) {
            keywords.put("caller", caller);
        }
        // Passed values are bound first and defaults evaluated after, in order, in the macro's own
        // scope: a default sees the earlier parameters, and a parameter not yet bound (itself
        // included) is undefined there even if an outer variable has its name.
        boolean[] needsDefault = new boolean[params.size()];
        for (int i = 0; i < params.size(); i++) {
            Stmt.Param p = params.get(i);
            Object value;
            if (i < positional.size()) {
                // a keyword of the same name is not an error here: like any unknown keyword it goes
                // to kwargs, or is rejected below when the macro takes none
                value = positional.get(i);
            } else if (keywords.containsKey(p.name())) {
                value = keywords.remove(p.name());
            } else {
                value = new Undefined("parameter '" + p.name() + "' was not provided");
                needsDefault[i] = p.defaultValue() != null;
            }
            frame.set(p.name(), value);
        }
        for (int i = 0; i < params.size(); i++) {
            if (needsDefault[i]) {
                frame.set(params.get(i).name(), r.evalInTemplate(unit, params.get(i).defaultValue(), frame));
            }
        }
        if (positional.size() > params.size()) {
            if (!catchVarargs) {
                throw new TemplateTypeException("macro '" + displayName() + "' takes not more than " + params.size()
                        + " argument(s)");
            }
            frame.set("varargs", Tuple.copyOf(positional.subList(params.size(), positional.size())));
        } else if (catchVarargs) {
            frame.set("varargs", Tuple.of());
        }
        if (catchKwargs) {
            frame.set("kwargs", keywords);
        } else if (!keywords.isEmpty()) {
            throw new TemplateTypeException("macro '" + displayName() + "' takes no keyword argument '"
                    + keywords.keySet().iterator().next() + "'");
        }
        if (usesCaller && !explicitCaller) {
            frame.set("caller", caller != null ? caller : new Undefined("No caller defined"));
        }
        return render(r, frame);
    }

    /** The name for messages: a call block's caller has no name of its own. */
    private String displayName() {
        return name == null ? "caller" : name;
    }

    private Object render(Renderer r, Frame frame) {
        boolean callerEscapes = r.autoescape;
        String text = r.runInDefiningTemplate(unit, run, owner, autoescape, code, bodyId, body, frame);
        // The body escapes as its template says, but whether the result is safe markup is the
        // caller's autoescape setting, as Jinja2 passes the call site's eval context
        return callerEscapes ? dev.kida.api.Markup.of(text) : text;
    }

    @Override
    public Object attribute(String attr) {
        return switch (attr) {
            case "name" -> name;
            case "arguments" -> Tuple.copyOf(params.stream().map(Stmt.Param::name).toList());
            case "catch_kwargs" -> catchKwargs;
            case "catch_varargs" -> catchVarargs;
            case "caller" -> usesCaller;
            default -> MISSING;
        };
    }

    @Override
    public String toString() {
        return name == null ? "<Macro anonymous>" : "<Macro '" + name + "'>";
    }

    @Override
    public String jinjaTypeName() {
        return "jinja2.runtime.Macro";
    }
}
