/** The {@code kida} command line. */
module kida.cli {
    // Everything the command does goes through the engine's public API.
    requires kida.engine;
}
