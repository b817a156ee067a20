package dev.kida.engine.runtime;

import dev.kida.engine.runtime.value.PyTypes;
import dev.kida.engine.runtime.value.DictView;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Range;
import dev.kida.engine.runtime.value.Tuple;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.Markup;
import dev.kida.api.TemplateTypeException;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Python's {@code ==}, ordering and {@code in} over template values. */
public final class Comparison {
    private Comparison() {
    }

    private static boolean isStr(Object v) {
        return v instanceof String || v instanceof Markup;
    }

    /** Python {@code a == b}. */
    public static boolean eq(Object a, Object b) {
        if (a instanceof Undefined u) {
            return u.equalTo(b);
        }
        if (b instanceof Undefined u) {
            return u.equalTo(a);
        }
        if (a == b) {
            return !(a instanceof Double d && d.isNaN()) && !(a instanceof Float f && f.isNaN());
        }
        if (a == null || b == null) {
            return false;
        }
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            return PyNumbers.equal(a, b);
        }
        if (isStr(a) && isStr(b)) {
            return a.toString().equals(b.toString());
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            // list, tuple and range are never equal to each other in Python, even with the same items
            if (!sequenceKind(a).equals(sequenceKind(b)) || la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ia = la.iterator();
            Iterator<?> ib = lb.iterator();
            while (ia.hasNext()) {
                Object x = ia.next();
                Object y = ib.next();
                if (x != y && !eq(x, y)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                Object key = e.getKey();
                Object other = Access.mapLookup(mb, key, MISSING);
                if (other == MISSING || !eq(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Set<?> sa && b instanceof Set<?> sb) {
            if (sa.size() != sb.size()) {
                return false;
            }
            for (Object x : sa) {
                if (!contains(sb, x)) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass().isArray() || b.getClass().isArray()) {
            Object la = a.getClass().isArray() ? Values.toList(a) : a;
            Object lb = b.getClass().isArray() ? Values.toList(b) : b;
            return la instanceof List<?> && lb instanceof List<?> && eq(la, lb);
        }
        return Objects.equals(a, b);
    }

    private static final Object MISSING = new Object();

    /** The Python type of a List-backed value, which decides whether two of them compare. */
    private static String sequenceKind(Object v) {
        // not a pattern switch: each links through SwitchBootstraps.typeSwitch, which spins a
        // class at its first use in every process (docs/performance.md, "Cold start")
        if (v instanceof Tuple) {
            return "tuple";
        }
        if (v instanceof Range) {
            return "range";
        }
        return v instanceof DictView d ? d.kind() : "list";
    }

    /** Python ordering for {@code <}: negative, zero or positive. */
    public static int compare(Object a, Object b) {
        return compare(a, b, "<");
    }

    /**
     * Python ordering; {@code op} names the operator in the TypeError message when the values
     * cannot be ordered.
     */
    public static int compare(Object a, Object b, String op) {
        if (a instanceof Undefined u) {
            throw u.fail();
        }
        if (b instanceof Undefined u) {
            throw u.fail();
        }
        if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
            return PyNumbers.compare(a, b);
        }
        if (isStr(a) && isStr(b)) {
            return compareCodePoints(a.toString(), b.toString());
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && sequenceKind(a).equals(sequenceKind(b))
                && !(a instanceof Range)) {
            int n = Math.min(la.size(), lb.size());
            for (int i = 0; i < n; i++) {
                Object x = la.get(i);
                Object y = lb.get(i);
                if (!eq(x, y)) {
                    return compare(x, y, op);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw new TemplateTypeException("'" + op + "' not supported between instances of '"
                + Values.typeName(a) + "' and '" + Values.typeName(b) + "'");
    }

    /** Python's {@code a < b} etc., where NaN makes every ordering false. */
    public static boolean test(Object a, Object b, String op) {
        if ((PyNumbers.isFloat(a) && Double.isNaN(PyNumbers.toDouble(a)))
                || (PyNumbers.isFloat(b) && Double.isNaN(PyNumbers.toDouble(b)))) {
            if (PyNumbers.isNumber(a) && PyNumbers.isNumber(b)) {
                return false;
            }
        }
        int c = compare(a, b, op);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** String order by Unicode code point, as Python compares str. */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Python {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof Undefined u) {
            if (u.lenient()) {
                return false;
            }
            throw u.fail();
        }
        // like Python, the item is only touched when the container looks at it: a str container
        // rejects any non-str, a number is no container, a dict hashes it, a list compares it
        if (isStr(container)) {
            if (!isStr(item)) {
                throw new TemplateTypeException("'in <string>' requires string as left operand, not "
                        + Values.typeName(item));
            }
            return container.toString().contains(item.toString());
        }
        if (container == null || PyNumbers.isNumber(container)) {
            throw new TemplateTypeException("argument of type '" + Values.typeName(container)
                    + "' is not iterable");
        }
        if (item instanceof Undefined u && !u.lenient()) {
            if (container instanceof Map<?, ?> || container instanceof Set<?> || Values.truthy(container)) {
                throw u.fail();
            }
            return false;
        }
        if (container instanceof Map<?, ?> m) {
            PyTypes.requireHashable(item);
            return Access.mapLookup(m, item, MISSING) != MISSING;
        }
        if (container instanceof Set<?> s) {
            try {
                if (s.contains(item)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // some sets reject foreign key types; fall back to scanning
            }
        }
        Iterator<Object> it = Values.iterate(container);
        while (it.hasNext()) {
            Object x = it.next();
            if (x == item || eq(x, item)) {
                return true;
            }
        }
        return false;
    }
}
