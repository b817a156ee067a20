package dev.kida.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The example application: the Kida starter on the class path is all the set-up there is. */
@SpringBootApplication
public class ExampleApplication {
    /** Starts the server (port 8080 unless {@code --server.port=N}). */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
