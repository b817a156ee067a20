/** An application using Kida on the module path: exactly the lines the README lists. */
module com.example.moduleapp {
    requires kida.engine;
    exports com.example.moduleapp.model to kida.engine;
    opens templates to kida.engine;
}
