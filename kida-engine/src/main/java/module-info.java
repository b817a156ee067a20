/**
 * The template engine: source text in, rendered text out. A user's module needs
 * {@code requires kida.engine;} (the API module comes with it), and for the engine to read the
 * user's own records and beans either {@code exports <model package> to kida.engine;} or
 * {@code Environment.builder().lookup(MethodHandles.lookup())}; for templates among the module's
 * resources, {@code opens <folder> to kida.engine;} or
 * {@code Loaders.module(MethodHandles.lookup(), folder)}. docs/user-guide.md, "Modules".
 */
module kida.engine {
    // Users and extension authors see the API types (Markup, Filter, exceptions...) through this
    // module alone.
    requires transitive kida.api;

    // Environment, Template and Loaders: the entry points. Everything else (lexer, parser, AST,
    // evaluator, runtime) is internal and free to change.
    exports dev.kida.engine;

    // Escaper backends are found at run time; whichever jar is on the module path is used.
    uses dev.kida.api.escape.EscaperProvider;

    // The pure-Java escaper, always available, lowest priority.
    provides dev.kida.api.escape.EscaperProvider with dev.kida.engine.escape.JavaEscaperProvider;
}
