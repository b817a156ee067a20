package dev.kida.engine.ast;

import java.util.List;

/**
 * Statements. Bodies are lists of statements, never null. Optional fields are {@code null}.
 */
public sealed interface Stmt extends Node {

    /** Literal template text (after whitespace control); also what {@code raw} produces. */
    record Text(Pos pos, String text) implements Stmt {}

    /** {@code {{ expr }}} */
    record Print(Pos pos, Expr expr) implements Stmt {}

    /** {@code if / elif / else}: the first branch whose test is true runs, else {@code orElse}. */
    record If(Pos pos, List<Branch> branches, List<Stmt> orElse) implements Stmt {}

    /** One {@code if} or {@code elif} arm. */
    record Branch(Expr test, List<Stmt> body) {}

    /**
     * {@code for target in iter [if filter] [recursive]} ... {@code else} ... {@code endfor}.
     * {@code filter} is optional.
     */
    record For(Pos pos, Target target, Expr iter, Expr filter, List<Stmt> body, List<Stmt> orElse,
               boolean recursive) implements Stmt {}

    /** {@code set target = value} */
    record Set(Pos pos, Target target, Expr value) implements Stmt {}

    /**
     * {@code set target [| filters] %}body{% endset}: captures the body's output. {@code filters}
     * are {@link Expr.Filter} nodes with a null value, applied in order.
     */
    record SetBlock(Pos pos, Target target, List<Expr.Filter> filters, List<Stmt> body)
            implements Stmt {}

    /** {@code with a = 1, b = 2} ... {@code endwith}: a new scope. */
    record With(Pos pos, List<Assignment> assignments, List<Stmt> body) implements Stmt {}

    /** One {@code target = value} of a {@code with}. */
    record Assignment(Target target, Expr value) {}

    /** {@code macro name(params)} ... {@code endmacro} */
    record Macro(Pos pos, String name, List<Param> params, List<Stmt> body) implements Stmt {}

    /** A macro or call-block parameter; {@code defaultValue} is optional. */
    record Param(String name, Expr defaultValue) {}

    /** {@code call[(params)] macro(args)} ... {@code endcall}: the body becomes {@code caller}. */
    record CallBlock(Pos pos, Expr.Call call, List<Param> callerParams, List<Stmt> body)
            implements Stmt {}

    /** {@code filter f1|f2(args)} ... {@code endfilter}; filters have a null value. */
    record FilterBlock(Pos pos, List<Expr.Filter> filters, List<Stmt> body) implements Stmt {}

    /** {@code include expr [ignore missing] [with|without context]} */
    record Include(Pos pos, Expr template, boolean ignoreMissing, boolean withContext)
            implements Stmt {}

    /** {@code import expr as alias [with|without context]} */
    record Import(Pos pos, Expr template, String alias, boolean withContext) implements Stmt {}

    /** {@code from expr import a, b as c [with|without context]} */
    record FromImport(Pos pos, Expr template, List<ImportName> names, boolean withContext)
            implements Stmt {}

    /** One name of a from-import; {@code alias} equals {@code name} when none was given. */
    record ImportName(String name, String alias) {}

    /** {@code extends expr} */
    record Extends(Pos pos, Expr template) implements Stmt {}

    /** {@code block name [scoped] [required]} ... {@code endblock} */
    record Block(Pos pos, String name, List<Stmt> body, boolean scoped, boolean required)
            implements Stmt {}

    /** {@code autoescape expr} ... {@code endautoescape} */
    record Autoescape(Pos pos, Expr enabled, List<Stmt> body) implements Stmt {}

    /** {@code do expr}: evaluates for its side effects (Jinja2's expression-statement extension). */
    record Do(Pos pos, Expr expr) implements Stmt {}

    /** {@code break} inside a loop (Jinja2's loop-controls extension). */
    record Break(Pos pos) implements Stmt {}

    /** {@code continue} inside a loop (Jinja2's loop-controls extension). */
    record Continue(Pos pos) implements Stmt {}

    // ---- Kida's block statements --------------------------------------------------------------

    /**
     * A statement of Kida's own, which generic walkers see through: every expression it evaluates
     * and every body it holds, in source order (walkers treat the bodies like a {@code with} body,
     * except a def's or region's, which is a closure). The two kinds below only say which part of
     * the evaluator runs the statement.
     */
    sealed interface Kida extends Stmt {
        /** The expressions the statement itself evaluates (not those of its bodies), in order; nulls allowed, skipped by walkers. */
        List<Expr> expressions();

