package dev.djlfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The {@code cuda} profile: {@code -Pcuda} puts PyTorch 2.5.1's cu124 native library beside the CPU
 * one. Maven itself is asked ({@code mvn -Pcuda help:effective-pom}), so that a typo, a property
 * that does not interpolate or a profile that does not activate shows here; the effective POM needs
 * no dependency resolved, so the 2.5 GB jar is never downloaded.
 */
@Tag("external")
class CudaProfileTest {

    private static final String GROUP = "ai.djl.pytorch";
    private static final String CPU = "pytorch-native-cpu";
    private static final String CUDA = "pytorch-native-cu124";

    /** groupId:artifactId:version:classifier:scope, as written in the POM. */
    private static List<String> dependencies(Element parent) {
        List<String> found = new ArrayList<>();
        Element dependencies = child(parent, "dependencies");
        if (dependencies == null) {
            return found;
        }
        for (Node n = dependencies.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element d && d.getTagName().equals("dependency")) {
                found.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "version") + ":"
                        + text(d, "classifier") + ":" + text(d, "scope"));
            }
        }
        return found;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static Element read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }

    private static Element cudaProfile(Element project) {
        Element profiles = child(project, "profiles");
        assertTrue(profiles != null, "pom.xml has <profiles>");
        for (Node n = profiles.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element p && text(p, "id").equals("cuda")) {
                return p;
            }
        }
        throw new AssertionError("pom.xml has no profile with id cuda");
    }

    @Test
    void defaultBuildHasTheCpuLibraryOnlyAndTheProfileAddsCu124() throws Exception {
        Element project = read(Path.of("pom.xml"));
        List<String> main = dependencies(project);
        assertTrue(main.contains(GROUP + ":" + CPU + ":${pytorch.version}:linux-x86_64:runtime"), main.toString());
        assertTrue(main.stream().noneMatch(d -> d.contains(CUDA)), "the default build stays small: " + main);
        assertEquals(List.of(GROUP + ":" + CUDA + ":${pytorch.version}:linux-x86_64:runtime"),
                dependencies(cudaProfile(project)));
    }

    @Test
    void mavenResolvesTheCudaProfileToTheCu124ArtifactBesideTheCpuOne() throws Exception {
        Optional<Path> mvn = SearchPath.find("mvn");
        assumeTrue(mvn.isPresent(), "mvn is not on PATH");
        Path output = Path.of("target", "effective-pom-cuda.xml").toAbsolutePath();
        Files.deleteIfExists(output);
        Path log = Files.createTempFile("effective-pom", ".log");
        List<String> command = new ArrayList<>(List.of(mvn.get().toString(), "-B", "-q", "-Pcuda",
                "help:effective-pom", "-Doutput=" + output));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Process maven = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = maven.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly();
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue(finished, "mvn help:effective-pom took over 5 minutes: " + said);
        assertEquals(0, maven.exitValue(), String.join(" ", command) + " said: " + said);

        List<String> effective = dependencies(read(output));
        assertTrue(effective.contains(GROUP + ":" + CUDA + ":2.5.1:linux-x86_64:runtime"), effective.toString());
        assertTrue(effective.contains(GROUP + ":" + CPU + ":2.5.1:linux-x86_64:runtime"), effective.toString());
    }
}
