package com.example.moduleapp.model;

import java.util.List;

/** A record of the application's own, read by templates (its package is exported to kida.engine). */
public record Person(String name, int age, List<String> languages) {
}
