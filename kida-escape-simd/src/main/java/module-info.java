/**
 * An HTML escaper backend that scans many chars per instruction with the Vector API.
 *
 * <p>Put this module on the module path and the engine uses it (name {@code simd}) with no code
 * change. The Vector API is still an incubator module in JDK 25: {@code requires
 * jdk.incubator.vector} below makes the module system resolve it whenever this module is
 * resolved (service binding brings this module in because the engine {@code uses} the SPI), and
 * the JVM then prints once, at startup, {@code WARNING: Using incubator modules:
 * jdk.incubator.vector}. The warning is harmless; it goes away by leaving this module off the
 * module path. A runtime image built without {@code jdk.incubator.vector} cannot resolve this
 * module, so do not ship this jar in such an image.
 */
module kida.escape.simd {
    // Only the SPI: the engine finds this backend through ServiceLoader, never by name.
    requires kida.api;
    // Incubating in JDK 25; see the module comment for the startup warning it causes.
    requires jdk.incubator.vector;

    // Registered as "simd", priority 20; unavailable (with the reason) where vectors are too narrow.
    provides dev.kida.api.escape.EscaperProvider with dev.kida.escape.simd.SimdEscaperProvider;
}
