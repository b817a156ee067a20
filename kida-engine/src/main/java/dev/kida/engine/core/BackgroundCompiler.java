package dev.kida.engine.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one background thread that compiles warm templates in tiered mode, shared by every
 * environment. A daemon: it never keeps the JVM alive.
 */
final class BackgroundCompiler {
    private BackgroundCompiler() {
    }

    private static final class Holder {
        static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "kida-compiler");
            t.setDaemon(true);
            return t;
        });
    }

    static void submit(Runnable task) {
        Holder.EXECUTOR.execute(task);
    }
}
