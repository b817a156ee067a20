package com.example.moduleapp;

import com.example.moduleapp.model.Person;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;

import java.util.List;
import java.util.Map;

/** Renders the team page from the templates among this module's resources. */
public final class App {
    private App() {
    }

    /** The environment: templates from this module's {@code templates} folder (opened to kida.engine). */
    public static Environment environment(ExecutionMode mode) {
        return Environment.builder()
                .loader(Loaders.module(App.class.getModule(), "templates"))
                .mode(mode)
                .build();
    }

    /** The team page for {@code people}. */
    public static String page(Environment env, List<Person> people) {
        return env.getTemplate("team.html").render(Map.of("title", "Team <Kida>", "people", people));
    }

    public static void main(String[] args) {
        System.out.print(page(environment(ExecutionMode.TIERED), List.of(
                new Person("Ada", 36, List.of("Analytical Engine")),
                new Person("Grace", 85, List.of("COBOL", "FLOW-MATIC")))));
        System.out.println("<!-- " + Environment.compilerStatus() + " -->");
    }
}
