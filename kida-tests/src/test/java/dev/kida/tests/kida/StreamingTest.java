package dev.kida.tests.kida;

import dev.kida.api.UndefinedException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streaming renders: chunk boundaries at {@code {% flush %}}, in both backends and all three forms. */
class StreamingTest {
    private static final String LOOP = "<ul>{% for i in items %}<li>{{ i }}</li>{% if loop.index is even %}{% flush %}{% end %}"
            + "{% end %}</ul>";

    static Template template(ExecutionMode mode, String source) {
        return Environment.builder().mode(mode).build().fromString(source);
    }

    /** A writer that records what it held at each flush. */
    static final class RecordingWriter extends StringWriter {
        final List<String> atFlush = new ArrayList<>();

        @Override
        public void flush() {
            atFlush.add(toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aWriterIsWrittenAndFlushedAtEachFlushTag(ExecutionMode mode) {
        RecordingWriter out = new RecordingWriter();
        template(mode, LOOP).stream(Map.of("items", List.of(1, 2, 3, 4, 5)), out);
        assertEquals(List.of("<ul><li>1</li><li>2</li>", "<ul><li>1</li><li>2</li><li>3</li><li>4</li>",
                "<ul><li>1</li><li>2</li><li>3</li><li>4</li><li>5</li></ul>"), out.atFlush);
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void thePullFormYieldsTheTextBetweenFlushes(ExecutionMode mode) {
        try (Stream<String> chunks = template(mode, LOOP).stream(Map.of("items", List.of(1, 2, 3)))) {
            assertEquals(List.of("<ul><li>1</li><li>2</li>", "<li>3</li></ul>"), chunks.toList());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aFlushInsideADefsResultIsNotABoundary(ExecutionMode mode) {
        Template t = template(mode, "{% def d() %}a{% flush %}b{% end %}[{{ d() }}]{% flush %}c");
        try (Stream<String> chunks = t.stream(Map.of())) {
            assertEquals(List.of("[ab]", "c"), chunks.toList());
        }
        assertEquals("[ab]c", t.render(Map.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void bytesAreFlushedAtTheSameBoundaries(ExecutionMode mode) {
        List<String> seen = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                seen.add(toString(StandardCharsets.UTF_8));
            }
        };
        template(mode, "é{% flush %}{{ x }}{% flush %}").stream(Map.of("x", "<ü>"), out);
        assertEquals(List.of("é", "é&lt;ü&gt;", "é&lt;ü&gt;"), seen);
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"INTERPRETED", "COMPILED"})
    void aFailureComesAfterTheChunksBeforeIt(ExecutionMode mode) {
        Iterator<String> chunks = template(mode, "ok{% flush %}{{ missing }}").stream(Map.of()).iterator();
        assertEquals("ok", chunks.next());
        assertThrows(UndefinedException.class, chunks::hasNext);
    }

    @Test
    void closingTheStreamEarlyStopsTheRender() throws Exception {
        java.util.concurrent.atomic.AtomicInteger produced = new java.util.concurrent.atomic.AtomicInteger();
        Template t = Environment.builder().global("tick", (dev.kida.api.GlobalFunction) (ctx, args) ->
                produced.incrementAndGet()).build().fromString("{% for i in range(1000000) %}{{ tick() }}{% flush %}{% end %}");
        try (Stream<String> chunks = t.stream(Map.of())) {
            assertEquals(List.of("1", "2", "3"), chunks.limit(3).toList());
        }
        // the producer is at most one chunk ahead and stops when interrupted by close()
        int seen;
        int waited = 0;
        do {
            seen = produced.get();
            Thread.sleep(50);
            waited++;
        } while (produced.get() != seen && waited < 100);
        assertTrue(produced.get() <= 5, "the render went on after close: " + produced.get());
    }
}
