package io.autotune.examples.cli;

import io.autotune.AutotuneException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code autotune} command line: the example app and the way operators reach the library. */
@Command(
    name = "autotune",
    mixinStandardHelpOptions = true,
    version = "autotune 0.1.0",
    description = "Tunes expensive black-box experiments, such as inference-server launch flags.",
    subcommands = {
      RunCommand.class,
      SubmitCommand.class,
      WorkerCommand.class,
      StatusCommand.class,
      ExperimentsCommand.class,
      CancelCommand.class,
      OptimizeCommand.class,
      BenchCommand.class,
      GpusCommand.class,
      DashboardCommand.class
    })
public final class AutotuneCli {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code; bad input gives one line on stderr and 2. */
  public static int execute(String... args) {
    // the terminal's own encoding, as System.out and System.err use it
    Charset terminal = Charset.defaultCharset();
    return execute(
        new PrintWriter(new OutputStreamWriter(System.out, terminal), true),
        new PrintWriter(new OutputStreamWriter(System.err, terminal), true),
        args);
  }

  /** Runs a command line writing to {@code out} and {@code err}; returns its exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new AutotuneCli()).setOut(out).setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          if (e instanceof AutotuneException
              || e instanceof IllegalArgumentException
              || e instanceof java.io.UncheckedIOException) {
            command.getErr().println("error: " + e.getMessage());
            return 2;
          }
          command.getErr().println("error: " + e);
          return 1;
        });
    try {
      return cli.execute(args);
    } finally {
      out.flush(); // a command that print()s without a line end would otherwise lose it at exit
      err.flush();
    }
  }
}
