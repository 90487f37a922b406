package dev.poolscope.report.check;

import dev.poolscope.findings.FindingGate;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LeakedRequest;
import dev.poolscope.gate.GateResult;
import dev.poolscope.gate.Verdict;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code check}'s verdict as JUnit XML, the format Jenkins, GitLab and most CI servers render: one
 * testsuite, one testcase per check named by its stable metric id, a failure carrying the figures.
 * The JDK's {@link XMLStreamWriter} does the escaping; characters XML 1.0 forbids are replaced first.
 */
public final class JunitReport {
    static final String CLASSNAME = "poolscope.check";

    private final XMLStreamWriter xml;

    private JunitReport(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** Writes the document to {@code out} as UTF-8; does not close {@code out}. */
    public static void write(Diagnosis d, Verdict v, List<LeakedRequest> top, OutputStream out)
            throws XMLStreamException {
        write(d, v, top, List.of(), out);
    }

    /** The same with one test case per finding, failed when --fail-on names it. */
    public static void write(Diagnosis d, Verdict v, List<LeakedRequest> top, List<FindingGate.Check> findings,
                             OutputStream out) throws XMLStreamException {
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        try {
            new JunitReport(w).document(d, v, top, findings);
        } finally {
            w.close();
        }
    }

    private void document(Diagnosis d, Verdict v, List<LeakedRequest> top, List<FindingGate.Check> findings)
            throws XMLStreamException {
        long findingFailures = findings.stream().filter(FindingGate.Check::failed).count();
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "poolscope check");
        xml.writeAttribute("tests", Integer.toString(v.checks().size() + findings.size()));
        xml.writeAttribute("failures", Long.toString(v.failures().size() + findingFailures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Integer.toString(v.notObservable().size()));
        properties(d);
        for (GateResult r : v.checks()) {
            testcase(r, v.leakFailed() && r.metric().isLeak() ? top : List.of(), d);
        }
        for (FindingGate.Check c : findings) {
            finding(c);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void properties(Diagnosis d) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        for (String file : d.input().files()) {
            property("input", file);
        }
        property("lines", Long.toString(d.input().lines()));
        property("malformed_lines", Long.toString(d.input().malformedLines()));
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private void property(String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", safe(value));
    }

    private void testcase(GateResult r, List<LeakedRequest> top, Diagnosis d) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", CLASSNAME);
        xml.writeAttribute("name", r.metric().id());
        if (r.notObservable()) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("skipped");   // neither passed nor failed: the log cannot give the figure
            xml.writeAttribute("message", GateText.sentence(r, d));
        } else if (!r.passed()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "threshold");
            xml.writeAttribute("message", GateText.sentence(r));
            xml.writeCharacters(safe(failureBody(r, top, d)));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(GateText.sentence(r, d));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static String failureBody(GateResult r, List<LeakedRequest> top, Diagnosis d) {
        StringBuilder b = new StringBuilder(GateText.sentence(r)).append('\n');
        if (!top.isEmpty()) {
            b.append(d.checkouts().leakedCheckouts()).append(" connections never returned, by ")
                    .append(d.checkouts().requestsWithoutClose()).append(" requests\nby endpoint: ")
                    .append(GateText.leakedEndpoints(d, CheckReport.ENDPOINTS)).append("\ntop ").append(top.size())
                    .append(" requests:\n");
            top.forEach(l -> b.append("  ").append(GateText.leakedRequest(l)).append('\n'));
        }
        return b.toString();
    }

    /** A finding as a test case named {@code finding:ID}: failed when --fail-on names it, else passed with its text. */
    private void finding(FindingGate.Check c) throws XMLStreamException {
        String body = FindingChecks.body(c.finding());
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", CLASSNAME + ".findings");
        xml.writeAttribute("name", safe(FindingGate.PREFIX + c.finding().id()));
        if (c.failed()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "finding-" + c.finding().severity().slug());
            xml.writeAttribute("message", safe(c.finding().title()));
            xml.writeCharacters(safe(body));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(safe(body));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** Replaces what XML 1.0 cannot carry at all, even escaped: most control characters and lone surrogates. */
    static String safe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)) {
                out.append(c);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }
}
