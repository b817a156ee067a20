/**
 * The bytecode compiler: turns a template into a hidden class with {@code java.lang.classfile}
 * (final since JDK 24), and keeps compiled templates outside the JVM (precompiled folders, the
 * on-disk compiled cache). Optional: the engine finds it through {@link java.util.ServiceLoader}
 * and, without it (or on a JDK older than 24), runs every template in its evaluator. A user's
 * module needs no line for it: its presence on the module path is enough.
 */
module kida.compiler {
    // Generated code calls the engine's runtime and render state directly; the engine exports
    // those packages to this module alone.
    requires kida.engine;

    // The engine's one door for a compiler (engine module-info: `uses`).
    provides dev.kida.engine.core.CompilerBackend with dev.kida.compiler.service.BytecodeBackend;
}
