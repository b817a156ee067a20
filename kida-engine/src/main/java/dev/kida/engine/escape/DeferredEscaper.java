package dev.kida.engine.escape;

import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;

/**
 * A fast backend that starts only when it can win: strings shorter than the provider's
 * {@link EscaperProvider#minLength()} go to the built-in {@link JavaEscaper}, and the provider's
 * machinery (Vector API, native library) is started at the first longer string. A page of short
 * strings never pays for it. When the backend cannot start after all, that is logged once and
 * the Java escaper takes its place for good (same bytes, only slower on long text).
 */
public final class DeferredEscaper implements Escaper {
    /** Made at the first message: {@code System.getLogger} starts the logging back end, which a
     * cold start that logs nothing should not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.engine.escape");
    }

    private final EscaperProvider provider;
    private final int minLength;
    /** Null until the first long string; then the backend's escaper, or Java's if it failed. */
    private volatile Escaper backend;

    /**
     * @param provider the backend for long strings
     * @param started  its escaper when already started, else null to start it on demand
     */
    public DeferredEscaper(EscaperProvider provider, Escaper started) {
        this.provider = provider;
        this.minLength = provider.minLength();
        this.backend = started;
    }

    /** Whether the backend has been started (for tests and diagnostics). */
    public boolean started() {
        return backend != null;
    }

    @Override
    public String escape(String text) {
        return text.length() < minLength ? JavaEscaper.INSTANCE.escape(text) : backend().escape(text);
    }

    @Override
    public void escapeTo(String text, StringBuilder out) {
        if (text.length() < minLength) {
            JavaEscaper.INSTANCE.escapeTo(text, out);
        } else {
            backend().escapeTo(text, out);
        }
    }

    @Override
    public long escapeInto(String text, byte[] dst, int at, java.nio.charset.Charset charset) {
        return text.length() < minLength
                ? JavaEscaper.INSTANCE.escapeInto(text, dst, at, charset)
                : backend().escapeInto(text, dst, at, charset);
    }

    private Escaper backend() {
        Escaper b = backend;
        return b != null ? b : start();
    }

    private synchronized Escaper start() {
        Escaper b = backend;
        if (b == null) {
            try {
                b = provider.escaper();
            } catch (RuntimeException | LinkageError e) {
                Log.LOG.log(System.Logger.Level.WARNING, "escaper '" + provider.name()
                        + "' could not start; escaping with 'java' instead", e);
                b = JavaEscaper.INSTANCE;
            }
            backend = b;
        }
        return b;
    }

    @Override
    public String toString() {
        return "DeferredEscaper[" + provider.name() + ", from " + minLength + " chars]";
    }
}
