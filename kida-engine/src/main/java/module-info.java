/**
 * The template engine: source text in, rendered text out. Users need only
 * {@code requires kida.engine;}; the API module comes with it.
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
