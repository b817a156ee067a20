/**
 * Tests that see the engine only as users do: through its exported API, on the module path.
 * The tests themselves live in src/test/java and are patched into this module by Surefire.
 */
module kida.tests {
    // The engine as a user sees it: only its exported API. The escaper backends come onto the
    // module path as test dependencies and are found through the engine's `uses`, as for a user.
    requires kida.engine;
}
