package dev.kida.example.spring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kida.reload} and {@code kida.reload-check-interval} as a developer uses them: the real
 * application serving templates from a folder ({@code kida.prefix=file:...}), a template edited
 * between two requests over HTTP.
 */
class ReloadPropertiesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void withReloadAnEditIsServedAtTheNextRequest(@TempDir Path dir) throws Exception {
        assertEquals("edited", footerAfterEdit(dir, "--kida.reload=true"));
    }

    @Test
    void withinTheReloadCheckIntervalTheTemplateFoundCurrentIsKept(@TempDir Path dir) throws Exception {
        assertEquals("original", footerAfterEdit(dir, "--kida.reload=true", "--kida.reload-check-interval=1h"));
    }

    @Test
    void withoutReloadTheFirstLoadIsKept(@TempDir Path dir) throws Exception {
        assertEquals("original", footerAfterEdit(dir, "--kida.reload=false"));
    }

    /**
     * Starts the application on a copy of its templates, fetches the page, rewrites the layout's
     * footer and fetches again; returns which footer the second page had.
     */
    private static String footerAfterEdit(Path dir, String... properties) throws Exception {
        copyTemplates(dir);
        Path layout = dir.resolve("layout.html");
        String original = Files.readString(layout);
        String[] args = Stream.concat(Stream.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off", "--kida.prefix=file:" + dir + "/"), Stream.of(properties))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = SpringApplication.run(ExampleApplication.class, args)) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertTrue(get(base).contains("<footer>Rendered by Kida for GET /</footer>"));
            Files.writeString(layout, original.replace("Rendered by Kida for", "Edited, for"));
            // A modification time that differs from the first for certain, whatever the file system's resolution.
            Files.setLastModifiedTime(layout, FileTime.from(Instant.now().plusSeconds(60)));
            String page = get(base);
            if (page.contains("<footer>Edited, for GET /</footer>")) {
                return "edited";
            }
            assertTrue(page.contains("<footer>Rendered by Kida for GET /</footer>"), page);
            return "original";
        }
    }

    private static void copyTemplates(Path dir) throws IOException {
        for (String name : new String[] {"layout.html", "greeting.html", "forms.html"}) {
            try (var in = ReloadPropertiesTest.class.getResourceAsStream("/templates/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
    }

    private static String get(String base) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
