package dev.kida.engine.runtime.kida;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FragmentCacheTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void anEntryExpiresWhenItsTtlHasPassed() {
        AtomicLong now = new AtomicLong(1_000);
        FragmentCache cache = new FragmentCache(10, now::get);
        cache.put("k", "v", 60 * SECOND);
        now.addAndGet(59 * SECOND);
        assertEquals("v", cache.get("k"));
        now.addAndGet(SECOND);
        assertNull(cache.get("k"));
        assertEquals(0, cache.size());
    }

    @Test
    void anEntryWithoutTtlStaysUntilEvicted() {
        AtomicLong now = new AtomicLong();
        FragmentCache cache = new FragmentCache(2, now::get);
        cache.put("a", "1", FragmentCache.NO_TTL);
        now.addAndGet(365L * 86_400 * SECOND);
        assertEquals("1", cache.get("a"));
    }

    @Test
    void theSizeBoundEvictsTheLeastRecentlyUsed() {
        FragmentCache cache = new FragmentCache(2, () -> 0);
        cache.put("a", "1", FragmentCache.NO_TTL);
        cache.put("b", "2", FragmentCache.NO_TTL);
        cache.get("a");
        cache.put("c", "3", FragmentCache.NO_TTL);
        assertEquals(2, cache.size());
        assertEquals("1", cache.get("a"));
        assertNull(cache.get("b"));
        assertEquals("3", cache.get("c"));
    }

    @Test
    void sizeZeroKeepsNothing() {
        FragmentCache cache = new FragmentCache(0, () -> 0);
        cache.put("a", "1", FragmentCache.NO_TTL);
        assertNull(cache.get("a"));
        assertThrows(IllegalArgumentException.class, () -> new FragmentCache(-1, () -> 0));
    }

    @Test
    void ttlsAreSecondsOrNumbersWithAUnit() {
        assertEquals(60 * SECOND, FragmentCache.parseTtl(60L));
        assertEquals(60 * SECOND, FragmentCache.parseTtl("60"));
        assertEquals(30 * SECOND, FragmentCache.parseTtl("30s"));
        assertEquals(300 * SECOND, FragmentCache.parseTtl("5m"));
        assertEquals(7_200 * SECOND, FragmentCache.parseTtl("2h"));
        assertEquals(86_400 * SECOND, FragmentCache.parseTtl("1d"));
        assertEquals(SECOND / 2, FragmentCache.parseTtl(0.5));
        assertEquals(90 * SECOND, FragmentCache.parseTtl(" 1.5M "));
        assertEquals(2 * SECOND, FragmentCache.parseTtl("\u0662s"));
    }

    @Test
    void aTtlThatIsNotADurationMeansNoExpiryAsInKida() {
        assertEquals(FragmentCache.NO_TTL, FragmentCache.parseTtl("soon"));
        assertEquals(FragmentCache.NO_TTL, FragmentCache.parseTtl("-5m"));
        assertEquals(FragmentCache.NO_TTL, FragmentCache.parseTtl("5 min"));
        assertEquals(FragmentCache.NO_TTL, FragmentCache.parseTtl(-1L));
        assertEquals(FragmentCache.NO_TTL, FragmentCache.parseTtl(Double.NaN));
        assertEquals(FragmentCache.NO_TTL, FragmentCache.parseTtl(true));
        assertEquals(FragmentCache.NO_TTL, FragmentCache.parseTtl(null));
    }

    @Test
    void manyThreadsShareOneCache() throws InterruptedException {
        FragmentCache cache = new FragmentCache(50, System::nanoTime);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    String key = "k" + (i % 100);
                    if (cache.get(key) == null) {
                        cache.put(key, key + id, FragmentCache.NO_TTL);
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(50, cache.size());
    }
}
