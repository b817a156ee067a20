package dev.kida.engine.parser;

import dev.kida.engine.ast.BinaryOp;
import dev.kida.engine.ast.CompareOp;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Target;
import dev.kida.engine.ast.UnaryOp;
import dev.kida.engine.lexer.Token;
import dev.kida.engine.lexer.TokenType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Parses expressions with Jinja2 3.1's grammar, which differs from Python's: {@code ~} binds
 * tighter than {@code + -}, {@code **} is left-associative and binds tighter than nothing but
 * unary signs, and filters apply to the signed operand ({@code -3|abs} is {@code (-3)|abs}).
 *
 * <p>Positions: leaves and prefix operators take their first token's position; infix and postfix
 * nodes (binary operators, comparisons, and/or, conditionals, attribute and item access, calls,
 * filters, tests) take the position of their operator token ({@code + . [ ( | is if}...), so a
 * caret under it shows which operation failed.
 */
class ExpressionParser {
    private static final Set<String> NO_EXTRA_ENDS = Set.of();

    protected final TokenStream stream;
    /** Targets written as {@code ns.attr}, kept apart from ordinary attribute reads by identity. */
    private final Set<Expr> namespaceRefs = Collections.newSetFromMap(new IdentityHashMap<>());

    ExpressionParser(TokenStream stream) {
        this.stream = stream;
    }

    /**
     * A full expression, with or without the {@code a if b else c} form. Kida's {@code ??} binds
     * loosest of all (below the conditional) and groups to the right; without the conditional form
     * (a for loop's iterable, where {@code if} filters) it still applies to the or-level operands.
     */
    Expr parseExpression(boolean withCondexpr) {
        Expr left = withCondexpr ? parseCondexpr() : parseOr();
        if (!stream.at(TokenType.NULLISH)) {
            return left;
        }
        Pos pos = stream.next().pos();
        return new Expr.Nullish(pos, left, parseExpression(withCondexpr));
    }

    Expr parseExpression() {
        return parseExpression(true);
    }

    /**
     * The expression of a {@code {{ }}}: an optional access or {@code ?|} filter written as the
     * whole output prints None as nothing, as Kida does (elsewhere it stays None).
     */
    static Expr outputExpression(Expr e) {
        // instanceof, not a pattern switch, here and in toTarget: each pattern switch links through
        // SwitchBootstraps.typeSwitch, which spins a class at its first use in every process
        // (docs/performance.md, "Cold start"), and every template's parse reaches these
        return e instanceof Expr.OptionalChain || e instanceof Expr.OptionalFilter ? new Expr.BlankNone(e.pos(), e) : e;
    }

    private Expr parseCondexpr() {
        Expr expr = parseOr();
        while (stream.atName("if")) {
            Pos pos = stream.next().pos();
            Expr test = parseOr();
            Expr otherwise = stream.skipIfName("else") ? parseCondexpr() : null;
            expr = new Expr.Conditional(pos, test, expr, otherwise);
        }
        return expr;
    }

    private Expr parseOr() {
        Expr left = parseAnd();
        while (stream.atName("or")) {
            Pos pos = stream.next().pos();
            left = new Expr.Or(pos, left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseNot();
        while (stream.atName("and")) {
            Pos pos = stream.next().pos();
            left = new Expr.And(pos, left, parseNot());
        }
        return left;
    }

    private Expr parseNot() {
        if (stream.atName("not")) {
            Pos pos = stream.next().pos();
            return new Expr.Unary(pos, UnaryOp.NOT, parseNot());
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        Expr first = parseMath1();
        List<Expr.Operand> rest = new ArrayList<>();
        Pos pos = null;
        while (true) {
            Token token = stream.current();
            CompareOp op = switch (token.type()) {
                case EQ -> CompareOp.EQ;
                case NE -> CompareOp.NE;
                case LT -> CompareOp.LT;
                case LTEQ -> CompareOp.LE;
                case GT -> CompareOp.GT;
                case GTEQ -> CompareOp.GE;
                case NAME -> token.isName("in") ? CompareOp.IN
                        : token.isName("not") && stream.look().isName("in") ? CompareOp.NOT_IN : null;
                default -> null;
            };
            if (op == null) {
                break;
            }
            stream.next();
            if (op == CompareOp.NOT_IN) {
                stream.next();
            }
            if (pos == null) {
                pos = token.pos();
            }
            rest.add(new Expr.Operand(op, parseMath1()));
        }
        return rest.isEmpty() ? first : new Expr.Compare(pos, first, List.copyOf(rest));
    }

    private Expr parseMath1() {
        Expr left = parseConcat();
        while (stream.at(TokenType.ADD) || stream.at(TokenType.SUB)) {
            Token op = stream.next();
            BinaryOp kind = op.type() == TokenType.ADD ? BinaryOp.ADD : BinaryOp.SUB;
            left = new Expr.Binary(op.pos(), kind, left, parseConcat());
        }
        return left;
    }

    private Expr parseConcat() {
        Expr left = parseMath2();
        while (stream.at(TokenType.TILDE)) {
            Token op = stream.next();
            left = new Expr.Binary(op.pos(), BinaryOp.CONCAT, left, parseMath2());
        }
        return left;
    }

    private Expr parseMath2() {
        Expr left = parsePow();
        while (true) {
            BinaryOp kind = switch (stream.current().type()) {
                case MUL -> BinaryOp.MUL;
                case DIV -> BinaryOp.DIV;
                case FLOORDIV -> BinaryOp.FLOORDIV;
                case MOD -> BinaryOp.MOD;
                default -> null;
            };
            if (kind == null) {
                // Kida's own filter operators bind here, to the whole product (see parseFilterExpr)
                return bindsProduct(stream.current().type()) ? parseFilterExpr(left, true) : left;
            }
            Token op = stream.next();
            left = new Expr.Binary(op.pos(), kind, left, parsePow());
        }
    }

    private Expr parsePow() {
        Expr left = parseUnary(true);
        while (stream.at(TokenType.POW)) {
            Token op = stream.next();
            left = new Expr.Binary(op.pos(), BinaryOp.POW, left, parseUnary(true));
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        Token token = stream.current();
        Expr node;
        if (token.type() == TokenType.SUB || token.type() == TokenType.ADD) {
            stream.next();
            UnaryOp op = token.type() == TokenType.SUB ? UnaryOp.NEG : UnaryOp.POS;
            node = new Expr.Unary(token.pos(), op, parseUnary(false));
        } else {
            node = parsePrimary();
        }
        node = parsePostfix(node);
        return withFilter ? parseFilterExpr(node, false) : node;
    }

    private Expr parsePrimary() {
        return parsePrimary(false);
    }

    private Expr parsePrimary(boolean withNamespace) {
        Token token = stream.current();
        switch (token.type()) {
            case NAME -> {
                stream.next();
                String name = (String) token.value();
                switch (name) {
                    case "true", "True" -> {
                        return new Expr.Literal(token.pos(), Boolean.TRUE);
                    }
                    case "false", "False" -> {
                        return new Expr.Literal(token.pos(), Boolean.FALSE);
                    }
                    case "none", "None" -> {
                        return new Expr.Literal(token.pos(), null);
                    }
                    default -> {
                        if (withNamespace && stream.at(TokenType.DOT)) {
                            stream.next();
                            String attr = (String) stream.expect(TokenType.NAME).value();
                            Expr ref = new Expr.GetAttr(token.pos(), new Expr.Name(token.pos(), name), attr);
                            namespaceRefs.add(ref);
                            return ref;
                        }
                        return new Expr.Name(token.pos(), name);
                    }
                }
            }
            case STRING -> {
                stream.next();
                StringBuilder text = new StringBuilder((String) token.value());
                while (stream.at(TokenType.STRING)) {
                    text.append((String) stream.next().value());
                }
                // One object per distinct literal (as the compiled mode's constants are, and as in a
                // Python code object): {% set s = 'ab' %}{{ s is sameas 'ab' }} is true in Jinja2
                return new Expr.Literal(token.pos(), text.toString().intern());
            }
            case INTEGER, FLOAT -> {
                stream.next();
                return new Expr.Literal(token.pos(), token.value());
            }
            case LPAREN -> {
                stream.next();
                Expr inner = parseTuple(false, true, NO_EXTRA_ENDS, true, false, token.pos());
                stream.expect(TokenType.RPAREN);
                return inner;
            }
            case LBRACKET -> {
                return parseList();
            }
            case LBRACE -> {
                return parseDict();
            }
            default -> throw stream.fail("unexpected '" + token.describe() + "'", token.pos());
        }
    }

    /** An expression, or several separated by commas making a tuple (as in {@code {{ 1, 2 }}}). */
    Expr parseTuple() {
        return parseTuple(false, true, NO_EXTRA_ENDS, false, false, null);
    }

    Expr parseTuple(boolean withCondexpr, Set<String> extraEnds) {
        return parseTuple(false, withCondexpr, extraEnds, false, false, null);
    }

    /**
     * Jinja2's parse_tuple. {@code simplified} parses only primaries (for assignment targets);
     * {@code explicitParens} allows the empty tuple; {@code parenPos} is where a tuple in
     * parentheses starts.
     */
    private Expr parseTuple(boolean simplified, boolean withCondexpr, Set<String> extraEnds,
                            boolean explicitParens, boolean withNamespace, Pos parenPos) {
        Pos start = parenPos != null ? parenPos : stream.current().pos();
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            if (isTupleEnd(extraEnds)) {
                break;
            }
            items.add(simplified ? parsePrimary(withNamespace) : parseExpression(withCondexpr));
            if (stream.at(TokenType.COMMA)) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.getFirst();
            }
            if (!explicitParens) {
                throw stream.fail("Expected an expression, got '" + stream.current().describe() + "'");
            }
        }
        return new Expr.TupleLit(start, List.copyOf(items));
    }

    /**
     * Jinja2 3.1 passes its extra end rules ({@code in} for for-targets, {@code recursive} for
     * for-iterables) in a way that never matches, so only these tokens end a tuple; the
     * {@code extraEnds} argument is kept to document intent but deliberately not consulted,
     * which reproduces Jinja2's messages (e.g. "expected token 'in', got 'x'" for {@code for in x}).
     */
    @SuppressWarnings("unused")
    private boolean isTupleEnd(Set<String> extraEnds) {
        return switch (stream.current().type()) {
            case VARIABLE_END, BLOCK_END, RPAREN -> true;
            default -> false;
        };
    }

    private Expr parseList() {
        Token open = stream.expect(TokenType.LBRACKET);
        List<Expr> items = new ArrayList<>();
        while (!stream.at(TokenType.RBRACKET)) {
            if (!items.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            if (stream.at(TokenType.RBRACKET)) {
                break;
            }
            items.add(parseExpression());
            if (items.size() == 1 && stream.atName("for")) {
                return parseListComp(open, items.getFirst());
            }
        }
        stream.expect(TokenType.RBRACKET);
        return new Expr.ListLit(open.pos(), List.copyOf(items));
    }

    /**
     * Kida's {@code [element for target in iterable if condition]}, after the element: one
     * {@code for} (targets as in a for loop, tuples allowed) and at most one {@code if}.
     */
    private Expr parseListComp(Token open, Expr element) {
        stream.next();
        Target target = parseAssignTarget(true, NO_EXTRA_ENDS, false);
        stream.expectName("in");
        Expr iterable = parseExpression(false);
        Expr condition = stream.skipIfName("if") ? parseExpression(false) : null;
        if (stream.atName("for")) {
            throw stream.fail("a list comprehension takes one 'for'; use a {% for %} block for nested loops");
        }
        stream.expect(TokenType.RBRACKET);
        return new Expr.ListComp(open.pos(), element, target, iterable, condition);
    }

    private Expr parseDict() {
        Token open = stream.expect(TokenType.LBRACE);
        List<Expr.Entry> entries = new ArrayList<>();
        while (!stream.at(TokenType.RBRACE)) {
            if (!entries.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            if (stream.at(TokenType.RBRACE)) {
                break;
            }
            Expr key = parseExpression();
            stream.expect(TokenType.COLON);
            entries.add(new Expr.Entry(key, parseExpression()));
        }
        stream.expect(TokenType.RBRACE);
        return new Expr.DictLit(open.pos(), List.copyOf(entries));
    }

    private Expr parsePostfix(Expr node) {
        boolean optional = false;
        Pos chainPos = null;
        while (true) {
            switch (stream.current().type()) {
                case DOT, LBRACKET -> node = parseSubscript(node);
                case LPAREN -> node = parseCall(node);
                case OPT_DOT, OPT_LBRACKET -> {
                    if (!optional) {
                        optional = true;
                        chainPos = stream.current().pos();
                    }
                    node = parseOptionalSubscript(node);
                }
                case RANGE_INCLUSIVE, RANGE_EXCLUSIVE -> {
                    // a range ends the access chain it starts from: (a?.b)..c
                    if (optional) {
                        node = new Expr.OptionalChain(chainPos, node);
                        optional = false;
                    }
                    node = parseRange(node);
                }
                default -> {
                    return optional ? new Expr.OptionalChain(chainPos, node) : node;
                }
            }
        }
    }

    /** {@code ?.name} or {@code ?[key]} after {@code node}. */
    private Expr parseOptionalSubscript(Expr node) {
        Token token = stream.next();
        if (token.type() == TokenType.OPT_DOT) {
            Token attr = stream.next();
            if (attr.type() != TokenType.NAME) {
                throw stream.fail("expected name after '?.'", attr.pos());
            }
            return new Expr.OptionalAttr(token.pos(), node, (String) attr.value());
        }
        Expr key = parseExpression();
        stream.expect(TokenType.RBRACKET);
        return new Expr.OptionalItem(token.pos(), node, key);
    }

    /**
     * Kida's {@code start..end} and {@code start...end [by step]}: the end and the step are unary
     * operands (with their own postfix operators), so filters after a range apply to the range.
     */
    private Expr parseRange(Expr start) {
        Token op = stream.next();
        Expr end = parseUnary(false);
        Expr step = stream.skipIfName("by") ? parseUnary(false) : null;
        return new Expr.RangeLit(op.pos(), start, end, step, op.type() == TokenType.RANGE_INCLUSIVE);
    }

    /**
     * Filters, tests and calls after an operand. Jinja2's {@code |} binds to the unary operand
     * before it ({@code 2 * 3|string} is {@code 2 * '3'}), and Kida keeps that for the operator
     * the two languages share. Kida's own {@code |>}, {@code ?|>} and {@code ?|} take Kida's
     * precedence: they apply to the whole product, after {@code * / // %}, unary minus and
     * {@code **}, and before {@code + - ~} ({@code 2 * 3 |> string} is {@code '6'}). So at the
     * operand ({@code productLevel} false) such an operator ends the chain and
     * {@link #parseMath2} resumes it with the product.
     */
    private Expr parseFilterExpr(Expr node, boolean productLevel) {
        TokenType style = null;
        while (true) {
            Token token = stream.current();
            if (isFilterOperator(token.type())) {
                if (!productLevel && bindsProduct(token.type())) {
                    checkFilterStyle(style, token); // x | f |> g mixes styles wherever it stops
                    return node;
                }
                style = checkFilterStyle(style, token);
                node = parseFilterStep(node);
            } else if (token.isName("is")) {
                node = parseTest(node);
            } else if (token.type() == TokenType.LPAREN) {
                node = parseCall(node);
            } else {
                return node;
            }
        }
    }

    /** Kida's own filter operators, which bind to the whole product (see {@link #parseFilterExpr}). */
    private static boolean bindsProduct(TokenType type) {
        return switch (type) {
            case OPT_PIPE, PIPELINE, OPT_PIPELINE -> true;
            default -> false;
        };
    }

    private static boolean isFilterOperator(TokenType type) {
        return switch (type) {
            case PIPE, OPT_PIPE, PIPELINE, OPT_PIPELINE -> true;
            default -> false;
        };
    }

    /**
     * Kida keeps each operand's filter chain in one style: {@code |} (with {@code ?|}), {@code |>}
     * or {@code ?|>}; switching style in the middle is a syntax error.
     */
    private TokenType checkFilterStyle(TokenType style, Token token) {
        TokenType now = token.type() == TokenType.OPT_PIPE ? TokenType.PIPE : token.type();
        if (style != null && style != now) {
            throw stream.fail("cannot mix '" + style.description() + "' and '" + now.description()
                    + "' filter operators in one expression; use one of them throughout", token.pos());
        }
        return now;
    }

    /** One filter after {@code | ?| |> ?|>}; the optional forms skip the filter for None. */
    private Expr parseFilterStep(Expr node) {
        TokenType op = stream.current().type();
        if (op == TokenType.PIPE) {
            return parseFilterChainOnce(node);
        }
        stream.next();
        Token nameToken = stream.expect(TokenType.NAME);
        String name = dottedName((String) nameToken.value());
        CallArgs a = stream.at(TokenType.LPAREN) ? parseCallArgs() : CallArgs.NONE;
        Expr.Filter filter = new Expr.Filter(nameToken.pos(), node, name, a.args(), a.kwargs(), a.starArgs(),
                a.starKwargs());
        // an error in the filter is located at its name, by both backends, as for '|'
        return op == TokenType.PIPELINE ? filter : new Expr.OptionalFilter(nameToken.pos(), filter);
    }

    /** Exactly one {@code |name(args)}. */
    private Expr parseFilterChainOnce(Expr node) {
        stream.next();
        Token nameToken = stream.expect(TokenType.NAME);
        String name = dottedName((String) nameToken.value());
        CallArgs a = stream.at(TokenType.LPAREN) ? parseCallArgs() : CallArgs.NONE;
        return new Expr.Filter(nameToken.pos(), node, name, a.args(), a.kwargs(), a.starArgs(), a.starKwargs());
    }

    private Expr parseSubscript(Expr node) {
        Token token = stream.next();
        if (token.type() == TokenType.DOT) {
            Token attr = stream.next();
            if (attr.type() == TokenType.NAME) {
                return new Expr.GetAttr(token.pos(), node, (String) attr.value());
            }
            if (attr.type() != TokenType.INTEGER) {
                throw stream.fail("expected name or number", attr.pos());
            }
            return new Expr.GetItem(token.pos(), node, new Expr.Literal(attr.pos(), attr.value()));
        }
        List<Expr> keys = new ArrayList<>();
        while (!stream.at(TokenType.RBRACKET)) {
            if (!keys.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            keys.add(parseSubscribed());
        }
        stream.expect(TokenType.RBRACKET);
        Expr key = keys.size() == 1 ? keys.getFirst() : new Expr.TupleLit(token.pos(), List.copyOf(keys));
        return new Expr.GetItem(token.pos(), node, key);
    }

    private Expr parseSubscribed() {
        Pos pos = stream.current().pos();
        Expr start = null;
        if (stream.at(TokenType.COLON)) {
            stream.next();
        } else {
            Expr expr = parseExpression();
            if (!stream.at(TokenType.COLON)) {
                return expr;
            }
            stream.next();
            start = expr;
        }
        Expr stop = null;
        if (!stream.at(TokenType.COLON) && !stream.at(TokenType.RBRACKET) && !stream.at(TokenType.COMMA)) {
            stop = parseExpression();
        }
        Expr step = null;
        if (stream.at(TokenType.COLON)) {
            stream.next();
            if (!stream.at(TokenType.RBRACKET) && !stream.at(TokenType.COMMA)) {
                step = parseExpression();
            }
        }
        return new Expr.Slice(pos, start, stop, step);
    }

    /** The arguments of a call, filter or test, starting at the current {@code (}. */
    CallArgs parseCallArgs() {
        Token open = stream.expect(TokenType.LPAREN);
        List<Expr> args = new ArrayList<>();
        List<Expr.Keyword> kwargs = new ArrayList<>();
        Expr starArgs = null;
        Expr starKwargs = null;
        boolean requireComma = false;
        while (!stream.at(TokenType.RPAREN)) {
            if (requireComma) {
                stream.expect(TokenType.COMMA);
                if (stream.at(TokenType.RPAREN)) {
                    break;
                }
            }
            if (stream.at(TokenType.MUL)) {
                ensureCallSyntax(starArgs == null && starKwargs == null, open);
                stream.next();
                starArgs = parseExpression();
            } else if (stream.at(TokenType.POW)) {
                ensureCallSyntax(starKwargs == null, open);
                stream.next();
                starKwargs = parseExpression();
            } else if (stream.at(TokenType.NAME) && stream.look().type() == TokenType.ASSIGN) {
                ensureCallSyntax(starKwargs == null, open);
                Token keyToken = stream.next();
                String key = (String) keyToken.value();
                stream.next();
                if (kwargs.stream().anyMatch(k -> k.name().equals(key))) {
                    throw stream.compileError("keyword argument repeated: " + key, keyToken.pos());
                }
                kwargs.add(new Expr.Keyword(key, parseExpression()));
            } else {
                ensureCallSyntax(starArgs == null && starKwargs == null && kwargs.isEmpty(), open);
                args.add(parseExpression());
            }
            requireComma = true;
        }
        stream.expect(TokenType.RPAREN);
        return new CallArgs(List.copyOf(args), List.copyOf(kwargs), starArgs, starKwargs);
    }

    private void ensureCallSyntax(boolean ok, Token open) {
        if (!ok) {
            throw stream.fail("invalid syntax for function call expression", open.pos());
        }
    }

    private Expr parseCall(Expr callee) {
        Pos pos = stream.current().pos();
        CallArgs a = parseCallArgs();
        return new Expr.Call(pos, callee, a.args(), a.kwargs(), a.starArgs(), a.starKwargs());
    }

    /**
     * {@code |name(args)|name...} applied to {@code node}. With {@code startInline} the first
     * filter has no leading pipe (the {@code filter} tag).
     */
    private Expr parseFilterChain(Expr node, boolean startInline) {
        for (Expr.Filter filter : parseFilters(startInline)) {
            node = new Expr.Filter(filter.pos(), node, filter.name(), filter.args(), filter.kwargs(),
                    filter.starArgs(), filter.starKwargs());
        }
        return node;
    }

    /** A chain of filters with null values, as the filter tag and block-set use them. */
    List<Expr.Filter> parseFilters(boolean startInline) {
        List<Expr.Filter> filters = new ArrayList<>();
        boolean inline = startInline;
        while (stream.at(TokenType.PIPE) || inline) {
            if (!inline) {
                stream.next();
            }
            Token nameToken = stream.expect(TokenType.NAME);
            String name = dottedName((String) nameToken.value());
            CallArgs a = stream.at(TokenType.LPAREN) ? parseCallArgs() : CallArgs.NONE;
            filters.add(new Expr.Filter(nameToken.pos(), null, name, a.args(), a.kwargs(), a.starArgs(),
                    a.starKwargs()));
            inline = false;
        }
        return filters;
    }

    private String dottedName(String first) {
        StringBuilder name = new StringBuilder(first);
        while (stream.at(TokenType.DOT)) {
            stream.next();
            name.append('.').append((String) stream.expect(TokenType.NAME).value());
        }
        return name.toString();
    }

    private Expr parseTest(Expr node) {
        Token is = stream.next();
        boolean negated = stream.skipIfName("not");
        String name = dottedName((String) stream.expect(TokenType.NAME).value());
        Token token = stream.current();
        List<Expr> args = List.of();
        List<Expr.Keyword> kwargs = List.of();
        if (token.type() == TokenType.LPAREN) {
            Token open = token;
            CallArgs a = parseCallArgs();
            if (a.starArgs() != null || a.starKwargs() != null) {
                // The AST's Test node has no room for them; rare enough to reject clearly.
                throw stream.fail("*args and **kwargs are not supported in test calls", open.pos());
            }
            args = a.args();
            kwargs = a.kwargs();
        } else if (startsTestArgument(token)) {
            if (token.isName("is")) {
                throw stream.fail("You cannot chain multiple tests with is");
            }
            args = List.of(parsePostfix(parsePrimary()));
        }
        return new Expr.Test(is.pos(), node, name, args, kwargs, negated);
    }

    private static boolean startsTestArgument(Token token) {
        return switch (token.type()) {
            case NAME -> !token.isName("else") && !token.isName("or") && !token.isName("and");
            case STRING, INTEGER, FLOAT, LPAREN, LBRACKET, LBRACE -> true;
            default -> false;
        };
    }

    // ---- assignment targets ----

    /**
     * Jinja2's parse_assign_target: a name, or (with {@code withTuple}) names and nested tuples
     * separated by commas; {@code withNamespace} also allows {@code ns.attr}.
     */
    Target parseAssignTarget(boolean withTuple, Set<String> extraEnds, boolean withNamespace) {
        Expr expr = withTuple
                ? parseTuple(true, true, extraEnds, false, withNamespace, null)
                : parsePrimary(withNamespace);
        Target target = toTarget(expr);
        if (target == null) {
            throw stream.fail("can't assign to '" + kindName(expr) + "'", expr.pos());
        }
        return target;
    }

    /** A plain name, as macro names, parameters and import aliases are. */
    Token parseNameTarget() {
        return stream.expect(TokenType.NAME);
    }

    private Target toTarget(Expr expr) {
        if (expr instanceof Expr.Name n) {
            return new Target.Name(n.name());
        }
        if (expr instanceof Expr.GetAttr g && namespaceRefs.contains(g) && g.target() instanceof Expr.Name ns) {
            return new Target.Attr(ns.name(), g.name());
        }
        if (expr instanceof Expr.TupleLit t) {
            List<Target> items = new ArrayList<>();
            for (Expr item : t.items()) {
                Target converted = toTarget(item);
                if (converted == null) {
                    return null;
                }
                items.add(converted);
            }
            return new Target.Tuple(List.copyOf(items));
        }
        return null;
    }

    /** The Jinja2 node name used in "can't assign to" messages. */
    private static String kindName(Expr expr) {
        return switch (expr) {
            case Expr.Literal l -> "const";
            case Expr.Name n -> "name";
            case Expr.ListLit l -> "list";
            case Expr.TupleLit t -> "tuple";
            case Expr.DictLit d -> "dict";
            case Expr.GetAttr g -> "getattr";
            case Expr.GetItem g -> "getitem";
            case Expr.Slice s -> "slice";
            case Expr.Unary u -> switch (u.op()) {
                case NOT -> "not";
                case NEG -> "neg";
                case POS -> "pos";
            };
            case Expr.Binary b -> b.op().name().toLowerCase(java.util.Locale.ROOT);
            case Expr.And a -> "and";
            case Expr.Or o -> "or";
            case Expr.Compare c -> "compare";
            case Expr.Conditional c -> "condexpr";
            case Expr.Call c -> "call";
            case Expr.Filter f -> "filter";
            case Expr.Test t -> "test";
            case Expr.Nullish n -> "nullcoalesce";
            case Expr.OptionalChain c -> "optionalchain";
            case Expr.OptionalAttr a -> "getattr";
            case Expr.OptionalItem i -> "getitem";
            case Expr.OptionalFilter f -> "filter";
            case Expr.BlankNone b -> kindName(b.value());
            case Expr.RangeLit r -> "range";
            case Expr.ListComp c -> "listcomp";
        };
    }
}
