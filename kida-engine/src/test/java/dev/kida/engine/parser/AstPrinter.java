package dev.kida.engine.parser;

import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.Target;
import java.util.List;
import java.util.stream.Collectors;

/** Renders AST nodes as compact S-expressions so tests can assert whole tree shapes. */
final class AstPrinter {
    private AstPrinter() {
    }

    static String expr(Expr e) {
        if (e == null) {
            return "_";
        }
        return switch (e) {
            case Expr.Literal l -> literal(l.value());
            case Expr.Name n -> n.name();
            case Expr.ListLit l -> "[" + exprs(l.items()) + "]";
            case Expr.TupleLit t -> "(tuple" + prefixed(t.items()) + ")";
            case Expr.DictLit d -> "{" + d.entries().stream()
                    .map(en -> expr(en.key()) + ": " + expr(en.value())).collect(Collectors.joining(", ")) + "}";
            case Expr.GetAttr g -> "(. " + expr(g.target()) + " " + g.name() + ")";
            case Expr.GetItem g -> "([] " + expr(g.target()) + " " + expr(g.key()) + ")";
            case Expr.Slice s -> "(slice " + expr(s.start()) + " " + expr(s.stop()) + " " + expr(s.step()) + ")";
            case Expr.Unary u -> "(" + u.op().name().toLowerCase() + " " + expr(u.operand()) + ")";
            case Expr.Binary b -> "(" + b.op().symbol() + " " + expr(b.left()) + " " + expr(b.right()) + ")";
            case Expr.And a -> "(and " + expr(a.left()) + " " + expr(a.right()) + ")";
            case Expr.Or o -> "(or " + expr(o.left()) + " " + expr(o.right()) + ")";
            case Expr.Compare c -> "(cmp " + expr(c.first()) + c.rest().stream()
                    .map(op -> " " + op.op().symbol() + " " + expr(op.expr())).collect(Collectors.joining()) + ")";
            case Expr.Conditional c -> "(if " + expr(c.test()) + " " + expr(c.then()) + " " + expr(c.otherwise()) + ")";
            case Expr.Call c -> "(call " + expr(c.callee()) + args(c.args(), c.kwargs(), c.starArgs(), c.starKwargs()) + ")";
            case Expr.Filter f -> "(|" + f.name() + " " + expr(f.value())
                    + args(f.args(), f.kwargs(), f.starArgs(), f.starKwargs()) + ")";
            case Expr.Test t -> "(" + (t.negated() ? "is-not " : "is ") + t.name() + " " + expr(t.value())
                    + args(t.args(), t.kwargs(), null, null) + ")";
            case Expr.Nullish n -> "(?? " + expr(n.left()) + " " + expr(n.right()) + ")";
            case Expr.OptionalChain c -> "(?chain " + expr(c.body()) + ")";
            case Expr.OptionalAttr a -> "(?. " + expr(a.target()) + " " + a.name() + ")";
            case Expr.OptionalItem i -> "(?[] " + expr(i.target()) + " " + expr(i.key()) + ")";
            case Expr.OptionalFilter f -> "(?" + expr(f.filter()).substring(1);
            case Expr.BlankNone b -> "(blank " + expr(b.value()) + ")";
            case Expr.RangeLit r -> "(" + (r.inclusive() ? ".." : "...") + " " + expr(r.start()) + " "
                    + expr(r.end()) + " " + expr(r.step()) + ")";
            case Expr.ListComp c -> "(listcomp " + expr(c.element()) + " " + target(c.target()) + " " + expr(c.iterable())
                    + " " + expr(c.condition()) + ")";
        };
    }

    private static String args(List<Expr> args, List<Expr.Keyword> kwargs, Expr star, Expr starStar) {
        StringBuilder sb = new StringBuilder(prefixed(args));
        for (Expr.Keyword k : kwargs) {
            sb.append(' ').append(k.name()).append('=').append(expr(k.value()));
        }
        if (star != null) {
            sb.append(" *").append(expr(star));
        }
        if (starStar != null) {
            sb.append(" **").append(expr(starStar));
        }
        return sb.toString();
    }

    private static String exprs(List<Expr> items) {
        return items.stream().map(AstPrinter::expr).collect(Collectors.joining(" "));
    }

    private static String prefixed(List<Expr> items) {
        return items.stream().map(i -> " " + expr(i)).collect(Collectors.joining());
    }

