package dev.kida.escape.ffi;

import dev.kida.api.escape.Availability;

import java.util.Locale;

/**
 * Where the native library is and whether this platform has one: the cheap part of the checks,
 * answered without extracting or loading anything (that is {@link NativeKernels}' job, done at
 * the first {@link FfiEscaperProvider#escaper()} call).
 */
final class LibraryResource {
    static final String PATH = "/native/linux-x86_64/libkidaescape.so";

    private LibraryResource() {
    }

    /** Whether the library for this platform is in the jar, and if not, why. */
    static Availability check() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Availability.no("no native library for " + os + "-" + arch + " (only linux-x86_64 is built)");
        }
        if (!built()) {
            return Availability.no("the jar holds no " + PATH
                    + " (it is compiled only where gcc was present at build time)");
        }
        return Availability.yes();
    }

    /** Whether the build put the library in the jar ({@link NativeLibraryBuilt} says so without opening it). */
    static boolean built() {
        try {
            Class.forName(LibraryResource.class.getPackageName() + ".NativeLibraryBuilt", false,
                    LibraryResource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
