package dev.attendees.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What Maven Central and consumers rely on, read from the POMs: the BOM lists every published
 * module at the project's version, and every module names its automatic module.
 */
class PublishingTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> UNPUBLISHED = List.of("attendee-examples", "benchmarks", "attendee-bom");

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the first direct child of {@code parent} named {@code name}, or null. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Element childElement(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<String> modules() throws Exception {
        NodeList nodes = read(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    @Test
    void the_bom_should_list_every_published_module_at_the_projects_version() throws Exception {
        Element root = read(ROOT.resolve("pom.xml")).getDocumentElement();
        Element bom = read(ROOT.resolve("attendee-bom/pom.xml")).getDocumentElement();
        assertThat(child(bom, "version")).isEqualTo(child(root, "version"));
        assertThat(childElement(bom, "parent")).as("the BOM has no parent, so it pins nothing but attendee-*").isNull();

        NodeList managed = bom.getElementsByTagName("artifactId");
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < managed.getLength(); i++) {
            listed.add(managed.item(i).getTextContent().trim());
        }
        List<String> published = modules().stream().filter(m -> !UNPUBLISHED.contains(m)).toList();
        assertThat(published).contains("attendee-core", "attendee-llm", "attendee-images", "attendee-sql", "attendee-vector");
        assertThat(listed).containsAll(published);
    }

    @Test
    void every_module_should_name_its_automatic_module_and_describe_itself() throws Exception {
        for (String module : modules()) {
            if (module.equals("attendee-bom")) {
                continue;
            }
            Element pom = read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            Element properties = childElement(pom, "properties");
            assertThat(properties).as("%s has properties", module).isNotNull();
            assertThat(child(properties, "module.name")).as("%s's Automatic-Module-Name", module)
                    .matches("dev\\.attendees\\.[a-z]+");
            assertThat(child(pom, "name")).as("%s's name", module).isNotBlank();
            assertThat(child(pom, "description")).as("%s's description", module).isNotBlank();
        }
        Element root = read(ROOT.resolve("pom.xml")).getDocumentElement();
        for (String required : List.of("url", "licenses", "developers", "scm")) {
            assertThat(childElement(root, required)).as("the parent POM's %s, which Maven Central requires", required).isNotNull();
        }
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<Automatic-Module-Name>${module.name}</Automatic-Module-Name>");
    }
}
