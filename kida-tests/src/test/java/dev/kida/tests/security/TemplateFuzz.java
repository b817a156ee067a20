package dev.kida.tests.security;

import java.util.List;
import java.util.Random;

/**
 * Random template text for fuzzing: well-formed pieces of the language mixed with hostile values
 * (huge numbers and widths, deep nesting, method names that change or reach things) and with
 * raw fragments that break the syntax, so the lexer, the parser and both backends all get
 * exercised. Deterministic for a seed.
 */
final class TemplateFuzz {
    static final List<String> NAMES = List.of("items", "d", "s", "n", "sb", "thread", "cls", "x", "loop", "range",
            "lipsum", "dict", "cycler", "joiner", "namespace", "self", "caller", "undefined_name");
    static final List<String> ATTRS = List.of("append", "pop", "clear", "update", "extend", "insert", "remove",
            "sort", "reverse", "setdefault", "popitem", "add", "delete", "exec", "getClass", "class", "forName",
            "classLoader", "getClassLoader", "__class__", "mro", "name", "length", "upper", "items", "keys",
            "values", "get", "format", "join", "replace", "center", "body", "self", "toString", "hashCode",
            "wait", "notify", "run", "start", "interrupt", "setLength", "reverse", "insert", "deleteCharAt");
    static final List<String> FILTERS = List.of("list", "join", "length", "string", "upper", "center(99)",
            "indent(10**9)", "batch(10**9, 'x')", "slice(2147483648)", "replace('', 'xx')", "wordwrap(1)",
            "format(1)", "tojson", "pprint", "sort", "unique", "reverse", "first", "last", "sum", "e",
            "default('d')", "int", "float", "round(2)", "truncate(3)", "title", "map('string')", "select('odd')",
            "attr('append')", "map(attribute='clear')", "dictsort", "groupby('x')", "xmlattr", "urlize", "safe");
    static final List<String> ATOMS = List.of("1", "0", "-1", "2**31", "10**9", "2**100000", "1.5", "'a'", "''",
            "'%999999999d'", "'{:99999999}'", "[1, 2, 3]", "[]", "{'a': 1}", "(1, 2)", "none", "true", "range(10**9)",
            "'x' * 10**8", "[1] * 10**8", "'ab c'");
    static final List<String> RAW = List.of("{{", "}}", "{%", "%}", "{#", "#}", "(", ")", "[", "]", "'", "\"", "|",
            ".", ",", "=", "endfor", "endif", "{% endfor %}", "{% endif %}", "{% else %}", "\\", "\n", "-", "+", "~",
            "{% raw %}", "{% endraw %}", "**", "//", "%");

    private final Random random;

    TemplateFuzz(long seed) {
        this.random = new Random(seed);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    String expr(int depth) {
        if (depth <= 0) {
            return random.nextBoolean() ? pick(ATOMS) : pick(NAMES);
        }
        return switch (random.nextInt(9)) {
            case 0 -> expr(depth - 1) + "." + pick(ATTRS);
            case 1 -> expr(depth - 1) + "." + pick(ATTRS) + "(" + (random.nextBoolean() ? "" : expr(depth - 1)) + ")";
            case 2 -> expr(depth - 1) + "|" + pick(FILTERS);
            case 3 -> expr(depth - 1) + " " + pick(List.of("+", "*", "**", "~", "//", "%", "==", "in", "and", "or"))
                    + " " + expr(depth - 1);
            case 4 -> expr(depth - 1) + "[" + expr(depth - 1) + "]";
            case 5 -> "(" + expr(depth - 1) + ")";
            case 6 -> expr(depth - 1) + " if " + expr(depth - 1) + " else " + expr(depth - 1);
            case 7 -> "(".repeat(random.nextInt(3) == 0 ? 2000 : 3) + "1" + ")".repeat(random.nextInt(3) == 0 ? 2000 : 3);
            default -> pick(ATOMS);
        };
    }

    String template(int depth) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(10)) {
                case 0 -> sb.append("{% for i in ").append(expr(1)).append(" %}").append(depth > 0 ? template(depth - 1) : "{{ i }}")
                        .append("{% endfor %}");
                case 1 -> sb.append("{% if ").append(expr(2)).append(" %}").append(depth > 0 ? template(depth - 1) : "y")
                        .append("{% endif %}");
                case 2 -> sb.append("{% macro m(k) %}{% if k %}{{ m(k - 1) }}{{ m(k - 1) }}{% endif %}{% endmacro %}{{ m(")
                        .append(random.nextInt(14)).append(") }}");
                case 3 -> sb.append("{% set v = ").append(expr(2)).append(" %}{{ v }}");
                case 4 -> sb.append(pick(RAW));
                case 5 -> sb.append("{% for a in [[1,[2]],[3]] recursive %}{{ loop(a) if a is iterable }}{% endfor %}");
                default -> sb.append("{{ ").append(expr(random.nextInt(4))).append(" }}");
            }
        }
        return sb.toString();
    }
}
