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
        // Case-insensitive tests rather than toLowerCase(Locale.ROOT): in a fresh JVM that is the
        // first use of Locale, whose initialisation costs a CLI start ~0.1 ms.
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.regionMatches(true, 0, "linux", 0, 5) || !(arch.equalsIgnoreCase("amd64") || arch.equalsIgnoreCase("x86_64"))) {
            return Availability.no("no native library for " + os.toLowerCase(Locale.ROOT) + "-"
                    + arch.toLowerCase(Locale.ROOT) + " (only linux-x86_64 is built)");
        }
        if (!built()) {
            return Availability.no("the jar holds no " + PATH
                    + " (it is compiled only where gcc was present at build time)");
        }
        return Availability.yes();
    }

    /**
     * Whether the build put the library in the jar: {@link NativeLibraryBuilt} is in the jar
     * exactly then, and says so without opening it. A direct call rather than
     * {@code Class.forName}, whose caller-sensitive lookup cost a CLI start ~0.1 ms; the
     * NoClassDefFoundError of a jar without the class is that answer, not a failure.
     */
    static boolean built() {
        try {
            return NativeLibraryBuilt.present();
        } catch (NoClassDefFoundError e) {
            return false;
        }
    }
}
