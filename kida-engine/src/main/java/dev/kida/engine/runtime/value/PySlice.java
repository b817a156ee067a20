package dev.kida.engine.runtime.value;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;

import java.util.ArrayList;
import java.util.List;

/** Python indexing and slicing for strings (in code points) and sequences. */
public final class PySlice {
    private PySlice() {
    }

    /** The resolved {@code start, stop, step} and item count of a slice over {@code length} items. */
    public record Bounds(int start, int stop, int step, int count) {
    }

    /** Python's {@code slice.indices(length)} with the resulting item count. */
    public static Bounds indices(int length, Object startObj, Object stopObj, Object stepObj) {
        long step = stepObj == null ? 1 : index(stepObj);
        if (step == 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "slice step cannot be zero");
        }
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? length - 1 : length;
        long start = bound(startObj, step < 0 ? upper : lower, length, lower, upper);
        long stop = bound(stopObj, step < 0 ? lower : upper, length, lower, upper);
        long count;
        if (step > 0) {
            count = stop > start ? (stop - start + step - 1) / step : 0;
        } else {
            count = start > stop ? (start - stop + (-step) - 1) / (-step) : 0;
        }
        return new Bounds((int) start, (int) stop, (int) Math.max(Math.min(step, Integer.MAX_VALUE), Integer.MIN_VALUE + 1), (int) count);
    }

    /** One bound of a slice: {@code absent} when not given, else counted from the end when negative, clamped. */
    private static long bound(Object given, long absent, int length, long lower, long upper) {
        if (given == null) {
            return absent;
        }
        long at = index(given);
        return at < 0 ? Math.max(at + length, lower) : Math.min(at, upper);
    }

    /** An int-like slice bound or index as a long (clamped for huge ints). */
    static long index(Object v) {
        if (v instanceof Undefined u) {
            throw u.fail();
        }
        if (!PyNumbers.isIntegral(v)) {
            throw new TemplateTypeException("slice indices must be integers or None or have an __index__ method");
        }
        if (PyNumbers.isBig(v)) {
            return PyNumbers.toBig(v).signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        return PyNumbers.toLong(v);
    }

    /** {@code s[start:stop:step]} over code points. */
    public static String slice(String s, Object start, Object stop, Object step) {
        int[] cps = s.codePoints().toArray();
        Bounds b = indices(cps.length, start, stop, step);
        if (b.step() == 1) {
            if (b.count() == 0) {
                return "";
            }
            int from = s.offsetByCodePoints(0, b.start());
            int to = s.offsetByCodePoints(from, b.count());
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0, k = b.start(); i < b.count(); i++, k += b.step()) {
            sb.appendCodePoint(cps[k]);
        }
        return sb.toString();
    }

    /** {@code list[start:stop:step]}; a tuple gives a tuple. */
    public static List<Object> slice(List<?> list, Object start, Object stop, Object step) {
        Bounds b = indices(list.size(), start, stop, step);
        List<Object> out = new ArrayList<>(b.count());
        for (int i = 0, k = b.start(); i < b.count(); i++, k += b.step()) {
            out.add(list.get(k));
        }
        return list instanceof Tuple ? Tuple.copyOf(out) : out;
    }

    /** Slices a str, Markup, list, tuple or array. */
    public static Object sliceAny(Object obj, Object start, Object stop, Object step) {
        return switch (obj) {
            case Undefined u -> u.member();
            case String s -> slice(s, start, stop, step);
            case Markup m -> Markup.of(slice(m.toString(), start, stop, step));
            case List<?> l -> slice(l, start, stop, step);
            case null -> throw new TemplateTypeException("'NoneType' object is not subscriptable");
            default -> {
                if (obj.getClass().isArray()) {
                    yield slice(Iteration.toList(obj), start, stop, step);
                }
                throw new TemplateTypeException("'" + PyTypes.typeName(obj) + "' object is not subscriptable");
            }
        };
    }

    /** The code point at a Python index of a string, or null when out of range. */
    public static String charAt(String s, long index) {
        int n = s.codePointCount(0, s.length());
        if (index < 0) {
            index += n;
        }
        if (index < 0 || index >= n) {
            return null;
        }
        int off = s.offsetByCodePoints(0, (int) index);
        return new String(Character.toChars(s.codePointAt(off)));
    }
}
