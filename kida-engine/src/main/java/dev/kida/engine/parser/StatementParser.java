package dev.kida.engine.parser;

import dev.kida.api.TemplateSyntaxException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pattern;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.lexer.Token;
import dev.kida.engine.lexer.TokenType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses template structure: text, {@code {{ }}} and the statement tags, with Jinja2's messages
 * for unknown tags and unclosed blocks. A statement's position is that of its {@code {%} (or
 * {@code {{}); a text node's is where its text starts.
 */
final class StatementParser extends ExpressionParser {
    private static final Set<String> NONE = Set.of();
    /** Keywords that continue a block, with the blocks that take them, for messages. */
    private static final java.util.Map<String, String> CONTINUATIONS = java.util.Map.of(
            "elif", "'if'", "else", "'if', 'unless', 'for' or 'with'", "empty", "'for' or 'with'",
            "case", "'match'", "fallback", "'try'");
    private static final Set<String> FOR_TARGET_ENDS = Set.of("in");
    private static final Set<String> FOR_ITER_ENDS = Set.of("recursive");

    /** Kida's closer of any block: {@code {% end %}} closes the innermost open block. */
    static final String END = "end";

    /** Tags whose bodies are still open, innermost first, for messages. */
    private final Deque<String> tagStack = new ArrayDeque<>();
    /** Where each entry of {@link #tagStack} starts (its {@code {%}), innermost first. */
    private final Deque<Pos> tagPosStack = new ArrayDeque<>();
    /** The end tags each open body waits for, innermost last. */
    private final List<List<String>> endTagStack = new ArrayList<>();
    private final Set<String> blockNames = new HashSet<>();
    /** How many for-bodies enclose the current point (reset inside macros, calls and blocks). */
    private int loopDepth;
    /** How many for statements enclose the current point, through macros and blocks too. */
    private int forNesting;
    /**
     * The first extends tag found outside the top-level scope (where only if branches keep it): Jinja2
     * rejects it when compiling, that is after a complete parse, so it is raised at the end.
     */
    private Pos nestedExtends;

    private final LexerOptions options;
    /** Every {@code {% end %}} that closed a block which has an explicit closer, in source order. */
    private final List<BareEnd> bareEnds = new ArrayList<>();

    /** The bare {@code {% end %}}s met so far (for {@code kida check --strict}). */
    List<BareEnd> bareEnds() {
        return bareEnds;
    }

    StatementParser(TokenStream stream, LexerOptions options) {
        super(stream);
        this.options = options;
    }

    /** The whole template. */
    List<Stmt> parseTemplate() {
        List<Stmt> body = subparse(null);
        if (nestedExtends != null) {
            throw stream.fail("cannot use extend from a non top-level scope", nestedExtends);
        }
        // Bindings of {% globals %} are visible to the whole template: run those blocks first.
        List<Stmt> hoisted = new ArrayList<>();
        body.stream().filter(st -> st instanceof Stmt.Globals).forEach(hoisted::add);
        if (!hoisted.isEmpty()) {
            body.stream().filter(st -> !(st instanceof Stmt.Globals)).forEach(hoisted::add);
            return hoisted;
        }
        return body;
    }

    private List<Stmt> subparse(List<String> endTags) {
        if (endTags != null) {
            endTagStack.add(endTags);
        }
        try {
            List<Stmt> body = new ArrayList<>();
            TextBuffer text = new TextBuffer(body);
            while (!stream.at(TokenType.EOF)) {
                Token token = stream.current();
                switch (token.type()) {
                    case DATA -> {
                        text.add(token);
                        stream.next();
                    }
                    case VARIABLE_BEGIN -> {
                        text.flush();
                        stream.next();
                        Expr expr = outputExpression(parseTuple());
                        stream.expect(TokenType.VARIABLE_END);
                        body.add(new Stmt.Print(token.pos(), expr));
                    }
                    case BLOCK_BEGIN -> {
                        text.flush();
                        stream.next();
                        Token tag = stream.current();
                        if (tag.type() == TokenType.NAME) {
                            String word = (String) tag.value();
                            if (endTags != null && (endTags.contains(word) || word.equals(END))) {
                                return body;
                            }
                            if (word.equals(END)) {
                                throw stream.fail("'end' closes nothing: no block is open here", tag.pos());
                            }
                        }
                        parseStatement(token.pos(), body);
                        stream.expect(TokenType.BLOCK_END);
                    }
                    default -> throw stream.fail("unexpected '" + token.describe() + "'", token.pos());
                }
            }
            text.flush();
            return body;
        } finally {
            if (endTags != null) {
                endTagStack.removeLast();
            }
        }
    }

    /** Collects adjacent text tokens into one Text node. */
    private static final class TextBuffer {
        private final List<Stmt> body;
        private StringBuilder text;
        private Pos pos;

        TextBuffer(List<Stmt> body) {
            this.body = body;
        }

        void add(Token token) {
            String value = (String) token.value();
            if (value.isEmpty()) {
                return;
            }
            if (text == null) {
                text = new StringBuilder();
                pos = token.pos();
            }
            text.append(value);
        }

        void flush() {
            if (text != null) {
                body.add(new Stmt.Text(pos, text.toString()));
                text = null;
            }
        }
    }

    private void parseStatement(Pos tagPos, List<Stmt> out) {
        Token token = stream.current();
        if (token.type() != TokenType.NAME) {
            throw stream.fail("tag name expected", token.pos());
        }
        String name = (String) token.value();
        // Kida's language is always on, and it has break/continue built in: the loopcontrols
        // extension name stays accepted but changes nothing.
        if ((name.equals("do") && !options.hasExtension(LexerOptions.DO))
                || (name.equals("trans") && !options.hasExtension(LexerOptions.I18N))) {
            throw unknownTag(name, token.pos());
        }
        tagStack.push(name);
        tagPosStack.push(tagPos);
        boolean known = true;
        try {
            switch (name) {
                case "for" -> out.add(parseFor(tagPos));
                case "if" -> out.add(parseIf(tagPos));
                case "block" -> out.add(parseBlock(tagPos));
                case "extends" -> {
                    if (nestedExtends == null && tagStack.stream().skip(1).anyMatch(t -> !t.equals("if"))) {
                        nestedExtends = tagPos;
                    }
                    stream.next();
                    out.add(new Stmt.Extends(tagPos, parseExpression()));
                }
                case "print" -> parsePrint(tagPos, out);
                case "macro" -> out.add(parseMacro(tagPos));
                case "include" -> out.add(parseInclude(tagPos));
                case "from" -> out.add(parseFrom(tagPos));
                case "import" -> out.add(parseImport(tagPos));
                case "set" -> out.add(parseSet(tagPos));
                case "with" -> out.add(parseWith(tagPos));
                case "autoescape" -> out.add(parseAutoescape(tagPos));
                case "call" -> out.add(parseCallBlock(tagPos));
                case "filter" -> out.add(parseFilterBlock(tagPos));
                case "do" -> {
                    stream.next();
                    out.add(new Stmt.Do(tagPos, parseTuple()));
                }
                case "break", "continue" -> out.add(parseLoopControl(tagPos));
                case "unless" -> out.add(parseUnless(tagPos));
                case "while" -> out.add(parseWhile(tagPos));
                case "match" -> out.add(parseMatch(tagPos));
                case "let", "export", "promote" -> out.add(parseLet(tagPos));
                case "try" -> out.add(parseTry(tagPos));
                case "capture" -> out.add(parseCapture(tagPos));
                case "cache" -> out.add(parseCache(tagPos));
                case "spaceless" -> {
                    stream.next();
                    out.add(new Stmt.Spaceless(tagPos, parseClosedBody("endspaceless")));
                }
                case "flush" -> {
                    stream.next();
                    out.add(new Stmt.Flush(tagPos));
                }
                case "template" -> out.add(parseTemplateDecl(tagPos));
                case "globals", "imports" -> {
                    stream.next();
                    out.add(new Stmt.Globals(tagPos, parseClosedBody("end" + name)));
                }
                case "def" -> out.add(parseDef(tagPos));
                case "slot" -> out.add(parseSlot(tagPos));
                case "yield" -> {
                    stream.next();
                    out.add(new Stmt.Yield(tagPos, stream.at(TokenType.NAME) ? (String) stream.next().value() : null));
                }
                case "provide" -> out.add(parseProvide(tagPos));
                case "push" -> {
                    stream.next();
                    Expr stack = parseStackName("push");
                    out.add(new Stmt.Push(tagPos, stack, parseClosedBody(null)));
                }
                case "stack" -> {
                    stream.next();
                    out.add(new Stmt.StackOut(tagPos, parseStackName("stack")));
                }
                case "region" -> out.add(parseRegion(tagPos));
                case "fragment" -> out.add(parseFragment(tagPos));
                case "embed" -> out.add(parseEmbed(tagPos));
                case "trans" -> new TransParser(this, stream, options.hasExtension(LexerOptions.I18N_NEWSTYLE))
                        .parse(tagPos, out);
                default -> {
                    // Not a block: the message must name the enclosing one.
                    tagStack.pop();
                    tagPosStack.pop();
                    known = false;
                    throw unknownTag(name, token.pos());
                }
            }
        } finally {
            if (known) {
                tagStack.pop();
                tagPosStack.pop();
            }
        }
    }

    // ---- body helpers ----

    /**
     * Parses a body up to one of {@code endTags} (the current token then is that end tag's name,
     * or the token after it with {@code dropNeedle}).
     */
    private List<Stmt> parseStatements(List<String> endTags, boolean dropNeedle) {
        stream.skipIf(TokenType.COLON);
        stream.expect(TokenType.BLOCK_END);
        List<Stmt> body = subparse(endTags);
        if (stream.at(TokenType.EOF)) {
            throw endOfTemplate(endTags);
        }
        if (dropNeedle) {
            stream.next();
        }
        return body;
    }

    /**
     * What stopped a block body: {@code next} is the continuation keyword that follows (its name
     * consumed, the rest of its tag not), or null when the block was closed by {@code {% end %}} or
     * its explicit closer (name consumed).
     */
    record Body(List<Stmt> stmts, String next) {
        boolean closed() {
            return next == null;
        }
    }

    /**
     * The one way a block statement reads a body, for every block kind: called at the end of the
     * opening tag (an optional ':' and then '%}'), it parses statements up to {@code {% end %}},
     * the explicit {@code closer} (null when only {@code end} closes this block), or one of the
     * {@code continuations} of this block. Any other closer is an error naming the innermost
     * open block and where it started, as is the end of the template.
     */
    Body parseBody(String closer, String... continuations) {
        List<String> stops = new ArrayList<>(List.of(continuations));
        if (closer != null) {
            stops.add(closer);
        }
        return parseBodyUntil(stops, closer);
    }

    /** {@link #parseBody(String, String...)} with the stop words in the order messages list them. */
    private Body parseBodyUntil(List<String> stops, String closer) {
        List<Stmt> stmts = List.copyOf(parseStatements(stops, false));
        Token closing = stream.next();
        String word = (String) closing.value();
        if (word.equals(END) && closer != null) {
            bareEnds.add(new BareEnd(closing.pos(), tagStack.peek(), closer));
        }
        boolean closed = word.equals(END) || word.equals(closer);
        return new Body(stmts, closed ? null : word);
    }

    /** {@link #parseBody} for a block that takes no continuation: returns its statements. */
    List<Stmt> parseClosedBody(String closer) {
        return parseBody(closer).stmts();
    }

    /** {@link #parseClosedBody} of a new function body, where outer loops' break/continue do not reach. */
    List<Stmt> parseFunctionBody(String closer) {
        int saved = loopDepth;
        loopDepth = 0;
        try {
            return parseClosedBody(closer);
        } finally {
            loopDepth = saved;
        }
    }

    private TemplateSyntaxException unknownTag(String name, Pos pos) {
        return unclosedMessage(name, endTagStack, pos);
    }

    private TemplateSyntaxException endOfTemplate(List<String> endTags) {
        List<List<String>> stack = new ArrayList<>(endTagStack);
        stack.add(endTags);
        return unclosedMessage(null, stack, stream.current().pos());
    }

    private TemplateSyntaxException unclosedMessage(String name, List<List<String>> stack, Pos pos) {
        Set<String> expected = new LinkedHashSet<>();
        stack.forEach(expected::addAll);
        // Jinja2's wording lists Jinja2's own words; Kida's for-loop 'empty' would only add noise.
        String looking = stack.isEmpty() ? null
                : stack.getLast().stream().filter(t -> !t.equals("empty"))
                        .map(t -> "'" + t + "'").collect(Collectors.joining(" or "));
        if (looking != null && looking.isEmpty()) {
            // region, push, slot fills and a try's fallback have no named closer: only Kida's end
            // closes them (kida-semantics.md section 1), so say that rather than list nothing.
            looking = "'end'";
        }
        StringBuilder message = new StringBuilder(
                name == null ? "Unexpected end of template." : "Encountered unknown tag '" + name + "'.");
        if (looking != null) {
            if (name != null && expected.contains(name)) {
                message.append(" You probably made a nesting mistake. Jinja is expecting this tag,"
                        + " but currently looking for ").append(looking).append('.');
            } else {
                message.append(" Jinja was looking for the following tags: ").append(looking).append('.');
            }
        }
        if (!tagStack.isEmpty()) {
            message.append(" The innermost block that needs to be closed is '")
                    .append(tagStack.peek()).append("'.");
            Pos opened = tagPosStack.peek();
            message.append(" It was opened at line ").append(opened.line()).append(", column ")
                    .append(opened.column()).append('.');
        } else if (name != null && CONTINUATIONS.containsKey(name)) {
            message.append(" '").append(name).append("' is only valid inside ").append(CONTINUATIONS.get(name))
                    .append('.');
        }
        return stream.fail(message.toString(), pos);
    }

    // ---- statements ----

    private Stmt parseFor(Pos pos) {
        stream.next();
        Target target = parseAssignTarget(true, FOR_TARGET_ENDS, false);
        forNesting++;
        try {
            checkLoopStore(target, pos);
            stream.expectName("in");
            Expr iter = parseTuple(false, FOR_ITER_ENDS);
            Expr filter = stream.skipIfName("if") ? parseExpression() : null;
            boolean recursive = stream.skipIfName("recursive");
            loopDepth++;
            Body body;
            try {
                body = parseBodyUntil(List.of("endfor", "else", "empty"), "endfor");
            } finally {
                loopDepth--;
            }
            List<Stmt> orElse = body.closed() ? List.of() : parseClosedBody("endfor");
            return new Stmt.For(pos, target, iter, filter, body.stmts(), orElse, recursive);
        } finally {
            forNesting--;
        }
    }

    /** Inside a for statement (anywhere in it), {@code loop} cannot be assigned, as in Jinja2. */
    private void checkLoopStore(Target target, Pos pos) {
        if (forNesting == 0) {
            return;
        }
        // not a pattern switch: that links through SwitchBootstraps.typeSwitch, which spins a class
        // at its first use in every process (docs/performance.md, "Cold start")
        if (target instanceof Target.Name n && n.name().equals("loop")) {
            throw stream.fail("Can't assign to special loop variable in for-loop target", pos);
        }
        if (target instanceof Target.Tuple t) {
            t.items().forEach(item -> checkLoopStore(item, pos));
        }
    }

    private Stmt parseIf(Pos pos) {
        stream.next();
        List<Stmt.Branch> branches = new ArrayList<>();
        List<Stmt> orElse = List.of();
        while (true) {
            Expr test = parseTuple(false, NONE);
            Body body = parseBody("endif", "elif", "else");
            branches.add(new Stmt.Branch(test, body.stmts()));
            if ("elif".equals(body.next())) {
                continue;
            }
            if ("else".equals(body.next())) {
                orElse = parseClosedBody("endif");
            }
            break;
        }
        return new Stmt.If(pos, List.copyOf(branches), orElse);
    }

    private Stmt parseBlock(Pos pos) {
        stream.next();
        Token nameToken = stream.expect(TokenType.NAME);
        String name = (String) nameToken.value();
        boolean scoped = stream.skipIfName("scoped");
        boolean required = stream.skipIfName("required");
        // Kida's `{% block name if cond %}`: a full render places the block only when cond is true
        // (evaluated where the block stands); the block is defined all the same, so overrides and
        // render_block see it. It is the block wrapped in an if.
        Expr guard = stream.skipIfName("if") ? parseExpression() : null;
        if (stream.at(TokenType.SUB)) {
            throw stream.fail("Block names in Jinja have to be valid Python identifiers and may not"
                    + " contain hyphens, use an underscore instead.");
        }
        if (!blockNames.add(name)) {
            throw stream.fail("block '" + name + "' defined twice", nameToken.pos());
        }
        List<Stmt> body = parseFunctionBody("endblock");
        if (required) {
            for (Stmt stmt : body) {
                if (!(stmt instanceof Stmt.Text text) || !isBlank(text.text())) {
                    throw stream.fail("Required blocks can only contain comments or whitespace");
                }
            }
        }
        stream.skipIfName(name);
        Stmt.Block block = new Stmt.Block(pos, name, List.copyOf(body), scoped, required);
        return guard == null ? block : new Stmt.If(pos, List.of(new Stmt.Branch(guard, List.of(block))), List.of());
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u0085') {
                return false;
            }
        }
        return true;
    }

    private void parsePrint(Pos pos, List<Stmt> out) {
        stream.next();
        boolean first = true;
        while (!stream.at(TokenType.BLOCK_END)) {
            if (!first) {
                stream.expect(TokenType.COMMA);
            }
            out.add(new Stmt.Print(pos, parseExpression()));
            first = false;
        }
    }

    private Stmt parseMacro(Pos pos) {
        stream.next();
        String name = (String) parseNameTarget().value();
        List<Stmt.Param> params = parseSignature();
        return new Stmt.Macro(pos, name, params, List.copyOf(parseFunctionBody("endmacro")));
    }

    private List<Stmt.Param> parseSignature() {
        stream.expect(TokenType.LPAREN);
        List<Stmt.Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean defaults = false;
        while (!stream.at(TokenType.RPAREN)) {
            if (!params.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            Token nameToken = parseNameTarget();
            String name = (String) nameToken.value();
            Expr defaultValue = null;
            if (stream.skipIf(TokenType.ASSIGN)) {
                defaultValue = parseExpression();
                defaults = true;
            } else if (defaults) {
                throw stream.fail("non-default argument follows default argument");
            }
            if (!seen.add(name)) {
                throw stream.compileError("duplicate argument '" + name + "' in function definition",
                        nameToken.pos());
            }
            params.add(new Stmt.Param(name, defaultValue));
        }
        stream.expect(TokenType.RPAREN);
        return List.copyOf(params);
    }

    private Stmt parseCallBlock(Pos pos) {
        stream.next();
        List<Stmt.Param> params = stream.at(TokenType.LPAREN) ? parseSignature() : List.of();
        Expr call = parseExpression();
        if (!(call instanceof Expr.Call c)) {
            throw stream.fail("expected call", pos);
        }
        return new Stmt.CallBlock(pos, c, params, List.copyOf(parseFunctionBody("endcall")));
    }

    private Stmt parseFilterBlock(Pos pos) {
        stream.next();
        List<Expr.Filter> filters = parseFilters(true);
        return new Stmt.FilterBlock(pos, filters, parseClosedBody("endfilter"));
    }

    private Stmt parseSet(Pos pos) {
        stream.next();
        Target target = parseAssignTarget(true, NONE, true);
        checkLoopStore(target, pos);
        if (stream.at(TokenType.NULLISH_ASSIGN) || stream.at(TokenType.ASSIGN) && hasKidaMultiAssign()) {
            // Kida's forms of set: `??=`, or several assignments in one tag
            return new Stmt.Let(pos, false, parseBindings(target, pos));
        }
        if (stream.skipIf(TokenType.ASSIGN)) {
            return new Stmt.Set(pos, target, parseTuple());
        }
        List<Expr.Filter> filters = parseFilters(false);
        List<Stmt> body = parseClosedBody("endset");
        return new Stmt.SetBlock(pos, target, List.copyOf(filters), List.copyOf(body));
    }

    private Stmt parseWith(Pos pos) {
        stream.next();
        if (!stream.at(TokenType.BLOCK_END) && !hasBeforeBlockEnd(TokenType.ASSIGN)) {
            return parseConditionalWith(pos);
        }
        List<Stmt.Assignment> assignments = new ArrayList<>();
        while (!stream.at(TokenType.BLOCK_END)) {
            if (!assignments.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            Target target = parseAssignTarget(true, NONE, false);
            checkLoopStore(target, pos);
            stream.expect(TokenType.ASSIGN);
            assignments.add(new Stmt.Assignment(target, parseExpression()));
        }
        List<Stmt> body = parseClosedBody("endwith");
        return new Stmt.With(pos, List.copyOf(assignments), List.copyOf(body));
    }

    private Stmt parseAutoescape(Pos pos) {
        stream.next();
        Expr enabled = parseExpression();
        return new Stmt.Autoescape(pos, enabled, parseClosedBody("endautoescape"));
    }

    private Stmt parseInclude(Pos pos) {
        stream.next();
        Expr template = parseExpression();
        boolean ignoreMissing = false;
        if (stream.atName("ignore") && stream.look().isName("missing")) {
            stream.next();
            stream.next();
            ignoreMissing = true;
        }
        Boolean context = parseImportContext();
        return new Stmt.Include(pos, template, ignoreMissing, context == null || context);
    }

    private Stmt parseImport(Pos pos) {
        stream.next();
        Expr template = parseExpression();
        stream.expectName("as");
        String alias = (String) parseNameTarget().value();
        Boolean context = parseImportContext();
        return new Stmt.Import(pos, template, alias, context != null && context);
    }

    private Stmt parseFrom(Pos pos) {
        stream.next();
        Expr template = parseExpression();
        stream.expectName("import");
        List<Stmt.ImportName> names = new ArrayList<>();
        Boolean context = null;
        while (true) {
            if (!names.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            if (!stream.at(TokenType.NAME)) {
                stream.expect(TokenType.NAME);
            }
            context = parseImportContext();
            if (context != null) {
                break;
            }
            Token nameToken = parseNameTarget();
            String name = (String) nameToken.value();
            if (name.startsWith("_")) {
                throw stream.fail("names starting with an underline can not be imported", nameToken.pos());
            }
            String alias = stream.skipIfName("as") ? (String) parseNameTarget().value() : name;
            names.add(new Stmt.ImportName(name, alias));
            context = parseImportContext();
            if (context != null || !stream.at(TokenType.COMMA)) {
                break;
            }
        }
        return new Stmt.FromImport(pos, template, List.copyOf(names), context != null && context);
    }

    /** {@code with context} / {@code without context}: true, false, or null when absent. */
    private Boolean parseImportContext() {
        if ((stream.atName("with") || stream.atName("without")) && stream.look().isName("context")) {
            boolean with = stream.next().isName("with");
            stream.next();
            return with;
        }
        return null;
    }

    private Stmt parseLoopControl(Pos pos) {
        Token token = stream.next();
        if (token.isName("break")) {
            if (loopDepth == 0) {
                throw stream.fail("'break' outside loop", token.pos());
            }
            return new Stmt.Break(pos);
        }
        if (loopDepth == 0) {
            throw stream.fail("'continue' not properly in loop", token.pos());
        }
        return new Stmt.Continue(pos);
    }

    // ---- Kida statements ----

    /** Whether a token of {@code type} comes before the end of this tag, outside brackets. */
    private boolean hasBeforeBlockEnd(TokenType type) {
        return findInTag(0, i -> stream.peek(i).type() == type);
    }

    /** Whether, from the current {@code =}, the tag goes on with {@code , name =} (Kida's multi-assign). */
    private boolean hasKidaMultiAssign() {
        return findInTag(1, i -> stream.peek(i).type() == TokenType.COMMA && startsBinding(i + 1));
    }

    /**
     * Whether a token from lookahead {@code from} to the end of this tag, outside brackets,
     * satisfies {@code found} (given the token's lookahead index).
     */
    private boolean findInTag(int from, java.util.function.IntPredicate found) {
        int depth = 0;
        for (int i = from; i <= stream.remaining(); i++) {
            switch (stream.peek(i).type()) {
                case LPAREN, LBRACKET, LBRACE -> depth++;
                case RPAREN, RBRACKET, RBRACE -> depth--;
                case BLOCK_END, EOF -> {
                    return false;
                }
                default -> { }
            }
            if (depth == 0 && found.test(i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a binding {@code name =} / {@code name ??=} starts {@code i} tokens ahead. */
    private boolean startsBinding(int i) {
        TokenType after = stream.peek(i + 1).type();
        return stream.peek(i).type() == TokenType.NAME
                && (after == TokenType.ASSIGN || after == TokenType.NULLISH_ASSIGN);
    }

    /**
     * The rest of {@code target = value[, target2 = value2 ...]} after the first target: values
     * may be tuples without brackets, {@code ??=} assigns only over None or undefined.
     */
    private List<Stmt.Binding> parseBindings(Target first, Pos pos) {
        List<Stmt.Binding> bindings = new ArrayList<>();
        Target target = first;
        while (true) {
            boolean nullish = stream.skipIf(TokenType.NULLISH_ASSIGN);
            if (!nullish) {
                stream.expect(TokenType.ASSIGN);
            } else if (!(target instanceof Target.Name)) {
                throw stream.fail("'??=' assigns one name", pos);
            }
            bindings.add(new Stmt.Binding(target, parseBindingValue(), nullish));
            if (!stream.skipIf(TokenType.COMMA)) {
                return List.copyOf(bindings);
            }
            target = parseAssignTarget(true, NONE, false);
            checkLoopStore(target, pos);
        }
    }

    /** One value of a binding: an expression or a bracket-less tuple, up to the next binding. */
    private Expr parseBindingValue() {
        Pos start = stream.current().pos();
        List<Expr> items = new ArrayList<>();
        items.add(parseExpression());
        boolean tuple = false;
        while (stream.at(TokenType.COMMA) && !startsBinding(1)) {
            stream.next();
            tuple = true;
            if (stream.at(TokenType.BLOCK_END)) {
                break;
            }
            items.add(parseExpression());
        }
        return tuple ? new Expr.TupleLit(start, List.copyOf(items)) : items.getFirst();
    }

    private Stmt parseLet(Pos pos) {
        stream.next();
        Target target = parseAssignTarget(true, NONE, false);
        checkLoopStore(target, pos);
        return new Stmt.Let(pos, true, parseBindings(target, pos));
    }

    /** {@code unless c} is {@code if not (c)}: an else, no elif. */
    private Stmt parseUnless(Pos pos) {
        stream.next();
        Expr test = parseTuple(false, NONE);
        Body body = parseBody("endunless", "else");
        List<Stmt> orElse = body.closed() ? List.of() : parseClosedBody("endunless");
        return new Stmt.If(pos, List.of(new Stmt.Branch(new Expr.Unary(test.pos(), dev.kida.engine.ast.UnaryOp.NOT,
                test), body.stmts())), orElse);
    }

    private Stmt parseWhile(Pos pos) {
        stream.next();
        Expr test = parseTuple(false, NONE);
        loopDepth++;
        try {
            return new Stmt.While(pos, test, parseClosedBody("endwhile"));
        } finally {
            loopDepth--;
        }
    }

    private Stmt parseMatch(Pos pos) {
        stream.next();
        Expr subject = stream.at(TokenType.BLOCK_END) ? null : parseTuple(false, NONE);
        // What stands before the first case is parsed (so its syntax errors are reported) and
        // dropped, text and statements alike, as Kida does (kida-semantics.md section 7).
        Body lead = parseBody("endmatch", "case");
        List<Stmt.Case> cases = new ArrayList<>();
        Body body = lead;
        while (!body.closed()) {
            Pos casePos = stream.current().pos();
            Pattern pattern = parsePattern();
            Expr guard = stream.skipIfName("if") ? parseExpression() : null;
            body = parseBody("endmatch", "case");
            cases.add(new Stmt.Case(casePos, pattern, guard, body.stmts()));
        }
        return new Stmt.Match(pos, subject, List.copyOf(cases));
    }

    private static final Set<String> LITERAL_NAMES = Set.of("true", "false", "none", "True", "False", "None");

    /** A case pattern; items separated by commas at the top form a sequence (several subjects). */
    private Pattern parsePattern() {
        Pattern first = parsePatternItem();
        if (!stream.at(TokenType.COMMA)) {
            return first;
        }
        List<Pattern> items = new ArrayList<>(List.of(first));
        while (stream.skipIf(TokenType.COMMA)) {
            if (stream.at(TokenType.BLOCK_END) || stream.atName("if")) {
                break;
            }
            items.add(parsePatternItem());
        }
        return new Pattern.Sequence(List.copyOf(items));
    }

    private Pattern parsePatternItem() {
        Token t = stream.current();
        if (t.type() == TokenType.NAME && !LITERAL_NAMES.contains((String) t.value()) && endsPatternItem(1)) {
            stream.next();
            return "_".equals(t.value()) ? new Pattern.Wildcard() : new Pattern.Capture((String) t.value());
        }
        if (t.type() == TokenType.LPAREN && parenthesisedTuple()) {
            stream.next();
            List<Pattern> items = new ArrayList<>();
            while (!stream.at(TokenType.RPAREN)) {
                if (!items.isEmpty()) {
                    stream.expect(TokenType.COMMA);
                    if (stream.at(TokenType.RPAREN)) {
                        break;
                    }
                }
                items.add(parsePatternItem());
            }
            stream.expect(TokenType.RPAREN);
            return new Pattern.Sequence(List.copyOf(items));
        }
        return new Pattern.Value(parseExpression(false));
    }

    private boolean endsPatternItem(int i) {
        Token t = stream.peek(i);
        return switch (t.type()) {
            case BLOCK_END, COMMA, RPAREN -> true;
            case NAME -> "if".equals(t.value());
            default -> false;
        };
    }

    /** At '(': whether a comma stands directly inside these parentheses (a tuple pattern). */
    private boolean parenthesisedTuple() {
        int depth = 0;
        for (int i = 0; i <= stream.remaining(); i++) {
            Token t = stream.peek(i);
            switch (t.type()) {
                case LPAREN, LBRACKET, LBRACE -> depth++;
                case RPAREN, RBRACKET, RBRACE -> {
                    depth--;
                    if (depth == 0) {
                        return i == 1; // () is the empty tuple
                    }
                }
                case COMMA -> {
                    if (depth == 1) {
                        return true;
                    }
                }
                case BLOCK_END, EOF -> {
                    return false;
                }
                default -> { }
            }
        }
        return false;
    }

    private Stmt parseTry(Pos pos) {
        stream.next();
        Body body = parseBody(null, "fallback");
        if (body.closed()) {
            throw stream.fail("'try' needs a 'fallback' before its 'end' (the block opened at line "
                    + pos.line() + ", column " + pos.column() + ")", pos);
        }
        String name = stream.at(TokenType.NAME) ? (String) stream.next().value() : null;
        return new Stmt.Try(pos, body.stmts(), name, parseClosedBody(null));
    }

    /** {@code with v1, v2 [as n1, n2]}: the body runs when every value is true. */
    private Stmt parseConditionalWith(Pos pos) {
        List<Expr> values = new ArrayList<>();
        do {
            values.add(parseExpression());
        } while (stream.skipIf(TokenType.COMMA));
        List<String> names = new ArrayList<>();
        if (stream.skipIfName("as")) {
            do {
                names.add((String) parseNameTarget().value());
            } while (stream.skipIf(TokenType.COMMA));
            if (names.size() != values.size()) {
                throw stream.fail("'with' binds " + values.size() + " value(s) to " + names.size() + " name(s)", pos);
            }
        }
        Body body = parseBody("endwith", "else", "empty");
        List<Stmt> orElse = body.closed() ? List.of() : parseClosedBody("endwith");
        return new Stmt.WithIf(pos, List.copyOf(values), List.copyOf(names), body.stmts(), orElse);
    }

    /**
     * The stack name of {@code push}/{@code stack}: a string literal, as Kida's parser requires
     * (a variable or any other expression there is a syntax error).
     */
    private Expr parseStackName(String tag) {
        Pos at = stream.current().pos();
        Expr name = stream.at(TokenType.STRING) ? parseExpression() : null;
        if (!(name instanceof Expr.Literal)) {
            throw stream.fail("'" + tag + "' takes the stack's name as a string literal, e.g. {% " + tag
                    + " \"scripts\" %}", at);
        }
        return name;
    }

    private Stmt parseCapture(Pos pos) {
        stream.next();
        String name = (String) parseNameTarget().value();
        return new Stmt.Capture(pos, name, parseClosedBody("endcapture"));
    }

    private Stmt parseCache(Pos pos) {
        stream.next();
        Expr key = parseExpression();
        Expr ttl = null;
        // `key, ttl=...` (the comma may be left out) and any number of `, depends=...`, in any order:
        // Kida's parser takes depends= and its compiler never evaluates it, so it is parsed and dropped
        while (stream.skipIf(TokenType.COMMA)
                || ttl == null && stream.atName("ttl") && stream.look().type() == TokenType.ASSIGN) {
            if (stream.atName("depends") && stream.look().type() == TokenType.ASSIGN) {
                stream.next();
                stream.next();
                parseExpression();
                continue;
            }
            stream.expectName("ttl");
            stream.expect(TokenType.ASSIGN);
            ttl = parseExpression();
        }
        return new Stmt.Cache(pos, key, ttl, parseClosedBody("endcache"));
    }

    private boolean templateDeclared;

    private Stmt parseTemplateDecl(Pos pos) {
        stream.next();
        if (templateDeclared) {
            throw stream.fail("a template has at most one 'template' declaration", pos);
        }
        templateDeclared = true;
        List<Stmt.Declared> names = new ArrayList<>();
        while (!stream.at(TokenType.BLOCK_END)) {
            if (!names.isEmpty()) {
                stream.expect(TokenType.COMMA);
            }
            String name = (String) parseNameTarget().value();
            String type = null;
            if (stream.skipIf(TokenType.COLON)) {
                StringBuilder text = new StringBuilder();
                int depth = 0;
                while (!stream.at(TokenType.BLOCK_END) && !stream.at(TokenType.EOF)
                        && !(depth == 0 && stream.at(TokenType.COMMA))) {
                    Token t = stream.next();
                    switch (t.type()) {
                        case LBRACKET, LPAREN -> depth++;
                        case RBRACKET, RPAREN -> depth--;
                        default -> { }
                    }
                    text.append(switch (t.type()) {
                        case NAME -> (String) t.value();
                        case PIPE -> " | ";
                        case COMMA -> ", ";
                        default -> t.type().description();
                    });
                }
                type = text.toString();
                if (type.isEmpty()) {
                    throw stream.fail("a type expected after ':'");
                }
            }
            names.add(new Stmt.Declared(name, type));
        }
        return new Stmt.TemplateDecl(pos, List.copyOf(names));
    }

    // ---- Kida: functions and slots, render-time context, template structure -----------------

    /** Tags a def may sit in: none (top level), another def, or a globals/imports block. */
    private static final Set<String> DEF_PLACES = Set.of("def", "globals", "imports");
    /** Tags a region may sit in: none (top level), or a globals/imports block. */
    private static final Set<String> REGION_PLACES = Set.of("globals", "imports");

    /** Whether every block enclosing the current tag (itself excluded) is one of {@code allowed}. */
    private boolean enclosedOnlyBy(Set<String> allowed) {
        return tagStack.stream().skip(1).allMatch(allowed::contains);
    }

    private Stmt parseDef(Pos pos) {
        if (!enclosedOnlyBy(DEF_PLACES)) {
            throw stream.fail("'def' is only allowed at the top level of a template or inside another def,"
                    + " not inside '" + tagStack.stream().skip(1).filter(t -> !DEF_PLACES.contains(t)).findFirst()
                    .orElseThrow() + "'", pos);
        }
        stream.next();
        String name = (String) parseNameTarget().value();
        Signature sig = parseTypedSignature();
        List<Stmt> body = parseFunctionBody("enddef");
        return new Stmt.Def(pos, name, sig.params(), sig.types(), sig.varargs(), sig.kwargs(), sig.positional(), body);
    }

    /** A def's or region's parameter list. */
    private record Signature(List<Stmt.Param> params, List<String> types, String varargs, String kwargs,
                             int positional) {}

    /**
     * {@code (a, b: str = 'x', *rest, **named)}: Python-style parameters with optional type
     * annotations, kept as text for {@code kida check}.
     */
    private Signature parseTypedSignature() {
        stream.expect(TokenType.LPAREN);
        List<Stmt.Param> params = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String varargs = null;
        String kwargs = null;
        int positional = 0;
        boolean defaults = false;
        boolean first = true;
        while (!stream.at(TokenType.RPAREN)) {
            if (!first) {
                stream.expect(TokenType.COMMA);
                if (stream.at(TokenType.RPAREN)) {
                    break;
                }
            }
            first = false;
            if (kwargs != null) {
                throw stream.fail("no parameter may follow '**" + kwargs + "'");
            }
            boolean star = stream.skipIf(TokenType.MUL);
            boolean doubleStar = !star && stream.skipIf(TokenType.POW);
            Token nameToken = parseNameTarget();
            String name = (String) nameToken.value();
            if (!seen.add(name)) {
                throw stream.fail("duplicate argument '" + name + "' in function definition", nameToken.pos());
            }
            String type = stream.skipIf(TokenType.COLON) ? parseAnnotation() : null;
            if (star || doubleStar) {
                if (star && varargs != null) {
                    throw stream.fail("only one '*' parameter is allowed", nameToken.pos());
                }
                if (star) {
                    varargs = name;
                    positional = params.size();
                } else {
                    kwargs = name;
                }
                continue;
            }
            Expr defaultValue = null;
            if (stream.skipIf(TokenType.ASSIGN)) {
                defaultValue = parseExpression();
                defaults = true;
            } else if (defaults && varargs == null) {
                throw stream.fail("non-default argument follows default argument", nameToken.pos());
            }
            params.add(new Stmt.Param(name, defaultValue));
            types.add(type);
        }
        stream.expect(TokenType.RPAREN);
        return new Signature(List.copyOf(params), java.util.Collections.unmodifiableList(types), varargs, kwargs,
                varargs == null ? params.size() : positional);
    }

    /** A type annotation's text, up to the ',', '=' or ')' that ends it (brackets nest). */
    private String parseAnnotation() {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (true) {
            Token t = stream.current();
            TokenType type = t.type();
            if (depth == 0 && (type == TokenType.COMMA || type == TokenType.ASSIGN || type == TokenType.RPAREN)
                    || type == TokenType.BLOCK_END || type == TokenType.EOF) {
                break;
            }
            switch (type) {
                case LBRACKET, LPAREN -> depth++;
                case RBRACKET -> depth--;
                default -> { }
            }
            text.append(switch (type) {
                case NAME -> (String) t.value();
                case COMMA -> ", ";
                case PIPE -> " | ";
                case LBRACKET -> "[";
                case RBRACKET -> "]";
                case LPAREN -> "(";
                case DOT -> ".";
                default -> t.describe();
            });
            stream.next();
        }
        if (text.isEmpty()) {
            throw stream.fail("a type annotation is missing after ':'");
        }
        return text.toString();
    }

    /**
     * {@code slot}: written directly in a call body (the block right around it is the call) it
     * fills a slot and has a body; anywhere else in a def or call (in a def, or nested in an
     * {@code if}, {@code for}... of a call body) it is a placeholder, as in Kida, whose parser
     * decides by the innermost open block: it renders the enclosing def's caller slot, with a
     * default body when it hands bindings ({@code let:name=expr}) to a scoped slot.
     */
    private Stmt parseSlot(Pos pos) {
        String context = tagStack.stream().skip(1)
                .filter(t -> t.equals("call") || t.equals("def") || t.equals("region")).findFirst().orElse(null);
        if (context == null) {
            throw stream.fail("'slot' is only allowed inside a def or a call block", pos);
        }
        if (!tagStack.stream().skip(1).findFirst().orElseThrow().equals("call")) {
            context = "def";
        }
        stream.next();
        String name = null;
        if (stream.at(TokenType.NAME) && !isLetBinding()) {
            name = (String) stream.next().value();
        }
        if (context.equals("call")) {
            List<String> lets = new ArrayList<>();
            while (lets.isEmpty() ? isLetBinding() : stream.skipIf(TokenType.COMMA)) {
                lets.add(parseLetName());
            }
            return new Stmt.SlotFill(pos, name, List.copyOf(lets), parseClosedBody(null));
        }
        List<Stmt.SlotBinding> bindings = new ArrayList<>();
        while (bindings.isEmpty() ? isLetBinding() : stream.skipIf(TokenType.COMMA)) {
            String let = parseLetName();
            stream.expect(TokenType.ASSIGN);
            bindings.add(new Stmt.SlotBinding(let, parseExpression()));
        }
        List<Stmt> body = bindings.isEmpty() ? List.of() : parseClosedBody(null);
        return new Stmt.SlotPlace(pos, name, List.copyOf(bindings), body);
    }

    /** Whether the stream is at {@code let:name}. */
    private boolean isLetBinding() {
        return stream.atName("let") && stream.look().type() == TokenType.COLON;
    }

    private String parseLetName() {
        stream.expectName("let");
        stream.expect(TokenType.COLON);
        return (String) parseNameTarget().value();
    }

    private Stmt parseProvide(Pos pos) {
        stream.next();
        String key = (String) parseNameTarget().value();
        stream.expect(TokenType.ASSIGN);
        Expr value = parseExpression();
        return new Stmt.Provide(pos, key, value, parseClosedBody("endprovide"));
    }

    private Stmt parseRegion(Pos pos) {
        if (!enclosedOnlyBy(REGION_PLACES)) {
            throw stream.fail("'region' is only allowed at the top level of a template", pos);
        }
        stream.next();
        Token nameToken = parseNameTarget();
        String name = (String) nameToken.value();
        if (!blockNames.add(name)) {
            throw stream.fail("block '" + name + "' defined twice", nameToken.pos());
        }
        // Kida's regions take a def's parameter list, *args and **kwargs included
        Signature sig = parseTypedSignature();
        List<Stmt> body = parseFunctionBody(null);
        List<Stmt> blockBody = new ArrayList<>();
        blockBody.add(new Stmt.RegionParams(pos, sig.params(), sig.varargs(), sig.kwargs()));
        blockBody.addAll(body);
        return new Stmt.Region(pos, name, sig.params(), sig.varargs(), sig.kwargs(), sig.positional(), body,
                new Stmt.Block(pos, name, List.copyOf(blockBody), false, false));
    }

    private Stmt parseFragment(Pos pos) {
        stream.next();
        Token nameToken = parseNameTarget();
        String name = (String) nameToken.value();
        if (!blockNames.add(name)) {
            throw stream.fail("block '" + name + "' defined twice", nameToken.pos());
        }
        List<Stmt> body = parseFunctionBody("endfragment");
        return new Stmt.Fragment(pos, new Stmt.Block(pos, name, body, false, false));
    }

    /**
     * {@code embed 'tpl'}: its body holds the overriding blocks. They do not count as blocks of
     * this template, so two embeds, or an embed and this template's own block, may use the same
     * name: the overrides are checked against each other only. Text between the overrides is
     * dropped, as Kida's parser skips it and as a Jinja2 child template ignores text outside its
     * blocks; any other statement there is a syntax error. {@code with context} after the name is
     * accepted and changes nothing, and so is {@code without context}: Kida's parser takes it and its
     * compiler passes the context to the embedded template all the same.
     */
    private Stmt parseEmbed(Pos pos) {
        stream.next();
        Expr template = parseExpression();
        // Kida's embed takes `with context` or `without context` and passes the context either way.
        if ((stream.atName("with") || stream.atName("without")) && stream.look().isName("context")) {
            stream.next();
            stream.next();
        }
        Set<String> savedNames = new HashSet<>(blockNames);
        blockNames.clear();
        List<Stmt> body;
        try {
            body = parseClosedBody("endembed");
        } finally {
            blockNames.clear();
            blockNames.addAll(savedNames);
        }
        List<Stmt.Block> overrides = new ArrayList<>();
        for (Stmt s : body) {
            if (s instanceof Stmt.Block b) {
                overrides.add(b);
            } else if (!(s instanceof Stmt.Text)) {
                throw stream.fail("an embed holds only block overrides", s.pos());
            }
        }
        return new Stmt.Embed(pos, template, List.copyOf(overrides));
    }
}
