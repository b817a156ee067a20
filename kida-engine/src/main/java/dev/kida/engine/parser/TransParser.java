package dev.kida.engine.parser;

import dev.kida.engine.ast.BinaryOp;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import dev.kida.engine.lexer.Token;
import dev.kida.engine.lexer.TokenType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The i18n extension's {@code {% trans %}} tag, parsed as Jinja2's InternationalizationExtension
 * does and compiled to the same nodes: a print of {@code gettext}/{@code ngettext}/{@code pgettext}/
 * {@code npgettext} called on the message with {@code %(name)s} placeholders, formatted with
 * {@code %} and a dict of the variables (old style) or given them as keyword arguments (new
 * style). Both backends then run it like any other print.
 */
final class TransParser {
    private static final Pattern TRIM = Pattern.compile("\\s*\\n\\s*", Pattern.UNICODE_CHARACTER_CLASS);

    private final ExpressionParser expressions;
    private final TokenStream stream;
    private final boolean newstyle;

    TransParser(ExpressionParser expressions, TokenStream stream, boolean newstyle) {
        this.expressions = expressions;
        this.stream = stream;
        this.newstyle = newstyle;
    }

    /** Parses from the {@code trans} name to the {@code endtrans} name, adding the statements to {@code out}. */
    void parse(Pos pos, List<Stmt> out) {
        stream.next();
        String context = null;
        if (stream.at(TokenType.STRING)) {
            context = (String) stream.next().value();
        }
        Expr pluralExpr = null;
        Stmt pluralAssign = null;
        boolean numCalledNum = false;
        Map<String, Expr> variables = new LinkedHashMap<>();
        Boolean trimmed = null;
        while (!stream.at(TokenType.BLOCK_END)) {
            if (!variables.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            if (stream.skipIf(TokenType.COLON)) {
                break;
            }
            Token token = stream.expect(TokenType.NAME);
            String name = (String) token.value();
            if (variables.containsKey(name)) {
                throw stream.fail("translatable variable '" + name + "' defined twice.", token.pos());
            }
            Expr var;
            if (stream.at(TokenType.ASSIGN)) {
                stream.next();
                var = expressions.parseExpression();
            } else if (trimmed == null && (name.equals("trimmed") || name.equals("notrimmed"))) {
                trimmed = name.equals("trimmed");
                continue;
            } else {
                var = new Expr.Name(token.pos(), name);
            }
            variables.put(name, var);
            if (pluralExpr == null) {
                if (var instanceof Expr.Call) {
                    // the count is computed once, into _trans, as Jinja2 does
                    pluralExpr = new Expr.Name(pos, "_trans");
                    variables.put(name, pluralExpr);
                    pluralAssign = new Stmt.Set(pos, new Target.Name("_trans"), var);
                } else {
                    pluralExpr = var;
                }
                numCalledNum = name.equals("num");
            }
        }
        stream.expect(TokenType.BLOCK_END);
        List<String> referenced = new ArrayList<>();
        List<String> singularNames = new ArrayList<>();
        String singular = block(singularNames, true);
        String plural = null;
        boolean havePlural = false;
        if (!singularNames.isEmpty()) {
            referenced.addAll(singularNames);
            if (pluralExpr == null) {
                pluralExpr = new Expr.Name(pos, singularNames.getFirst());
                numCalledNum = singularNames.getFirst().equals("num");
            }
        }
        if (stream.atName("pluralize")) {
            havePlural = true;
            stream.next();
            if (!stream.at(TokenType.BLOCK_END)) {
                Token token = stream.expect(TokenType.NAME);
                String name = (String) token.value();
                if (!variables.containsKey(name)) {
                    throw stream.fail("unknown variable '" + name + "' for pluralization", token.pos());
                }
                pluralExpr = variables.get(name);
                numCalledNum = name.equals("num");
            }
            stream.expect(TokenType.BLOCK_END);
            List<String> pluralNames = new ArrayList<>();
            plural = block(pluralNames, false);
            stream.next();
            referenced.addAll(pluralNames);
        } else {
            stream.next();
        }
        for (String name : referenced) {
            variables.putIfAbsent(name, new Expr.Name(pos, name));
        }
        if (!havePlural) {
            pluralExpr = null;
        } else if (pluralExpr == null) {
            throw stream.fail("pluralize without variables", pos);
        }
        if (Boolean.TRUE.equals(trimmed)) {
            singular = trim(singular);
            if (plural != null) {
                plural = trim(plural);
            }
        }
        if (pluralAssign != null) {
            out.add(pluralAssign);
        }
        out.add(new Stmt.Print(pos, node(pos, singular, plural, context, variables, pluralExpr,
                !referenced.isEmpty(), numCalledNum && havePlural)));
    }

    private static String trim(String s) {
        return TRIM.matcher(s.strip()).replaceAll(" ");
    }

    /** Jinja2's _parse_block: text and {@code {{ name }}} up to endtrans (or pluralize). */
    private String block(List<String> names, boolean allowPluralize) {
        StringBuilder buf = new StringBuilder();
        while (true) {
            Token current = stream.current();
            switch (current.type()) {
                case DATA -> {
                    buf.append(((String) current.value()).replace("%", "%%"));
                    stream.next();
                }
                case VARIABLE_BEGIN -> {
                    stream.next();
                    String name = (String) stream.expect(TokenType.NAME).value();
                    names.add(name);
                    buf.append("%(").append(name).append(")s");
                    stream.expect(TokenType.VARIABLE_END);
                }
                case BLOCK_BEGIN -> {
                    stream.next();
                    String blockName = stream.at(TokenType.NAME) ? (String) stream.current().value() : null;
                    if ("endtrans".equals(blockName)) {
                        return buf.toString();
                    }
                    if ("pluralize".equals(blockName)) {
                        if (allowPluralize) {
                            return buf.toString();
                        }
                        throw stream.fail("a translatable section can have only one pluralize section");
                    }
                    if ("trans".equals(blockName)) {
                        throw stream.fail("trans blocks can't be nested; did you mean `endtrans`?");
                    }
                    throw stream.fail("control structures in translatable sections are not allowed; saw `"
                            + (blockName == null ? "None" : blockName) + "`");
                }
                case EOF -> throw stream.fail("unclosed translation block");
                default -> throw stream.fail("unexpected '" + current.describe() + "' in translation block");
            }
        }
    }

    /** Jinja2's _make_node. */
    private Expr node(Pos pos, String singular, String plural, String context, Map<String, Expr> variables,
                      Expr pluralExpr, boolean varsReferenced, boolean numCalledNum) {
        if (!varsReferenced && !newstyle) {
            singular = singular.replace("%%", "%");
            if (plural != null) {
                plural = plural.replace("%%", "%");
            }
        }
        String function = "gettext";
        List<Expr> args = new ArrayList<>();
        if (context != null) {
            args.add(new Expr.Literal(pos, context));
            function = "p" + function;
        }
        args.add(new Expr.Literal(pos, singular));
        if (pluralExpr != null) {
            function = "n" + function;
            args.add(new Expr.Literal(pos, plural));
            args.add(pluralExpr);
        }
        List<Expr.Keyword> kwargs = new ArrayList<>();
        if (newstyle) {
            for (Map.Entry<String, Expr> v : variables.entrySet()) {
                if (numCalledNum && v.getKey().equals("num")) {
                    continue;
                }
                kwargs.add(new Expr.Keyword(v.getKey(), v.getValue()));
            }
        }
        Expr node = new Expr.Call(pos, new Expr.Name(pos, function), args, kwargs, null, null);
        if (newstyle) {
            return node;
        }
        node = new Expr.Filter(pos, node, Expr.Filter.MARK_SAFE_IF_AUTOESCAPE, List.of(), List.of(), null, null);
        if (!variables.isEmpty()) {
            List<Expr.Entry> entries = new ArrayList<>();
            variables.forEach((k, v) -> entries.add(new Expr.Entry(new Expr.Literal(pos, k), v)));
            node = new Expr.Binary(pos, BinaryOp.MOD, node, new Expr.DictLit(pos, entries));
        }
        return node;
    }
}
