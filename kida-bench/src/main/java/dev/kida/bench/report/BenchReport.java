package dev.kida.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kida.bench.engine.Peer;
import dev.kida.bench.engine.Scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Turns JMH JSON results into the Markdown tables of docs/performance.md: ops/s, the ratio to jte
 * and to the hand-written renderer, and allocation per render (per output byte for the pages).
 *
 * <p>Usage: {@code BenchReport <header-file> <result.json>... [--update docs/performance.md]}. The
 * header file holds the machine, JDK and command lines; with {@code --update} the section between
 * the "template-engines" markers of the document is replaced (the section is appended when absent),
 * else the report goes to standard output.
 */
public final class BenchReport {
    static final String START = "<!-- template-engines:start -->";
    static final String END = "<!-- template-engines:end -->";

    private final List<Result> results;

    BenchReport(List<Result> results) {
        this.results = List.copyOf(results);
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BenchReport <header-file> <result.json>... [--update <doc.md>]");
        }
        String header = Files.readString(Path.of(args[0]));
        List<Result> results = new ArrayList<>();
        Path update = null;
        ObjectMapper json = new ObjectMapper();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--update")) {
                update = Path.of(args[++i]);
                continue;
            }
            for (JsonNode node : json.readTree(Path.of(args[i]).toFile())) {
                results.add(Result.of(node));
            }
        }
        String section = START + "\n" + new BenchReport(results).markdown(header) + END + "\n";
        if (update == null) {
            System.out.print(section);
        } else {
            Files.writeString(update, splice(Files.exists(update) ? Files.readString(update) : "", section));
        }
    }

    /** Replaces the marked section of the document, or appends it. */
    static String splice(String document, String section) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start >= 0 && end > start) {
            return document.substring(0, start) + section + document.substring(end + END.length()).replaceFirst("^\n", "");
        }
        String base = document.isEmpty() ? "# Performance\n\n" : document + (document.endsWith("\n") ? "\n" : "\n\n");
        return base + "## Template engines\n\n" + section;
    }

    /** The generated part of the "Template engines" section: run details, then one table per scenario. */
    String markdown(String header) {
        StringBuilder md = new StringBuilder(header.strip()).append("\n\n");
        for (Scenario scenario : Scenario.values()) {
            render(md, scenario, 1, "### " + scenario.id() + " (1 thread)");
            render(md, scenario, 2, "### " + scenario.id() + " (2 threads)");
        }
        compile(md);
        suite(md);
        return md.toString();
    }

    private void render(StringBuilder md, Scenario scenario, int threads, String title) {
        List<Row> rows = new ArrayList<>();
        for (Result r : results) {
            if (r.threads() != threads || !scenario.name().equals(r.param("scenario"))) {
                continue;
            }
            if (r.benchmark().equals("RenderBenchmark.render")) {
                rows.add(new Row(Peer.valueOf(r.param("engine")).label(), r));
            } else if (r.benchmark().equals("KidaRenderBenchmark.render")) {
                rows.add(new Row(kidaLabel(r), r));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int outputBytes = Peer.HANDWRITTEN.adapter().prepare(scenario).render()
                .getBytes(StandardCharsets.UTF_8).length;
        Double jte = score(rows, row -> row.engine().equals(Peer.JTE.label()));
        Double hand = score(rows, row -> row.engine().equals(Peer.HANDWRITTEN.label()));
        // With 2 threads, JMH's score is the sum over both threads: "vs 1 thread" is the scaling
        // against the same engine's 1-thread score in the same results (2.0 is perfect).
        boolean scaling = threads > 1;
        // With CpuShareProfiler's figures (issue 13): a fork whose threads shared a core with
        // another process scores about half, which "vs 1 thread" cannot tell from an engine whose
        // threads slow each other down. "cores" is the CPU the threads were given (2.00: a core
        // each, all the time); "CPU/op vs 1 thread" is their CPU time per render over the 1-thread
        // run's (1.00: the threads do not slow each other down, whatever CPU they were given).
        boolean share = scaling && rows.stream().anyMatch(row -> !Double.isNaN(row.result().cores()));
        md.append(title).append("\n\nOutput: ").append(outputBytes).append(" bytes per render.\n\n")
                .append("| engine | ops/s | ± | vs jte | vs hand-written |").append(scaling ? " vs 1 thread |" : "")
                .append(share ? " cores | CPU/op vs 1 thread |" : "")
                .append(" B/op | B per output byte |\n")
                .append("|---|---:|---:|---:|---:|").append(scaling ? "---:|" : "").append(share ? "---:|---:|" : "")
                .append("---:|---:|\n");
        rows.sort(Comparator.comparingDouble((Row row) -> row.result().score()).reversed());
        for (Row row : rows) {
            Result r = row.result();
            md.append("| ").append(row.engine())
                    .append(" | ").append(ops(r.score()))
                    .append(" | ").append(ops(r.error()))
                    .append(" | ").append(ratio(r.score(), jte))
                    .append(" | ").append(ratio(r.score(), hand))
                    .append(scaling ? " | " + ratio(r.score(), score(oneThread(scenario, row.engine()))) : "")
                    .append(share ? " | " + (Double.isNaN(r.cores()) ? "–" : String.format(Locale.ROOT, "%.2f", r.cores()))
                            + " | " + ratio(r.cpuNsPerOp(), cpuNsPerOp(oneThread(scenario, row.engine()))) : "")
                    .append(" | ").append(Double.isNaN(r.bytesPerOp()) ? "–" : String.format(Locale.ROOT, "%,.0f", r.bytesPerOp()))
                    .append(" | ").append(Double.isNaN(r.bytesPerOp()) ? "–" : String.format(Locale.ROOT, "%.2f", r.bytesPerOp() / outputBytes))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static Double score(Result r) {
        return r == null ? null : r.score();
    }

    private static Double cpuNsPerOp(Result r) {
        return r == null || Double.isNaN(r.cpuNsPerOp()) ? null : r.cpuNsPerOp();
    }

    /** The 1-thread result of the engine labelled {@code label} on {@code scenario}, or null. */
    private Result oneThread(Scenario scenario, String label) {
        for (Result r : results) {
            if (r.threads() != 1 || !scenario.name().equals(r.param("scenario"))) {
                continue;
            }
            String rowLabel = r.benchmark().equals("RenderBenchmark.render") ? Peer.valueOf(r.param("engine")).label()
                    : r.benchmark().equals("KidaRenderBenchmark.render") ? kidaLabel(r) : null;
            if (label.equals(rowLabel)) {
                return r;
            }
        }
        return null;
    }

    private void compile(StringBuilder md) {
        List<Row> rows = new ArrayList<>();
        for (Result r : results) {
            if (r.benchmark().equals("CompileBenchmark.compile")) {
                rows.add(new Row(Peer.valueOf(r.param("engine")).label(), r));
            } else if (r.benchmark().equals("KidaCompileBenchmark.compile")) {
                rows.add(new Row("Kida " + lower(r.param("mode")), r));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Double pebble = score(rows, row -> row.engine().equals(Peer.PEBBLE.label()));
        md.append("### compile (stocks source String to a ready template)\n\n")
                .append("jte and Rocker compile at build time and are not in this table.\n\n")
                .append("| engine | ops/s | ± | vs Pebble | B/op |\n|---|---:|---:|---:|---:|\n");
        rows.sort(Comparator.comparingDouble((Row row) -> row.result().score()).reversed());
        for (Row row : rows) {
            Result r = row.result();
            md.append("| ").append(row.engine()).append(" | ").append(ops(r.score())).append(" | ")
                    .append(ops(r.error())).append(" | ").append(ratio(r.score(), pebble)).append(" | ")
                    .append(Double.isNaN(r.bytesPerOp()) ? "–" : String.format(Locale.ROOT, "%,.0f", r.bytesPerOp()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private void suite(StringBuilder md) {
        List<Result> suite = results.stream().filter(r -> r.benchmark().equals("KidaSuiteBenchmark.render"))
                .sorted(Comparator.comparing((Result r) -> dev.kida.bench.kida.SuiteTemplate.valueOf(r.param("template")))
                        .thenComparing(r -> r.param("mode")).thenComparing(r -> r.param("escaper")))
                .toList();
        if (suite.isEmpty()) {
            return;
        }
        md.append("### Kida's own suite\n\n| template | mode | escaper | ops/s | ± | B/op |\n|---|---|---|---:|---:|---:|\n");
        for (Result r : suite) {
            md.append("| ").append(lower(r.param("template"))).append(" | ").append(lower(r.param("mode")))
                    .append(" | ").append(lower(r.param("escaper"))).append(" | ").append(ops(r.score()))
                    .append(" | ").append(ops(r.error())).append(" | ")
                    .append(Double.isNaN(r.bytesPerOp()) ? "–" : String.format(Locale.ROOT, "%,.0f", r.bytesPerOp()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private record Row(String engine, Result result) {
    }

    private static String kidaLabel(Result r) {
        return "**Kida** (" + lower(r.param("mode")) + ", " + lower(r.param("escaper")) + ")";
    }

    private static Double score(List<Row> rows, Predicate<Row> which) {
        return rows.stream().filter(which).map(row -> row.result().score()).findFirst().orElse(null);
    }

    private static String ratio(double score, Double base) {
        return base == null || Double.isNaN(score) ? "–" : String.format(Locale.ROOT, "%.2f×", score / base);
    }

    private static String ops(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
