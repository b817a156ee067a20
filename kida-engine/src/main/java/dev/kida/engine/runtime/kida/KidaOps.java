package dev.kida.engine.runtime.kida;

import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Range;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.engine.runtime.Values;
import dev.kida.engine.runtime.objects.BuiltinGlobals;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;
import java.util.Map;

/**
 * Kida's expression operators ({@code ??}, {@code ?.}, {@code ?[ ]}, ranges), one definition shared
 * by the evaluator and the generated code.
 */
public final class KidaOps {
    private KidaOps() {
    }

    /** What {@code ??}, {@code ?.} and {@code ?[ ]} treat as absent: None or an undefined value. */
    public static boolean isAbsent(Object v) {
        return v == null || v instanceof Undefined;
    }

    /** {@code target?.name} on a present target: as {@code .}, but a mapping's missing key is None. */
    public static Object attr(Object target, String name) {
        Object v = Values.getAttr(target, name);
        return v instanceof Undefined && target instanceof Map<?, ?> ? null : v;
    }

    /** {@code target?[key]} on a present target: as {@code [ ]}, but a mapping's missing key is None. */
    public static Object item(Object target, Object key) {
        Object v = Values.getItem(target, key);
        return v instanceof Undefined && target instanceof Map<?, ?> ? null : v;
    }

    /**
     * {@code start..end by step} ({@code inclusive}) or {@code start...end by step}: the integers
     * from {@code start} towards {@code end} in steps of {@code step} (1 when null); empty when
     * the end lies behind the start.
     */
    public static Object range(Object start, Object end, Object step, boolean inclusive) {
        long from = bound(start);
        long to = bound(end);
        long by = step == null ? 1 : bound(step);
        if (by == 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "range step must not be zero");
        }
        long count = inclusive ? Range.countInclusive(from, to, by) : Range.count(from, to, by);
        // The exclusive stop only names the range when printed; at the long's limits, where the
        // next integer does not exist, the count above still includes the end itself.
        long stop;
        if (!inclusive) {
            stop = to;
        } else if (by > 0) {
            stop = to == Long.MAX_VALUE ? to : to + 1;
        } else {
            stop = to == Long.MIN_VALUE ? to : to - 1;
        }
        if (count > BuiltinGlobals.MAX_RANGE) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR, "range too large: " + count + " items");
        }
        return new Range(from, stop, by, (int) count);
    }

    private static long bound(Object v) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (!PyNumbers.isIntegral(v)) {
            throw new TemplateTypeException("range bounds must be integers, not '" + Values.typeName(v) + "'");
        }
        if (PyNumbers.isBig(v)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR, "range bound too large: " + v);
        }
        return PyNumbers.toLong(v);
    }
}
