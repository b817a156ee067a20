package dev.kida.cli;

/** The help texts. */
final class Usage {
    private Usage() {
    }

    /** The synopsis, printed after a usage error. */
    static final String SYNOPSIS = """
            usage: kida render ENTRY --templates DIR [--data FILE.json | --data -]
                               [--autoescape | --no-autoescape] [--trim-blocks] [--lstrip-blocks]
                               [--keep-trailing-newline] [--escaper NAME] [--mode MODE]
                               [--block NAME | --block-overrides FILE.json | --list-blocks]
                               [--compiled DIR] [--config FILE.json] [--undefined KIND]
                               [--sandbox] [--follow-links]
                   kida compile --templates DIR --output DIR [--no-autoescape] [--trim-blocks]
                               [--lstrip-blocks] [--keep-trailing-newline] [--extensions LIST]
                   kida check [--strict] DIR [--extensions LIST]
                   kida escapers
                   kida --version | --help
            """;

    /** The full help, for {@code --help}. */
    static final String HELP = """
            kida: render Jinja2 templates on the JVM.

            """ + SYNOPSIS + """

            Commands:
              render ENTRY     Render the template named ENTRY (a path relative to --templates, with /)
                               and write the output to standard output as UTF-8, nothing added.
                --templates DIR          Directory the templates are loaded from (required).
                --data FILE.json         The render context: a JSON object. '-' reads standard input.
                                         Integers become integers, numbers with a fraction or an
                                         exponent become floats. Without --data the context is empty.
                --autoescape             HTML-escape output (the default).
                --no-autoescape          Do not escape output.
                --trim-blocks            Drop the first newline after a block tag.
                --lstrip-blocks          Strip spaces and tabs before a block tag at a line start.
                --keep-trailing-newline  Keep the final newline of a template.
                --escaper NAME           Force an escaper backend (see 'kida escapers').
                --mode MODE              Execution mode: %s.
                --block NAME             Render only that block, fragment or region (region
                                         parameters come from the context).
                --block-overrides FILE.json
                                         A full render with blocks replaced: a JSON object mapping
                                         block names to trusted HTML, inserted unescaped.
                --list-blocks            Print the names of the template's blocks, fragments and
                                         regions (its ancestors' too), sorted, one per line.
                --compiled DIR           Use the templates 'kida compile' wrote to DIR: each one
                                         whose source, options and engine build still match is
                                         loaded without parsing; any other is compiled as usual.
                --config FILE.json       Environment settings under Jinja2's parameter names:
                                         undefined, the six *_start_string/*_end_string,
                                         line_statement_prefix, line_comment_prefix,
                                         newline_sequence, trim_blocks, lstrip_blocks,
                                         keep_trailing_newline, autoescape, extensions
                                         (["i18n", "do", "loopcontrols"]), translations (a
                                         folder of .mo files or a ResourceBundle base name).
                                         Flags given on the command line win.
                --undefined KIND         Undefined, ChainableUndefined, DebugUndefined or
                                         StrictUndefined (the default).
                --sandbox                Render in the sandbox for untrusted templates (see
                                         docs/security.md): no method calls on application
                                         objects, no collection changes, tight limits.
                --follow-links           Follow symbolic links that lead out of --templates
                                         (refused by default).
              compile          Compile every template under --templates ahead of time into --output
                               (NAME.kidac per template and kida-manifest.tsv), with the same
                               options render takes; prints each template's name, reports every
                               error, exits 1 if any. Templates are the files check looks at
                               (--extensions as for check).
              check DIR        Parse every template under DIR (recursively) and report every error,
                               Kida's syntax included, and every call of a def that cannot succeed
                               (argument count, unknown keyword, a type the template declares that
                               does not fit the parameter's annotation).
                --extensions LIST        Which files are templates, by ending: a comma-separated
                                         list (default: %s).
                --strict                 Also report each bare {%% end %%} with the explicit closer
                                         ({%% endif %%}, {%% enddef %%}...) it should be.
              escapers         List the escaper backends found, their availability and the one
                               that would be used.

            Exit status: 0 on success, 1 on a template error (the first line of standard error is
            '<ExceptionName>: <template>:<line>:<col>: <message>'), 2 on a usage or input error.
            """.formatted(Mode.names(), String.join(",", CheckOptions.DEFAULT_EXTENSIONS));
}
