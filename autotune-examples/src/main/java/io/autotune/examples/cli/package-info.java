/**
 * Not API, not published: the {@code autotune} command line (picocli), packed in autotune.jar.
 * Commands run on one thread each.
 */
package io.autotune.examples.cli;
