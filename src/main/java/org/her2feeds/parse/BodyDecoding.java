package org.her2feeds.parse;

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

import com.rometools.rome.io.XmlReader;

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

    private BodyDecoding() {
    }

    static Reader open(byte[] body, String contentType) throws IOException {
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
                ? WINDOWS_1252 : charset;
    }

    private static boolean startsWithByteOrderMark(byte[] b) {
        boolean utf8 = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        boolean utf16 = b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
        return utf8 || utf16;
    }
}