    static String literal(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> "'" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'";
            case Boolean b -> b ? "True" : "False";
            default -> value.toString();
        };
    }

    static String target(Target t) {
        return switch (t) {
            case Target.Name n -> n.name();
            case Target.Attr a -> a.name() + "." + a.attr();
            case Target.Tuple tu -> "(" + tu.items().stream().map(AstPrinter::target).collect(Collectors.joining(", ")) + ")";
        };
    }

    static String stmts(List<Stmt> body) {
        return body.stream().map(AstPrinter::stmt).collect(Collectors.joining(" "));
    }

    static String stmt(Stmt s) {
        return switch (s) {
            case Stmt.Text t -> literal(t.text());
            case Stmt.Print p -> "{{" + expr(p.expr()) + "}}";
            case Stmt.If i -> "(if" + i.branches().stream()
                    .map(b -> " [" + expr(b.test()) + ": " + stmts(b.body()) + "]").collect(Collectors.joining())
                    + " else [" + stmts(i.orElse()) + "])";
            case Stmt.For f -> "(for " + target(f.target()) + " in " + expr(f.iter()) + " if " + expr(f.filter())
                    + (f.recursive() ? " recursive" : "") + " [" + stmts(f.body()) + "] else [" + stmts(f.orElse()) + "])";
            case Stmt.Set st -> "(set " + target(st.target()) + " " + expr(st.value()) + ")";
            case Stmt.SetBlock sb -> "(setblock " + target(sb.target()) + filters(sb.filters()) + " [" + stmts(sb.body()) + "])";
            case Stmt.With w -> "(with" + w.assignments().stream()
                    .map(a -> " " + target(a.target()) + "=" + expr(a.value())).collect(Collectors.joining())
                    + " [" + stmts(w.body()) + "])";
            case Stmt.Macro m -> "(macro " + m.name() + params(m.params()) + " [" + stmts(m.body()) + "])";
            case Stmt.CallBlock c -> "(callblock" + params(c.callerParams()) + " " + expr(c.call())
                    + " [" + stmts(c.body()) + "])";
            case Stmt.FilterBlock f -> "(filterblock" + filters(f.filters()) + " [" + stmts(f.body()) + "])";
            case Stmt.Include i -> "(include " + expr(i.template()) + (i.ignoreMissing() ? " ignore-missing" : "")
                    + (i.withContext() ? " with-context" : " without-context") + ")";
            case Stmt.Import i -> "(import " + expr(i.template()) + " as " + i.alias()
                    + (i.withContext() ? " with-context" : " without-context") + ")";
            case Stmt.FromImport f -> "(from " + expr(f.template()) + " import" + f.names().stream()
                    .map(n -> " " + n.name() + (n.alias().equals(n.name()) ? "" : "->" + n.alias()))
                    .collect(Collectors.joining()) + (f.withContext() ? " with-context" : " without-context") + ")";
            case Stmt.Extends e -> "(extends " + expr(e.template()) + ")";
            case Stmt.Block b -> "(block " + b.name() + (b.scoped() ? " scoped" : "") + (b.required() ? " required" : "")
                    + " [" + stmts(b.body()) + "])";
            case Stmt.Autoescape a -> "(autoescape " + expr(a.enabled()) + " [" + stmts(a.body()) + "])";
            case Stmt.Do d -> "(do " + expr(d.expr()) + ")";
            case Stmt.Break b -> "(break)";
            case Stmt.Continue c -> "(continue)";
            // Kida's statements print as their record form: enough for parse-tree equality
            case Stmt.KidaBlock k -> k.toString().replaceAll("Pos\\[line=\\d+, column=\\d+\\]", "");
            case Stmt.KidaFunction k -> "(" + k.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + k.expressions().stream().map(e -> " " + expr(e)).collect(Collectors.joining())
                    + k.bodies().stream().map(b -> " [" + stmts(b) + "]").collect(Collectors.joining()) + ")";
        };
    }

    private static String filters(List<Expr.Filter> filters) {
        return filters.stream().map(f -> " " + expr(f)).collect(Collectors.joining());
    }

    private static String params(List<Stmt.Param> params) {
        return "(" + params.stream().map(p -> p.name() + (p.defaultValue() == null ? "" : "=" + expr(p.defaultValue())))
                .collect(Collectors.joining(", ")) + ")";
    }
}
