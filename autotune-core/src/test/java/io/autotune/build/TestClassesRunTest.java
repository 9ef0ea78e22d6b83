package io.autotune.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every class that declares tests runs in the build: its file name matches one of the Surefire
 * includes in the parent pom. A class that matches none (say {@code FooSpec}) would compile and
 * never run, which is how the only {@code parse(print(task)) == task} property went unnoticed.
 */
class TestClassesRunTest {
  private static final Pattern TEST_ANNOTATION =
      Pattern.compile(
          "@(Test|Property|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Example)\\b");
  private static final Pattern ABSTRACT_CLASS =
      Pattern.compile("^(public\\s+)?abstract\\s+class\\b", Pattern.MULTILINE);

  @Test
  void everyTestClassOfEveryModuleMatchesTheSurefireIncludes() {
    Path root = repositoryRoot();
    List<String> includes = surefireIncludes(root.resolve("pom.xml"));
    assertThat(includes).as("the parent pom's Surefire includes").isNotEmpty();

    List<Path> testRoots = new ArrayList<>();
    for (String module : modules(root.resolve("pom.xml"))) {
      Path tests = root.resolve(module).resolve("src/test/java");
      if (Files.isDirectory(tests)) {
        testRoots.add(tests);
      }
    }
    assertThat(testRoots).as("modules with tests").hasSizeGreaterThan(3);
    for (Path tests : testRoots) {
      assertThat(notPickedUp(tests, includes))
          .as("test classes Surefire skips in " + tests)
          .isEmpty();
    }
  }

  @Test
  void aTestClassWhoseNameMatchesNoIncludeIsReported(@TempDir Path tests) throws IOException {
    write(tests.resolve("io/x/FooSpec.java"), "class FooSpec { @Test void a() {} }");
    write(
        tests.resolve("io/x/BarProperties.java"), "class BarProperties { @Property void a() {} }");
    write(tests.resolve("io/x/BazTest.java"), "class BazTest { @Test void a() {} }");
    write(
        tests.resolve("io/x/QuxContract.java"), "abstract class QuxContract { @Test void a() {} }");
    write(tests.resolve("io/x/Helper.java"), "class Helper { void a() {} }");

    assertThat(notPickedUp(tests, List.of("**/*Test.java")))
        .containsExactlyInAnyOrder("io/x/FooSpec.java", "io/x/BarProperties.java");
    assertThat(notPickedUp(tests, List.of("**/*Test.java", "**/*Properties.java")))
        .containsExactly("io/x/FooSpec.java");
  }

  /** The files under {@code tests} that declare tests, are not abstract and match no include. */
  static List<String> notPickedUp(Path tests, List<String> includes) {
    List<PathMatcher> matchers =
        includes.stream()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .toList();
    try (Stream<Path> files = Files.walk(tests)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(TestClassesRunTest::declaresTests)
          .map(f -> tests.relativize(f))
          // "**/" in Surefire also matches no folder at all
          .filter(
              f ->
                  matchers.stream()
                      .noneMatch(m -> m.matches(f) || m.matches(Path.of("x").resolve(f))))
          .map(f -> f.toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean declaresTests(Path file) {
    try {
      String source = Files.readString(file);
      return TEST_ANNOTATION.matcher(source).find() && !ABSTRACT_CLASS.matcher(source).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && !modules(pom).isEmpty()) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no parent pom with <modules> above " + Path.of("").toAbsolutePath());
  }

  private static List<String> modules(Path pom) {
    return texts(parse(pom).getDocumentElement(), "module");
  }

  private static List<String> surefireIncludes(Path pom) {
    NodeList plugins = parse(pom).getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (texts(plugin, "artifactId").contains("maven-surefire-plugin")) {
        List<String> includes = texts(plugin, "include");
        if (!includes.isEmpty()) {
          return includes;
        }
      }
    }
    return List.of();
  }

  private static List<String> texts(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }

  private static Document parse(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
