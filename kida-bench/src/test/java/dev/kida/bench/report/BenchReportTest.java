package dev.kida.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {
    private static final String JMH_JSON = """
            [
             {"benchmark": "dev.kida.bench.RenderBenchmark.render", "mode": "thrpt", "threads": 1,
              "params": {"engine": "JTE", "scenario": "STOCKS"},
              "primaryMetric": {"score": 1000.0, "scoreError": "NaN", "scoreUnit": "ops/s"},
              "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 20000.0, "scoreUnit": "B/op"}}},
             {"benchmark": "dev.kida.bench.RenderBenchmark.render", "mode": "thrpt", "threads": 1,
              "params": {"engine": "HANDWRITTEN", "scenario": "STOCKS"},
              "primaryMetric": {"score": 4000.0, "scoreError": 10.0, "scoreUnit": "ops/s"},
              "secondaryMetrics": {}},
             {"benchmark": "dev.kida.bench.KidaRenderBenchmark.render", "mode": "thrpt", "threads": 1,
              "params": {"mode": "DEFAULT", "escaper": "JAVA", "scenario": "STOCKS"},
              "primaryMetric": {"score": 500.0, "scoreError": 5.0, "scoreUnit": "ops/s"},
              "secondaryMetrics": {}}
            ]""";

    @Test
    void ratiosAreToJteAndTheHandWrittenRenderer() throws Exception {
        List<Result> results = new ArrayList<>();
        new ObjectMapper().readTree(JMH_JSON).forEach(n -> results.add(Result.of(n)));
        String md = new BenchReport(results).markdown("header");
        assertTrue(md.contains("### stocks (1 thread)"), md);
        assertTrue(md.contains("| hand-written | 4,000 | 10.0 | 4.00× | 1.00× | – | – |"), md);
        assertTrue(md.contains("| jte | 1,000 | – | 1.00× | 0.25× | 20,000 |"), md);
        assertTrue(md.contains("| **Kida** (default, java) | 500 | 5.0 | 0.50× | 0.13× |"), md);
        assertTrue(md.indexOf("hand-written |") < md.indexOf("| jte |"), "sorted by throughput");
    }

    @Test
    void twoThreadTablesShowTheScalingOverTheSameEnginesOneThreadScore() throws Exception {
        String twoThreads = JMH_JSON.substring(0, JMH_JSON.lastIndexOf(']')) + """
                ,
                 {"benchmark": "dev.kida.bench.KidaRenderBenchmark.render", "mode": "thrpt", "threads": 2,
                  "params": {"mode": "DEFAULT", "escaper": "JAVA", "scenario": "STOCKS"},
                  "primaryMetric": {"score": 950.0, "scoreError": 5.0, "scoreUnit": "ops/s"},
                  "secondaryMetrics": {}}
                ]""";
        List<Result> results = new ArrayList<>();
        new ObjectMapper().readTree(twoThreads).forEach(n -> results.add(Result.of(n)));
        String md = new BenchReport(results).markdown("header");
        assertTrue(md.contains("### stocks (2 threads)"), md);
        assertTrue(md.contains("| vs 1 thread |"), md);
        assertTrue(md.contains("| **Kida** (default, java) | 950 | 5.0 | – | – | 1.90× |"), md);
    }

    @Test
    void twoThreadTablesShowTheCpuGivenAndTheCpuPerRenderWhenProfiled() throws Exception {
        String json = """
                [
                 {"benchmark": "dev.kida.bench.KidaRenderBenchmark.render", "mode": "thrpt", "threads": 1,
                  "params": {"mode": "COMPILED", "escaper": "SIMD", "scenario": "STOCKS"},
                  "primaryMetric": {"score": 250000.0, "scoreError": 5.0, "scoreUnit": "ops/s"},
                  "secondaryMetrics": {"cpu.bench": {"score": 0.99}, "cpu.ns/op": {"score": 4000.0}}},
                 {"benchmark": "dev.kida.bench.KidaRenderBenchmark.render", "mode": "thrpt", "threads": 2,
                  "params": {"mode": "COMPILED", "escaper": "SIMD", "scenario": "STOCKS"},
                  "primaryMetric": {"score": 300000.0, "scoreError": 5.0, "scoreUnit": "ops/s"},
                  "secondaryMetrics": {"cpu.bench": {"score": 1.3}, "cpu.ns/op": {"score": 4200.0}}},
                 {"benchmark": "dev.kida.bench.RenderBenchmark.render", "mode": "thrpt", "threads": 2,
                  "params": {"engine": "JTE", "scenario": "STOCKS"},
                  "primaryMetric": {"score": 200000.0, "scoreError": 5.0, "scoreUnit": "ops/s"},
                  "secondaryMetrics": {}}
                ]""";
        List<Result> results = new ArrayList<>();
        new ObjectMapper().readTree(json).forEach(n -> results.add(Result.of(n)));
        String md = new BenchReport(results).markdown("header");
        assertTrue(md.contains("| vs 1 thread | cores | CPU/op vs 1 thread |"), md);
        // 300k over 250k is 1.20x, on 1.3 cores; the CPU per render rose 5% (4,200 over 4,000 ns)
        assertTrue(md.contains("| **Kida** (compiled, simd) | 300,000 | 5.0 | 1.50× | – | 1.20× | 1.30 | 1.05× |"), md);
        assertTrue(md.contains("| jte | 200,000 | 5.0 | 1.00× | – | – | – | – |"), md);
String oneThread = md.substring(md.indexOf("### stocks (1 thread)"), md.indexOf("### stocks (2 threads)"));
        assertTrue(oneThread.contains("| **Kida** (compiled, simd) | 250,000 |") && !oneThread.contains("cores"), oneThread);
    }

    @Test
    void spliceReplacesOnlyTheMarkedSection() {
        String doc = "# Performance\n\n## Escapers\n\nE\n\n" + BenchReport.START + "\nold\n" + BenchReport.END + "\n\ntail\n";
        String section = BenchReport.START + "\nnew\n" + BenchReport.END + "\n";
        assertEquals("# Performance\n\n## Escapers\n\nE\n\n" + section + "\ntail\n", BenchReport.splice(doc, section));
        assertEquals("# Performance\n\n## Escapers\n\n## Template engines\n\n" + section,
                BenchReport.splice("# Performance\n\n## Escapers\n", section));
    }
}
