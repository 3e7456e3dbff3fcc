package org.mailsim.report.html;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reports' HTML pages, from Mustache templates beside this class ({@code *.mustache}; {@code page-head} and
 * {@code page-foot} frame every page), so a page reads as markup. Values are escaped by the template engine
 * ({@code {{x}}}); only the shared stylesheet and script go in raw. Pages stay self-contained: inline style and
 * script, nothing from the network.
 */
public final class Html {
    private static final String ROOT = "org/mailsim/report/html";
    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory(ROOT);

    /** The one stylesheet of every page. */
    public static final String STYLE = resource("report.css");
    /** Click a column heading of a {@code table.sortable} to sort by it (numbers by their data-v value). */
    public static final String SORT_SCRIPT = resource("sort-table.js");

    private Html() {
    }

    /**
     * Renders {@code NAME.mustache} with {@code scope} (records and maps; a record's components by name). The
     * frame's {@code style} and {@code sortScript} are there too.
     */
    public static String render(String template, Object scope) {
        Mustache mustache = TEMPLATES.compile(template + ".mustache");
        StringWriter out = new StringWriter(16_384);
        mustache.execute(out, new Object[] {new Frame(STYLE, SORT_SCRIPT), scope});
        return out.toString();
    }

    /** What the page frame needs beside the page's own values. */
    public record Frame(String style, String sortScript) {
    }

    private static String resource(String name) {
        try (InputStream in = Html.class.getClassLoader().getResourceAsStream(ROOT + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
