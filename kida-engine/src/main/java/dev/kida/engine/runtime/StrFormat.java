package dev.kida.engine.runtime;

import dev.kida.engine.runtime.text.StrOperations;
import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.runtime.value.FloatFormat;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.PyRepr;
import dev.kida.engine.runtime.value.Undefined;
import dev.kida.api.KidaException;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python's {@code str.format()} and the format-spec mini-language of {@code format()}. */
public final class StrFormat {
    private StrFormat() {
    }

    /** {@code template.format(*positional, **keywords)}. */
    public static String format(String template, List<Object> positional, Map<String, Object> keywords) {
        return format(template, positional, keywords, new Numbering());
    }

    /**
     * How a format string numbers its positional fields. Python allows either {@code {}} (the next
     * argument) or {@code {0}} throughout one call, nested specs included, never both.
     */
    private static final class Numbering {
        private int next;
        private boolean automatic;
        private boolean manual;

        int automatic() {
            if (manual) {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                        "cannot switch from manual field specification to automatic field numbering");
            }
            automatic = true;
            return next++;
        }

        int manual(int index) {
            if (automatic) {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                        "cannot switch from automatic field numbering to manual field specification");
            }
            manual = true;
            return index;
        }
    }

    private static String format(String template, List<Object> positional, Map<String, Object> keywords,
            Numbering numbering) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < n && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int depth = 1;
                int j = i + 1;
                while (j < n && depth > 0) {
                    char d = template.charAt(j);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    }
                    j++;
                }
                if (depth > 0) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                            "expected '}' before end of string");
                }
                String field = template.substring(i + 1, j - 1);
                String spec = "";
                String conversion = null;
                int colon = indexOutsideBrackets(field, ':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                int bang = indexOutsideBrackets(field, '!');
                if (bang >= 0) {
                    conversion = field.substring(bang + 1);
                    field = field.substring(0, bang);
                }
                int nameEnd = 0;
                while (nameEnd < field.length() && field.charAt(nameEnd) != '.' && field.charAt(nameEnd) != '[') {
                    nameEnd++;
                }
                String head = field.substring(0, nameEnd);
                // as Python: the field's value first, then the specs nested in its own
                int index = head.isEmpty() ? numbering.automatic()
                        : head.chars().allMatch(Character::isDigit) ? numbering.manual(Integer.parseInt(head)) : -1;
                Object value;
                if (index >= 0) {
                    value = positionalArg(positional, index);
                } else {
                    if (!keywords.containsKey(head)) {
                        throw new TemplateRuntimeException(RuntimeErrorKind.KEY_ERROR,
                                "KeyError: " + PyRepr.repr(head));
                    }
                    value = keywords.get(head);
                }
                value = resolvePath(value, field.substring(nameEnd));
                if (spec.indexOf('{') >= 0) {
                    spec = format(spec, positional, keywords, numbering);
                }
                if (conversion != null) {
                    value = switch (conversion) {
                        case "r", "a" -> PyRepr.repr(value);
                        case "s" -> PyRepr.str(value);
                        default -> throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                                "Unknown conversion specifier " + conversion);
                    };
                }
                out.append(formatValue(value, spec));
                i = j;
            } else if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                        "Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int indexOutsideBrackets(String s, char target) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == target && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Object positionalArg(List<Object> positional, int index) {
        if (index >= positional.size()) {
            throw new TemplateRuntimeException(RuntimeErrorKind.INDEX_ERROR, "IndexError: Replacement index " + index
                    + " out of range for positional args tuple");
        }
        return positional.get(index);
    }

    private static Object resolvePath(Object value, String path) {
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    j++;
                }
                Object owner = value;
                String name = path.substring(i + 1, j);
                value = Values.getAttr(owner, name);
                if (value instanceof Undefined && !(owner instanceof Undefined)) {
                    // Python's getattr, not a template's lookup: a missing attribute raises
                    throw new TemplateRuntimeException(RuntimeErrorKind.ATTRIBUTE_ERROR,
                            "'" + Values.typeName(owner) + "' object has no attribute '" + name + "'");
                }
                i = j;
            } else if (c == '[') {
                int j = path.indexOf(']', i);
                String key = path.substring(i + 1, j);
                Object k = key.chars().allMatch(Character::isDigit) && !key.isEmpty() ? (Object) Long.parseLong(key) : key;
                Object owner = value;
                value = Values.getItem(owner, k);
                if (value instanceof Undefined && !(owner instanceof Undefined)) {
                    throw missingItem(owner, k);
                }
                i = j + 1;
            } else {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                        "Only '.' or '[' may follow ']' in format field specifier");
            }
            if (value instanceof Undefined u) {
                throw u.fail();
            }
        }
        return value;
    }

    /** What Python's {@code obj[key]} raises where a template's lookup gives undefined. */
    private static KidaException missingItem(Object owner, Object key) {
        if (owner instanceof Map<?, ?>) {
            return new TemplateRuntimeException(RuntimeErrorKind.KEY_ERROR, "KeyError: " + PyRepr.repr(key));
        }
        String type = Values.typeName(owner);
        if (owner instanceof List<?> || owner instanceof CharSequence) {
            String what = owner instanceof CharSequence ? "string" : type;
            if (key instanceof Long) {
                return new TemplateRuntimeException(RuntimeErrorKind.INDEX_ERROR,
                        "IndexError: " + what + " index out of range");
            }
            return new TemplateTypeException(what + " indices must be integers or slices, not str");
        }
        return new TemplateTypeException("'" + type + "' object is not subscriptable");
    }

    /** Python's {@code format(value, spec)}. */
    public static String formatValue(Object value, String spec) {
        if (value instanceof Undefined u && (!u.lenient() || !spec.isEmpty())) {
            throw u.fail();
        }
        if (spec.isEmpty()) {
            return PyRepr.str(value);
        }
        int i = 0;
        int n = spec.length();
        String fill = " ";
        boolean fillGiven = false;
        char align = 0;
        if (n >= 2 && "<>=^".indexOf(spec.charAt(spec.offsetByCodePoints(0, 1))) >= 0) {
            int second = spec.offsetByCodePoints(0, 1);
            fill = spec.substring(0, second);
            fillGiven = true;
            align = spec.charAt(second);
            i = second + 1;
        } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        boolean alignGiven = align != 0;
        char sign = 0;
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
            sign = spec.charAt(i++);
        }
        boolean alt = false;
        if (i < n && spec.charAt(i) == '#') {
            alt = true;
            i++;
        }
        if (i < n && spec.charAt(i) == '0') {
            // the 0 flag is the fill unless one was written, and '=' unless an alignment was
            if (!fillGiven) {
                fill = "0";
            }
            if (align == 0) {
                align = '=';
            }
            i++;
        }
        int width = 0;
        int start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        if (i > start) {
            width = Integer.parseInt(spec.substring(start, i));
        }
        char grouping = 0;
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            grouping = spec.charAt(i++);
        }
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            start = ++i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            precision = Integer.parseInt(spec.substring(start, i));
        }
        // a width or precision is the size of what the conversion builds
        Budget.string(width);
        Budget.string(precision);
        char type = 0;
        if (i < n) {
            type = spec.charAt(i++);
        }
        if (i != n) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "Invalid format specifier '" + spec + "'");
        }
        String body;
        String signStr = "";
        boolean text = value instanceof String || value instanceof dev.kida.api.Markup;
        if (!text && !PyNumbers.isNumber(value)) {
            // object.__format__ takes only the empty spec
            throw new TemplateTypeException("unsupported format string passed to " + Values.typeName(value)
                    + ".__format__");
        }
        if (text) {
            if (type != 0 && type != 's') {
                throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                        "Unknown format code '" + type + "' for object of type '"
                        + Values.typeName(value) + "'");
            }
            checkStringSpec(grouping, sign, alt, alignGiven ? align : 0);
            if (!alignGiven) {
                // a leading 0 pads a string on the right: '=' is for numbers
                align = '<';
            }
            body = PyRepr.str(value);
            if (precision >= 0 && StrOperations.length(body) > precision) {
                body = body.substring(0, body.offsetByCodePoints(0, precision));
            }
            if (align == 0) {
                align = '<';
            }
        } else {
            boolean isFloatType = "eEfFgG%".indexOf(type) >= 0 || (type == 0 && PyNumbers.isFloat(value));
            if (!isFloatType) {
                if (!PyNumbers.isIntegral(value)) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                            "Unknown format code '" + type + "' for object of type 'float'");
                }
                BigInteger v = PyNumbers.toBig(value);
                signStr = v.signum() < 0 ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
                BigInteger abs = v.abs();
                body = switch (type) {
                    case 'b' -> (alt ? "0b" : "") + abs.toString(2);
                    case 'o' -> (alt ? "0o" : "") + abs.toString(8);
                    case 'x' -> (alt ? "0x" : "") + abs.toString(16);
                    case 'X' -> (alt ? "0X" : "") + abs.toString(16).toUpperCase();
                    case 'c' -> dev.kida.engine.runtime.text.PercentFormat.codePoint(v);
                    case 'd', 'n', 0 -> group(PyNumbers.decimal(abs), grouping);
                    default -> throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                            "Unknown format code '" + type
                            + "' for object of type 'int'");
                };
            } else {
                double d = PyNumbers.toDouble(value);
                boolean negative = d < 0 || (d == 0 && 1 / d < 0);
                double abs = Math.abs(d);
                signStr = negative && !Double.isNaN(d) ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
                int p = precision < 0 ? 6 : precision;
                body = switch (type) {
                    case 'f', 'F' -> FloatFormat.fixed(abs, p);
                    case 'e', 'E' -> FloatFormat.exponent(abs, p);
                    case 'g', 'G' -> FloatFormat.general(abs, p, alt);
                    case '%' -> FloatFormat.fixed(abs * 100, p) + "%";
                    default -> precision < 0 ? FloatFormat.repr(abs) : FloatFormat.general(abs, p, alt);
                };
                if (Character.isUpperCase(type)) {
                    body = body.toUpperCase();
                }
                if (grouping != 0) {
                    int dot = body.indexOf('.');
                    String intPart = dot < 0 ? body : body.substring(0, dot);
                    if (intPart.chars().allMatch(Character::isDigit)) {
                        body = group(intPart, grouping) + (dot < 0 ? "" : body.substring(dot));
                    }
                }
            }
            if (align == 0) {
                align = '>';
            }
        }
        int len = StrOperations.length(signStr) + StrOperations.length(body);
        if (width <= len) {
            return signStr + body;
        }
        int pad = width - len;
        return switch (align) {
            case '<' -> signStr + body + fill.repeat(pad);
            case '^' -> fill.repeat(pad / 2) + signStr + body + fill.repeat(pad - pad / 2);
            case '=' -> signStr + fill.repeat(pad) + body;
            default -> fill.repeat(pad) + signStr + body;
        };
    }

    /** What Python's str.__format__ refuses in a spec, in the order it checks. */
    private static void checkStringSpec(char grouping, char sign, boolean alt, char align) {
        String problem = grouping != 0 ? "Cannot specify '" + grouping + "' with 's'."
                : sign == ' ' ? "Space not allowed in string format specifier"
                : sign != 0 ? "Sign not allowed in string format specifier"
                : alt ? "Alternate form (#) not allowed in string format specifier"
                : align == '=' ? "'=' alignment not allowed in string format specifier"
                : null;
        if (problem != null) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, problem);
        }
    }

    private static String group(String digits, char sep) {
        if (sep == 0 || digits.length() <= 3) {
            return digits;
        }
        StringBuilder sb = new StringBuilder();
        int first = digits.length() % 3;
        if (first > 0) {
            sb.append(digits, 0, first);
        }
        for (int i = first; i < digits.length(); i += 3) {
            if (sb.length() > 0) {
                sb.append(sep);
            }
            sb.append(digits, i, i + 3);
        }
        return sb.toString();
    }

    static void requireType(boolean ok, String message) {
        if (!ok) {
            throw new TemplateTypeException(message);
        }
    }
}
