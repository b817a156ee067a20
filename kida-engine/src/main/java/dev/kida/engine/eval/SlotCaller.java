package dev.kida.engine.eval;

import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.render.Frame;
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

    private final Map<String, Slot> fills;
    private final Slot defaultSlot;
    private final Frame scope;
    private final PreparedTemplate unit;
    private final boolean autoescape;
    private final Compiled code;

    /** One slot's body, the names it receives ({@code let:}), and its compiled body id (-1: evaluated). */
    private record Slot(List<Stmt> body, List<String> lets, int id) {}

    private SlotCaller(Map<String, Slot> fills, Slot defaultSlot, Frame scope, PreparedTemplate unit, boolean autoescape,
                       Compiled code) {
        this.fills = fills;
        this.defaultSlot = defaultSlot;
        this.scope = scope;
        this.unit = unit;
        this.autoescape = autoescape;
        this.code = code;
    }

    /** The slots of a call block whose body is {@code body}, running in {@code scope}, evaluated. */
    static SlotCaller of(List<Stmt> body, Frame scope, Renderer r) {
        return of(body, scope, r, null, null);
    }

    /**
     * The slots of a call block whose body is {@code body}, running in {@code scope}. With
     * {@code code}, the bodies are compiled: {@code ids[0]} is the whole call body's (the default
     * slot, where the fills render nothing), {@code ids[1 + k]} that of the k-th slot fill among
     * the body's statements ({@link #fills}).
     */
    static SlotCaller of(List<Stmt> body, Frame scope, Renderer r, Compiled code, int[] ids) {
        Map<String, Slot> fills = new HashMap<>();
        Slot defaultSlot = new Slot(body, List.of(), ids == null ? -1 : ids[0]);
        int k = 1;
        for (Stmt.SlotFill fill : fills(body)) {
            Slot slot = new Slot(fill.body(), fill.lets(), ids == null ? -1 : ids[k]);
            k++;
            if (fill.name() == null) {
                defaultSlot = slot;
            } else {
                fills.putIfAbsent(fill.name(), slot);
            }
        }
        return new SlotCaller(fills, defaultSlot, scope, r.unit, r.autoescape, code);
    }

    /**
     * The slot fills of a call body: its statements that are {@code slot} fills (a {@code slot}
     * nested in another block of the body is a placeholder, see the parser).
     */
    public static List<Stmt.SlotFill> fills(List<Stmt> body) {
        List<Stmt.SlotFill> fills = new java.util.ArrayList<>();
        for (Stmt s : body) {
            if (s instanceof Stmt.SlotFill fill) {
                fills.add(fill);
            }
        }
        return fills;
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

    /** Renders slot {@code name} (null: the default slot) with the bindings. */
    Markup render(Renderer r, String name, Map<String, Object> bindings) {
        Slot slot = name == null || name.equals(DEFAULT) ? defaultSlot : fills.get(name);
        if (slot == null) {
            return Markup.of("");
        }
        Frame frame = Frame.child(scope);
        for (String let : slot.lets()) {
            frame.set(let, bindings.containsKey(let) ? bindings.get(let) : Undefined.name(let));
        }
        PreparedTemplate savedUnit = r.unit;
        boolean savedEscape = r.autoescape;
        r.unit = unit;
        r.autoescape = autoescape;
        r.enter();
        try {
            return Markup.of(slot.id() >= 0 ? r.capture(code, slot.id(), frame) : r.capture(slot.body(), frame));
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
