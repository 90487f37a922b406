package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code check --junit}: one testsuite, one testcase per check, figures in the failure. */
class CheckJunitTest {
    @TempDir
    Path dir;

    private Path leakLog() throws IOException {
        return new LogLines().request("ok", "/api/things", 3).start("r1", "DELETE", "/api/things")
                .get("r1", "c1", 1).end("r1").write(dir.resolve("app.jsonl"));
    }

    @Test
    void writesOneTestcasePerCheckWithTheFiguresInTheFailure() throws Exception {
        Path xml = dir.resolve("out/poolscope.xml");

        CheckRun r = CheckRun.run("check", leakLog().toString(), "--junit", xml.toString());

        assertThat(r.exit()).isEqualTo(1);
        Element suite = parse(xml).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("pool_used");
        assertThat(((Element) cases.item(1)).getAttribute("name")).isEqualTo("leak_delta");
        Element leaked = (Element) cases.item(2);
        assertThat(leaked.getAttribute("name")).isEqualTo("requests_without_close");
        assertThat(leaked.getAttribute("classname")).isEqualTo("poolscope.check");
        Element failure = (Element) leaked.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("requests without close is 1, above the limit 0 (health table: critical above 0)");
        assertThat(failure.getTextContent()).contains("DELETE /api/things acquired at 2026-01-02T03:00:00.600000Z")
                .contains("request r1");
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    @Test
    void passingRunWritesAReportWithoutFailures() throws Exception {
        Path log = new LogLines().request("ok", "/api/things", 3).write(dir.resolve("ok.jsonl"));
        Path xml = dir.resolve("ok.xml");

        CheckRun r = CheckRun.run("check", log.toString(), "--junit", xml.toString());

        assertThat(r.exit()).isEqualTo(0);
        Element suite = parse(xml).getDocumentElement();
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(3);
    }

    @Test
    void existingReportIsKeptWithoutForce() throws Exception {
        Path xml = Files.writeString(dir.resolve("mine.xml"), "keep me");

        CheckRun refused = CheckRun.run("check", leakLog().toString(), "--junit", xml.toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("exists; pass --force to replace it");
        assertThat(Files.readString(xml)).isEqualTo("keep me");

        CheckRun forced = CheckRun.run("check", leakLog().toString(), "--junit", xml.toString(), "--force");
        assertThat(forced.exit()).isEqualTo(1);
        assertThat(parse(xml).getDocumentElement().getAttribute("tests")).isEqualTo("3");
    }

    @Test
    void hostileLogTextStaysWellFormedXml() throws Exception {
        // control characters XML 1.0 cannot carry, markup characters and a CDATA terminator in the path
        Path log = new LogLines().start("r<1>&\u0001", "GET", "/a]]></failure><x y=\"").get("r<1>&\u0001", "c1", 1)
                .end("r<1>&\u0001").write(dir.resolve("hostile.jsonl"));
        Path xml = dir.resolve("hostile.xml");

        CheckRun r = CheckRun.run("check", log.toString(), "--junit", xml.toString());

        assertThat(r.exit()).isEqualTo(1);
        Document doc = parse(xml);
        assertThat(doc.getElementsByTagName("x").getLength()).isZero();
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).contains("request r<1>&?");
    }

    static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }
}
