package dev.kida.engine.filters;

import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code pprint} filter: Python's {@code pprint.pformat} for the common cases: the repr
 * with dict keys sorted, and containers that do not fit in 80 columns split one item per line.
 */
final class PrettyPrint {
    private static final int WIDTH = 80;

    private PrettyPrint() {
    }

    static String pformat(Object value) {
        StringBuilder sb = new StringBuilder();
        format(sb, value, 0, 0);
        return sb.toString();
    }

    private static String flat(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Object[] e : sortedEntries(m)) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(flat(e[0])).append(": ").append(flat(e[1]));
            }
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder(v instanceof Tuple ? "(" : "[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(flat(l.get(i)));
            }
            if (v instanceof Tuple && l.size() == 1) {
                sb.append(',');
            }
            return sb.append(v instanceof Tuple ? ")" : "]").toString();
        }
        return Values.repr(v);
    }

    /** pprint sorts keys, falling back to type names when they cannot be compared. */
    private static List<Object[]> sortedEntries(Map<?, ?> m) {
        List<Object[]> entries = new ArrayList<>();
        m.forEach((k, v) -> entries.add(new Object[]{k, v}));
        entries.sort((x, y) -> {
            try {
                return Values.compare(x[0], y[0]);
            } catch (RuntimeException e) {
                return Values.typeName(x[0]).compareTo(Values.typeName(y[0]));
            }
        });
        return entries;
    }

    /**
     * Python's PrettyPrinter._format: {@code allowance} is the room the closing brackets and the
     * comma after this value take on its last line, which Python counts against the width.
     */
    private static void format(StringBuilder sb, Object v, int indent, int allowance) {
        String flat = flat(v);
        if (flat.codePointCount(0, flat.length()) <= WIDTH - indent - allowance
                || !(v instanceof Map<?, ?> || v instanceof List<?>)) {
            sb.append(flat);
            return;
        }
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            List<Object[]> entries = sortedEntries(m);
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    sb.append(",\n").append(" ".repeat(indent + 1));
                }
                String key = flat(entries.get(i)[0]);
                sb.append(key).append(": ");
                boolean last = i == entries.size() - 1;
                format(sb, entries.get(i)[1], indent + 1 + key.codePointCount(0, key.length()) + 2,
                        last ? allowance + 1 : 1);
            }
            sb.append('}');
            return;
        }
        List<?> l = (List<?>) v;
        boolean tuple = v instanceof Tuple;
        String end = tuple && l.size() == 1 ? ",)" : tuple ? ")" : "]";
        sb.append(tuple ? '(' : '[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                sb.append(",\n").append(" ".repeat(indent + 1));
            }
            format(sb, l.get(i), indent + 1, i == l.size() - 1 ? allowance + end.length() : 1);
        }
        sb.append(end);
    }
}
