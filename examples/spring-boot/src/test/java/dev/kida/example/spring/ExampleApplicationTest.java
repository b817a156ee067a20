package dev.kida.example.spring;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the real application on a random loopback port and fetches its page over HTTP: no mocks,
 * the same jar contents a user runs.
 */
class ExampleApplicationTest {
    private static ConfigurableApplicationContext app;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        app = SpringApplication.run(ExampleApplication.class,
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageHasTheLayoutTheMacroAndTheRequestHelpers() throws Exception {
        HttpResponse<String> response = get("/");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("text/html;charset=UTF-8",
                response.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        String body = response.body();
        assertTrue(body.startsWith("<!DOCTYPE html>"), body);
        assertTrue(body.contains("<title>Greeting · Kida on Spring Boot</title>"), body);
        assertTrue(body.contains("<label>Your name <input type=\"text\" name=\"name\" value=\"\"></label>"), body);
        assertTrue(body.contains("<footer>Rendered by Kida for GET /</footer>"), body);
        assertTrue(body.contains("<a href=\"/?name=%3Cb%3EBold%3C%2Fb%3E+%26+co\">&lt;b&gt;Bold&lt;/b&gt; &amp; co</a>"),
                body);
        assertFalse(body.contains("class=\"greeting\""), body);
    }

    @Test
    void aSubmittedValueIsEscapedInTheFieldAndTheGreeting() throws Exception {
        HttpResponse<String> response = get("/?name=%3Cscript%3Ealert(%27x%27)%3C%2Fscript%3E%22");
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;";
        assertTrue(body.contains("value=\"" + escaped + "\""), body);
        assertTrue(body.contains("<p class=\"greeting\">Hello, " + escaped + "!</p>"), body);
        assertFalse(body.contains("<script>"), body);
    }

    @Test
    void anUnknownPathIsNotFoundNotATemplateError() throws Exception {
        assertEquals(404, get("/no/such/page").statusCode());
    }
}
