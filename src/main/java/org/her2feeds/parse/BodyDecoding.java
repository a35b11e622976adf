package org.her2feeds.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the characters of a body as RFC 7303 orders the clues: a byte order mark, then the HTTP charset, then
 * the XML declaration, then UTF-8. Rome's lenient {@link XmlReader} puts the declaration before the HTTP
 * charset, so the HTTP charset is applied here first. Latin-1 and ASCII labels are read as windows-1252, as
 * browsers do: publishers who write them usually mean it, and its curly quotes would otherwise become C1
 * controls.
 */
final class BodyDecoding {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private BodyDecoding() {}

    static Reader open(byte[] body, String contentType) throws IOException {
        Reader utf16 = utf16(body);
        if (utf16 != null) {
            return utf16;
        }
        Charset http = httpCharset(contentType);
        if (http != null && !startsWithByteOrderMark(body)) {
            return new InputStreamReader(new ByteArrayInputStream(body), widened(http));
        }
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        XmlReader reader = contentType == null ? new XmlReader(in, true) : new XmlReader(in, contentType, true);
        Charset chosen = Charset.forName(reader.getEncoding());
        if (!widened(chosen).equals(chosen)) {
            reader.close();
            return new InputStreamReader(new ByteArrayInputStream(body), widened(chosen));
        }
        return reader;
    }

    /** The whole body as text, for the repair path; never fails (an unusable label falls back to UTF-8). */
    static String decode(byte[] body, String contentType) {
        try (Reader reader = open(body, contentType)) {
            StringBuilder text = new StringBuilder(body.length);
            char[] buffer = new char[8192];
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                text.append(buffer, 0, read);
            }
            return text.toString();
        } catch (IOException | IllegalArgumentException undecodable) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A UTF-16 body, recognised by its byte order mark or, without one, by the "<?" of its declaration in two-byte
     * form (XML 1.0, appendix F). Rome's reader names such a body "UTF-16" after consuming a little-endian mark,
     * and then decodes it as big-endian; so UTF-16 is read here, with the order the bytes show.
     */
    private static Reader utf16(byte[] body) {
        if (body.length < 4) {
            return null;
        }
        int b0 = body[0] & 0xFF;
        int b1 = body[1] & 0xFF;
        int b2 = body[2] & 0xFF;
        int b3 = body[3] & 0xFF;
        Charset charset = null;
        int skip = 0;
        if (b0 == 0xFF && b1 == 0xFE && !(b2 == 0 && b3 == 0)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b0 == '<' && b1 == 0 && b2 == '?' && b3 == 0) {
            charset = StandardCharsets.UTF_16LE;
        } else if (b0 == 0 && b1 == '<' && b2 == 0 && b3 == '?') {
            charset = StandardCharsets.UTF_16BE;
        }
        return charset == null
                ? null
                : new InputStreamReader(new ByteArrayInputStream(body, skip, body.length - skip), charset);
    }

    private static Charset httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return null;
        }
    }

    private static Charset widened(Charset charset) {
        return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
                ? WINDOWS_1252
                : charset;
    }

    private static boolean startsWithByteOrderMark(byte[] b) {
        boolean utf8 = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        boolean utf16 = b.length >= 2
                && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                        || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
        return utf8 || utf16;
    }
}
