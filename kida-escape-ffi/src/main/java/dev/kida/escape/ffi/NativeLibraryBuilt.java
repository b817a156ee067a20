package dev.kida.escape.ffi;

/**
 * Present in the jar exactly when the build compiled the native library: the pom deletes this
 * class after compiling when gcc produced no library. {@link LibraryResource#check()} asks for
 * this class instead of the library resource because a class can come from the launcher's AOT
 * cache, while looking up a resource opens the jar (about 3 ms of every CLI start).
 */
final class NativeLibraryBuilt {
    private NativeLibraryBuilt() {
    }

    /** True: that this class loads is the answer (not a constant, which javac would inline). */
    static boolean present() {
        return true;
    }
}
