package dev.kida.escape.ffi;

import dev.kida.api.escape.Availability;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The native library and its downcall handles, loaded once per JVM.
 *
 * <p>The library lives in the global arena: it is loaded for the JVM's life, like a JNI library,
 * so nothing is ever unloaded while a thread may still call it. Calls pass heap segments over the
 * callers' char arrays with {@link Linker.Option#critical(boolean) critical(true)}: the C code
 * reads and writes the arrays in place, and no native memory is allocated per call.
 */
final class NativeKernels {
    static final String RESOURCE = LibraryResource.PATH;

    private static final FunctionDescriptor SCAN_TYPE = FunctionDescriptor.of(
            ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
    private static final FunctionDescriptor ESCAPE_TYPE = FunctionDescriptor.of(
            ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);

    private static final FunctionDescriptor FIND8_TYPE = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
    private static final FunctionDescriptor SCAN8_RANGE_TYPE = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
    private static final FunctionDescriptor ESCAPE8_TYPE = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);

    /** Outcome of loading: the handles, or why there are none. */
    private record Loaded(Availability availability, MethodHandle scan, MethodHandle escape,
                          MethodHandle scanWith, MethodHandle escapeWith, MethodHandle scan8,
                          MethodHandle scan8With, String level, MethodHandle find8,
                          MethodHandle scan8Range, MethodHandle escape8, MethodHandle escape8With,
                          MethodHandle scan8q, MethodHandle scan8qWith, MethodHandle scan8qh,
                          MethodHandle scan8qhWith, MethodHandle find8qh) {
    }

    private static final Loaded LOADED = load();

    private NativeKernels() {
    }

    static Availability availability() {
        return LOADED.availability();
    }

    /** The kernel family the library chose for this CPU ("avx512bw", "avx2" or "sse2"). */
    static String level() {
        return LOADED.level();
    }

