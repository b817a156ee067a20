/** The data the scenarios render: JavaBeans every engine can read. */
package dev.kida.bench.data;
