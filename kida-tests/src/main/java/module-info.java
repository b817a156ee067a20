/**
 * Tests that see the engine only as users do: through its exported API, on the module path.
 * The tests themselves live in src/test/java and are patched into this module by Surefire.
 */
module kida.tests {
    requires kida.engine;
}
