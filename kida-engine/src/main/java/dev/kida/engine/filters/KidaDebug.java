package dev.kida.engine.filters;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;

import java.util.List;
import java.util.Map;

/**
 * Kida's {@code debug(label=None, max_items=5)}: logs a short description of the value (its type,
 * size and first items) to the {@code dev.kida.debug} System.Logger at INFO, and returns the value
 * unchanged so it can sit in the middle of a filter chain.
 */
final class KidaDebug {
    /** Made at the first message: {@code System.getLogger} starts the logging back end, which a
     * cold start that logs nothing should not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.debug");
    }
    private static final int MAX_REPR = 60;

    private KidaDebug() {
    }

    static Object filter(CallContext ctx, Object v, Arguments a) {
        a.check("debug", "label", "max_items");
        Object label = a.get(0, "label", null);
        Object maxItems = a.get(1, "max_items", 5L);
        int max = PyNumbers.isIntegral(maxItems) && !PyNumbers.isBig(maxItems)
                ? (int) Math.max(0, Math.min(PyNumbers.toLong(maxItems), 1000)) : 5;
        if (Log.LOG.isLoggable(System.Logger.Level.INFO)) {
            Log.LOG.log(System.Logger.Level.INFO, describe(v, label == null ? null : Values.str(label), max));
        }
        return v;
    }

    /** The text the filter logs, as Kida writes it: {@code DEBUG [label]: <list[3]>} and a line per item. */
    static String describe(Object v, String label, int max) {
        String head = "DEBUG " + (label == null || label.isEmpty() ? "" : "[" + label + "]") + ": ";
        StringBuilder out = new StringBuilder(head);
        switch (v) {
            case null -> out.append("None");
            case Undefined u -> out.append("<undefined: ").append(u.message()).append('>');
            case List<?> list -> {
                out.append('<').append(Values.typeName(v)).append('[').append(list.size()).append("]>");
                for (int i = 0; i < Math.min(max, list.size()); i++) {
                    out.append("\n  [").append(i).append("] ").append(shortRepr(list.get(i)));
                }
                if (list.size() > max) {
                    out.append("\n  ... (").append(list.size() - max).append(" more items)");
                }
            }
            case Map<?, ?> map -> {
                out.append('<').append(Values.typeName(v)).append('[').append(map.size()).append(" keys]>");
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (i++ >= max) {
                        break;
                    }
                    out.append("\n  ").append(Values.repr(e.getKey())).append(": ").append(shortRepr(e.getValue()))
                            .append(e.getValue() == null ? " <-- None!" : "");
                }
                if (map.size() > max) {
                    out.append("\n  ... (").append(map.size() - max).append(" more keys)");
                }
            }
            default -> out.append(shortRepr(v)).append(" (").append(Values.typeName(v)).append(')');
        }
        return out.toString();
    }

    private static String shortRepr(Object v) {
        String r;
        try {
            r = Values.repr(v);
        } catch (RuntimeException e) {
            // a value whose repr fails (an undefined one) is still worth a line in a debug log
            r = "<" + Values.typeName(v) + ">";
        }
        return r.length() > MAX_REPR ? r.substring(0, MAX_REPR - 3) + "..." : r;
    }
}
