/** The escaper backend that calls C code (SSE2/AVX2/AVX-512) through the FFM API. */
package dev.kida.escape.ffi;
