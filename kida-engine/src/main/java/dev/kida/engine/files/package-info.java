/** File and text reading shared by the engine's loaders and the command line (internal). */
package dev.kida.engine.files;
