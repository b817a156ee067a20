package dev.kida.engine.ast;

/** Prefix operators. */
public enum UnaryOp { NOT, NEG, POS }
