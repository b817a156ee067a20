package dev.kida.engine.eval;

import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;
import dev.kida.engine.analysis.Traversal;
import dev.kida.api.KidaException;
import dev.kida.engine.ast.Expr;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.lexer.LexerOptions;
import dev.kida.engine.parser.BareEnd;
import dev.kida.engine.parser.Parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Static checks of a parsed template for {@code kida check}: calls of defs (the template's own
 * and those imported by literal name) with too many positional arguments, an unknown keyword or
 * a missing required argument; arguments whose type, declared by a {@code {% template %}}
 * declaration or evident from a literal, does not fit the parameter's annotation; and, when
 * strict, each bare {@code {% end %}} that could be an explicit closer.
 */
public final class Checker {
    /** One problem found: where, what, the source line, and whether only strict checking reports it. */
    public record Finding(String template, int line, int column, String message, String sourceLine,
                          boolean strictOnly) {
    }

    private final Engine engine;
    private final PreparedTemplate unit;
    private final List<Finding> found = new ArrayList<>();

    private Checker(Engine engine, PreparedTemplate unit) {
        this.engine = engine;
        this.unit = unit;
    }

    public static List<Finding> check(Engine engine, PreparedTemplate unit, LexerOptions options, boolean strict) {
        Checker c = new Checker(engine, unit);
        c.checkCalls();
        if (strict) {
            for (BareEnd end : Parser.bareEnds(unit.node().source(), unit.name(), options)) {
                c.report(end.pos(), "'{% end %}' closes '" + end.tag() + "': write '{% " + end.closer()
                        + " %}' instead", true);
            }
        }
        c.found.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        return List.copyOf(c.found);
    }

    private void report(Pos pos, String message, boolean strictOnly) {
        found.add(new Finding(unit.name(), pos.line(), pos.column(), message, unit.sourceLine(pos.line()),
                strictOnly));
    }

    private void checkCalls() {
        Map<String, Stmt.Def> defs = new HashMap<>();
        Map<String, String> declared = new HashMap<>();
        collectTopLevel(unit.node().body(), defs, declared);
        if (defs.isEmpty()) {
            return;
        }
        Traversal.everything(unit.node().body(), n -> {
            if (n instanceof Expr.Call call && call.callee() instanceof Expr.Name name
                    && defs.get(name.name()) instanceof Stmt.Def def) {
                checkCall(call, def, declared);
            }
        });
    }

    /** Defs bound at the top level (also in globals/imports blocks), and declared context types. */
    private void collectTopLevel(List<Stmt> body, Map<String, Stmt.Def> defs, Map<String, String> declared) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Def d -> defs.put(d.name(), d);
                case Stmt.FromImport fi when fi.template() instanceof Expr.Literal l && l.value() instanceof String n -> {
                    Map<String, Stmt.Def> theirs = importedDefs(n);
                    for (Stmt.ImportName in : fi.names()) {
                        if (theirs.get(in.name()) instanceof Stmt.Def d) {
                            defs.put(in.alias(), d);
                        }
                    }
                }
                default -> {
                    TemplateDeclarations.of(s).forEach(declared::put);
                    TemplateDeclarations.setupBody(s).ifPresent(inner -> collectTopLevel(inner, defs, declared));
                }
            }
        }
    }

    private Map<String, Stmt.Def> importedDefs(String name) {
        Map<String, Stmt.Def> defs = new HashMap<>();
        try {
            for (Stmt s : engine.load(name).node().body()) {
                if (s instanceof Stmt.Def d) {
                    defs.put(d.name(), d);
                }
            }
        } catch (KidaException e) {
            // the import itself fails when rendering; check reports the template that is broken
        }
        return defs;
    }

    private void checkCall(Expr.Call c, Stmt.Def def, Map<String, String> declared) {
        // reported where the callee's name stands
        Expr.Call call = c;
        Pos at = c.callee().pos();
        boolean spread = call.starArgs() != null || call.starKwargs() != null;
        int n = def.positional();
        if (call.args().size() > n && def.varargs() == null) {
            report(at, "def '" + def.name() + "' takes " + n + " positional argument" + (n == 1 ? "" : "s")
                    + " but " + call.args().size() + (call.args().size() == 1 ? " is" : " are") + " given", false);
        }
        Set<String> given = new HashSet<>();
        for (int i = 0; i < Math.min(n, call.args().size()); i++) {
            given.add(def.params().get(i).name());
        }
        for (Expr.Keyword k : call.kwargs()) {
            boolean known = def.params().stream().anyMatch(p -> p.name().equals(k.name()));
            if (!known && def.kwargs() == null && !k.name().equals("caller")) {
                report(at, "def '" + def.name() + "' has no parameter named '" + k.name() + "'", false);
            }
            given.add(k.name());
        }
        if (!spread) {
            for (Stmt.Param p : def.params()) {
                if (p.defaultValue() == null && !given.contains(p.name())) {
                    report(at, "def '" + def.name() + "' needs the argument '" + p.name() + "'", false);
                }
            }
        }
        for (int i = 0; i < def.params().size(); i++) {
            String annotation = def.types().get(i);
            if (annotation == null) {
                continue;
            }
            String param = def.params().get(i).name();
            Expr arg = i < n && i < call.args().size() ? call.args().get(i) : call.kwargs().stream()
                    .filter(k -> k.name().equals(param)).map(Expr.Keyword::value).findFirst().orElse(null);
            String type = arg == null ? null : typeOf(arg, declared);
            if (type != null && !fits(type, annotation)) {
                report(arg.pos().line() > 0 ? arg.pos() : at, "argument '" + param + "' of def '"
                        + def.name() + "' is declared '" + annotation + "' but gets a value of type '" + type + "'",
                        false);
            }
        }
    }

    /** The type of an argument when it is evident: a literal, or a name the template declares. */
    private static String typeOf(Expr e, Map<String, String> declared) {
        return switch (e) {
            case Expr.Literal l -> switch (l.value()) {
                case null -> "None";
                case String s -> "str";
                case Boolean b -> "bool";
                case Double d -> "float";
                case Number num -> "int";
                default -> null;
            };
            case Expr.ListLit l -> "list";
            case Expr.DictLit d -> "dict";
            case Expr.TupleLit t -> "tuple";
            case Expr.Name n -> declared.get(n.name());
            default -> null;
        };
    }

    /** Whether a value of {@code type} fits the annotation (a union of types, generics compared by base). */
    static boolean fits(String type, String annotation) {
        String actual = base(type);
        for (String alternative : annotation.split("\\|")) {
            String expected = base(alternative);
            if (expected.equals(actual) || expected.equals("any") || expected.equals("object")
                    || expected.equals("float") && actual.equals("int")
                    || expected.equals("none") && actual.equals("none")
                    || expected.equals("optional") && !actual.equals("none") && fits(type, inner(alternative))
                    || expected.equals("optional") && actual.equals("none")
                    || expected.equals("sequence") && (actual.equals("list") || actual.equals("tuple"))
                    || expected.equals("mapping") && actual.equals("dict")) {
                return true;
            }
        }
        return false;
    }

    private static String base(String type) {
        String t = type.strip();
        int bracket = t.indexOf('[');
        return (bracket < 0 ? t : t.substring(0, bracket)).strip().toLowerCase(Locale.ROOT);
    }

    private static String inner(String type) {
        int open = type.indexOf('[');
        int close = type.lastIndexOf(']');
        return open < 0 || close < open ? "any" : type.substring(open + 1, close);
    }
}
