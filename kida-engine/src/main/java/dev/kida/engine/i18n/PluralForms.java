package dev.kida.engine.i18n;

import java.util.Locale;

/**
 * The {@code plural=} expression of a gettext {@code Plural-Forms} header (a C expression over
 * {@code n}: {@code ?:}, {@code || &&}, comparisons, {@code + - * / %}, {@code !}, parentheses),
 * parsed once and evaluated per count, as Python's {@code gettext.c2py} does.
 */
public final class PluralForms {
    /** English and the default when a catalogue has no header: {@code n != 1}. */
    public static final PluralForms GERMANIC = parse("nplurals=2; plural=(n != 1);");

    private sealed interface Node permits Num, Var, Unary, Binary, Ternary { }

    private record Num(long value) implements Node { }

    private record Var() implements Node { }

    private record Unary(char op, Node operand) implements Node { }

    private record Binary(String op, Node left, Node right) implements Node { }

    private record Ternary(Node test, Node then, Node otherwise) implements Node { }

    private final Node expression;
    private final String source;

    private PluralForms(Node expression, String source) {
        this.expression = expression;
        this.source = source;
    }

    /**
     * Parses a header value such as {@code nplurals=3; plural=(n==1 ? 0 : n%10>=2 ? 1 : 2);}.
     *
     * @throws IllegalArgumentException when it has no {@code plural=} part or the expression is
     *                                  not a valid C expression over n
     */
    public static PluralForms parse(String header) {
        int at = header.indexOf("plural=");
        while (at > 0 && Character.isLetter(header.charAt(at - 1))) {
            at = header.indexOf("plural=", at + 1);
        }
        if (at < 0) {
            throw new IllegalArgumentException("no plural= in Plural-Forms '" + header + "'");
        }
        String expr = header.substring(at + "plural=".length());
        int semi = expr.indexOf(';');
        if (semi >= 0) {
            expr = expr.substring(0, semi);
        }
        Parser p = new Parser(expr.strip());
        Node node = p.ternary();
        p.skipSpace();
        if (p.pos != p.text.length()) {
            throw new IllegalArgumentException("unexpected '" + p.text.substring(p.pos) + "' in plural expression '"
                    + expr + "'");
        }
        return new PluralForms(node, expr.strip());
    }

    /** The index of the plural form for {@code n}. */
    public int index(long n) {
        return (int) eval(expression, n);
    }

    private static long eval(Node node, long n) {
        return switch (node) {
            case Num num -> num.value();
            case Var v -> n;
            case Unary u -> eval(u.operand(), n) == 0 ? 1 : 0;
            case Ternary t -> eval(t.test(), n) != 0 ? eval(t.then(), n) : eval(t.otherwise(), n);
            case Binary b -> {
                if (b.op().equals("||")) {
                    yield eval(b.left(), n) != 0 || eval(b.right(), n) != 0 ? 1 : 0;
                }
                if (b.op().equals("&&")) {
                    yield eval(b.left(), n) != 0 && eval(b.right(), n) != 0 ? 1 : 0;
                }
                long l = eval(b.left(), n);
                long r = eval(b.right(), n);
                yield switch (b.op()) {
                    case "==" -> l == r ? 1 : 0;
                    case "!=" -> l != r ? 1 : 0;
                    case "<" -> l < r ? 1 : 0;
                    case "<=" -> l <= r ? 1 : 0;
                    case ">" -> l > r ? 1 : 0;
                    case ">=" -> l >= r ? 1 : 0;
                    case "+" -> l + r;
                    case "-" -> l - r;
                    case "*" -> l * r;
                    // C semantics on the non-negative counts catalogues use
                    case "/" -> r == 0 ? 0 : l / r;
                    case "%" -> r == 0 ? 0 : l % r;
                    default -> throw new IllegalStateException(b.op());
                };
            }
        };
    }

    @Override
    public String toString() {
        return "plural=" + source;
    }

    private static final class Parser {
        final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String op) {
            skipSpace();
            if (text.startsWith(op, pos)) {
                // do not read '<' of '<=' or '=' of '=='
                if ((op.equals("<") || op.equals(">") || op.equals("!")) && text.startsWith("=", pos + 1)) {
                    return false;
                }
                pos += op.length();
                return true;
            }
            return false;
        }

        Node ternary() {
            Node test = binary(0);
            if (eat("?")) {
                Node then = ternary();
                if (!eat(":")) {
                    throw error("expected ':'");
                }
                return new Ternary(test, then, ternary());
            }
            return test;
        }

        private static final String[][] LEVELS = {
            {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};

        Node binary(int level) {
            if (level == LEVELS.length) {
                return unary();
            }
            Node left = binary(level + 1);
            outer:
            while (true) {
                for (String op : LEVELS[level]) {
                    if (eat(op)) {
                        left = new Binary(op, left, binary(level + 1));
                        continue outer;
                    }
                }
                return left;
            }
        }

        Node unary() {
            if (eat("!")) {
                return new Unary('!', unary());
            }
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = ternary();
                if (!eat(")")) {
                    throw error("expected ')'");
                }
                return inner;
            }
            if (c == 'n') {
                pos++;
                return new Var();
            }
            if (Character.isDigit(c)) {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                return new Num(Long.parseLong(text.substring(start, pos)));
            }
            throw error("unexpected '" + c + "'");
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos + " in plural expression '" + text + "'"
                    + String.format(Locale.ROOT, ""));
        }
    }
}
