package dev.kida.bench.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH result, reduced to what the report shows.
 *
 * @param benchmark     the simple class name and method, e.g. {@code RenderBenchmark.render}
 * @param params        the JMH parameters
 * @param threads       the thread count
 * @param score         operations per second (summed over threads)
 * @param error         the 99.9% confidence half-width, or NaN with too few iterations
 * @param bytesPerOp    allocation per operation from {@code -prof gc}, or NaN without it
 * @param cores         cores the benchmark threads were given ({@code cpu.bench} of
 *                      {@code dev.kida.bench.CpuShareProfiler}), or NaN without it
 * @param cpuNsPerOp    their CPU time per operation ({@code cpu.ns/op} of the same profiler), or NaN
 */
public record Result(String benchmark, Map<String, String> params, int threads, double score,
                     double error, double bytesPerOp, double cores, double cpuNsPerOp) {

    /** Reads one element of JMH's {@code -rf json} array. */
    public static Result of(JsonNode node) {
        String full = node.path("benchmark").asText();
        String[] parts = full.split("\\.");
        String benchmark = parts[parts.length - 2] + "." + parts[parts.length - 1];
        Map<String, String> params = new TreeMap<>();
        node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = node.path("primaryMetric");
        if (!primary.path("scoreUnit").asText().equals("ops/s")) {
            throw new IllegalArgumentException(full + ": expected ops/s, got "
                    + primary.path("scoreUnit").asText());
        }
        JsonNode secondary = node.path("secondaryMetrics");
        return new Result(benchmark, params, node.path("threads").asInt(1),
                primary.path("score").asDouble(), number(primary.path("scoreError")),
                secondary(secondary, "gc.alloc.rate.norm"), secondary(secondary, "cpu.bench"),
                secondary(secondary, "cpu.ns/op"));
    }

    private static double secondary(JsonNode metrics, String name) {
        JsonNode m = metrics.path(name);
        return m.isMissingNode() ? Double.NaN : m.path("score").asDouble();
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** A parameter's value, or null. */
    public String param(String name) {
        return params.get(name);
    }
}
