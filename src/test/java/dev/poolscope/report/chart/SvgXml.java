package dev.poolscope.report.chart;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Test help: an SVG chart parsed as XML (so also checked well-formed), and its elements by name and class. */
final class SvgXml {
    final Element root;

    private SvgXml(Element root) {
        this.root = root;
    }

    static SvgXml parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            return new SvgXml(doc.getDocumentElement());
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** Every {@code <g>} of this class, in document order. */
    List<SvgXml> groups(String cssClass) {
        List<SvgXml> out = new ArrayList<>();
        for (Element e : all(root, "g")) {
            if (e.getAttribute("class").equals(cssClass)) {
                out.add(new SvgXml(e));
            }
        }
        return out;
    }

    /** The one group of this class named so. */
    SvgXml group(String cssClass, String name) {
        List<SvgXml> named = groups(cssClass).stream().filter(g -> g.root.getAttribute("data-name").equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError(named.size() + " groups " + cssClass + "/" + name);
        }
        return named.get(0);
    }

    List<Element> elements(String tag) {
        return all(root, tag);
    }

    List<String> texts() {
        return elements("text").stream().map(Element::getTextContent).toList();
    }

    double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static List<Element> all(Element root, String tag) {
        NodeList nodes = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
