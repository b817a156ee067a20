/**
 * The stable surface of Kida for Java: everything an extension author or an escaper backend
 * compiles against, and nothing of the engine's internals.
 */
module kida.api {
    // Safe markup, the filter/test/function interfaces, the loader interface and the exceptions:
    // the types a user's own filters and loaders are written against.
    exports dev.kida.api;
    // The escaper SPI. Backend modules (kida.escape.simd, kida.escape.ffi) `provide` it; the engine
    // `uses` it, so dropping a backend jar on the module path is all it takes to switch.
    exports dev.kida.api.escape;
}