        /** The statement bodies it holds, in source order. */
        List<List<Stmt>> bodies();
    }

    /** Kida's block statements, run by the evaluator's {@code KidaStatements}. */
    sealed interface KidaBlock extends Kida {}

    /** {@code while test} ... {@code end}: re-tests before each iteration; break/continue apply. */
    record While(Pos pos, Expr test, List<Stmt> body) implements KidaBlock {
        public List<Expr> expressions() {
            return java.util.Collections.singletonList(test);
        }

        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /**
     * {@code match subject} {@code case pattern [if guard]} ... {@code end}. {@code subject} is null
     * for a valueless match (then a value pattern matches when it is true); several subjects are
     * one tuple literal.
     */
    record Match(Pos pos, Expr subject, List<Case> cases) implements KidaBlock {
        public List<Expr> expressions() {
            List<Expr> all = new java.util.ArrayList<>();
            all.add(subject);
            for (Case c : cases) {
                c.pattern().collectValues(all);
                all.add(c.guard());
            }
            return all;
        }

        public List<List<Stmt>> bodies() {
            return cases.stream().map(Case::body).toList();
        }
    }

    /** One {@code case} of a match: {@code guard} is optional. */
    record Case(Pos pos, Pattern pattern, Expr guard, List<Stmt> body) {}

    /**
     * Kida's {@code let}/{@code export}/{@code promote} (template scope: {@code templateScope}) and
     * the Kida forms of {@code set} ({@code ??=}, several assignments in one tag; the current
     * scope). Bindings run left to right.
     */
    record Let(Pos pos, boolean templateScope, List<Binding> bindings) implements KidaBlock {
        public List<Expr> expressions() {
            return bindings.stream().map(Binding::value).toList();
        }

        public List<List<Stmt>> bodies() {
            return List.of();
        }
    }

    /** {@code target = value}, or {@code name ??= value} when {@code nullish}. */
    record Binding(Target target, Expr value, boolean nullish) {}

    /** {@code try} ... {@code fallback [errorName]} ... {@code end}; {@code errorName} may be null. */
    record Try(Pos pos, List<Stmt> body, String errorName, List<Stmt> fallback) implements KidaBlock {
        public List<Expr> expressions() {
            return List.of();
        }

        public List<List<Stmt>> bodies() {
            return List.of(body, fallback);
        }
    }

    /**
     * Conditional {@code with v1, v2 as n1, n2} ... {@code else|empty} ... {@code end}: the body
     * runs with the names bound when every value is true ({@code it} when no names are given).
     */
    record WithIf(Pos pos, List<Expr> values, List<String> names, List<Stmt> body, List<Stmt> orElse)
            implements KidaBlock {
        public List<Expr> expressions() {
            return values;
        }

        public List<List<Stmt>> bodies() {
            return List.of(body, orElse);
        }
    }

    /** {@code capture name} ... {@code end}: binds the body's output (Markup) in template scope. */
    record Capture(Pos pos, String name, List<Stmt> body) implements KidaBlock {
        public List<Expr> expressions() {
            return List.of();
        }

        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /** {@code cache key [, ttl=expr]} ... {@code end}: fragment cache of the environment. */
    record Cache(Pos pos, Expr key, Expr ttl, List<Stmt> body) implements KidaBlock {
        public List<Expr> expressions() {
            return java.util.Arrays.asList(key, ttl);
        }

        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /** {@code spaceless} ... {@code end}: drops whitespace between tags, trims the ends. */
    record Spaceless(Pos pos, List<Stmt> body) implements KidaBlock {
        public List<Expr> expressions() {
            return List.of();
        }

        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /** {@code flush}: a streaming boundary; renders nothing. */
    record Flush(Pos pos) implements KidaBlock {
        public List<Expr> expressions() {
            return List.of();
        }

        public List<List<Stmt>> bodies() {
            return List.of();
        }
    }

    /**
     * {@code template name: Type, ...}: declared context types, for checkers; no runtime effect.
     * Each type is its source text.
     */
    record TemplateDecl(Pos pos, List<Declared> names) implements KidaBlock {
        public List<Expr> expressions() {
            return List.of();
        }

        public List<List<Stmt>> bodies() {
            return List.of();
        }
    }

    /** One declared name of a {@code template} declaration; {@code type} is null when absent. */
    record Declared(String name, String type) {}

