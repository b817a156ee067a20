/**
 * JMH benchmarks of Kida against the peer engines. Run on the class path (JMH's generated
 * harness is not modular), so the engine is used as a plain jar here; {@code run-bench.sh} runs
 * them and writes the Markdown report.
 *
 * <ul>
 *   <li>{@link dev.kida.bench.RenderBenchmark} and {@link dev.kida.bench.KidaRenderBenchmark}: the
 *       {@code stocks} and {@code large} pages (two threads: {@code -t 2});</li>
 *   <li>{@link dev.kida.bench.CompileBenchmark} and {@link dev.kida.bench.KidaCompileBenchmark}:
 *       the stocks source String to a ready template;</li>
 *   <li>{@link dev.kida.bench.KidaSuiteBenchmark}: Kida's own templates, minimal to complex.</li>
 * </ul>
 */
package dev.kida.bench;