    /** Index of the first special char in {@code s[0, n)}, or -1. */
    static long scan(MemorySegment s, long n) {
        try {
            return (long) LOADED.scan().invokeExact(s, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Index of the first byte of {@code s[0, n)} equal to a special char or NUL, or -1: for the
     * low bytes of a String's chars, where a hit may also be a wider char (the caller checks).
     */
    static long scan8(MemorySegment s, long n) {
        try {
            return (long) LOADED.scan8().invokeExact(s, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@link #scan8} with a chosen kernel family; -2 if unsupported. */
    static long scan8With(int kernel, MemorySegment s, long n) {
        try {
            return (long) LOADED.scan8With().invokeExact(kernel, s, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Escapes {@code s[0, n)} into {@code out} (room for 6n + 32 chars); returns the length. */
    static long escape(MemorySegment s, long n, MemorySegment out) {
        try {
            return (long) LOADED.escape().invokeExact(s, n, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@link #scan} with a chosen kernel family (0 sse2, 1 avx2, 2 avx512bw); -2 if unsupported. */
    static long scanWith(int kernel, MemorySegment s, long n) {
        try {
            return (long) LOADED.scanWith().invokeExact(kernel, s, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The index of the first byte {@code b} in {@code s[from, to)}, or -1 (C's memchr). */
    static long find8(MemorySegment s, long from, long to, long b) {
        try {
            return (long) LOADED.find8().invokeExact(s, from, to, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * The index of the first byte of {@code s[from, to)} that is a special char or {@code '?'},
     * or -1 (one VBMI byte-permute lookup per vector where the CPU has it).
     */
    static long scan8q(MemorySegment s, long from, long to) {
        try {
            return (long) LOADED.scan8q().invokeExact(s, from, to);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@link #scan8q} with a chosen kernel family (3 avx512vbmi, others two scans); -2 if unsupported. */
    static long scan8qWith(int kernel, MemorySegment s, long from, long to) {
        try {
            return (long) LOADED.scan8qWith().invokeExact(kernel, s, from, to);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@link #scan8q} that also stops at a byte of 0x80 or more (UTF-8 output, where such a char
     * takes two bytes): the same lookup, OR-ed with the byte instead of AND-NOT.
     */
    static long scan8qh(MemorySegment s, long from, long to) {
        try {
            return (long) LOADED.scan8qh().invokeExact(s, from, to);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@link #scan8qh} with a chosen kernel family (3 avx512vbmi, others two scans); -2 if unsupported. */
    static long scan8qhWith(int kernel, MemorySegment s, long from, long to) {
        try {
            return (long) LOADED.scan8qhWith().invokeExact(kernel, s, from, to);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The index of the first {@code '?'} or byte of 0x80 or more in {@code s[from, to)}, or -1. */
    static long find8qh(MemorySegment s, long from, long to) {
        try {
            return (long) LOADED.find8qh().invokeExact(s, from, to);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@link #scan8} on {@code s[from, to)}, as an index into {@code s}. */
    static long scan8Range(MemorySegment s, long from, long to) {
        try {
            return (long) LOADED.scan8Range().invokeExact(s, from, to);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Escapes the bytes {@code src[from, to)} into {@code dst} from {@code at} (room for
     * {@code 6 * (to - from) + 64} bytes); returns the index after the last byte written.
     */
    static long escape8(MemorySegment src, long from, long to, MemorySegment dst, long at) {
        try {
            return (long) LOADED.escape8().invokeExact(src, from, to, dst, at);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@link #escape8} with a chosen kernel family (2 avx512bw, others the run-copying loop); -2 if unsupported. */
    static long escape8With(int kernel, MemorySegment src, long from, long to, MemorySegment dst, long at) {
        try {
            return (long) LOADED.escape8With().invokeExact(kernel, src, from, to, dst, at);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@link #escape} with a chosen kernel family; -2 if unsupported. */
    static long escapeWith(int kernel, MemorySegment s, long n, MemorySegment out) {
        try {
            return (long) LOADED.escapeWith().invokeExact(kernel, s, n, out);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("native escape call failed", t);
    }

    private static Loaded load() {
        Availability platform = LibraryResource.check();
        if (!platform.available()) {
            return unavailable(platform.reason());
        }
        Path file;
        try (InputStream in = NativeKernels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return unavailable("the jar holds no " + RESOURCE
                        + " (it is compiled only where gcc was present at build time)");
            }
            file = Files.createTempFile("kidaescape-", ".so");
            try {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return bind(file);
            } finally {
                // Once loaded, the mapping outlives the file; deleting it leaves no temp files behind.
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            return unavailable("cannot extract " + RESOURCE + ": " + e);
        } catch (IllegalCallerException e) {
            return unavailable("native access is denied to module kida.escape.ffi: run with "
                    + "--enable-native-access=kida.escape.ffi (" + e.getMessage() + ")");
        } catch (RuntimeException | LinkageError e) {
            return unavailable("cannot load " + RESOURCE + ": " + e);
        }
    }

    private static Loaded bind(Path file) {
        SymbolLookup lib = SymbolLookup.libraryLookup(file, Arena.global());
        Linker linker = Linker.nativeLinker();
        Linker.Option critical = Linker.Option.critical(true);
        MethodHandle scan = linker.downcallHandle(find(lib, "kida_scan"), SCAN_TYPE, critical);
        MethodHandle escape = linker.downcallHandle(find(lib, "kida_escape"), ESCAPE_TYPE, critical);
        MethodHandle scanWith = linker.downcallHandle(find(lib, "kida_scan_with"),
                SCAN_TYPE.insertArgumentLayouts(0, ValueLayout.JAVA_INT), critical);
        MethodHandle escapeWith = linker.downcallHandle(find(lib, "kida_escape_with"),
                ESCAPE_TYPE.insertArgumentLayouts(0, ValueLayout.JAVA_INT), critical);
        MethodHandle scan8 = linker.downcallHandle(find(lib, "kida_scan8"), SCAN_TYPE, critical);
        MethodHandle scan8With = linker.downcallHandle(find(lib, "kida_scan8_with"),
                SCAN_TYPE.insertArgumentLayouts(0, ValueLayout.JAVA_INT), critical);
        MethodHandle find8 = linker.downcallHandle(find(lib, "kida_find8"), FIND8_TYPE, critical);
        MethodHandle scan8Range = linker.downcallHandle(find(lib, "kida_scan8_range"), SCAN8_RANGE_TYPE, critical);
        MethodHandle scan8q = linker.downcallHandle(find(lib, "kida_scan8q_range"), SCAN8_RANGE_TYPE, critical);
        MethodHandle scan8qWith = linker.downcallHandle(find(lib, "kida_scan8q_with"),
                SCAN8_RANGE_TYPE.insertArgumentLayouts(0, ValueLayout.JAVA_INT), critical);
        MethodHandle scan8qh = linker.downcallHandle(find(lib, "kida_scan8qh_range"), SCAN8_RANGE_TYPE, critical);
        MethodHandle scan8qhWith = linker.downcallHandle(find(lib, "kida_scan8qh_with"),
                SCAN8_RANGE_TYPE.insertArgumentLayouts(0, ValueLayout.JAVA_INT), critical);
        MethodHandle find8qh = linker.downcallHandle(find(lib, "kida_find8qh"), SCAN8_RANGE_TYPE, critical);
        MethodHandle escape8 = linker.downcallHandle(find(lib, "kida_escape8"), ESCAPE8_TYPE, critical);
        MethodHandle escape8With = linker.downcallHandle(find(lib, "kida_escape8_with"),
                ESCAPE8_TYPE.insertArgumentLayouts(0, ValueLayout.JAVA_INT), critical);
        MethodHandle levelHandle = linker.downcallHandle(find(lib, "kida_level"),
                FunctionDescriptor.of(ValueLayout.ADDRESS));
        String level;
        try {
            MemorySegment p = (MemorySegment) levelHandle.invokeExact();
            level = p.reinterpret(32).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return new Loaded(Availability.yes(), scan, escape, scanWith, escapeWith, scan8, scan8With, level,
                find8, scan8Range, escape8, escape8With, scan8q, scan8qWith, scan8qh, scan8qhWith, find8qh);
    }

    private static MemorySegment find(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new IllegalStateException("symbol " + name + " missing"));
    }

    private static Loaded unavailable(String reason) {
        return new Loaded(Availability.no(reason), null, null, null, null, null, null, "none",
                null, null, null, null, null, null, null, null, null);
    }
}
