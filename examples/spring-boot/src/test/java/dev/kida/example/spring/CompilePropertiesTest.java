package dev.kida.example.spring;

import dev.kida.engine.Environment;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kida.compile-threshold}, {@code kida.shape-classes} and {@code kida.own-class-after} reach
 * the engine: the real application, pages fetched over HTTP, and the engine's templates looked at
 * afterwards; a value the engine refuses stops the start with its reason.
 */
class CompilePropertiesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aLowCompileThresholdCompilesThePageAfterAFewRequests() throws Exception {
        try (ConfigurableApplicationContext app = start("--kida.mode=tiered", "--kida.compile-threshold=2")) {
            String base = base(app);
            for (int i = 0; i < 3; i++) {
                assertTrue(get(base).contains("<footer>Rendered by Kida for GET /</footer>"));
            }
            Template layout = app.getBean(Environment.class).getTemplate("layout.html");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!layout.isCompiled() && System.nanoTime() < deadline) {
                Thread.sleep(20); // the background compiler installs the code
            }
            assertTrue(layout.isCompiled(), "compiled after more runs than kida.compile-threshold");
            assertTrue(get(base).contains("<footer>Rendered by Kida for GET /</footer>"));
        }
    }

    @Test
    void theDefaultThresholdLeavesAFewRequestsInTheEvaluator() throws Exception {
        try (ConfigurableApplicationContext app = start("--kida.mode=tiered")) {
            String base = base(app);
            for (int i = 0; i < 3; i++) {
                get(base);
            }
            Thread.sleep(200);
            assertFalse(app.getBean(Environment.class).getTemplate("layout.html").isCompiled());
        }
    }

    @Test
    void aCountOutOfRangeIsRefusedAtStartWithTheReason() {
        // each property reaches its builder setter, which names the value it refuses
        for (String property : new String[] {"--kida.compile-threshold=0", "--kida.shape-classes=-1",
                "--kida.own-class-after=-2"}) {
            Exception e = assertThrows(Exception.class, () -> start("--kida.mode=compiled", property).close());
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            assertEquals(IllegalArgumentException.class, cause.getClass(), property + ": " + e);
            String value = property.substring(property.indexOf('=') + 1);
            assertTrue(cause.getMessage().endsWith(value), property + ": " + cause.getMessage());
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = Stream.concat(Stream.of("--server.port=0",
                "--server.address=127.0.0.1", "--spring.main.banner-mode=off"), Stream.of(properties))
                .toArray(String[]::new);
        return SpringApplication.run(ExampleApplication.class, args);
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    private static String get(String base) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
