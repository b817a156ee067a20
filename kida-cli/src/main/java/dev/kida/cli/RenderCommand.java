package dev.kida.cli;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * {@code kida render}: loads one template, renders it with the JSON context (all of it, one block,
 * or with blocks replaced; or lists its block names) and writes the output to standard output as
 * UTF-8, byte for byte. The whole output is rendered before any of
 * it is written, so a failing render leaves standard output empty.
 */
final class RenderCommand {
    private RenderCommand() {
    }

    static int run(Options options, InputStream in, PrintStream out, PrintStream err) throws CliException {
        if (!Files.isDirectory(options.templates())) {
            throw CliException.input("template directory not found: " + options.templates());
        }
        PendingData data = PendingData.start(options.data(), in);
        Timings.mark("cli+data");
        // A bad data file is reported first, as when it was read before everything else.
        Map<String, Object> overrides;
        Environment environment;
        try {
            overrides = options.blockOverrides() == null ? null
                    : DataFile.read(options.blockOverrides().toString(), in);
            environment = environment(options, in);
        } catch (CliException | RuntimeException e) {
            data.await();
            throw e;
        }
        Timings.mark("environment");
        Template template;
        try {
            template = environment.getTemplate(options.entry());
        } catch (KidaException e) {
            data.await();
            ErrorReport.print(e, err);
            return Main.TEMPLATE_ERROR;
        }
        Timings.mark("load");
        Map<String, Object> context = data.await();
        String output;
        try {
            if (options.listBlocks()) {
                output = String.join("\n", template.blockNames());
            } else if (options.block() != null) {
                output = template.renderBlock(options.block(), context);
            } else if (overrides != null) {
                output = template.renderWithBlocks(overrides, context);
            } else {
                output = template.render(context);
            }
        } catch (KidaException e) {
            ErrorReport.print(e, err);
            return Main.TEMPLATE_ERROR;
        }
        Timings.mark("render");
        if (Training.ON) {
            Training.run(options, context);
        }
        byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        return Main.OK;
    }

    /** A boolean setting: the flag when given, else the config file's value, else the flag's default. */
    private static boolean setting(Options options, ConfigFile config, String key, boolean flagValue) {
        return options.given().contains(key) ? flagValue : config.bool(key, flagValue);
    }

    /** The environment the options describe. */
    static Environment environment(Options options) throws CliException {
        return environment(options, InputStream.nullInputStream());
    }

    /** The environment the options and their config file describe; flags win over the file. */
    static Environment environment(Options options, InputStream in) throws CliException {
        ConfigFile config = options.config() == null ? new ConfigFile(Map.of(), "")
                : ConfigFile.read(options.config(), in);
        Environment.Builder builder = Environment.builder()
                .loader(Loaders.fileSystem(options.templates(), options.followLinks()))
                .autoescape(setting(options, config, "autoescape", options.autoescape()))
                .trimBlocks(setting(options, config, "trim_blocks", options.trimBlocks()))
                .lstripBlocks(setting(options, config, "lstrip_blocks", options.lstripBlocks()))
                .keepTrailingNewline(setting(options, config, "keep_trailing_newline", options.keepTrailingNewline()));
        config.applyTo(builder);
        if (options.undefined() != null) {
            try {
                builder.undefined(options.undefined());
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--undefined: " + e.getMessage());
            }
        }
        if (options.escaper() != null) {
            builder.escaper(options.escaper());
        }
        if (options.mode() != null) {
            builder.mode(options.mode());
        }
        if (options.compiled() != null) {
            builder.precompiled(options.compiled());
        }
        // For measurements (scripts/coldstart-phases.py): the on-disk compiled cache.
        String cache = System.getProperty("kida.cli.compiledCache");
        if (cache != null && !cache.isBlank()) {
            builder.compiledCache(java.nio.file.Path.of(cache));
        }
        if (options.sandbox()) {
            builder.sandbox();
        }
        try {
            return builder.build();
        } catch (KidaException e) {
            // The only configuration that can fail is a forced escaper that is unknown or cannot
            // run here: the user's choice, so a usage-level error with the provider's reason.
            throw CliException.input(e.getMessage());
        }
    }
}
