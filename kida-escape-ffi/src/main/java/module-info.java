/**
 * An HTML escaper backend in C, bound with {@code java.lang.foreign} (the "kida[fast]" analogue).
 *
 * <p>The jar carries {@code native/linux-x86_64/libkidaescape.so}, compiled by the Maven build
 * with gcc; at first use it is copied to a temporary file, loaded, and the file deleted. Calling
 * native code is a restricted operation: run with {@code --enable-native-access=kida.escape.ffi}
 * (or {@code ALL-UNNAMED} on the class path), otherwise JDK 25 prints a warning at the first call
 * and a future JDK will refuse. Where the library is absent (other platforms, or gcc was missing
 * at build time) or cannot load, the provider says why and the engine uses another backend.
 */
module kida.escape.ffi {
    // Only the SPI: the engine finds this backend through ServiceLoader, never by name.
    requires kida.api;

    // Registered as "ffi", priority 10; unavailable (with the reason) where the library is not.
    provides dev.kida.api.escape.EscaperProvider with dev.kida.escape.ffi.FfiEscaperProvider;
}
