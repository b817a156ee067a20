package dev.kida.engine.core;

import dev.kida.api.KidaException;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The pull form of a streaming render: the render runs on a virtual thread of its own and hands
 * each chunk (the text between two {@code flush}es) over when the consumer asks for the next one,
 * so a server sends the first part of a page while the rest is still being produced. At most one
 * chunk waits ahead of the consumer. Closing the stream before its end stops the render. One
 * consumer thread at a time.
 */
final class ChunkStream implements Iterator<String>, AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
    private final Thread producer;
    private Object next;
    private boolean finished;

    /** Starts rendering: {@code render} receives the sink each chunk goes to. */
    ChunkStream(String name, Consumer<Consumer<String>> render) {
        producer = Thread.ofVirtual().name("kida-stream " + name).unstarted(() -> {
            try {
                render.accept(this::put);
                put(END);
            } catch (Cancelled e) {
                // the consumer closed the stream: nothing is waiting for the rest
            } catch (RuntimeException | Error e) {
                try {
                    put(e);
                } catch (Cancelled ignored) {
                    // closed while failing: the consumer no longer listens
                }
            }
        });
        producer.start();
    }

    /** Thrown inside the render when the consumer closed the stream: unwinds the render. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private void put(Object item) {
        if (item instanceof String s && s.isEmpty()) {
            return;
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new KidaException("interrupted while waiting for the next chunk of a streamed render", e);
            }
        }
        if (next == END) {
            finished = true;
            return false;
        }
        if (next instanceof RuntimeException e) {
            finished = true;
            throw e;
        }
        if (next instanceof Error e) {
            finished = true;
            throw e;
        }
        return true;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the streamed render has ended");
        }
        String chunk = (String) next;
        next = null;
        return chunk;
    }

    /** Stops the render if it is still running. */
    @Override
    public void close() {
        finished = true;
        producer.interrupt();
    }
}