    /**
     * {@code globals} / {@code imports} ... {@code end}: setup whose bindings the whole template
     * sees. The parser moves top-level ones to the front of the template; the body runs in the
     * template's top-level scope and its output is dropped.
     */
    record Globals(Pos pos, List<Stmt> body) implements KidaBlock {
        public List<Expr> expressions() {
            return List.of();
        }

        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    // ---- Kida: functions and slots, render-time context, template structure ----------------

    /**
     * Kida's statements for functions, slots, render-time context and template structure, run by
     * the evaluator's {@code FunctionStatements}.
     */
    sealed interface KidaFunction extends Kida {}

    /**
     * {@code def name(params) %}body{% end}: a function whose result is Markup. {@code types} holds
     * each parameter's annotation text (null when none), used by {@code kida check} only;
     * {@code varargs}/{@code kwargs} name the {@code *args}/{@code **kwargs} parameters, or null;
     * the first {@code positional} parameters may be given by position, the others (declared after
     * {@code *args}) only by keyword.
     */
    record Def(Pos pos, String name, List<Param> params, List<String> types, String varargs, String kwargs,
               int positional, List<Stmt> body) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return params.stream().map(Param::defaultValue).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /**
     * {@code slot [name] [let:a, let:b] %}body{% end} inside a call body: supplies slot {@code name}
     * (null: the default slot) of the call; renders nothing where it stands.
     */
    record SlotFill(Pos pos, String name, List<String> lets, List<Stmt> body) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return List.of();
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /** One {@code let:name=value} binding a def hands to a scoped slot. */
    record SlotBinding(String name, Expr value) {}

    /**
     * {@code slot [name] [let:a=expr, ...]} inside a def: renders the caller's slot {@code name}
     * (null: the default slot) with the bindings; {@code body} is what renders when the def was
     * not called through {@code call} (empty for a placeholder without bindings).
     */
    record SlotPlace(Pos pos, String name, List<SlotBinding> bindings, List<Stmt> body) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return bindings.stream().map(SlotBinding::value).toList();
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /** {@code yield [name]}: the default or named slot of the nearest enclosing def's caller. */
    record Yield(Pos pos, String name) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return List.of();
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of();
        }
    }

    /** {@code provide key = value %}body{% end}: {@code consume('key')} sees the value in the body. */
    record Provide(Pos pos, String key, Expr value, List<Stmt> body) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return List.of(value);
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /** {@code push 'name' %}body{% end}: renders the body onto the named stack of the render. */
    record Push(Pos pos, Expr stack, List<Stmt> body) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return List.of(stack);
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of(body);
        }
    }

    /** {@code stack 'name'}: writes what was pushed to the named stack so far. */
    record StackOut(Pos pos, Expr stack) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return List.of(stack);
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of();
        }
    }

    /**
     * {@code region name(params) %}body{% end}: defines {@code name} as a callable, and is also the
     * block {@code block} (its body starts with {@link RegionParams}), which only
     * {@code renderBlock} renders. As in a def, {@code varargs}/{@code kwargs} name the
     * {@code *args}/{@code **kwargs} parameters (null when absent) and {@code positional} counts the
     * parameters a positional argument can fill.
     */
    record Region(Pos pos, String name, List<Param> params, String varargs, String kwargs, int positional,
                  List<Stmt> body, Block block) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return List.of();
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of(List.of(block));
        }
    }

    /**
     * First statement of a region's block: binds absent parameters to their defaults, and an absent
     * {@code *args}/{@code **kwargs} (when the region has them) to an empty tuple/dict, as a call
     * without extra arguments would.
     */
    record RegionParams(Pos pos, List<Param> params, String varargs, String kwargs) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return params.stream().map(Param::defaultValue).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of();
        }
    }

    /** {@code fragment name %}body{% end}: a block a full render skips. */
    record Fragment(Pos pos, Block block) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return List.of();
        }

        @Override
        public List<List<Stmt>> bodies() {
            return List.of(List.of(block));
        }
    }

    /**
     * {@code embed 'tpl' %}{% block b %}...{% end %}{% end}: includes {@code tpl} with those blocks
     * overridden; the overriding bodies run in the embedding scope. They are not blocks of the
     * embedding template, so walkers see their bodies only.
     */
    record Embed(Pos pos, Expr template, List<Block> overrides) implements KidaFunction {
        @Override
        public List<Expr> expressions() {
            return List.of(template);
        }

        @Override
        public List<List<Stmt>> bodies() {
            return overrides.stream().map(Block::body).toList();
        }
    }
}
