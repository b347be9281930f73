package org.sinterscope.camera.profile;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming parse of an X3P {@code main.xml} (StAX): a small tree of every element except the
 * {@code Datum} elements of {@code Record3/DataList}, whose texts go into one compact buffer
 * ({@link Datums}) — a 10⁶-point DataList costs its text plus 4 bytes per point, not a DOM node each.
 *
 * <p>Security (XXE): a DOCTYPE declaration refuses the document; DTD support and external entities
 * are off, so no entity is ever resolved or expanded.
 */
final class X3pXml {

    /** The smallest possible {@code Datum} element, {@code <Datum/>}: bounds the point count by the XML size. */
    static final int MIN_DATUM_BYTES = 8;

    /** An element: local name, trimmed text of its own text nodes, child elements. */
    record Node(String name, String text, List<Node> children) {

        Node child(String localName) {
            for (Node c : children) {
                if (c.name.equals(localName)) {
                    return c;
                }
            }
            return null;
        }

        /** Trimmed text of a child element, or null when absent. */
        String text(String localName) {
            Node c = child(localName);
            return c == null ? null : c.text;
        }
    }

    /** The Datum texts of the DataList, in document order. */
    static final class Datums {
        private final StringBuilder text = new StringBuilder();
        private int[] ends = new int[16];
        private int count;

        /** Room for {@code chars} more characters (at most the document's size), so the buffer is not regrown. */
        void reserve(int chars) {
            text.ensureCapacity(text.length() + chars);
        }

        void append(char[] chars, int start, int length) {
            text.append(chars, start, length);
        }

        /** Closes the Datum whose characters were appended since the previous one. */
        void end() {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            ends[count++] = text.length();
        }

        int start(int i) {
            return i == 0 ? 0 : ends[i - 1];
        }

        int end(int i) {
            return ends[i];
        }

        char charAt(int k) {
            return text.charAt(k);
        }

        String substring(int from, int to) {
            return text.substring(from, to);
        }

        int count() {
            return count;
        }

        /** The i-th Datum's text, untrimmed. */
        String get(int i) {
            return text.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
        }
    }

    /** The parsed document: the root element and the DataList's Datum texts (empty when there is none). */
    record Document(Node root, Datums datums) {
    }

    private X3pXml() {
    }

    /**
     * Refuses anything but strict UTF-8 (the encoding X3P prescribes) before the parser sees it, in
     * 64 KiB steps (no copy of the document).
     */
    private static void checkUtf8(String source, String entryName, byte[] xml) throws ProfileFormatException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(xml);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        while (true) {
            CoderResult cr = d.decode(in, out, true);
            if (cr.isError()) {
                throw new ProfileFormatException(source, entryName + " is not valid UTF-8 at byte " + in.position());
            }
            if (cr.isUnderflow()) {
                cr = d.flush(out.clear());
                if (cr.isError()) {
                    throw new ProfileFormatException(source, entryName + " is not valid UTF-8 at its end");
                }
                return;
            }
            out.clear();
        }
    }

    static Document parse(String source, String entryName, byte[] xml) throws ProfileFormatException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        Datums datums = new Datums();
        XMLStreamReader r = null;
        try {
            checkUtf8(source, entryName, xml);
            r = f.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8");
            List<String> names = new ArrayList<>();
            List<List<Node>> kids = new ArrayList<>();
            List<StringBuilder> texts = new ArrayList<>();
            kids.add(new ArrayList<>());
            boolean inDatum = false;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> throw new ProfileFormatException(source, entryName
                            + ": DOCTYPE declarations are not allowed (external entities / XXE refused)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ProfileFormatException(source, entryName
                            + ": entity reference '" + r.getLocalName() + "' refused (XXE)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (name.equals("Datum") && !names.isEmpty() && names.get(names.size() - 1).equals("DataList")) {
                            inDatum = true;
                            if (datums.count() >= xml.length / MIN_DATUM_BYTES) {
                                throw new ProfileFormatException(source, entryName + ": too many Datum elements");
                            }
                        } else if (inDatum) {
                            throw new ProfileFormatException(source, entryName + " line " + r.getLocation().getLineNumber()
                                    + ": element '" + name + "' inside a Datum");
                        } else {
                            if (name.equals("DataList")) {
                                datums.reserve(Math.max(0, xml.length - Math.max(0, r.getLocation().getCharacterOffset())));
                            }
                            names.add(name);
                            kids.add(new ArrayList<>());
                            texts.add(new StringBuilder());
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (inDatum) {
                            datums.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        } else if (!texts.isEmpty() && texts.get(texts.size() - 1).length() < 1 << 16) {
                            texts.get(texts.size() - 1).append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (inDatum) {
                            datums.end();
                            inDatum = false;
                        } else {
                            int top = names.size() - 1;
                            Node n = new Node(names.remove(top), texts.remove(top).toString().trim(), kids.remove(top + 1));
                            kids.get(top).add(n);
                        }
                    }
                    default -> {
                        // comments, processing instructions, document start/end
                    }
                }
            }
            List<Node> roots = kids.get(0);
            if (roots.size() != 1) {
                throw new ProfileFormatException(source, entryName + " has no root element");
            }
            return new Document(roots.get(0), datums);
        } catch (XMLStreamException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new ProfileFormatException(source, entryName + " is not well-formed XML (line " + line + "): "
                    + msg.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", ""), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a byte array cannot fail meaningfully
                }
            }
        }
    }
}
