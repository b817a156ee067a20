package dev.kida.cli;

import java.io.InputStream;
import java.util.Map;

/**
 * The render context of {@code --data FILE}, read and parsed on a thread of its own while the
 * command builds the environment and loads the template. In a fresh JVM all of that runs in the
 * interpreter, one step after the other; on a machine with a second core the data file's ~1 ms
 * then overlaps the rest (docs/performance.md, "Cold start", session 20). Standard input, and no
 * data at all, are read on the calling thread: the command may read other things from stdin.
 * A plain thread and join, not a FutureTask or CompletableFuture: those set up VarHandles (and a
 * thread pool) that a fresh JVM would pay for before the data is even opened.
 */
final class PendingData {
    private final Thread reader;
    private Map<String, Object> context;
    private CliException failure;
    private RuntimeException crash;

    private PendingData(String data, InputStream stdin) {
        if (data == null || Options.STDIN.equals(data)) {
            reader = null;
            readNow(data, stdin);
        } else {
            reader = new Thread(() -> readNow(data, stdin), "kida-data");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Starts reading the context named by {@code data} (see {@link DataFile#read(String, InputStream)}). */
    static PendingData start(String data, InputStream stdin) {
        return new PendingData(data, stdin);
    }

    private void readNow(String data, InputStream stdin) {
        try {
            context = DataFile.read(data, stdin);
        } catch (CliException e) {
            failure = e;
        } catch (RuntimeException e) {
            crash = e;
        }
    }

    /**
     * The context, once read.
     *
     * @throws CliException as {@link DataFile#read(String, InputStream)} does
     */
    Map<String, Object> await() throws CliException {
        if (reader != null) {
            boolean interrupted = false;
            while (true) {
                try {
                    reader.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        // join() makes the reader's writes visible here
        if (failure != null) {
            throw failure;
        }
        if (crash != null) {
            throw crash;
        }
        return context;
    }
}
