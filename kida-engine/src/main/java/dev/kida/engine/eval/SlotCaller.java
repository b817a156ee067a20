package dev.kida.engine.eval;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slots a {@code {% call %}} block hands to a def: the default slot (the call body, or its
 * unnamed {@code slot} fill) and the named {@code slot} fills. It is the def's {@code caller}:
 * {@code caller()} renders the default slot, {@code caller('name')} a named one ({@code ""} when
 * the call did not fill it). Slot bodies run in the scope of the call, with the bindings a scoped
 * slot receives.
 */
public final class SlotCaller implements GlobalFunction {
    /** The default slot's name. */
    public static final String DEFAULT = "default";

    private final Map<String, Stmt.SlotFill> fills;
    private final List<Stmt> defaultBody;
    private final List<String> defaultLets;
    private final Frame scope;
    private final PreparedTemplate unit;
    private final boolean autoescape;

    private SlotCaller(Map<String, Stmt.SlotFill> fills, List<Stmt> defaultBody, List<String> defaultLets,
                       Frame scope, PreparedTemplate unit, boolean autoescape) {
        this.fills = fills;
        this.defaultBody = defaultBody;
        this.defaultLets = defaultLets;
        this.scope = scope;
        this.unit = unit;
        this.autoescape = autoescape;
    }

    /** The slots of a call block whose body is {@code body}, running in {@code scope}. */
    static SlotCaller of(List<Stmt> body, Frame scope, Renderer r) {
        Map<String, Stmt.SlotFill> fills = new HashMap<>();
        List<Stmt> defaultBody = body;
        List<String> defaultLets = List.of();
        for (Stmt s : body) {
            if (s instanceof Stmt.SlotFill fill) {
                if (fill.name() == null) {
                    defaultBody = fill.body();
                    defaultLets = fill.lets();
                } else {
                    fills.putIfAbsent(fill.name(), fill);
                }
            }
        }
        return new SlotCaller(fills, defaultBody, defaultLets, scope, r.unit, r.autoescape);
    }

    /** Whether the call supplied slot {@code name} (the default slot always exists). */
    boolean has(String name) {
        return name == null || name.equals(DEFAULT) || fills.containsKey(name);
    }

    @Override
    public Object call(CallContext context, Arguments args) {
        if (!(context instanceof Renderer r)) {
            throw new IllegalStateException("a slot renders only within its own render");
        }
        if (args.positional().size() > 1) {
            throw new TemplateTypeException("caller() takes at most one argument (the slot name), got "
                    + args.positional().size());
        }
        Object slot = args.positional().isEmpty() ? args.keywords().get("slot") : args.positional().getFirst();
        Map<String, Object> bindings = new HashMap<>(args.keywords());
        bindings.remove("slot");
        String name = slot == null ? null : Values.str(slot);
        return render(r, name, bindings);
    }

    /** Renders slot {@code name} (null: the default slot) with the given bindings. */
    Markup render(Renderer r, String name, Map<String, Object> bindings) {
        List<Stmt> body;
        List<String> lets;
        if (name == null || name.equals(DEFAULT)) {
            body = defaultBody;
            lets = defaultLets;
        } else {
            Stmt.SlotFill fill = fills.get(name);
            if (fill == null) {
                return Markup.of("");
            }
            body = fill.body();
            lets = fill.lets();
        }
        Frame frame = Frame.child(scope);
        for (String let : lets) {
            frame.set(let, bindings.containsKey(let) ? bindings.get(let) : Undefined.name(let));
        }
        PreparedTemplate savedUnit = r.unit;
        boolean savedEscape = r.autoescape;
        r.unit = unit;
        r.autoescape = autoescape;
        r.enter();
        try {
            return Markup.of(r.capture(body, frame));
        } finally {
            r.leave();
            r.unit = savedUnit;
            r.autoescape = savedEscape;
        }
    }

    @Override
    public String toString() {
        return "<caller>";
    }
}
