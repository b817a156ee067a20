/** The Markdown report of a benchmark run, made from JMH's JSON results. */
package dev.kida.bench.report;
