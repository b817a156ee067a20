package com.example.moduleapp;

import com.example.moduleapp.model.Person;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppTest {
    private static final List<Person> PEOPLE = List.of(
            new Person("Ada", 36, List.of("Analytical Engine")),
            new Person("Grace", 85, List.of("COBOL", "FLOW-MATIC")));

    @Test
    void runsOnTheModulePath() {
        assertTrue(App.class.getModule().isNamed(), "the application must run as a named module");
        assertEquals("com.example.moduleapp", App.class.getModule().getName());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void rendersTheTeamPageFromTheModulesTemplatesAndRecords(ExecutionMode mode) {
        assertEquals("""
                <!doctype html>
                <title>Team &lt;Kida&gt;</title>
                <main>
                <ul>
                  <li>Ada (36): Analytical Engine</li>
                  <li>Grace (85): COBOL, FLOW-MATIC</li>
                </ul>
                </main>""", App.page(App.environment(mode), PEOPLE));
    }

    @Test
    void theCompilerIsFoundWithoutAModuleInfoLineOnJava24AndNewer() {
        if (Runtime.version().feature() >= 24) {
            assertTrue(Environment.compilerAvailable(), Environment.compilerStatus());
            assertTrue(Environment.compilerStatus().contains("module kida.compiler"), Environment.compilerStatus());
        }
    }
}
