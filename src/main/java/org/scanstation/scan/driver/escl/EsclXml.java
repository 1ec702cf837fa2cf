package org.scanstation.scan.driver.escl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Small, safe XML reading for eSCL documents. Elements are matched by local name, because devices
 * differ in prefixes and even namespaces (e.g. {@code pwg:ContentType} vs {@code scan:ContentType}).
 */
final class EsclXml {

    private EsclXml() {
    }

    static Element parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the scanner sent XML that cannot be read: " + e.getMessage(), e);
        }
    }

    /** Direct children of {@code parent} with local name {@code name}. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    /** All descendants of {@code parent} with local name {@code name}, in document order. */
    static List<Element> descendants(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            collect(parent, name, out);
        }
        return out;
    }

    private static void collect(Element e, String name, List<Element> out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if (name.equals(localName(c))) {
                    out.add(c);
                }
                collect(c, name, out);
            }
        }
    }

    static String text(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? null : c.getTextContent().trim();
    }

    static int intOr(Element parent, String name, int fallback) {
        String t = text(parent, name);
        if (t == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String localName(Element e) {
        String ln = e.getLocalName();
        if (ln != null) {
            return ln;
        }
        String n = e.getTagName();
        int colon = n.indexOf(':');
        return colon < 0 ? n : n.substring(colon + 1);
    }
}
