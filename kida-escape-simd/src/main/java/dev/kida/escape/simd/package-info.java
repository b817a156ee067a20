/** The escaper backend written with the Vector API (jdk.incubator.vector). */
package dev.kida.escape.simd;
