package org.sinterscope.camera.profile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * DOM parsing with every external-entity path closed (XXE): DOCTYPE declarations are refused
 * outright, external general and parameter entities and external DTDs are off, XInclude is off,
 * entity references are not expanded, and no external DTD or schema may be fetched.
 */
final class SecureXml {

    private SecureXml() {
    }

    static Document parse(String source, String entryName, byte[] xml) throws ProfileFormatException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused");
            });
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("DOCTYPE")) {
                throw new ProfileFormatException(source, entryName
                        + ": DOCTYPE declarations are not allowed (external entities / XXE refused)", e);
            }
            throw new ProfileFormatException(source, entryName + " is not well-formed XML (line "
                    + e.getLineNumber() + "): " + msg, e);
        } catch (SAXException e) {
            throw new ProfileFormatException(source, entryName + ": " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new ProfileFormatException(source, entryName + ": cannot parse XML: " + e.getMessage(), e);
        }
    }

    /** The first child element of {@code parent} with the given local name, or null. */
    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(local(e))) {
                return e;
            }
        }
        return null;
    }

    /** All child elements of {@code parent} with the given local name, in document order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && localName.equals(local(e))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Trimmed text of a child element, or null when absent. */
    static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
