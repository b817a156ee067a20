package dev.kida.bench.escape;

import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.StringBytes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The parts of a clean call, by CPU time (best of rounds of 2,000 calls, after 3 warm-up rounds):
 * the copy into bytes ({@code StringBytes.copy}, {@code String.getBytes}), each backend's byte
 * scan through its {@code BulkEscaper} step, the C scan called straight on a heap segment, on
 * 64 bytes (the downcall's own cost) and on an aligned off-heap copy, and then whole calls of the
 * {@link EscaperBench} escapers named. It reaches package-private members by reflection, so it
 * runs on the class path only (issue 13, fifth round: this is how the ffi scan's misaligned loads
 * were found). The copy is also timed 8, 16 and 24 bytes into the destination: its speed
 * depends on the destination's place against the String's array modulo 64, which no public API
 * shows or chooses (issue 13, eighth round).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp &lt;classpath&gt; \
 *   dev.kida.bench.escape.EscaperParts 16384 simd,ffi,simd-latin1,ffi-latin1,simd-utf8,ffi-utf8 25
 * </pre>
 * Arguments: the size of the clean text, escapers (may be empty: {@code ""}), rounds.
 */
public final class EscaperParts {
    private EscaperParts() {
    }

    private static volatile long sink;

    /** Runs the measurement; see the class comment for the arguments. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): the String path's copy
    public static void main(String[] a) throws Throwable {
        int n = Integer.parseInt(a[0]);
        int rounds = a.length > 2 ? Integer.parseInt(a[2]) : 25;
        String text = Corpus.CLEAN.text(n);
        byte[] dst = new byte[Escaper.room(n) + 64];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Method step = Class.forName("dev.kida.api.escape.BulkEscaper")
                .getDeclaredMethod("firstSpecialOrQuestion", byte[].class, int.class, int.class);
        step.setAccessible(true);
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("copy (setString)", () -> StringBytes.copy(text, dst, 0, StandardCharsets.ISO_8859_1));
        ops.put("copy (getBytes)", () -> text.getBytes(0, n, dst, 0));
        // The same copy 8, 16 and 24 bytes further on: the stub's speed depends on where the
        // destination lies against the String's own array modulo 64 (issue 13, eighth round).
        for (int off = 8; off < 32; off += 8) {
            int at = off;
            ops.put("copy (getBytes) +" + off, () -> text.getBytes(0, n, dst, at));
        }
        StringBytes.copy(text, dst, 0, StandardCharsets.ISO_8859_1);
        for (String backend : new String[] {"simd", "ffi"}) {
            Object instance;
            try {
                Field f = Class.forName(backend.equals("simd") ? "dev.kida.escape.simd.SimdEscaper"
                        : "dev.kida.escape.ffi.FfiEscaper").getDeclaredField("INSTANCE");
                f.setAccessible(true);
                instance = f.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println(backend + ": not on the class path (" + e + ")");
                continue;
            }
            MethodHandle scan = lookup.unreflect(step).bindTo(instance);
            ops.put(backend + " scan", () -> sink = invoke(scan, dst, 0, n));
        }
        try {
            Method with = Class.forName("dev.kida.escape.ffi.NativeKernels")
                    .getDeclaredMethod("scan8qWith", int.class, MemorySegment.class, long.class, long.class);
            with.setAccessible(true);
            MethodHandle native8q = lookup.unreflect(with);
            MemorySegment heap = MemorySegment.ofArray(dst);
            MemorySegment offHeap = Arena.global().allocate(n + 64, 64);
            MemorySegment.copy(heap, 0, offHeap, 0, n);
            ops.put("C scan, heap", () -> sink = invokeNative(native8q, heap, 0, n));
            ops.put("C scan, 64 bytes", () -> sink = invokeNative(native8q, heap, n - 64, n));
            ops.put("C scan, off-heap", () -> sink = invokeNative(native8q, offHeap, 0, n));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("ffi kernels: not on the class path (" + e + ")");
        }
        for (String e : a.length > 1 && !a[1].isEmpty() ? a[1].split(",") : new String[0]) {
            Function<String, Object> op = EscaperBench.operation(e);
            ops.put(e, () -> sink = op.apply(text).hashCode());
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Double> best = new LinkedHashMap<>();
        int calls = 2000;
        for (int round = 0; round < rounds + 3; round++) {
            for (Map.Entry<String, Runnable> en : ops.entrySet()) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    en.getValue().run();
                }
                double ns = (mx.getCurrentThreadCpuTime() - t0) / (double) calls;
                if (round >= 3) {
                    best.merge(en.getKey(), ns, Math::min);
                }
            }
        }
        best.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-18s %8.0f ns%n", k, v));
    }

    private static int invoke(MethodHandle scan, byte[] a, int from, int to) {
        try {
            return (int) scan.invokeExact(a, from, to);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The VBMI family (3) where the CPU has it; the caller sees -2 where it has not. */
    private static long invokeNative(MethodHandle scan, MemorySegment s, long from, long to) {
        try {
            return (long) scan.invokeExact(3, s, from, to);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
